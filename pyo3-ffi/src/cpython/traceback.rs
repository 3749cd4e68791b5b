//! The traceback object layout from `cpython/traceback.h`.

use crate::{PyFrameObject, PyObject};
use std::ffi::c_int;

/// A traceback entry (`struct _traceback`).
#[repr(C)]
pub struct PyTracebackObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Next (inner) traceback entry, or NULL.
    pub tb_next: *mut PyTracebackObject,
    /// Frame of this entry.
    pub tb_frame: *mut PyFrameObject,
    /// Index of the last attempted instruction.
    pub tb_lasti: c_int,
    /// Line number (-1 if not yet computed).
    pub tb_lineno: c_int,
}
