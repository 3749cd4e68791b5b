//! Python mappings ([`PyMapping`]): any object that `collections.abc.Mapping` accepts.

use crate::conversion::{BoundObject, IntoPyObject};
use crate::internal::ptr_ext::{truth_or_err, FfiPtrExt};
use crate::sync::PyOnceLock;
use crate::types::PyTypeMethods;
use crate::types::{PyAny, PyAnyMethods, PyList, PyType};
use crate::{ffi, Bound, Py, PyErr, PyResult, PyTypeInfo, Python};

/// A reference to a Python object that implements the mapping protocol: a `dict`, or an
/// instance of a class registered as (or derived from) `collections.abc.Mapping`.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyDict, PyMapping, PyMappingMethods};
///
/// Python::attach(|py| {
///     let dict = PyDict::new(py);
///     dict.set_item("k", "v").unwrap();
///     let mapping = dict.into_any().cast_into::<PyMapping>().unwrap();
///     assert_eq!(mapping.len().unwrap(), 1);
/// });
/// ```
#[repr(transparent)]
pub struct PyMapping(PyAny);

impl crate::types::DerefToPyAny for PyMapping {}

/// `collections.abc.Mapping`, imported once.
fn get_mapping_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static MAPPING_ABC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    MAPPING_ABC.import(py, crate::internal::COLLECTIONS_ABC, "Mapping")
}

impl PyMapping {
    /// Registers the Python type of `T` as a virtual subclass of `collections.abc.Mapping`, so
    /// that its instances can be cast to `PyMapping`.
    pub fn register<T: PyTypeInfo>(py: Python<'_>) -> PyResult<()> {
        let ty = T::type_object(py);
        get_mapping_abc(py)?.call_method1("register", (ty,))?;
        Ok(())
    }
}

// SAFETY: the type object is `collections.abc.Mapping`; only dicts and instances of it are
// accepted, and no layout beyond `PyAny` is assumed.
unsafe impl crate::PyTypeInfo for PyMapping {
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        get_mapping_abc(py)
            .expect("failed to import collections.abc.Mapping")
            .as_type_ptr()
    }

    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached. Fast path for dicts before the (slow) isinstance check.
        if unsafe { ffi::PyDict_Check(object.as_ptr()) } != 0 {
            return true;
        }
        let py = object.py();
        get_mapping_abc(py)
            .and_then(|abc| object.is_instance(abc.as_any()))
            .unwrap_or_else(|err| {
                err.write_unraisable(py, Some(object));
                false
            })
    }
}

/// Methods of [`PyMapping`], implemented for `Bound<'py, PyMapping>`.
pub trait PyMappingMethods<'py>: sealed::Sealed {
    /// The number of items, as `len(self)`.
    fn len(&self) -> PyResult<usize>;
    /// Whether the mapping is empty.
    fn is_empty(&self) -> PyResult<bool>;
    /// Whether the mapping has the key, as `key in self`.
    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>;
    /// `self[key]` (usually a `KeyError` if it is missing).
    fn get_item<K>(&self, key: K) -> PyResult<Bound<'py, PyAny>>
    where
        K: IntoPyObject<'py>;
    /// Sets `self[key] = value`.
    fn set_item<K, V>(&self, key: K, value: V) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>;
    /// Deletes `self[key]`.
    fn del_item<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>;
    /// A list of the keys, as `list(self.keys())`.
    fn keys(&self) -> PyResult<Bound<'py, PyList>>;
    /// A list of the values, as `list(self.values())`.
    fn values(&self) -> PyResult<Bound<'py, PyList>>;
    /// A list of the `(key, value)` tuples, as `list(self.items())`.
    fn items(&self) -> PyResult<Bound<'py, PyList>>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyMapping> {}
}

/// Casts the result of `PyMapping_Keys` and friends (always a list since Python 3.7).
#[inline]
unsafe fn owned_list<'py>(
    py: Python<'py>,
    ptr: *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyList>> {
    unsafe { ptr.assume_owned_or_err(py).map(|l| l.cast_into_unchecked()) }
}

impl<'py> PyMappingMethods<'py> for Bound<'py, PyMapping> {
    #[inline]
    fn len(&self) -> PyResult<usize> {
        // SAFETY: attached.
        let v = unsafe { ffi::PyMapping_Size(self.as_ptr()) };
        if v == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(v as usize)
        }
    }

    #[inline]
    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|l| l == 0)
    }

    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        // SAFETY: attached; `in` uses the sequence-contains slot, which dicts and mappings
        // implement through `__contains__`.
        truth_or_err(py, unsafe {
            ffi::PySequence_Contains(self.as_ptr(), key.as_ptr())
        })
    }

    #[inline]
    fn get_item<K>(&self, key: K) -> PyResult<Bound<'py, PyAny>>
    where
        K: IntoPyObject<'py>,
    {
        self.as_any().get_item(key)
    }

    #[inline]
    fn set_item<K, V>(&self, key: K, value: V) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>,
    {
        self.as_any().set_item(key, value)
    }

    #[inline]
    fn del_item<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
    {
        self.as_any().del_item(key)
    }

    fn keys(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: attached; returns a new list or NULL.
        unsafe { owned_list(self.py(), ffi::PyMapping_Keys(self.as_ptr())) }
    }

    fn values(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: as in `keys`.
        unsafe { owned_list(self.py(), ffi::PyMapping_Values(self.as_ptr())) }
    }

    fn items(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: as in `keys`.
        unsafe { owned_list(self.py(), ffi::PyMapping_Items(self.as_ptr())) }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::PyKeyError;
    use crate::types::{PyDict, PyDictMethods};

    #[test]
    fn dict_is_mapping() {
        Python::attach(|py| {
            let dict = PyDict::new(py);
            dict.set_item("k1", "one").unwrap();
            let mapping = dict.as_mapping();
            assert_eq!(mapping.len().unwrap(), 1);
            assert!(!mapping.is_empty().unwrap());
            assert!(mapping.contains("k1").unwrap());
            assert_eq!(mapping.get_item("k1").unwrap().to_string(), "one");
            let err = mapping.get_item("k2").unwrap_err();
            crate::test_common::assert_err::<PyKeyError>(py, &err, "'k2'");
            mapping.set_item("k2", "two").unwrap();
            assert_eq!(
                mapping.keys().unwrap().repr().unwrap().to_string(),
                "['k1', 'k2']"
            );
            mapping.del_item("k1").unwrap();
            assert_eq!(
                mapping.items().unwrap().repr().unwrap().to_string(),
                "[('k2', 'two')]"
            );
            assert_eq!(
                mapping.values().unwrap().repr().unwrap().to_string(),
                "['two']"
            );
        });
    }

    #[test]
    fn non_mapping_cast_fails() {
        Python::attach(|py| {
            let list = py.eval(c"[1, 2]", None, None).unwrap();
            let err = list.cast::<PyMapping>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "'list' object is not an instance of 'Mapping'"
            );
        });
    }
}
