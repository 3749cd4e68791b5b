//! [`PyTuple`]: Python `tuple` objects, and conversions of Rust tuples.

use std::iter::FusedIterator;
use std::ops::Range;

use crate::conversion::{BoundObject, FromPyObject, IntoPyObject};
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
use crate::exceptions::PyIndexError;
use crate::exceptions::PyValueError;
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::list::{get_ssize_index, sequence_methods};
use crate::types::sequence::PySequenceMethods;
use crate::types::{PyAny, PyList, PySequence};
use crate::{ffi, Borrowed, Bound, PyErr, PyResult, Python};

/// A Python `tuple` object.
#[repr(transparent)]
pub struct PyTuple(PyAny);

crate::pyobject_native_type_core!(PyTuple, crate::pyobject_native_static_type_object!(ffi::PyTuple_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyTuple_Check);

/// The panic of [`PyTuple::new`] for an iterator whose `len()` was wrong (out of line: a
/// formatted panic in the loop would keep its state in memory).
#[cold]
#[inline(never)]
fn incorrect_length() -> ! {
    panic!("ExactSizeIterator reported an incorrect length")
}

impl PyTuple {
    /// Creates a tuple from the elements of an exact-size iterator.
    ///
    /// # Panics
    /// If the iterator yields a different number of elements than its `len()` claims.
    pub fn new<'py, T, U>(
        py: Python<'py>,
        elements: impl IntoIterator<Item = T, IntoIter = U>,
    ) -> PyResult<Bound<'py, PyTuple>>
    where
        T: IntoPyObject<'py>,
        U: ExactSizeIterator<Item = T>,
    {
        let mut iter = elements.into_iter();
        let len = iter.len();
        // SAFETY: attached; the tuple is filled below before any other use.
        let tuple = unsafe {
            ffi::PyTuple_New(len as ffi::Py_ssize_t)
                .assume_owned(py)
                .cast_into_unchecked::<PyTuple>()
        };
        // A counted loop asking the iterator for each element (see `list::try_new_from_iter`).
        for i in 0..len {
            let Some(element) = iter.next() else {
                incorrect_length()
            };
            let obj = element
                .into_pyobject(py)
                .map_err(Into::into)?
                .into_any()
                .into_bound();
            // SAFETY: index in range of the new tuple; the empty slot takes the reference.
            unsafe {
                #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
                ffi::PyTuple_SET_ITEM(tuple.as_ptr(), i as ffi::Py_ssize_t, obj.into_ptr());
                #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
                ffi::PyTuple_SetItem(tuple.as_ptr(), i as ffi::Py_ssize_t, obj.into_ptr());
            }
        }
        if iter.next().is_some() {
            incorrect_length();
        }
        Ok(tuple)
    }

    /// The empty tuple.
    pub fn empty(py: Python<'_>) -> Bound<'_, PyTuple> {
        // SAFETY: attached.
        unsafe { ffi::PyTuple_New(0).assume_owned(py).cast_into_unchecked() }
    }
}

/// Methods of [`PyTuple`], implemented for `Bound<'py, PyTuple>`.
pub trait PyTupleMethods<'py>: sealed::Sealed {
    /// The number of elements.
    fn len(&self) -> usize;
    /// Whether the tuple is empty.
    fn is_empty(&self) -> bool;
    /// The tuple viewed as a [`PySequence`].
    fn as_sequence(&self) -> &Bound<'py, PySequence>;
    /// Converts into a [`PySequence`].
    fn into_sequence(self) -> Bound<'py, PySequence>;
    /// `self[low:high]` as a new tuple; indices are clipped to the length.
    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyTuple>;
    /// The element at `index` (an `IndexError` if out of range).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyTuple;
    ///
    /// Python::attach(|py| {
    ///     let t = PyTuple::new(py, [1, 2, 3]).unwrap();
    ///     assert_eq!(t.get_item(1).unwrap().extract::<i32>().unwrap(), 2);
    ///     assert!(t.get_item(3).is_err());
    /// });
    /// ```
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// The element at `index`, borrowed from the tuple (no reference count change).
    fn get_borrowed_item<'a>(&'a self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>>;
    /// The element at `index`, without bounds checks.
    ///
    /// # Safety
    /// `index` must be in range.
    unsafe fn get_item_unchecked(&self, index: usize) -> Bound<'py, PyAny>;
    /// The element at `index`, borrowed, without bounds checks.
    ///
    /// # Safety
    /// `index` must be in range.
    unsafe fn get_borrowed_item_unchecked<'a>(&'a self, index: usize) -> Borrowed<'a, 'py, PyAny>;
    /// The elements as a slice of `Bound` (a view of the tuple's storage).
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn as_slice(&self) -> &[Bound<'py, PyAny>];
    /// `value in self`.
    fn contains<V>(&self, value: V) -> PyResult<bool>
    where
        V: IntoPyObject<'py>;
    /// `self.index(value)` (a `ValueError` if absent).
    fn index<V>(&self, value: V) -> PyResult<usize>
    where
        V: IntoPyObject<'py>;
    /// An iterator over the elements.
    fn iter(&self) -> BoundTupleIterator<'py>;
    /// An iterator over borrowed elements (no reference count changes).
    fn iter_borrowed<'a>(&'a self) -> BorrowedTupleIterator<'a, 'py>;
    /// `list(self)`.
    fn to_list(&self) -> Bound<'py, PyList>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyTuple> {}
}

