//! Non-limited warning functions from `Include/cpython/warnings.h` (`warnings.h` before 3.11).

use crate::PyObject;
use std::ffi::{c_char, c_int};

extern "C" {
    /// Like `PyErr_WarnExplicit` with message, file name and module as objects.
    #[cfg(not(PyPy))]
    pub fn PyErr_WarnExplicitObject(
        category: *mut PyObject,
        message: *mut PyObject,
        filename: *mut PyObject,
        lineno: c_int,
        module: *mut PyObject,
        registry: *mut PyObject,
    ) -> c_int;
    /// Like `PyErr_WarnExplicit` with a `PyUnicode_FromFormat`-style message.
    #[cfg(not(PyPy))]
    pub fn PyErr_WarnExplicitFormat(
        category: *mut PyObject,
        filename: *const c_char,
        lineno: c_int,
        module: *const c_char,
        registry: *mut PyObject,
        format: *const c_char,
        ...
    ) -> c_int;
}

/// Issues a warning with stack level 1 (a C macro over `PyErr_WarnEx`).
#[inline]
pub unsafe fn PyErr_Warn(category: *mut PyObject, message: *const c_char) -> c_int {
    crate::PyErr_WarnEx(category, message, 1)
}
