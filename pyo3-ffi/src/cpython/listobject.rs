//! Non-limited list APIs from `Include/cpython/listobject.h`.

use crate::{PyObject, PyVarObject, Py_ssize_t};
#[cfg(Py_3_13)]
use std::ffi::c_int;

#[cfg(not(PyPy))]
/// The `list` object.
#[repr(C)]
#[derive(Debug)]
pub struct PyListObject {
    /// Object header; `ob_size` is the length.
    pub ob_base: PyVarObject,
    /// The item vector (`allocated` slots, the first `ob_size` in use).
    pub ob_item: *mut *mut PyObject,
    /// Number of slots allocated at `ob_item`.
    pub allocated: Py_ssize_t,
}

/// Length of a list, without error checking.
#[cfg(not(PyPy))]
#[inline]
pub unsafe fn PyList_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    #[cfg(Py_GIL_DISABLED)]
    {
        // Relaxed atomic load, as the free-threaded headers do.
        (*core::ptr::addr_of!((*op.cast::<PyVarObject>()).ob_size)
            .cast::<core::sync::atomic::AtomicIsize>())
        .load(core::sync::atomic::Ordering::Relaxed)
    }
    #[cfg(not(Py_GIL_DISABLED))]
    {
        crate::Py_SIZE(op)
    }
}

#[cfg(not(PyPy))]
/// Borrowed reference to item `i`, without error checking.
#[inline]
pub unsafe fn PyList_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    *(*op.cast::<PyListObject>()).ob_item.offset(i)
}

#[cfg(not(PyPy))]
/// Store `v` at `i`, stealing the reference and not releasing the old item, without error
/// checking.
#[inline]
pub unsafe fn PyList_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    *(*op.cast::<PyListObject>()).ob_item.offset(i) = v;
}

extern "C" {
    /// `list.extend(iterable)` (3.13).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyList_Extend")]
    pub fn PyList_Extend(list: *mut PyObject, iterable: *mut PyObject) -> c_int;
    /// `list.clear()` (3.13).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyList_Clear")]
    pub fn PyList_Clear(list: *mut PyObject) -> c_int;
}

// PyPy's list objects have another layout: its headers map the macros to exported functions.
#[cfg(PyPy)]
extern "C" {
    /// Length of a list, without error checking.
    #[link_name = "PyPyList_GET_SIZE"]
    pub fn PyList_GET_SIZE(op: *mut PyObject) -> Py_ssize_t;
    /// Borrowed item `i` of a list, without error checking.
    #[link_name = "PyPyList_GET_ITEM"]
    pub fn PyList_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject;
    /// Stores `v` at `i` of a list, stealing the reference, without error checking.
    #[link_name = "PyPyList_SET_ITEM"]
    pub fn PyList_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject);
}
