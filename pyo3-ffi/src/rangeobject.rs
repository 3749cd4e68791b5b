//! `range` objects: declarations from `Include/rangeobject.h`.

use crate::{PyObject, PyTypeObject};
use std::ffi::c_int;

extern "C" {
    /// The `range` type object.
    #[cfg_attr(PyPy, link_name = "PyPyRange_Type")]
    pub static mut PyRange_Type: PyTypeObject;
    /// The type of iterators over ranges whose bounds fit in a C `long`.
    #[cfg(not(PyPy))]
    pub static mut PyRangeIter_Type: PyTypeObject;
    /// The type of iterators over ranges with arbitrary `int` bounds.
    #[cfg(not(PyPy))]
    pub static mut PyLongRangeIter_Type: PyTypeObject;
}

/// Return true if `op` is a `range` (ranges cannot be subclassed).
#[inline]
pub unsafe fn PyRange_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyRange_Type)
}
