//! Issuing warnings from `Include/warnings.h`.

use crate::{PyObject, Py_ssize_t};
use std::ffi::{c_char, c_int};

extern "C" {
    /// Issues a warning of `category` with `message`, attributed `stack_level` frames up.
    #[cfg_attr(PyPy, link_name = "PyPyErr_WarnEx")]
    pub fn PyErr_WarnEx(
        category: *mut PyObject,
        message: *const c_char,
        stack_level: Py_ssize_t,
    ) -> c_int;
    /// Like [`PyErr_WarnEx`] with a `PyUnicode_FromFormat`-style message.
    #[cfg_attr(PyPy, link_name = "PyPyErr_WarnFormat")]
    pub fn PyErr_WarnFormat(
        category: *mut PyObject,
        stack_level: Py_ssize_t,
        format: *const c_char,
        ...
    ) -> c_int;
    /// Issues a `ResourceWarning` about `source`.
    #[cfg(not(PyPy))]
    pub fn PyErr_ResourceWarning(
        source: *mut PyObject,
        stack_level: Py_ssize_t,
        format: *const c_char,
        ...
    ) -> c_int;
    /// Issues a warning with full control over the location.
    #[cfg_attr(PyPy, link_name = "PyPyErr_WarnExplicit")]
    pub fn PyErr_WarnExplicit(
        category: *mut PyObject,
        message: *const c_char,
        filename: *const c_char,
        lineno: c_int,
        module: *const c_char,
        registry: *mut PyObject,
    ) -> c_int;
}
