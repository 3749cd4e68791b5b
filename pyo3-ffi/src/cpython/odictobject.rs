//! `collections.OrderedDict` objects: declarations from `Include/cpython/odictobject.h`
//! (`Include/odictobject.h` before 3.10; never part of the limited API).

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::c_int;

extern "C" {
    /// The `collections.OrderedDict` type object.
    #[cfg(not(PyPy))]
    pub static mut PyODict_Type: PyTypeObject;
    /// The type of `OrderedDict` iterators.
    #[cfg(not(PyPy))]
    pub static mut PyODictIter_Type: PyTypeObject;
    /// The type of `OrderedDict.keys()` views.
    #[cfg(not(PyPy))]
    pub static mut PyODictKeys_Type: PyTypeObject;
    /// The type of `OrderedDict.items()` views.
    #[cfg(not(PyPy))]
    pub static mut PyODictItems_Type: PyTypeObject;
    /// The type of `OrderedDict.values()` views.
    #[cfg(not(PyPy))]
    pub static mut PyODictValues_Type: PyTypeObject;
}

#[cfg(not(PyPy))]
/// Return true if `op` is an `OrderedDict` or an instance of a subtype.
#[inline]
pub unsafe fn PyODict_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyODict_Type)
}

#[cfg(not(PyPy))]
/// Return true if `op` is exactly an `OrderedDict`.
#[inline]
pub unsafe fn PyODict_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyODict_Type)
}

#[cfg(not(PyPy))]
/// Number of items of an `OrderedDict`, without error checking.
#[inline]
pub unsafe fn PyODict_SIZE(op: *mut PyObject) -> Py_ssize_t {
    crate::PyDict_GET_SIZE(op)
}

extern "C" {
    /// Create an empty `OrderedDict`.
    #[cfg(not(PyPy))]
    pub fn PyODict_New() -> *mut PyObject;
    /// `od[key] = item` (does not steal `item`).
    #[cfg(not(PyPy))]
    pub fn PyODict_SetItem(od: *mut PyObject, key: *mut PyObject, item: *mut PyObject) -> c_int;
    /// `del od[key]`.
    #[cfg(not(PyPy))]
    pub fn PyODict_DelItem(od: *mut PyObject, key: *mut PyObject) -> c_int;
}