impl<'py> PyTupleMethods<'py> for Bound<'py, PyTuple> {
    sequence_methods!();

    #[inline]
    fn len(&self) -> usize {
        // SAFETY: attached; a tuple.
        unsafe {
            #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
            let size = ffi::PyTuple_GET_SIZE(self.as_ptr());
            #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
            let size = ffi::PyTuple_Size(self.as_ptr());
            size as usize
        }
    }

    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyTuple> {
        // SAFETY: attached; PyTuple_GetSlice clips the indices.
        unsafe {
            ffi::PyTuple_GetSlice(self.as_ptr(), get_ssize_index(low), get_ssize_index(high))
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    #[inline]
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        self.get_borrowed_item(index).map(Borrowed::to_owned)
    }

    #[inline]
    fn get_borrowed_item<'a>(&'a self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>> {
        self.as_borrowed().get_borrowed_item(index)
    }

    #[inline]
    unsafe fn get_item_unchecked(&self, index: usize) -> Bound<'py, PyAny> {
        // SAFETY: the caller guarantees the index is in range.
        unsafe { self.get_borrowed_item_unchecked(index).to_owned() }
    }

    #[inline]
    unsafe fn get_borrowed_item_unchecked<'a>(&'a self, index: usize) -> Borrowed<'a, 'py, PyAny> {
        // SAFETY: the caller guarantees the index is in range.
        unsafe { self.as_borrowed().get_borrowed_item_unchecked(index) }
    }

    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn as_slice(&self) -> &[Bound<'py, PyAny>] {
        // (A NULL slot would be an invalid `Bound`: panic instead.)
        self.as_borrowed().assert_items_set();
        // SAFETY: `Bound<PyAny>` is a transparent non-null object pointer, the tuple's item
        // array holds `len` valid pointers (just checked), and the tuple (borrowed for the
        // slice's lifetime) keeps them alive and unchanged.
        unsafe {
            let items = (&raw const (*self.as_ptr().cast::<ffi::PyTupleObject>()).ob_item)
                .cast::<Bound<'py, PyAny>>();
            std::slice::from_raw_parts(items, self.len())
        }
    }

    fn iter(&self) -> BoundTupleIterator<'py> {
        BoundTupleIterator::new(self.clone())
    }

    fn iter_borrowed<'a>(&'a self) -> BorrowedTupleIterator<'a, 'py> {
        BorrowedTupleIterator::new(self.as_borrowed())
    }

    fn to_list(&self) -> Bound<'py, PyList> {
        self.as_sequence()
            .to_list()
            .expect("failed to convert tuple to list")
    }
}

