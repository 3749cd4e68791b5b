//! Traceback objects from `traceback.h`.

use crate::{PyFrameObject, PyObject, PyTypeObject};
use std::ffi::c_int;

extern "C" {
    /// Adds a traceback entry for `frame` to the current exception.
    #[cfg_attr(PyPy, link_name = "PyPyTraceBack_Here")]
    pub fn PyTraceBack_Here(frame: *mut PyFrameObject) -> c_int;
    /// Prints traceback `tb` to the file object `f`.
    #[cfg_attr(PyPy, link_name = "PyPyTraceBack_Print")]
    pub fn PyTraceBack_Print(tb: *mut PyObject, f: *mut PyObject) -> c_int;
    /// The `traceback` type.
    #[cfg_attr(PyPy, link_name = "PyPyTraceBack_Type")]
    pub static mut PyTraceBack_Type: PyTypeObject;
}

/// Returns 1 if `op` is exactly a traceback object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyTraceBack_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyTraceBack_Type)
}

#[cfg(PyPy)]
extern "C" {
    /// Returns 1 if `op` is exactly a traceback object.
    #[link_name = "PyPyTraceBack_Check"]
    pub fn PyTraceBack_Check(op: *mut PyObject) -> c_int;
}
