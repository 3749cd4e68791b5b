//! [`PyTuple`]: Python `tuple` objects, and conversions of Rust tuples.

use crate::conversion::{BoundObject, FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Borrowed, Bound, PyErr, PyResult, Python};

/// A Python `tuple` object.
#[repr(transparent)]
pub struct PyTuple(PyAny);

crate::pyobject_native_type!(
    PyTuple,
    "builtins",
    "tuple",
    |_py| unsafe { &raw mut ffi::PyTuple_Type },
    #checkfunction = ffi::PyTuple_Check
);

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
        let mut count = 0;
        for (i, element) in (&mut iter).take(len).enumerate() {
            let obj = element
                .into_pyobject(py)
                .map_err(Into::into)?
                .into_any()
                .into_bound();
            // SAFETY: index in range; PyTuple_SetItem steals the reference.
            unsafe { ffi::PyTuple_SetItem(tuple.as_ptr(), i as ffi::Py_ssize_t, obj.into_ptr()) };
            count += 1;
        }
        assert!(
            iter.next().is_none() && count == len,
            "ExactSizeIterator reported an incorrect length"
        );
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
    /// The element at `index` (an `IndexError` if out of range).
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// The element at `index`, borrowed from the tuple.
    fn get_borrowed_item<'a>(&'a self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>>;
    /// An iterator over the elements.
    fn iter(&self) -> BoundTupleIterator<'py>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyTuple> {}
}

impl<'py> PyTupleMethods<'py> for Bound<'py, PyTuple> {
    #[inline]
    fn len(&self) -> usize {
        // SAFETY: attached; a tuple.
        unsafe { ffi::PyTuple_Size(self.as_ptr()) as usize }
    }

    #[inline]
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        self.get_borrowed_item(index).map(Borrowed::to_owned)
    }

    fn get_borrowed_item<'a>(&'a self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>> {
        // SAFETY: attached; returns a borrowed reference or NULL with IndexError set.
        unsafe {
            ffi::PyTuple_GetItem(self.as_ptr(), index as ffi::Py_ssize_t)
                .assume_borrowed_or_err(self.py())
        }
    }

    fn iter(&self) -> BoundTupleIterator<'py> {
        BoundTupleIterator::new(self.clone())
    }
}

/// An iterator over the elements of a tuple.
pub struct BoundTupleIterator<'py> {
    tuple: Bound<'py, PyTuple>,
    index: usize,
    length: usize,
}

impl<'py> BoundTupleIterator<'py> {
    fn new(tuple: Bound<'py, PyTuple>) -> Self {
        let length = tuple.len();
        BoundTupleIterator {
            tuple,
            index: 0,
            length,
        }
    }
}

impl<'py> Iterator for BoundTupleIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.index < self.length {
            let item = self
                .tuple
                .get_item(self.index)
                .expect("tuple.get_item failed");
            self.index += 1;
            Some(item)
        } else {
            None
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.length - self.index;
        (len, Some(len))
    }
}

impl DoubleEndedIterator for BoundTupleIterator<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.index < self.length {
            self.length -= 1;
            Some(
                self.tuple
                    .get_item(self.length)
                    .expect("tuple.get_item failed"),
            )
        } else {
            None
        }
    }
}

impl ExactSizeIterator for BoundTupleIterator<'_> {}

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
            type Error = PyErr;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
                let t = obj.cast::<PyTuple>()?;
                if t.len() != $len {
                    return Err(wrong_tuple_length(&t, $len));
                }
                Ok(($(<$T as FromPyObject<'_, 'py>>::extract(t.get_borrowed_item($idx)?).map_err(Into::into)?,)+))
            }
        }
    };
}

tuple_conversion!(1; T0 0);
tuple_conversion!(2; T0 0, T1 1);
tuple_conversion!(3; T0 0, T1 1, T2 2);
tuple_conversion!(4; T0 0, T1 1, T2 2, T3 3);
tuple_conversion!(5; T0 0, T1 1, T2 2, T3 3, T4 4);
tuple_conversion!(6; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5);
tuple_conversion!(7; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6);
tuple_conversion!(8; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7);
tuple_conversion!(9; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7, T8 8);
tuple_conversion!(10; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7, T8 8, T9 9);
tuple_conversion!(11; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7, T8 8, T9 9, T10 10);
tuple_conversion!(12; T0 0, T1 1, T2 2, T3 3, T4 4, T5 5, T6 6, T7 7, T8 8, T9 9, T10 10, T11 11);
