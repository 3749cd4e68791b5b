//! [`PyList`]: Python `list` objects.

use std::iter::FusedIterator;

use crate::conversion::IntoPyObject;
use crate::ffi::Py_ssize_t;
use crate::internal::ptr_ext::{error_on_minusone, FfiPtrExt};
use crate::types::sequence::PySequenceMethods;
use crate::types::{PyAny, PySequence, PyTuple};
use crate::{ffi, Bound, BoundObject, IntoPyObjectExt, PyResult, Python};

/// A Python `list` object.
///
/// Use it through `Bound<'py, PyList>` and the [`PyListMethods`] trait.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyList;
///
/// Python::attach(|py| {
///     let list = PyList::new(py, [1, 2, 3]).unwrap();
///     list.append(4).unwrap();
///     assert_eq!(list.extract::<Vec<i32>>().unwrap(), vec![1, 2, 3, 4]);
/// });
/// ```
#[repr(transparent)]
pub struct PyList(PyAny);

crate::pyobject_native_type_core!(PyList, crate::pyobject_native_static_type_object!(ffi::PyList_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyList_Check);
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_native_type_sized!(PyList, ffi::PyListObject);
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_subclassable_native_type!(PyList, ffi::PyListObject);

/// Clamps a `usize` index to the `Py_ssize_t` range (the C API clips larger indices anyway).
#[inline]
pub(crate) fn get_ssize_index(index: usize) -> Py_ssize_t {
    index.min(isize::MAX as usize) as Py_ssize_t
}

/// The `is_empty`, `as_sequence`, `into_sequence`, `contains` and `index` methods of
/// [`PyListMethods`] and `PyTupleMethods`: lists and tuples are sequences, and these only use
/// them as such (and their `len`).
macro_rules! sequence_methods {
    () => {
        #[inline]
        fn is_empty(&self) -> bool {
            self.len() == 0
        }

        #[inline]
        fn as_sequence(&self) -> &Bound<'py, PySequence> {
            // SAFETY: lists and tuples are sequences.
            unsafe { self.cast_unchecked() }
        }

        #[inline]
        fn into_sequence(self) -> Bound<'py, PySequence> {
            // SAFETY: lists and tuples are sequences.
            unsafe { self.cast_into_unchecked() }
        }

        #[inline]
        fn contains<V>(&self, value: V) -> PyResult<bool>
        where
            V: IntoPyObject<'py>,
        {
            self.as_sequence().contains(value)
        }

        #[inline]
        fn index<V>(&self, value: V) -> PyResult<usize>
        where
            V: IntoPyObject<'py>,
        {
            self.as_sequence().index(value)
        }
    };
}
pub(crate) use sequence_methods;

/// Builds a list from an exact-size iterator of fallible elements.
///
/// # Panics
/// If the iterator's reported length is wrong.
#[inline]
pub(crate) fn try_new_from_iter<'py>(
    py: Python<'py>,
    mut elements: impl ExactSizeIterator<Item = PyResult<Bound<'py, PyAny>>>,
) -> PyResult<Bound<'py, PyList>> {
    let len: Py_ssize_t = elements
        .len()
        .try_into()
        .expect("out of range integral type conversion attempted on `elements.len()`");
    // SAFETY: attached; every slot is filled below before the list is handed out (a partially
    // filled list only holds NULLs, which list deallocation tolerates).
    let list = unsafe {
        ffi::PyList_New(len)
            .assume_owned_or_err(py)?
            .cast_into_unchecked::<PyList>()
    };
    // The item array of the new list: nothing else can see the list, so it cannot be resized
    // while we fill it and the pointer is read once.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    // SAFETY: a new list object of length `len`.
    let items = unsafe { (*list.as_ptr().cast::<ffi::PyListObject>()).ob_item };
    // A counted loop asking the iterator for each element: for a `Vec` or a slice, LLVM then
    // tests the index and the iterator's end as one induction variable (with `take`, it kept
    // a second one for the count: one instruction per element more).
    for index in 0..len as usize {
        let Some(element) = elements.next() else {
            iterator_shorter_than_reported()
        };
        let obj = element?;
        // SAFETY: `index < len`: in range of the new list; the slot is empty and takes the
        // reference.
        unsafe {
            #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
            items.add(index).write(obj.into_ptr());
            #[cfg(all(not(Py_LIMITED_API), any(PyPy, GraalPy)))]
            ffi::PyList_SET_ITEM(list.as_ptr(), index as Py_ssize_t, obj.into_ptr());
            #[cfg(Py_LIMITED_API)]
            ffi::PyList_SetItem(list.as_ptr(), index as Py_ssize_t, obj.into_ptr());
        }
    }
    // Checked after the loop, through a cold function (a formatted assertion here would keep
    // the loop's state in memory).
    if elements.next().is_some() {
        iterator_longer_than_reported();
    }
    Ok(list)
}

