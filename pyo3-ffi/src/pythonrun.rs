//! Limited-API parts of `Include/pythonrun.h`: compiling source strings and printing
//! exceptions.

use crate::PyObject;
use std::ffi::{c_char, c_int};

/// Stack margin (in bytes) checked by `PyOS_CheckStack` where it exists.
pub const PYOS_STACK_MARGIN: c_int = 2048;

// Python 3.9 declares these in `pythonrun.h` / `node.h` outside the `Py_LIMITED_API` guard
// (the structs as incomplete types there), so they exist for the limited API too.

/// Opaque concrete syntax tree node of the old parser (`struct _node`; Python < 3.10).
#[cfg(not(Py_3_10))]
#[repr(C)]
pub struct _node {
    _private: [u8; 0],
}

/// Opaque symbol table (`struct symtable`; Python < 3.10).
#[cfg(not(Py_3_10))]
#[repr(C)]
pub struct symtable {
    _private: [u8; 0],
}

#[cfg(not(Py_3_10))]
extern "C" {
    /// Symbol table of a source string (Python < 3.10).
    #[cfg_attr(PyPy, link_name = "PyPy_SymtableString")]
    pub fn Py_SymtableString(
        str: *const c_char,
        filename: *const c_char,
        start: c_int,
    ) -> *mut symtable;
}

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