impl<'a, 'py> Borrowed<'a, 'py, PyTuple> {
    /// The element at `index`, borrowed for `'a` (an `IndexError` if out of range).
    #[inline]
    fn get_borrowed_item(self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>> {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        {
            if index < self.len() {
                // SAFETY: in range.
                return Ok(unsafe { self.get_borrowed_item_unchecked(index) });
            }
            Err(PyIndexError::new_err("tuple index out of range"))
        }
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        // SAFETY: attached; returns a borrowed reference or NULL with IndexError set.
        unsafe {
            ffi::PyTuple_GetItem(self.as_ptr(), get_ssize_index(index))
                .assume_borrowed_or_err(self.py())
        }
    }

    /// The element at `index`, borrowed for `'a`, without bounds checks (where the API has no
    /// direct access to the items, `PyTuple_GetItem` checks them anyway).
    #[inline]
    unsafe fn get_borrowed_item_unchecked(self, index: usize) -> Borrowed<'a, 'py, PyAny> {
        // SAFETY: the caller guarantees the index is in range; the tuple owns the item.
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        unsafe {
            ffi::PyTuple_GET_ITEM(self.as_ptr(), index as ffi::Py_ssize_t)
                .assume_borrowed(self.py())
        }
        // SAFETY: as above; in range, so never NULL.
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        unsafe {
            ffi::PyTuple_GetItem(self.as_ptr(), index as ffi::Py_ssize_t).assume_borrowed(self.py())
        }
    }

    /// Checks that every item slot holds an object (a tuple still being built by C code,
    /// reached through e.g. `gc.get_objects()`, has NULL slots), for views that hand out
    /// all the items at once. (Per-item access tests each pointer instead.)
    ///
    /// # Panics
    /// If a slot is NULL.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    #[inline]
    fn assert_items_set(self) {
        // SAFETY: the tuple's item array holds `len` pointers (possibly NULL).
        let items = unsafe {
            std::slice::from_raw_parts(
                (&raw const (*self.as_ptr().cast::<ffi::PyTupleObject>()).ob_item)
                    .cast::<*mut ffi::PyObject>(),
                self.len(),
            )
        };
        if items.iter().any(|p| p.is_null()) {
            tuple_item_unset();
        }
    }

    #[inline]
    fn get_item_fast(self, index: usize) -> Borrowed<'a, 'py, PyAny> {
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        {
            self.get_borrowed_item(index)
                .expect("tuple.get_item failed")
        }
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        // SAFETY: callers only pass in-range indices.
        unsafe {
            self.get_borrowed_item_unchecked(index)
        }
    }
}

// Both tuple iterators walk a range of indices from either end: tuples are immutable, so the
// length read at creation stays right and `Range` does all the bookkeeping.

/// An iterator over the elements of a tuple ([`PyTupleMethods::iter`]).
pub struct BoundTupleIterator<'py> {
    tuple: Bound<'py, PyTuple>,
    indices: Range<usize>,
}

impl<'py> BoundTupleIterator<'py> {
    fn new(tuple: Bound<'py, PyTuple>) -> Self {
        let indices = 0..tuple.len();
        BoundTupleIterator { tuple, indices }
    }
}

impl<'py> Iterator for BoundTupleIterator<'py> {
    type Item = Bound<'py, PyAny>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let index = self.indices.next()?;
        Some(self.tuple.as_borrowed().get_item_fast(index).to_owned())
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl DoubleEndedIterator for BoundTupleIterator<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let index = self.indices.next_back()?;
        Some(self.tuple.as_borrowed().get_item_fast(index).to_owned())
    }
}

impl ExactSizeIterator for BoundTupleIterator<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.indices.len()
    }
}

impl FusedIterator for BoundTupleIterator<'_> {}

impl<'py> IntoIterator for Bound<'py, PyTuple> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundTupleIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        BoundTupleIterator::new(self)
    }
}

impl<'py> IntoIterator for &Bound<'py, PyTuple> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundTupleIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// An iterator over borrowed elements of a tuple ([`PyTupleMethods::iter_borrowed`]).
pub struct BorrowedTupleIterator<'a, 'py> {
    tuple: Borrowed<'a, 'py, PyTuple>,
    indices: Range<usize>,
}

impl<'a, 'py> BorrowedTupleIterator<'a, 'py> {
    fn new(tuple: Borrowed<'a, 'py, PyTuple>) -> Self {
        let indices = 0..tuple.len();
        BorrowedTupleIterator { tuple, indices }
    }
}

