//! Access to the `sys` module from `Include/sysmodule.h` (and the audit hooks of
//! `Include/cpython/sysmodule.h`).

use crate::PyObject;
use libc::wchar_t;
use std::ffi::{c_char, c_int};

/// Audit hook installed with [`PySys_AddAuditHook`].
#[cfg(not(Py_LIMITED_API))]
pub type Py_AuditHookFunction = unsafe extern "C" fn(
    event: *const c_char,
    args: *mut PyObject,
    user_data: *mut std::ffi::c_void,
) -> c_int;

extern "C" {
    /// The object `sys.<name>` (borrowed), or NULL without an exception.
    #[cfg_attr(PyPy, link_name = "PyPySys_GetObject")]
    pub fn PySys_GetObject(name: *const c_char) -> *mut PyObject;
    /// Sets `sys.<name>` to `v` (deletes it if `v` is NULL).
    #[cfg_attr(PyPy, link_name = "PyPySys_SetObject")]
    pub fn PySys_SetObject(name: *const c_char, v: *mut PyObject) -> c_int;

    /// Sets `sys.argv` (deprecated since 3.11: use `PyConfig.argv`).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn PySys_SetArgv(argc: c_int, argv: *mut *mut wchar_t);
    /// Sets `sys.argv`, optionally updating `sys.path` (deprecated since 3.11).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn PySys_SetArgvEx(argc: c_int, argv: *mut *mut wchar_t, updatepath: c_int);
    /// Sets `sys.path` from a path string (deprecated in 3.11; gone from the 3.13 headers, still exported).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn PySys_SetPath(path: *const wchar_t);

    /// Writes a formatted message (at most 1000 bytes) to `sys.stdout`.
    #[cfg_attr(PyPy, link_name = "PyPySys_WriteStdout")]
    pub fn PySys_WriteStdout(format: *const c_char, ...);
    /// Writes a formatted message (at most 1000 bytes) to `sys.stderr`.
    #[cfg_attr(PyPy, link_name = "PyPySys_WriteStderr")]
    pub fn PySys_WriteStderr(format: *const c_char, ...);
    /// Writes a `PyUnicode_FromFormat`-style message to `sys.stdout`.
    #[cfg(not(PyPy))]
    pub fn PySys_FormatStdout(format: *const c_char, ...);
    /// Writes a `PyUnicode_FromFormat`-style message to `sys.stderr`.
    #[cfg(not(PyPy))]
    pub fn PySys_FormatStderr(format: *const c_char, ...);

    /// Clears `sys.warnoptions` (deprecated since 3.13).
    #[cfg_attr(Py_3_13, deprecated(note = "deprecated since Python 3.13"))]
    #[cfg(not(PyPy))]
    pub fn PySys_ResetWarnOptions();
    /// Appends to `sys.warnoptions` (deprecated in 3.11; gone from the 3.13 headers, still exported).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn PySys_AddWarnOption(s: *const wchar_t);
    /// Appends to `sys.warnoptions` (deprecated in 3.11; gone from the 3.13 headers, still exported).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn PySys_AddWarnOptionUnicode(option: *mut PyObject);
    /// Whether `sys.warnoptions` is non-empty (deprecated in 3.11; gone from the 3.13 headers, still exported).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn PySys_HasWarnOptions() -> c_int;
    /// Adds a `-X` option (deprecated in 3.11; gone from the 3.13 headers, still exported).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn PySys_AddXOption(s: *const wchar_t);
    /// The `sys._xoptions` dict (borrowed).
    #[cfg(not(PyPy))]
    pub fn PySys_GetXOptions() -> *mut PyObject;

    /// Raises an auditing event (limited API from 3.13).
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn PySys_Audit(event: *const c_char, format: *const c_char, ...) -> c_int;
    /// Raises an auditing event with an argument tuple (3.13+).
    #[cfg(Py_3_13)]
    pub fn PySys_AuditTuple(event: *const c_char, args: *mut PyObject) -> c_int;
    /// Installs an audit hook.
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PySys_AddAuditHook(
        hook: Option<Py_AuditHookFunction>,
        user_data: *mut std::ffi::c_void,
    ) -> c_int;
}