#[cold]
#[inline(never)]
fn iterator_longer_than_reported() -> ! {
    panic!("Attempted to create PyList but `elements` was larger than reported by its `ExactSizeIterator` implementation.")
}

#[cold]
#[inline(never)]
fn iterator_shorter_than_reported() -> ! {
    panic!("Attempted to create PyList but `elements` was smaller than reported by its `ExactSizeIterator` implementation.")
}

impl PyList {
    /// Creates a list from the elements of an exact-size iterator.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyList;
    ///
    /// Python::attach(|py| {
    ///     let list = PyList::new(py, vec!["a", "b"]).unwrap();
    ///     assert_eq!(list.to_string(), "['a', 'b']");
    /// });
    /// ```
    ///
    /// # Panics
    /// If the iterator yields a different number of elements than its `len()` claims.
    #[track_caller]
    pub fn new<'py, T, U>(
        py: Python<'py>,
        elements: impl IntoIterator<Item = T, IntoIter = U>,
    ) -> PyResult<Bound<'py, PyList>>
    where
        T: IntoPyObject<'py>,
        U: ExactSizeIterator<Item = T>,
    {
        let iter = elements.into_iter().map(|e| e.into_bound_py_any(py));
        try_new_from_iter(py, iter)
    }

    /// A new empty list.
    pub fn empty(py: Python<'_>) -> Bound<'_, PyList> {
        // SAFETY: attached.
        unsafe { ffi::PyList_New(0).assume_owned(py).cast_into_unchecked() }
    }
}

/// Methods of [`PyList`], implemented for `Bound<'py, PyList>`.
pub trait PyListMethods<'py>: sealed::Sealed {
    /// The number of elements.
    fn len(&self) -> usize;

    /// Whether the list is empty.
    fn is_empty(&self) -> bool;

    /// The list viewed as a [`PySequence`].
    fn as_sequence(&self) -> &Bound<'py, PySequence>;

    /// Converts into a [`PySequence`].
    fn into_sequence(self) -> Bound<'py, PySequence>;

    /// The element at `index` (an `IndexError` if out of range).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyList;
    ///
    /// Python::attach(|py| {
    ///     let list = PyList::new(py, [2, 3, 5, 7]).unwrap();
    ///     assert_eq!(list.get_item(0).unwrap().extract::<i32>().unwrap(), 2);
    ///     assert!(list.get_item(4).is_err());
    /// });
    /// ```
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;

    /// The element at `index`, without bounds checks.
    ///
    /// # Safety
    /// `index` must be in range (and the list not mutated concurrently).
    unsafe fn get_item_unchecked(&self, index: usize) -> Bound<'py, PyAny>;

    /// `self[low:high]` as a new list; indices are clipped to the length.
    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyList>;

    /// `self[index] = item` (an `IndexError` if out of range).
    fn set_item<I>(&self, index: usize, item: I) -> PyResult<()>
    where
        I: IntoPyObject<'py>;

    /// `del self[index]`.
    fn del_item(&self, index: usize) -> PyResult<()>;

    /// `self[low:high] = seq`.
    fn set_slice(&self, low: usize, high: usize, seq: &Bound<'_, PyAny>) -> PyResult<()>;

    /// `del self[low:high]`.
    fn del_slice(&self, low: usize, high: usize) -> PyResult<()>;

    /// `self.append(item)`.
    fn append<I>(&self, item: I) -> PyResult<()>
    where
        I: IntoPyObject<'py>;

    /// `self.insert(index, item)` (appends if `index >= len`).
    fn insert<I>(&self, index: usize, item: I) -> PyResult<()>
    where
        I: IntoPyObject<'py>;

    /// `value in self`.
    fn contains<V>(&self, value: V) -> PyResult<bool>
    where
        V: IntoPyObject<'py>;

    /// `self.index(value)` (a `ValueError` if absent).
    fn index<V>(&self, value: V) -> PyResult<usize>
    where
        V: IntoPyObject<'py>;

    /// An iterator over the elements; it tolerates the list being modified meanwhile.
    fn iter(&self) -> BoundListIterator<'py>;

    /// Calls `closure` on each element, stopping at the first error. (On free-threaded builds
    /// PyO3 holds the list's critical section meanwhile; with a GIL this is a plain loop.)
    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>) -> PyResult<()>;

    /// `self.sort()`.
    fn sort(&self) -> PyResult<()>;

    /// `self.reverse()`.
    fn reverse(&self) -> PyResult<()>;

    /// `tuple(self)`.
    fn to_tuple(&self) -> Bound<'py, PyTuple>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyList> {}
}

