//! Non-limited `bytes` APIs from `Include/cpython/bytesobject.h`.

use crate::{PyObject, PyVarObject, Py_hash_t, Py_ssize_t};
#[cfg(Py_3_15)]
use std::ffi::c_void;
use std::ffi::{c_char, c_int};

#[cfg(not(PyPy))]
/// The `bytes` object; `ob_size + 1` bytes (including a trailing NUL) start at `ob_sval`.
#[repr(C)]
#[derive(Debug)]
pub struct PyBytesObject {
    /// Object header; `ob_size` is the length.
    pub ob_base: PyVarObject,
    /// Cached hash, or -1 (deprecated since 3.11).
    pub ob_shash: Py_hash_t,
    /// The contents.
    pub ob_sval: [c_char; 1],
}

#[cfg(not(PyPy))]
/// Pointer to the contents of a `bytes` object, without error checking.
#[inline]
pub unsafe fn PyBytes_AS_STRING(op: *mut PyObject) -> *mut c_char {
    // Raw place projection: the data extends past the declared one-element array.
    (&raw mut (*op.cast::<PyBytesObject>()).ob_sval).cast()
}

/// Length of a `bytes` object, without error checking.
#[inline]
pub unsafe fn PyBytes_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    crate::Py_SIZE(op)
}

extern "C" {
    /// Resize a `bytes` object that has not been shared yet; `*bytes` may be replaced, and
    /// is set to NULL on error (private API).
    #[cfg_attr(PyPy, link_name = "_PyPyBytes_Resize")]
    pub fn _PyBytes_Resize(bytes: *mut *mut PyObject, newsize: Py_ssize_t) -> c_int;
}

/// Builder for `bytes` objects (3.15+); use only through the `PyBytesWriter_*` functions.
#[cfg(Py_3_15)]
#[repr(C)]
pub struct PyBytesWriter {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

#[cfg(Py_3_15)]
extern "C" {
    /// Create a writer with an initial buffer of `size` bytes.
    pub fn PyBytesWriter_Create(size: Py_ssize_t) -> *mut PyBytesWriter;
    /// Destroy a writer without creating a `bytes` object.
    pub fn PyBytesWriter_Discard(writer: *mut PyBytesWriter);
    /// Create the `bytes` object from the writer's current size and destroy the writer.
    pub fn PyBytesWriter_Finish(writer: *mut PyBytesWriter) -> *mut PyObject;
    /// Create the `bytes` object from the first `size` bytes and destroy the writer.
    pub fn PyBytesWriter_FinishWithSize(
        writer: *mut PyBytesWriter,
        size: Py_ssize_t,
    ) -> *mut PyObject;
    /// Pointer to the writer's buffer.
    pub fn PyBytesWriter_GetData(writer: *mut PyBytesWriter) -> *mut c_void;
    /// Current size of the writer's buffer.
    pub fn PyBytesWriter_GetSize(writer: *mut PyBytesWriter) -> Py_ssize_t;
    /// Resize the writer's buffer to `size` bytes.
    pub fn PyBytesWriter_Resize(writer: *mut PyBytesWriter, size: Py_ssize_t) -> c_int;
    /// Grow the writer's buffer by `size` bytes (negative: shrink).
    pub fn PyBytesWriter_Grow(writer: *mut PyBytesWriter, size: Py_ssize_t) -> c_int;
}

// PyPy's bytes objects have another layout: its headers map the macro to an exported function.
#[cfg(PyPy)]
extern "C" {
    /// Pointer to the contents of a `bytes` object, without error checking.
    #[link_name = "PyPyBytes_AS_STRING"]
    pub fn PyBytes_AS_STRING(op: *mut crate::PyObject) -> *mut std::ffi::c_char;
}
