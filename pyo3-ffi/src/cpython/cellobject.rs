//! Cell objects (closure variables) from `cpython/cellobject.h`.

use crate::{PyObject, PyTypeObject};
use std::ffi::c_int;

#[cfg(not(PyPy))]
/// A cell object holding one closure variable.
#[repr(C)]
pub struct PyCellObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Content of the cell, or NULL when empty.
    pub ob_ref: *mut PyObject,
}

extern "C" {
    /// The `cell` type.
    #[cfg_attr(PyPy, link_name = "PyPyCell_Type")]
    pub static mut PyCell_Type: PyTypeObject;
}

/// Returns 1 if `op` is exactly a cell object.
#[inline]
pub unsafe fn PyCell_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyCell_Type)
}

extern "C" {
    /// Creates a cell containing `obj` (which may be NULL).
    #[cfg(not(PyPy))]
    pub fn PyCell_New(obj: *mut PyObject) -> *mut PyObject;
    /// Returns a new reference to the content of a cell.
    #[cfg(not(PyPy))]
    pub fn PyCell_Get(cell: *mut PyObject) -> *mut PyObject;
    /// Sets the content of a cell (does not steal `value`).
    #[cfg(not(PyPy))]
    pub fn PyCell_Set(cell: *mut PyObject, value: *mut PyObject) -> c_int;
}

/// Returns the content of a cell (borrowed, no checks).
#[cfg(not(PyPy))]
#[inline]
pub unsafe fn PyCell_GET(op: *mut PyObject) -> *mut PyObject {
    (*op.cast::<PyCellObject>()).ob_ref
}

/// Sets the content of a cell (no reference counting, no checks).
#[cfg(not(PyPy))]
#[inline]
pub unsafe fn PyCell_SET(op: *mut PyObject, value: *mut PyObject) {
    (*op.cast::<PyCellObject>()).ob_ref = value;
}
