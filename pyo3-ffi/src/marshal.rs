//! Reading and writing the `marshal` format from `Include/marshal.h`. Before 3.11 part of
//! it was declared for the limited API too.

#[cfg(any(not(Py_3_11), not(Py_LIMITED_API)))]
use crate::{PyObject, Py_ssize_t};
#[cfg(any(not(Py_3_11), not(Py_LIMITED_API)))]
use libc::FILE;
#[cfg(any(not(Py_3_11), not(Py_LIMITED_API)))]
use std::ffi::{c_char, c_int, c_long};

/// Current version of the marshal format.
#[cfg(any(not(Py_3_11), not(Py_LIMITED_API)))]
#[cfg(not(any(Py_3_14, PyPy)))]
pub const Py_MARSHAL_VERSION: c_int = 4;
/// The marshal format version PyPy writes.
#[cfg(PyPy)]
pub const Py_MARSHAL_VERSION: c_int = 2;
/// The current marshal format version (5 in 3.14).
#[cfg(all(Py_3_14, not(Py_3_15), not(Py_LIMITED_API)))]
pub const Py_MARSHAL_VERSION: c_int = 5;
/// The current marshal format version (6 since 3.15).
#[cfg(all(Py_3_15, not(Py_LIMITED_API)))]
pub const Py_MARSHAL_VERSION: c_int = 6;

extern "C" {
    /// Writes the low 32 bits of `value` to `file`.
    #[cfg(any(not(Py_3_11), not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_WriteLongToFile(value: c_long, file: *mut FILE, version: c_int);
    /// Marshals `value` to `file`.
    #[cfg(any(not(Py_3_11), not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_WriteObjectToFile(value: *mut PyObject, file: *mut FILE, version: c_int);
    /// Marshals `value` into a new bytes object.
    #[cfg(any(not(Py_3_11), not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMarshal_WriteObjectToString")]
    pub fn PyMarshal_WriteObjectToString(value: *mut PyObject, version: c_int) -> *mut PyObject;
    /// Reads one object from the `len` bytes at `data`.
    #[cfg(any(not(Py_3_11), not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMarshal_ReadObjectFromString")]
    pub fn PyMarshal_ReadObjectFromString(data: *const c_char, len: Py_ssize_t) -> *mut PyObject;

    /// Reads a 32-bit C `long` from `file`.
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_ReadLongFromFile(file: *mut FILE) -> c_long;
    /// Reads a 16-bit C `short` from `file`.
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_ReadShortFromFile(file: *mut FILE) -> c_int;
    /// Reads one object from `file`.
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_ReadObjectFromFile(file: *mut FILE) -> *mut PyObject;
    /// Reads the last object of `file` (which may be read into memory at once).
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_ReadLastObjectFromFile(file: *mut FILE) -> *mut PyObject;
}
