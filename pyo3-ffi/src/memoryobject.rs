//! `memoryview` objects (`memoryobject.h`).

#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
use crate::Py_buffer;
use crate::{PyObject, PyTypeObject, Py_IS_TYPE, Py_ssize_t};
use std::ffi::{c_char, c_int};
use std::ptr;

extern "C" {
    /// The `memoryview` type.
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_Type")]
    pub static mut PyMemoryView_Type: PyTypeObject;
}

/// `PyMemoryView_Check(op)`: whether `op` is a `memoryview`.
#[inline]
pub unsafe fn PyMemoryView_Check(op: *mut PyObject) -> c_int {
    Py_IS_TYPE(op, ptr::addr_of_mut!(PyMemoryView_Type))
}

extern "C" {
    /// Creates a memoryview of an object supporting the buffer protocol.
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_FromObject")]
    pub fn PyMemoryView_FromObject(base: *mut PyObject) -> *mut PyObject;
    /// Creates a memoryview of raw memory; `flags` is `PyBUF_READ` or `PyBUF_WRITE`.
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_FromMemory")]
    pub fn PyMemoryView_FromMemory(
        mem: *mut c_char,
        size: Py_ssize_t,
        flags: c_int,
    ) -> *mut PyObject;
    /// Creates a memoryview wrapping a filled buffer view (limited API from 3.11).
    #[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_FromBuffer")]
    pub fn PyMemoryView_FromBuffer(view: *const Py_buffer) -> *mut PyObject;
    /// Creates a memoryview of a contiguous copy (if needed) of `base`'s buffer in `order`.
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_GetContiguous")]
    pub fn PyMemoryView_GetContiguous(
        base: *mut PyObject,
        buffertype: c_int,
        order: c_char,
    ) -> *mut PyObject;
}
