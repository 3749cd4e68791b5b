//! Python frozen sets ([`PyFrozenSet`]), their builder and iterator.

use crate::conversion::IntoPyObject;
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::set::{set_add, set_contains};
use crate::types::{PyAny, PyIterator};
use crate::{ffi, Bound, PyResult, Python};

/// A Python `frozenset` object.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyFrozenSet, PyFrozenSetMethods};
///
/// Python::attach(|py| -> PyResult<()> {
///     let set = PyFrozenSet::new(py, ["a", "b", "a"])?;
///     assert_eq!(set.len(), 2);
///     assert!(set.contains("b")?);
///     Ok(())
/// })
/// # .unwrap();
/// ```
#[repr(transparent)]
pub struct PyFrozenSet(PyAny);

crate::pyobject_native_type_core!(PyFrozenSet, crate::pyobject_native_static_type_object!(ffi::PyFrozenSet_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyFrozenSet_Check);
#[cfg(not(Py_LIMITED_API))]
crate::pyobject_native_type_sized!(PyFrozenSet, ffi::PySetObject);
#[cfg(not(Py_LIMITED_API))]
crate::pyobject_subclassable_native_type!(PyFrozenSet, ffi::PySetObject);

/// Builds a Python `frozenset` one element at a time.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyFrozenSetBuilder, PyFrozenSetMethods};
///
/// Python::attach(|py| -> PyResult<()> {
///     let mut builder = PyFrozenSetBuilder::new(py)?;
///     for word in ["to", "be", "or", "not", "to", "be"] {
///         builder.add(word)?;
///     }
///     let set = builder.finalize();
///     assert_eq!(set.len(), 4);
///     assert!(set.contains("not")?);
///     Ok(())
/// })
/// # .unwrap();
/// ```
pub struct PyFrozenSetBuilder<'py> {
    py_frozen_set: Bound<'py, PyFrozenSet>,
}

impl<'py> PyFrozenSetBuilder<'py> {
    /// Starts a new, empty frozenset.
    pub fn new(py: Python<'py>) -> PyResult<PyFrozenSetBuilder<'py>> {
        Ok(PyFrozenSetBuilder {
            py_frozen_set: PyFrozenSet::empty(py)?,
        })
    }

    /// Adds an element.
    pub fn add<K>(&mut self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
    {
        // `PySet_Add` accepts frozensets that nobody else has seen yet: this one is private
        // to the builder until `finalize`.
        set_add(self.py_frozen_set.as_any(), key)
    }

    /// Finishes building and returns the frozenset.
    pub fn finalize(self) -> Bound<'py, PyFrozenSet> {
        self.py_frozen_set
    }
}

impl PyFrozenSet {
    /// Creates a frozenset from the elements of an iterable.
    pub fn new<'py, T>(
        py: Python<'py>,
        elements: impl IntoIterator<Item = T>,
    ) -> PyResult<Bound<'py, PyFrozenSet>>
    where
        T: IntoPyObject<'py>,
    {
        let mut builder = PyFrozenSetBuilder::new(py)?;
        for element in elements {
            builder.add(element)?;
        }
        Ok(builder.finalize())
    }

    /// Creates an empty frozenset.
    pub fn empty(py: Python<'_>) -> PyResult<Bound<'_, PyFrozenSet>> {
        // SAFETY: attached; returns a new frozenset or NULL.
        unsafe {
            ffi::PyFrozenSet_New(std::ptr::null_mut())
                .assume_owned_or_err(py)
                .map(|s| s.cast_into_unchecked())
        }
    }
}

/// Methods of [`PyFrozenSet`], implemented for `Bound<'py, PyFrozenSet>`.
pub trait PyFrozenSetMethods<'py>: sealed::Sealed {
    /// The number of elements, as `len(self)`.
    fn len(&self) -> usize;
    /// Whether the frozenset is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Whether `key` is in the frozenset, as `key in self`.
    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>;
    /// An iterator over the elements.
    fn iter(&self) -> BoundFrozenSetIterator<'py>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyFrozenSet> {}
}

impl<'py> PyFrozenSetMethods<'py> for Bound<'py, PyFrozenSet> {
    #[inline]
    fn len(&self) -> usize {
        // SAFETY: attached; a frozenset.
        unsafe { ffi::PySet_Size(self.as_ptr()) as usize }
    }

    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>,
    {
        set_contains(self.as_any(), key)
    }

    fn iter(&self) -> BoundFrozenSetIterator<'py> {
        BoundFrozenSetIterator::new(self.clone())
    }
}

/// An iterator over the elements of a [`PyFrozenSet`].
pub struct BoundFrozenSetIterator<'py> {
    it: Bound<'py, PyIterator>,
    remaining: usize,
}

crate::types::set::impl_set_iterator!(BoundFrozenSetIterator, PyFrozenSet);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::{PyAnyMethods, PySet};

    #[test]
    fn frozenset_basics() {
        Python::attach(|py| {
            let fs = PyFrozenSet::new(py, ["c", "a", "b"]).unwrap();
            assert_eq!(fs.len(), 3);
            assert!(fs.contains("a").unwrap());
            assert!(!fs.contains("q").unwrap());
            let mut v: Vec<String> = fs.iter().map(|x| x.extract().unwrap()).collect();
            v.sort();
            assert_eq!(v, ["a", "b", "c"]);
            assert_eq!((&fs).into_iter().len(), 3);
            assert!(PyFrozenSet::empty(py).unwrap().is_empty());
            assert!(!fs.is_instance_of::<PySet>());
            let again = PyFrozenSet::new(py, ["a", "b", "c"]).unwrap();
            assert_eq!(again.hash().unwrap(), fs.hash().unwrap());
        });
    }
}
