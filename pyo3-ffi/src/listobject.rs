//! List objects: declarations from `Include/listobject.h`.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::c_int;

extern "C" {
    /// The `list` type object.
    #[cfg_attr(PyPy, link_name = "PyPyList_Type")]
    pub static mut PyList_Type: PyTypeObject;
    /// The type of `list` iterators.
    #[cfg(not(PyPy))]
    pub static mut PyListIter_Type: PyTypeObject;
    /// The type of reversed `list` iterators.
    #[cfg(not(PyPy))]
    pub static mut PyListRevIter_Type: PyTypeObject;
}

/// Return true if `op` is a `list` or an instance of a subtype of `list`.
#[inline]
pub unsafe fn PyList_Check(op: *mut PyObject) -> c_int {
    crate::PyType_FastSubclass(crate::Py_TYPE(op), crate::Py_TPFLAGS_LIST_SUBCLASS)
}

/// Return true if `op` is exactly a `list` (not a subtype).
#[inline]
pub unsafe fn PyList_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyList_Type)
}

extern "C" {
    /// Create a list of `size` NULL items.
    #[cfg_attr(PyPy, link_name = "PyPyList_New")]
    pub fn PyList_New(size: Py_ssize_t) -> *mut PyObject;
    /// Length of a list.
    #[cfg_attr(PyPy, link_name = "PyPyList_Size")]
    pub fn PyList_Size(list: *mut PyObject) -> Py_ssize_t;
    /// Borrowed reference to item `index`, or NULL with `IndexError` set.
    #[cfg_attr(PyPy, link_name = "PyPyList_GetItem")]
    pub fn PyList_GetItem(list: *mut PyObject, index: Py_ssize_t) -> *mut PyObject;
    /// New reference to item `index`, or NULL with `IndexError` set (3.13).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyList_GetItemRef")]
    pub fn PyList_GetItemRef(list: *mut PyObject, index: Py_ssize_t) -> *mut PyObject;
    /// Store `item` at `index`, stealing the reference (also on failure).
    #[cfg_attr(PyPy, link_name = "PyPyList_SetItem")]
    pub fn PyList_SetItem(list: *mut PyObject, index: Py_ssize_t, item: *mut PyObject) -> c_int;
    /// `list.insert(index, item)`.
    #[cfg_attr(PyPy, link_name = "PyPyList_Insert")]
    pub fn PyList_Insert(list: *mut PyObject, index: Py_ssize_t, item: *mut PyObject) -> c_int;
    /// `list.append(item)`.
    #[cfg_attr(PyPy, link_name = "PyPyList_Append")]
    pub fn PyList_Append(list: *mut PyObject, item: *mut PyObject) -> c_int;
    /// Return `list[low:high]`.
    #[cfg_attr(PyPy, link_name = "PyPyList_GetSlice")]
    pub fn PyList_GetSlice(list: *mut PyObject, low: Py_ssize_t, high: Py_ssize_t)
        -> *mut PyObject;
    /// `list[low:high] = itemlist` (`itemlist` NULL: delete the slice).
    #[cfg_attr(PyPy, link_name = "PyPyList_SetSlice")]
    pub fn PyList_SetSlice(
        list: *mut PyObject,
        low: Py_ssize_t,
        high: Py_ssize_t,
        itemlist: *mut PyObject,
    ) -> c_int;
    /// `list.sort()`.
    #[cfg_attr(PyPy, link_name = "PyPyList_Sort")]
    pub fn PyList_Sort(list: *mut PyObject) -> c_int;
    /// `list.reverse()`.
    #[cfg_attr(PyPy, link_name = "PyPyList_Reverse")]
    pub fn PyList_Reverse(list: *mut PyObject) -> c_int;
    /// Return `tuple(list)`.
    #[cfg_attr(PyPy, link_name = "PyPyList_AsTuple")]
    pub fn PyList_AsTuple(list: *mut PyObject) -> *mut PyObject;
}