impl<'py> PyListMethods<'py> for Bound<'py, PyList> {
    sequence_methods!();

    #[inline]
    fn len(&self) -> usize {
        // SAFETY: attached; a list.
        unsafe {
            #[cfg(not(Py_LIMITED_API))]
            let size = ffi::PyList_GET_SIZE(self.as_ptr());
            #[cfg(Py_LIMITED_API)]
            let size = ffi::PyList_Size(self.as_ptr());
            size as usize
        }
    }

    #[inline]
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: attached; returns a new reference or NULL with IndexError set.
        unsafe {
            ffi::compat::PyList_GetItemRef(self.as_ptr(), get_ssize_index(index))
                .assume_owned_or_err(self.py())
        }
    }

    #[inline]
    unsafe fn get_item_unchecked(&self, index: usize) -> Bound<'py, PyAny> {
        // SAFETY: the caller guarantees the index is in range.
        #[cfg(not(Py_LIMITED_API))]
        unsafe {
            ffi::PyList_GET_ITEM(self.as_ptr(), index as Py_ssize_t)
                .assume_borrowed(self.py())
                .to_owned()
        }
        // SAFETY: as above (the limited API has no unchecked access: the index is checked
        // anyway); in range, so a new reference.
        #[cfg(Py_LIMITED_API)]
        unsafe {
            ffi::compat::PyList_GetItemRef(self.as_ptr(), index as Py_ssize_t)
                .assume_owned(self.py())
        }
    }

    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyList> {
        // SAFETY: attached; PyList_GetSlice clips the indices and only fails on memory errors.
        unsafe {
            ffi::PyList_GetSlice(self.as_ptr(), get_ssize_index(low), get_ssize_index(high))
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn set_item<I>(&self, index: usize, item: I) -> PyResult<()>
    where
        I: IntoPyObject<'py>,
    {
        let py = self.py();
        let item = item.into_bound_py_any(py)?;
        // SAFETY: attached; PyList_SetItem steals the reference (also on failure).
        error_on_minusone(py, unsafe {
            ffi::PyList_SetItem(self.as_ptr(), get_ssize_index(index), item.into_ptr())
        })
    }

    #[inline]
    fn del_item(&self, index: usize) -> PyResult<()> {
        self.as_sequence().del_item(index)
    }

    fn set_slice(&self, low: usize, high: usize, seq: &Bound<'_, PyAny>) -> PyResult<()> {
        // SAFETY: attached; valid objects.
        error_on_minusone(self.py(), unsafe {
            ffi::PyList_SetSlice(
                self.as_ptr(),
                get_ssize_index(low),
                get_ssize_index(high),
                seq.as_ptr(),
            )
        })
    }

    #[inline]
    fn del_slice(&self, low: usize, high: usize) -> PyResult<()> {
        self.as_sequence().del_slice(low, high)
    }

    fn append<I>(&self, item: I) -> PyResult<()>
    where
        I: IntoPyObject<'py>,
    {
        let py = self.py();
        let item = item.into_pyobject(py).map_err(Into::into)?;
        // SAFETY: attached; PyList_Append does not steal the reference.
        error_on_minusone(py, unsafe {
            ffi::PyList_Append(self.as_ptr(), item.as_ptr())
        })
    }

    fn insert<I>(&self, index: usize, item: I) -> PyResult<()>
    where
        I: IntoPyObject<'py>,
    {
        let py = self.py();
        let item = item.into_pyobject(py).map_err(Into::into)?;
        // SAFETY: attached; PyList_Insert does not steal the reference.
        error_on_minusone(py, unsafe {
            ffi::PyList_Insert(self.as_ptr(), get_ssize_index(index), item.as_ptr())
        })
    }

    #[inline]
    fn iter(&self) -> BoundListIterator<'py> {
        BoundListIterator::new(self.clone())
    }

    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>) -> PyResult<()>,
    {
        // Free-threaded: other threads cannot resize the list while the loop holds its
        // critical section (the closure may still suspend it by calling into Python, which the
        // iterator's length re-check tolerates).
        #[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
        {
            crate::sync::critical_section::with_critical_section(self.as_any(), || {
                self.iter().try_for_each(closure)
            })
        }
        #[cfg(not(all(Py_GIL_DISABLED, not(Py_LIMITED_API))))]
        {
            self.iter().try_for_each(closure)
        }
    }

    fn sort(&self) -> PyResult<()> {
        // SAFETY: attached; a list.
        error_on_minusone(self.py(), unsafe { ffi::PyList_Sort(self.as_ptr()) })
    }

    fn reverse(&self) -> PyResult<()> {
        // SAFETY: attached; a list.
        error_on_minusone(self.py(), unsafe { ffi::PyList_Reverse(self.as_ptr()) })
    }

    fn to_tuple(&self) -> Bound<'py, PyTuple> {
        // SAFETY: attached; PyList_AsTuple only fails on memory errors.
        unsafe {
            ffi::PyList_AsTuple(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }
}

