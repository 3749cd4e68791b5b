//! Mutable byte arrays (`bytearray`): declarations from `Include/bytearrayobject.h`.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::{c_char, c_int};

extern "C" {
    /// The `bytearray` type object.
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_Type")]
    pub static mut PyByteArray_Type: PyTypeObject;
    /// The type of `bytearray` iterators.
    #[cfg(not(PyPy))]
    pub static mut PyByteArrayIter_Type: PyTypeObject;
}

/// Return true if `op` is a `bytearray` or an instance of a subtype of `bytearray`.
#[inline]
pub unsafe fn PyByteArray_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyByteArray_Type)
}

/// Return true if `op` is exactly a `bytearray` (not a subtype).
#[inline]
pub unsafe fn PyByteArray_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyByteArray_Type)
}

extern "C" {
    /// Create a `bytearray` from an object supporting the buffer protocol.
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_FromObject")]
    pub fn PyByteArray_FromObject(o: *mut PyObject) -> *mut PyObject;
    /// Concatenate two buffer objects into a new `bytearray`.
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_Concat")]
    pub fn PyByteArray_Concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject;
    /// Create a `bytearray` from `len` bytes at `string` (uninitialized if NULL).
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_FromStringAndSize")]
    pub fn PyByteArray_FromStringAndSize(string: *const c_char, len: Py_ssize_t) -> *mut PyObject;
    /// Length of a `bytearray`.
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_Size")]
    pub fn PyByteArray_Size(bytearray: *mut PyObject) -> Py_ssize_t;
    /// Pointer to the (NUL-terminated) contents of a `bytearray`.
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_AsString")]
    pub fn PyByteArray_AsString(bytearray: *mut PyObject) -> *mut c_char;
    /// Resize a `bytearray` to `len` bytes.
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_Resize")]
    pub fn PyByteArray_Resize(bytearray: *mut PyObject, len: Py_ssize_t) -> c_int;
}
