//! Tuple objects: declarations from `Include/tupleobject.h`.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::c_int;

extern "C" {
    /// The `tuple` type object.
    #[cfg_attr(PyPy, link_name = "PyPyTuple_Type")]
    pub static mut PyTuple_Type: PyTypeObject;
    /// The type of `tuple` iterators.
    #[cfg(not(PyPy))]
    pub static mut PyTupleIter_Type: PyTypeObject;
}

/// Return true if `op` is a `tuple` or an instance of a subtype of `tuple`.
#[inline]
pub unsafe fn PyTuple_Check(op: *mut PyObject) -> c_int {
    crate::PyType_FastSubclass(crate::Py_TYPE(op), crate::Py_TPFLAGS_TUPLE_SUBCLASS)
}

/// Return true if `op` is exactly a `tuple` (not a subtype).
#[inline]
pub unsafe fn PyTuple_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyTuple_Type)
}

extern "C" {
    /// Create a tuple of `size` NULL items.
    #[cfg_attr(PyPy, link_name = "PyPyTuple_New")]
    pub fn PyTuple_New(size: Py_ssize_t) -> *mut PyObject;
    /// Length of a tuple.
    #[cfg_attr(PyPy, link_name = "PyPyTuple_Size")]
    pub fn PyTuple_Size(p: *mut PyObject) -> Py_ssize_t;
    /// Borrowed reference to item `pos`, or NULL with `IndexError` set.
    #[cfg_attr(PyPy, link_name = "PyPyTuple_GetItem")]
    pub fn PyTuple_GetItem(p: *mut PyObject, pos: Py_ssize_t) -> *mut PyObject;
    /// Store `o` at `pos` of a brand-new tuple, stealing the reference.
    #[cfg_attr(PyPy, link_name = "PyPyTuple_SetItem")]
    pub fn PyTuple_SetItem(p: *mut PyObject, pos: Py_ssize_t, o: *mut PyObject) -> c_int;
    /// Return `p[low:high]`.
    #[cfg_attr(PyPy, link_name = "PyPyTuple_GetSlice")]
    pub fn PyTuple_GetSlice(p: *mut PyObject, low: Py_ssize_t, high: Py_ssize_t) -> *mut PyObject;
    /// Create a tuple from `n` object arguments (new references are taken).
    #[cfg_attr(PyPy, link_name = "PyPyTuple_Pack")]
    pub fn PyTuple_Pack(n: Py_ssize_t, ...) -> *mut PyObject;
}
