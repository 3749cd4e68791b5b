//! Sequence and callable iterators: declarations from `Include/iterobject.h`.

use crate::{PyObject, PyTypeObject};
use std::ffi::c_int;

extern "C" {
    /// The type of iterators returned by [`PySeqIter_New`].
    #[cfg(not(PyPy))]
    pub static mut PySeqIter_Type: PyTypeObject;
    /// The type of iterators returned by [`PyCallIter_New`].
    #[cfg(not(PyPy))]
    pub static mut PyCallIter_Type: PyTypeObject;
}

#[cfg(not(PyPy))]
/// Return true if `op` is a sequence iterator.
#[inline]
pub unsafe fn PySeqIter_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PySeqIter_Type)
}

#[cfg(not(PyPy))]
/// Return true if `op` is a callable iterator.
#[inline]
pub unsafe fn PyCallIter_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyCallIter_Type)
}

extern "C" {
    /// Iterator over a sequence supporting `__getitem__`, stopping at `IndexError`.
    #[cfg_attr(PyPy, link_name = "PyPySeqIter_New")]
    pub fn PySeqIter_New(seq: *mut PyObject) -> *mut PyObject;
    /// Iterator calling `callable` until it returns `sentinel`.
    #[cfg_attr(PyPy, link_name = "PyPyCallIter_New")]
    pub fn PyCallIter_New(callable: *mut PyObject, sentinel: *mut PyObject) -> *mut PyObject;
}
