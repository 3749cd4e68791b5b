//! Non-limited `bytearray` APIs from `Include/cpython/bytearrayobject.h` (part of
//! `bytearrayobject.h` before 3.10).

use crate::{PyObject, PyVarObject, Py_ssize_t};
use std::ffi::c_char;

#[cfg(not(PyPy))]
/// The `bytearray` object.
#[repr(C)]
#[derive(Debug)]
pub struct PyByteArrayObject {
    /// Object header; `ob_size` is the length.
    pub ob_base: PyVarObject,
    /// Number of bytes allocated at `ob_bytes`.
    pub ob_alloc: Py_ssize_t,
    /// Start of the allocation.
    pub ob_bytes: *mut c_char,
    /// Logical start of the contents (after bytes removed from the front).
    pub ob_start: *mut c_char,
    /// Number of exported buffers.
    pub ob_exports: Py_ssize_t,
    /// The `bytes` object backing the buffer, for zero-copy conversion (3.15+).
    #[cfg(Py_3_15)]
    pub ob_bytes_object: *mut PyObject,
}

#[cfg(not(Py_3_15))]
extern "C" {
    /// The shared empty string returned for empty byte arrays (removed in 3.15).
    #[cfg(not(PyPy))]
    pub static mut _PyByteArray_empty_string: [c_char; 0];
}

#[cfg(not(PyPy))]
/// Pointer to the contents of a `bytearray`, without error checking.
#[inline]
pub unsafe fn PyByteArray_AS_STRING(op: *mut PyObject) -> *mut c_char {
    #[cfg(not(Py_3_15))]
    if crate::Py_SIZE(op) == 0 {
        return (&raw mut _PyByteArray_empty_string).cast();
    }
    // From 3.15 `ob_start` is valid for empty arrays too.
    (*op.cast::<PyByteArrayObject>()).ob_start
}

/// Length of a `bytearray`, without error checking.
#[inline]
pub unsafe fn PyByteArray_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    crate::Py_SIZE(op)
}