/// An iterator over the elements of a list ([`PyListMethods::iter`]).
///
/// The list may be modified during iteration: the iterator covers the indices that existed when
/// it was created, and each step re-checks the current length, so it ends early (instead of
/// failing) if the list shrinks; elements appended meanwhile are not visited.
pub struct BoundListIterator<'py> {
    list: Bound<'py, PyList>,
    index: usize,
    length: usize,
}

impl<'py> BoundListIterator<'py> {
    fn new(list: Bound<'py, PyList>) -> Self {
        BoundListIterator {
            index: 0,
            length: list.len(),
            list,
        }
    }

    /// The element at `index`, which was just checked to be below the current length.
    #[inline]
    fn get_in_range(&self, index: usize) -> Option<Bound<'py, PyAny>> {
        #[cfg(not(any(Py_LIMITED_API, Py_GIL_DISABLED)))]
        {
            // SAFETY: in range (checked by the caller, and no Python code ran since), attached.
            Some(unsafe { self.list.get_item_unchecked(index) })
        }
        #[cfg(any(Py_LIMITED_API, Py_GIL_DISABLED))]
        {
            self.list.get_item(index).ok()
        }
    }

    /// The end of the iteration range: the smaller of the recorded end and the current length.
    #[inline]
    fn current_end(&self) -> usize {
        self.length.min(self.list.len())
    }
}

impl<'py> Iterator for BoundListIterator<'py> {
    type Item = Bound<'py, PyAny>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.index < self.current_end() {
            let item = self.get_in_range(self.index)?;
            self.index += 1;
            Some(item)
        } else {
            None
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.len();
        (len, Some(len))
    }
}

impl DoubleEndedIterator for BoundListIterator<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let end = self.current_end();
        if self.index < end {
            let item = self.get_in_range(end - 1)?;
            self.length = end - 1;
            Some(item)
        } else {
            None
        }
    }
}

impl ExactSizeIterator for BoundListIterator<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.current_end().saturating_sub(self.index)
    }
}

impl FusedIterator for BoundListIterator<'_> {}

impl<'py> IntoIterator for Bound<'py, PyList> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundListIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        BoundListIterator::new(self)
    }
}

impl<'py> IntoIterator for &Bound<'py, PyList> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundListIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn new_get_and_slice() {
        Python::attach(|py| {
            let list = PyList::new(py, [1, 2, 3, 4]).unwrap();
            assert_eq!(list.len(), 4);
            assert_eq!(list.get_item(3).unwrap().extract::<i32>().unwrap(), 4);
            let err = list.get_item(4).unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyIndexError>(py));
            assert_eq!(list.get_slice(1, 100).to_string(), "[2, 3, 4]");
            assert_eq!(list.get_slice(3, 1).len(), 0);
            assert_eq!(
                unsafe { list.get_item_unchecked(1) }
                    .extract::<i32>()
                    .unwrap(),
                2
            );
            assert!(PyList::empty(py).is_empty());
        });
    }

    #[test]
    fn iteration_follows_mutation() {
        Python::attach(|py| {
            let list = PyList::new(py, [1, 2]).unwrap();
            let mut seen = Vec::new();
            for item in list.iter() {
                let v: i32 = item.extract().unwrap();
                list.append(v + 2).unwrap();
                seen.push(v);
            }
            assert_eq!(seen, vec![1, 2]);
            assert_eq!(list.len(), 4);

            let list = PyList::new(py, [1, 2, 3, 4]).unwrap();
            let mut it = list.iter();
            assert_eq!(it.len(), 4);
            assert_eq!(it.next().unwrap().extract::<i32>().unwrap(), 1);
            list.del_item(3).unwrap();
            assert_eq!(it.len(), 2);
            assert_eq!(it.next_back().unwrap().extract::<i32>().unwrap(), 3);
            assert_eq!(it.next().unwrap().extract::<i32>().unwrap(), 2);
            assert!(it.next().is_none());
            assert!(it.next_back().is_none());
        });
    }
}
