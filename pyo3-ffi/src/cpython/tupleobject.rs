//! Non-limited tuple APIs from `Include/cpython/tupleobject.h`.

use crate::{PyObject, PyVarObject, Py_ssize_t};
use std::ffi::c_int;

/// The `tuple` object; `ob_size` item pointers start at `ob_item`.
#[repr(C)]
#[derive(Debug)]
pub struct PyTupleObject {
    /// Object header; `ob_size` is the length.
    pub ob_base: PyVarObject,
    /// Cached hash of the tuple, -1 until computed (3.14+).
    #[cfg(Py_3_14)]
    pub ob_hash: crate::Py_hash_t,
    /// The items.
    pub ob_item: [*mut PyObject; 1],
}

/// Length of a tuple, without error checking.
#[inline]
pub unsafe fn PyTuple_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    crate::Py_SIZE(op)
}

/// Borrowed reference to item `i`, without error checking.
#[inline]
pub unsafe fn PyTuple_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // Raw place projection: the items extend past the declared one-element array.
    *(&raw const (*op.cast::<PyTupleObject>()).ob_item)
        .cast::<*mut PyObject>()
        .offset(i)
}

/// Store `v` at `i` of a brand-new tuple, stealing the reference, without error checking.
#[inline]
pub unsafe fn PyTuple_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    *(&raw mut (*op.cast::<PyTupleObject>()).ob_item)
        .cast::<*mut PyObject>()
        .offset(i) = v;
}

extern "C" {
    /// Resize a tuple that has not been shared yet; `*p` may be replaced, and is set to NULL
    /// on error (private API).
    #[cfg_attr(PyPy, link_name = "_PyPyTuple_Resize")]
    pub fn _PyTuple_Resize(p: *mut *mut PyObject, newsize: Py_ssize_t) -> c_int;
}

#[cfg(all(Py_3_15, not(PyPy)))]
extern "C" {
    /// A new tuple holding new references to the `size` objects at `array` (3.15+).
    pub fn PyTuple_FromArray(array: *const *mut PyObject, size: Py_ssize_t) -> *mut PyObject;
}
