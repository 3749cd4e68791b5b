//! Python's [`marshal`](https://docs.python.org/3/library/marshal.html) serialization format
//! (not available with the limited API).

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyBytes};
use crate::{ffi, Bound, PyResult, Python};

/// The newest marshal format version (what `marshal.version` is).
pub const VERSION: i32 = ffi::Py_MARSHAL_VERSION;

/// Serializes `object` with `marshal.dumps(object, version)`.
///
/// Only some builtin types are supported (numbers, strings, bytes, tuples, lists, sets, dicts,
/// code objects...); others raise `ValueError`.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::marshal;
/// use pyo3::types::{PyBytesMethods, PyDict};
///
/// # Python::initialize();
/// Python::attach(|py| {
///     let dict = PyDict::new(py);
///     dict.set_item("key", "value").unwrap();
///     let bytes = marshal::dumps(&dict, marshal::VERSION).unwrap();
///     let back = marshal::loads(py, bytes.as_bytes()).unwrap();
///     assert!(back.eq(&dict).unwrap());
/// });
/// ```
pub fn dumps<'py>(object: &Bound<'py, PyAny>, version: i32) -> PyResult<Bound<'py, PyBytes>> {
    // SAFETY: attached; returns new bytes or NULL with an error set.
    unsafe {
        ffi::PyMarshal_WriteObjectToString(object.as_ptr(), version)
            .assume_owned_or_err(object.py())
            .map(|b| b.cast_into_unchecked())
    }
}

/// Deserializes an object with `marshal.loads(data)`.
///
/// Invalid data raises `EOFError`, `ValueError` or `TypeError` as Python does.
pub fn loads<'py, B>(py: Python<'py>, data: &B) -> PyResult<Bound<'py, PyAny>>
where
    B: AsRef<[u8]> + ?Sized,
{
    let data = data.as_ref();
    // SAFETY: attached; the buffer is valid for the call; new reference or NULL with an error.
    unsafe {
        ffi::PyMarshal_ReadObjectFromString(data.as_ptr().cast(), data.len() as ffi::Py_ssize_t)
            .assume_owned_or_err(py)
    }
}
