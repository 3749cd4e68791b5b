//! Immutable byte strings (`bytes`): declarations from `Include/bytesobject.h`.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::{c_char, c_int};

extern "C" {
    /// The `bytes` type object.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_Type")]
    pub static mut PyBytes_Type: PyTypeObject;
    /// The type of `bytes` iterators.
    #[cfg(not(PyPy))]
    pub static mut PyBytesIter_Type: PyTypeObject;
}

/// Return true if `op` is a `bytes` or an instance of a subtype of `bytes`.
#[inline]
pub unsafe fn PyBytes_Check(op: *mut PyObject) -> c_int {
    crate::PyType_FastSubclass(crate::Py_TYPE(op), crate::Py_TPFLAGS_BYTES_SUBCLASS)
}

/// Return true if `op` is exactly a `bytes` (not a subtype).
#[inline]
pub unsafe fn PyBytes_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyBytes_Type)
}

extern "C" {
    /// Create a `bytes` from `size` bytes at `v` (uninitialized if `v` is NULL).
    #[cfg_attr(PyPy, link_name = "PyPyBytes_FromStringAndSize")]
    pub fn PyBytes_FromStringAndSize(v: *const c_char, size: Py_ssize_t) -> *mut PyObject;
    /// Create a `bytes` from a NUL-terminated string.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_FromString")]
    pub fn PyBytes_FromString(v: *const c_char) -> *mut PyObject;
    /// Create a `bytes` from an object supporting the buffer protocol or an iterable of ints.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_FromObject")]
    pub fn PyBytes_FromObject(o: *mut PyObject) -> *mut PyObject;
    /// Create a `bytes` from a `printf`-style format string.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_FromFormat")]
    pub fn PyBytes_FromFormat(format: *const c_char, ...) -> *mut PyObject;
    /// Length of a `bytes` object.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_Size")]
    pub fn PyBytes_Size(o: *mut PyObject) -> Py_ssize_t;
    /// Pointer to the (NUL-terminated) contents of a `bytes` object.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_AsString")]
    pub fn PyBytes_AsString(o: *mut PyObject) -> *mut c_char;
    /// `repr()` of a `bytes` object, using double quotes if `smartquotes` and needed.
    #[cfg(not(PyPy))]
    pub fn PyBytes_Repr(o: *mut PyObject, smartquotes: c_int) -> *mut PyObject;
    /// `*bytes += newpart`; sets `*bytes` to NULL on error.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_Concat")]
    pub fn PyBytes_Concat(bytes: *mut *mut PyObject, newpart: *mut PyObject);
    /// Like [`PyBytes_Concat`], then decrefs `newpart`.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_ConcatAndDel")]
    pub fn PyBytes_ConcatAndDel(bytes: *mut *mut PyObject, newpart: *mut PyObject);
    /// Decode backslash escapes in `s` (the `escape_decode` codec).
    #[cfg(not(PyPy))]
    pub fn PyBytes_DecodeEscape(
        s: *const c_char,
        len: Py_ssize_t,
        errors: *const c_char,
        unicode: Py_ssize_t,
        recode_encoding: *const c_char,
    ) -> *mut PyObject;
    /// Get the contents pointer and length of a `bytes` object (`len` NULL: no embedded NUL).
    #[cfg_attr(PyPy, link_name = "PyPyBytes_AsStringAndSize")]
    pub fn PyBytes_AsStringAndSize(
        obj: *mut PyObject,
        s: *mut *mut c_char,
        len: *mut Py_ssize_t,
    ) -> c_int;
}
