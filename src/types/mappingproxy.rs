//! Python `mappingproxy` objects ([`PyMappingProxy`]): read-only views of mappings, such as a
//! class's `__dict__`.

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyAnyMethods, PyIterator, PyList, PyMapping, PyMappingMethods};
use crate::{ffi, Bound, PyResult, Python};

/// A Python `mappingproxy` (`types.MappingProxyType`): a read-only view of a mapping.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyDict, PyDictMethods, PyMappingProxy, PyMappingProxyMethods};
///
/// Python::attach(|py| {
///     let dict = PyDict::new(py);
///     dict.set_item("x", "1").unwrap();
///     let proxy = PyMappingProxy::new(py, dict.as_mapping());
///     assert_eq!(proxy.keys().unwrap().as_any().len().unwrap(), 1);
///     // Changes to the dict are visible through the proxy.
///     dict.set_item("y", "2").unwrap();
///     assert_eq!(proxy.as_mapping().len().unwrap(), 2);
/// });
/// ```
#[repr(transparent)]
pub struct PyMappingProxy(PyAny);

/// `PyDictProxy_Check` is not part of the C API: an exact-or-subtype check on the type.
#[inline]
unsafe fn dict_proxy_check(op: *mut ffi::PyObject) -> std::os::raw::c_int {
    unsafe { ffi::PyObject_TypeCheck(op, &raw mut ffi::PyDictProxy_Type) }
}

crate::pyobject_native_type_core!(PyMappingProxy, crate::pyobject_native_static_type_object!(ffi::PyDictProxy_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = dict_proxy_check);

impl PyMappingProxy {
    /// Creates a read-only proxy of `elements`.
    ///
    /// # Panics
    /// If Python refuses to wrap the object (it is a list or tuple registered as a mapping).
    pub fn new<'py>(
        py: Python<'py>,
        elements: &Bound<'py, PyMapping>,
    ) -> Bound<'py, PyMappingProxy> {
        // SAFETY: attached; returns a new proxy or NULL with an error.
        unsafe {
            ffi::PyDictProxy_New(elements.as_ptr())
                .assume_owned_or_err(py)
                .expect("failed to create a mappingproxy")
                .cast_into_unchecked()
        }
    }
}

/// Methods of [`PyMappingProxy`], implemented for `Bound<'py, PyMappingProxy>`.
///
/// A proxy also dereferences to [`PyAny`]; use [`as_mapping`](Self::as_mapping) for the
/// [`PyMappingMethods`] (`len`, `get_item`, `contains`, ...).
pub trait PyMappingProxyMethods<'py, 'a>: sealed::Sealed {
    /// Whether the proxied mapping is empty.
    fn is_empty(&self) -> PyResult<bool>;
    /// A list of the keys.
    fn keys(&self) -> PyResult<Bound<'py, PyList>>;
    /// A list of the values.
    fn values(&self) -> PyResult<Bound<'py, PyList>>;
    /// A list of the `(key, value)` tuples.
    fn items(&self) -> PyResult<Bound<'py, PyList>>;
    /// The proxy as a [`PyMapping`].
    fn as_mapping(&self) -> &Bound<'py, PyMapping>;
    /// An iterator over the `(key, value)` pairs (looking each value up by its key).
    fn try_iter(&'a self) -> PyResult<BoundMappingProxyIterator<'py, 'a>>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyMappingProxy> {}
}

impl<'py, 'a> PyMappingProxyMethods<'py, 'a> for Bound<'py, PyMappingProxy> {
    fn is_empty(&self) -> PyResult<bool> {
        Ok(self.as_any().len()? == 0)
    }

    #[inline]
    fn keys(&self) -> PyResult<Bound<'py, PyList>> {
        self.as_mapping().keys()
    }

    #[inline]
    fn values(&self) -> PyResult<Bound<'py, PyList>> {
        self.as_mapping().values()
    }

    #[inline]
    fn items(&self) -> PyResult<Bound<'py, PyList>> {
        self.as_mapping().items()
    }

    #[inline]
    fn as_mapping(&self) -> &Bound<'py, PyMapping> {
        // SAFETY: a mappingproxy implements the mapping protocol.
        unsafe { self.cast_unchecked() }
    }

    fn try_iter(&'a self) -> PyResult<BoundMappingProxyIterator<'py, 'a>> {
        Ok(BoundMappingProxyIterator {
            iterator: PyIterator::from_object(self)?,
            mappingproxy: self,
        })
    }
}

/// An iterator over the `(key, value)` pairs of a [`PyMappingProxy`].
pub struct BoundMappingProxyIterator<'py, 'a> {
    iterator: Bound<'py, PyIterator>,
    mappingproxy: &'a Bound<'py, PyMappingProxy>,
}

impl<'py> Iterator for BoundMappingProxyIterator<'py, '_> {
    type Item = PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)>;

    fn next(&mut self) -> Option<Self::Item> {
        self.iterator.next().map(|key| {
            let key = key?;
            let value = self.mappingproxy.as_any().get_item(&key)?;
            Ok((key, value))
        })
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::PyTypeError;
    use crate::types::{IntoPyDict, PyDictMethods};

    #[test]
    fn proxy_reads_and_rejects_writes() {
        Python::attach(|py| {
            let dict = [("a", "1"), ("b", "2")].into_py_dict(py).unwrap();
            let proxy = PyMappingProxy::new(py, dict.as_mapping());
            assert!(!proxy.is_empty().unwrap());
            assert_eq!(
                proxy.values().unwrap().repr().unwrap().to_string(),
                "['1', '2']"
            );
            assert_eq!(
                proxy.items().unwrap().repr().unwrap().to_string(),
                "[('a', '1'), ('b', '2')]"
            );
            let pairs: Vec<(String, String)> = proxy
                .try_iter()
                .unwrap()
                .map(|kv| {
                    let (k, v) = kv.unwrap();
                    (k.extract().unwrap(), v.extract().unwrap())
                })
                .collect();
            assert_eq!(
                pairs,
                [
                    ("a".to_owned(), "1".to_owned()),
                    ("b".to_owned(), "2".to_owned())
                ]
            );
            let err = proxy.as_mapping().set_item("c", "3").unwrap_err();
            crate::test_common::assert_err::<PyTypeError>(
                py,
                &err,
                "'mappingproxy' object does not support item assignment",
            );
            assert!(proxy.is_instance_of::<PyMappingProxy>());
            assert!(!dict.is_instance_of::<PyMappingProxy>());
        });
    }
}
