//! Python sets ([`PySet`]) and their iterator.

use crate::conversion::{BoundObject, IntoPyObject};
use crate::internal::ptr_ext::{error_on_minusone, truth_or_err, FfiPtrExt};
use crate::types::{PyAny, PyIterator};
use crate::{ffi, Bound, PyErr, PyResult, Python};

/// A Python `set` object.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PySet, PySetMethods};
///
/// Python::attach(|py| -> PyResult<()> {
///     let set = PySet::new(py, ["a", "b", "c"])?;
///     set.add("d")?;
///     assert!(set.contains("d")?);
///     assert_eq!(set.len(), 4);
///     Ok(())
/// })
/// # .unwrap();
/// ```
#[repr(transparent)]
pub struct PySet(PyAny);

crate::pyobject_native_type_core!(PySet, crate::pyobject_native_static_type_object!(ffi::PySet_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PySet_Check);
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_native_type_sized!(PySet, ffi::PySetObject);
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_subclassable_native_type!(PySet, ffi::PySetObject);

impl PySet {
    /// Creates a set from the elements of an iterable (errors come from converting or hashing
    /// an element).
    pub fn new<'py, T>(
        py: Python<'py>,
        elements: impl IntoIterator<Item = T>,
    ) -> PyResult<Bound<'py, PySet>>
    where
        T: IntoPyObject<'py>,
    {
        let set = Self::empty(py)?;
        for element in elements {
            set_add(&set, element)?;
        }
        Ok(set)
    }

    /// Creates an empty set.
    pub fn empty(py: Python<'_>) -> PyResult<Bound<'_, PySet>> {
        // SAFETY: attached; returns a new set or NULL.
        unsafe {
            ffi::PySet_New(std::ptr::null_mut())
                .assume_owned_or_err(py)
                .map(|s| s.cast_into_unchecked())
        }
    }
}

/// Adds one converted element to a set or a frozenset under construction.
#[inline]
pub(crate) fn set_add<'py, T: IntoPyObject<'py>>(
    set: &Bound<'py, PyAny>,
    element: T,
) -> PyResult<()> {
    let py = set.py();
    let obj = element.into_pyobject(py).map_err(Into::<PyErr>::into)?;
    // SAFETY: attached; PySet_Add does not steal the reference.
    error_on_minusone(py, unsafe { ffi::PySet_Add(set.as_ptr(), obj.as_ptr()) })
}

/// `x in s` for a set or frozenset.
#[inline]
pub(crate) fn set_contains<'py, K: IntoPyObject<'py>>(
    set: &Bound<'py, PyAny>,
    key: K,
) -> PyResult<bool> {
    let py = set.py();
    let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
    // SAFETY: attached; valid pointers.
    truth_or_err(py, unsafe {
        ffi::PySet_Contains(set.as_ptr(), key.as_ptr())
    })
}

/// Methods of [`PySet`], implemented for `Bound<'py, PySet>`.
pub trait PySetMethods<'py>: sealed::Sealed {
    /// Removes all elements.
    fn clear(&self);
    /// The number of elements, as `len(self)`.
    fn len(&self) -> usize;
    /// Whether the set is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Whether `key` is in the set, as `key in self`.
    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>;
    /// Removes `key` if present; returns whether it was present.
    fn discard<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>;
    /// Adds an element, as `self.add(key)`.
    fn add<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>;
    /// Removes and returns an arbitrary element, or `None` if the set is empty.
    fn pop(&self) -> Option<Bound<'py, PyAny>>;
    /// An iterator over the elements.
    ///
    /// The iterator panics if the set changes size while it is iterated (Python raises
    /// `RuntimeError` "Set changed size during iteration" in that case).
    fn iter(&self) -> BoundSetIterator<'py>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PySet> {}
}

impl<'py> PySetMethods<'py> for Bound<'py, PySet> {
    #[inline]
    fn clear(&self) {
        // SAFETY: attached; a set (cannot fail).
        unsafe {
            ffi::PySet_Clear(self.as_ptr());
        }
    }

    #[inline]
    fn len(&self) -> usize {
        // SAFETY: attached; a set.
        unsafe { ffi::PySet_Size(self.as_ptr()) as usize }
    }

    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>,
    {
        set_contains(self.as_any(), key)
    }

    fn discard<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        // SAFETY: attached; valid pointers.
        truth_or_err(py, unsafe {
            ffi::PySet_Discard(self.as_ptr(), key.as_ptr())
        })
    }

    fn add<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
    {
        set_add(self.as_any(), key)
    }

    fn pop(&self) -> Option<Bound<'py, PyAny>> {
        // SAFETY: attached; returns a new reference, or NULL with KeyError when empty.
        let element = unsafe { ffi::PySet_Pop(self.as_ptr()).assume_owned_or_err(self.py()) };
        element.ok()
    }

    fn iter(&self) -> BoundSetIterator<'py> {
        BoundSetIterator::new(self.clone())
    }
}

