//! Limited-API parts of `Include/pythonrun.h`: compiling source strings and printing
//! exceptions.

use crate::PyObject;
use std::ffi::{c_char, c_int};

/// Stack margin (in bytes) checked by `PyOS_CheckStack` where it exists.
pub const PYOS_STACK_MARGIN: c_int = 2048;

extern "C" {
    /// Compiles `str` (start symbol `start`, e.g. [`crate::Py_file_input`]) into a code object.
    #[cfg(not(PyPy))]
    pub fn Py_CompileString(
        string: *const c_char,
        filename: *const c_char,
        start: c_int,
    ) -> *mut PyObject;

    /// Prints the current exception to `sys.stderr` and clears it (sets `sys.last_*`).
    #[cfg_attr(PyPy, link_name = "PyPyErr_Print")]
    pub fn PyErr_Print();
    /// Prints the current exception; sets `sys.last_*` if `set_sys_last_vars` is non-zero.
    #[cfg_attr(PyPy, link_name = "PyPyErr_PrintEx")]
    pub fn PyErr_PrintEx(set_sys_last_vars: c_int);
    /// Displays an exception given as (type, value, traceback).
    #[cfg_attr(PyPy, link_name = "PyPyErr_Display")]
    pub fn PyErr_Display(exc: *mut PyObject, value: *mut PyObject, tb: *mut PyObject);
    /// Displays an exception instance (3.12+).
    #[cfg(Py_3_12)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_DisplayException")]
    pub fn PyErr_DisplayException(exc: *mut PyObject);

    /// Hook called periodically while waiting for interactive input.
    #[cfg_attr(PyPy, link_name = "PyPyOS_InputHook")]
    pub static mut PyOS_InputHook: Option<unsafe extern "C" fn() -> c_int>;
}

/// `Py_CompileString(str, filename, start)` on PyPy, which defines it as a macro over
/// `Py_CompileStringFlags` with no compiler flags.
#[cfg(PyPy)]
#[inline]
pub unsafe fn Py_CompileString(
    string: *const c_char,
    filename: *const c_char,
    start: c_int,
) -> *mut crate::PyObject {
    crate::Py_CompileStringFlags(string, filename, start, std::ptr::null_mut())
}
