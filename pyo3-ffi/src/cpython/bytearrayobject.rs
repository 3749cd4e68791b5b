//! Non-limited `bytearray` APIs from `Include/cpython/bytearrayobject.h` (part of
//! `bytearrayobject.h` before 3.10).

use crate::{PyObject, PyVarObject, Py_ssize_t};
use std::ffi::c_char;

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
}

extern "C" {
    /// The shared empty string returned for empty byte arrays.
    pub static mut _PyByteArray_empty_string: [c_char; 0];
}

/// Pointer to the contents of a `bytearray`, without error checking.
#[inline]
pub unsafe fn PyByteArray_AS_STRING(op: *mut PyObject) -> *mut c_char {
    if crate::Py_SIZE(op) != 0 {
        (*op.cast::<PyByteArrayObject>()).ob_start
    } else {
        (&raw mut _PyByteArray_empty_string).cast()
    }
}

/// Length of a `bytearray`, without error checking.
#[inline]
pub unsafe fn PyByteArray_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    crate::Py_SIZE(op)
}