/// An iterator over the elements of a [`PySet`].
pub struct BoundSetIterator<'py> {
    it: Bound<'py, PyIterator>,
    /// The number of elements still expected (the size when the iterator was created minus
    /// the elements produced so far).
    remaining: usize,
}

/// Implements the constructor, `Iterator`, `ExactSizeIterator` and `IntoIterator` (for
/// `Bound<$set>` and `&Bound<$set>`) of a set or frozenset iterator `$iter` with fields
/// `it: Bound<PyIterator>` and `remaining: usize`; both iterate alike over their elements.
macro_rules! impl_set_iterator {
    ($iter:ident, $set:ident) => {
        impl<'py> $iter<'py> {
            pub(super) fn new(set: Bound<'py, $set>) -> Self {
                let remaining = set.len();
                $iter {
                    it: PyIterator::from_object(set.as_any())
                        .expect("sets and frozensets are iterable"),
                    remaining,
                }
            }
        }

        impl<'py> Iterator for $iter<'py> {
            type Item = Bound<'py, PyAny>;

            #[inline]
            fn next(&mut self) -> Option<Self::Item> {
                $crate::types::set::next_element(&mut self.it, &mut self.remaining)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                (self.remaining, Some(self.remaining))
            }

            #[inline]
            fn count(self) -> usize {
                self.remaining
            }
        }

        impl ExactSizeIterator for $iter<'_> {
            #[inline]
            fn len(&self) -> usize {
                self.remaining
            }
        }

        impl<'py> IntoIterator for Bound<'py, $set> {
            type Item = Bound<'py, PyAny>;
            type IntoIter = $iter<'py>;

            fn into_iter(self) -> Self::IntoIter {
                $iter::new(self)
            }
        }

        impl<'py> IntoIterator for &Bound<'py, $set> {
            type Item = Bound<'py, PyAny>;
            type IntoIter = $iter<'py>;

            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }
    };
}
pub(crate) use impl_set_iterator;

impl_set_iterator!(BoundSetIterator, PySet);

/// One step of a set/frozenset iterator, panicking (like `Result::expect`, worded as PyO3's:
/// "set iteration should be infallible: PyErr { ... }") with the Python error, e.g. the
/// `RuntimeError` "Set changed size during iteration".
#[inline]
pub(crate) fn next_element<'py>(
    it: &mut Bound<'py, PyIterator>,
    remaining: &mut usize,
) -> Option<Bound<'py, PyAny>> {
    let py = it.py();
    // SAFETY: attached; PyIter_Next returns a new reference, or NULL (maybe with an error).
    match unsafe { ffi::PyIter_Next(it.as_ptr()).assume_owned_or_opt(py) } {
        Some(obj) => {
            *remaining = remaining.saturating_sub(1);
            Some(obj)
        }
        None => match PyErr::take(py) {
            Some(err) => panic!("set iteration should be infallible: {err:?}"),
            None => None,
        },
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::PyTypeError;
    use crate::types::PyAnyMethods;

    #[test]
    fn set_operations() {
        Python::attach(|py| {
            let set = PySet::new(py, ["a", "b", "c"]).unwrap();
            assert_eq!(set.len(), 3);
            assert!(set.contains("b").unwrap());
            assert!(set.discard("b").unwrap());
            assert!(!set.discard("b").unwrap());
            set.add("z").unwrap();
            let mut items: Vec<String> = set.iter().map(|e| e.extract().unwrap()).collect();
            items.sort();
            assert_eq!(items, ["a", "c", "z"]);
            assert_eq!(set.iter().len(), 3);
            assert!(set.pop().is_some());
            set.clear();
            assert!(set.is_empty());
            assert!(set.pop().is_none());
            let err = set.add(PySet::empty(py).unwrap()).unwrap_err();
            // 3.14 names the container in the message.
            let expected = if py.version_info() >= (3, 14) {
                "cannot use 'set' as a set element (unhashable type: 'set')"
            } else {
                "unhashable type: 'set'"
            };
            crate::test_common::assert_err::<PyTypeError>(py, &err, expected);
        });
    }

    #[test]
    #[should_panic(expected = "Set changed size during iteration")]
    fn mutation_during_iteration_panics() {
        Python::attach(|py| {
            let set = PySet::new(py, ["a", "b", "c"]).unwrap();
            for item in &set {
                let s: String = item.extract().unwrap();
                set.add(s + "!").unwrap();
            }
        });
    }
}