impl<'a, 'py> Iterator for BorrowedTupleIterator<'a, 'py> {
    type Item = Borrowed<'a, 'py, PyAny>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let index = self.indices.next()?;
        Some(self.tuple.get_item_fast(index))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl DoubleEndedIterator for BorrowedTupleIterator<'_, '_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let index = self.indices.next_back()?;
        Some(self.tuple.get_item_fast(index))
    }
}

impl ExactSizeIterator for BorrowedTupleIterator<'_, '_> {
    #[inline]
    fn len(&self) -> usize {
        self.indices.len()
    }
}

impl FusedIterator for BorrowedTupleIterator<'_, '_> {}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[cold]
#[inline(never)]
#[track_caller]
fn tuple_item_unset() -> ! {
    panic!("a tuple item is NULL: the tuple is still being built")
}

/// The `ValueError` for extracting a tuple of the wrong length.
pub(crate) fn wrong_tuple_length(t: &Bound<'_, PyTuple>, expected_length: usize) -> PyErr {
    PyValueError::new_err(format!(
        "expected tuple of length {}, but got tuple of length {}",
        expected_length,
        t.len()
    ))
}

macro_rules! tuple_conversion {
    ($len:expr; $($T:ident $idx:tt),+) => {
        impl<'py, $($T,)+> IntoPyObject<'py> for ($($T,)+)
        where
            $($T: IntoPyObject<'py>,)+
        {
            #[cfg(feature = "experimental-inspect")]
            const OUTPUT_TYPE: $crate::inspect::PyStaticExpr = $crate::type_hint_subscript!($crate::inspect::hints::TUPLE, $($T::OUTPUT_TYPE),+);
            type Target = PyTuple;
            type Output = Bound<'py, PyTuple>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                let items = [$(self.$idx.into_pyobject(py).map_err(Into::into)?.into_any().into_bound(),)+];
                PyTuple::new(py, items)
            }
        }

        impl<'a, 'py, $($T,)+> IntoPyObject<'py> for &'a ($($T,)+)
        where
            $(&'a $T: IntoPyObject<'py>,)+
        {
            type Target = PyTuple;
            type Output = Bound<'py, PyTuple>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                let items = [$((&self.$idx).into_pyobject(py).map_err(Into::into)?.into_any().into_bound(),)+];
                PyTuple::new(py, items)
            }
        }

        impl<'a, 'py, $($T,)+> FromPyObject<'a, 'py> for ($($T,)+)
        where
            $($T: for<'b> FromPyObject<'b, 'py>,)+
        {
            #[cfg(feature = "experimental-inspect")]
            const INPUT_TYPE: $crate::inspect::PyStaticExpr = $crate::type_hint_subscript!($crate::inspect::hints::TUPLE, $($T::INPUT_TYPE),+);
            type Error = PyErr;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
                let t = obj.cast::<PyTuple>()?;
                if t.len() != $len {
                    return Err(wrong_tuple_length(&t, $len));
                }
                Ok(($(<$T as FromPyObject<'_, 'py>>::extract(t.get_item_fast($idx)).map_err(Into::into)?,)+))
            }
        }
    };
}

/// Invokes `$m!(len; T0 0, T1 1, ...)` for every tuple arity from 1 to 12: the Rust tuples that
/// convert to and from Python tuples here, and that `call.rs` accepts as call arguments.
macro_rules! for_each_tuple_arity {
    ($m:ident) => {
        $m!(1; T0 0);
        $m!(2; T0 0, T1 1);
        $m!(3; T0 0, T1 1, T2 2);
        $m!(4; T0 0, T1 1, T2 2, T3 3);
        $m!(5; T0 0, T1 1, T2 2, T3 3, T4 4);
        $m!(6; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5);
        $m!(7; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6);
        $m!(8; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7);
        $m!(9; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7, T8 8);
        $m!(10; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7, T8 8, T9 9);
        $m!(11; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7, T8 8, T9 9, T10 10);
        $m!(12; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7, T8 8, T9 9, T10 10, T11 11);
    };
}
pub(crate) use for_each_tuple_arity;

for_each_tuple_arity!(tuple_conversion);
