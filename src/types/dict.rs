//! [`PyDict`]: Python `dict` objects.

use crate::conversion::IntoPyObject;
use crate::internal::ptr_ext::{error_on_minusone, truth_or_err, FfiPtrExt};
use crate::types::{PyAny, PyAnyMethods};
use crate::{ffi, Bound, PyErr, PyResult, Python};

/// A Python `dict` object.
#[repr(transparent)]
pub struct PyDict(PyAny);

crate::pyobject_native_type!(
    PyDict,
    "builtins",
    "dict",
    |_py| unsafe { &raw mut ffi::PyDict_Type },
    #checkfunction = ffi::PyDict_Check
);

impl PyDict {
    /// Creates a new empty dict.
    pub fn new(py: Python<'_>) -> Bound<'_, PyDict> {
        // SAFETY: attached.
        unsafe { ffi::PyDict_New().assume_owned(py).cast_into_unchecked() }
    }
}

/// Methods of [`PyDict`], implemented for `Bound<'py, PyDict>`.
pub trait PyDictMethods<'py>: sealed::Sealed {
    /// A shallow copy, as `dict.copy()`.
    fn copy(&self) -> PyResult<Bound<'py, PyDict>>;
    /// Removes all items.
    fn clear(&self);
    /// The number of items.
    fn len(&self) -> usize;
    /// Whether the dict is empty.
    fn is_empty(&self) -> bool;
    /// `key in self`.
    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>;
    /// `self.get(key)`: the value, or `None` if the key is missing.
    fn get_item<K>(&self, key: K) -> PyResult<Option<Bound<'py, PyAny>>>
    where
        K: IntoPyObject<'py>;
    /// `self[key] = value`.
    fn set_item<K, V>(&self, key: K, value: V) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>;
    /// `del self[key]`.
    fn del_item<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyDict> {}
}

impl<'py> PyDictMethods<'py> for Bound<'py, PyDict> {
    fn copy(&self) -> PyResult<Bound<'py, PyDict>> {
        self.as_any()
            .call_method0(crate::intern!(self.py(), "copy"))?
            .cast_into::<PyDict>()
            .map_err(Into::into)
    }

    fn clear(&self) {
        let _ = self
            .as_any()
            .call_method0(crate::intern!(self.py(), "clear"));
    }

    fn len(&self) -> usize {
        // SAFETY: attached; a dict.
        unsafe { ffi::PyDict_Size(self.as_ptr()) as usize }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>,
    {
        let key = key.into_pyobject(self.py()).map_err(Into::<PyErr>::into)?;
        // SAFETY: attached.
        truth_or_err(self.py(), unsafe {
            ffi::PySequence_Contains(self.as_ptr(), crate::conversion::BoundObject::as_ptr(&key))
        })
    }

    fn get_item<K>(&self, key: K) -> PyResult<Option<Bound<'py, PyAny>>>
    where
        K: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        let mut result = std::ptr::null_mut();
        // SAFETY: attached; `result` receives a new reference or NULL.
        match unsafe {
            ffi::compat::PyDict_GetItemRef(
                self.as_ptr(),
                crate::conversion::BoundObject::as_ptr(&key),
                &mut result,
            )
        } {
            -1 => Err(PyErr::fetch(py)),
            0 => Ok(None),
            _ => Ok(Some(unsafe { result.assume_owned(py) })),
        }
    }

    fn set_item<K, V>(&self, key: K, value: V) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        let value = value.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        // SAFETY: attached.
        error_on_minusone(py, unsafe {
            ffi::PyDict_SetItem(
                self.as_ptr(),
                crate::conversion::BoundObject::as_ptr(&key),
                crate::conversion::BoundObject::as_ptr(&value),
            )
        })
    }

    fn del_item<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
    {
        self.as_any().del_item(key)
    }
}
