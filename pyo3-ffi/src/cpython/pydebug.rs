//! Global configuration flags from `Include/cpython/pydebug.h` (`pydebug.h` before 3.10).
//! Deprecated since Python 3.12 in favour of `PyConfig`.

use std::ffi::{c_char, c_int};

extern "C" {
    /// Parser debugging output (`-d`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_DebugFlag")]
    pub static mut Py_DebugFlag: c_int;
    /// Verbose imports (`-v`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_VerboseFlag")]
    pub static mut Py_VerboseFlag: c_int;
    /// No copyright and version banner (`-q`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_QuietFlag")]
    pub static mut Py_QuietFlag: c_int;
    /// Interactive mode was requested.
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_InteractiveFlag")]
    pub static mut Py_InteractiveFlag: c_int;
    /// Enter interactive mode after running a script (`-i`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_InspectFlag")]
    pub static mut Py_InspectFlag: c_int;
    /// Optimization level (`-O`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_OptimizeFlag")]
    pub static mut Py_OptimizeFlag: c_int;
    /// Do not import `site` (`-S`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_NoSiteFlag")]
    pub static mut Py_NoSiteFlag: c_int;
    /// Bytes/str comparison warnings (`-b`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_BytesWarningFlag")]
    pub static mut Py_BytesWarningFlag: c_int;
    /// Suppress path computation errors (frozen executables).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_FrozenFlag")]
    pub static mut Py_FrozenFlag: c_int;
    /// Ignore `PYTHON*` environment variables (`-E`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_IgnoreEnvironmentFlag")]
    pub static mut Py_IgnoreEnvironmentFlag: c_int;
    /// Do not write `.pyc` files (`-B`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_DontWriteBytecodeFlag")]
    pub static mut Py_DontWriteBytecodeFlag: c_int;
    /// No user site directory (`-s`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_NoUserSiteDirectory")]
    pub static mut Py_NoUserSiteDirectory: c_int;
    /// Unbuffered standard streams (`-u`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_UnbufferedStdioFlag")]
    pub static mut Py_UnbufferedStdioFlag: c_int;
    /// Hash randomization setting (`PYTHONHASHSEED`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_HashRandomizationFlag")]
    pub static mut Py_HashRandomizationFlag: c_int;
    /// Isolated mode (`-I`).
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    #[cfg_attr(PyPy, link_name = "PyPy_IsolatedFlag")]
    pub static mut Py_IsolatedFlag: c_int;
    /// Use the legacy file system encoding (Windows only).
    #[cfg(windows)]
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    pub static mut Py_LegacyWindowsFSEncodingFlag: c_int;
    /// Use the legacy console I/O (Windows only).
    #[cfg(windows)]
    #[cfg_attr(
        Py_3_12,
        deprecated(note = "deprecated since Python 3.12, use PyConfig")
    )]
    pub static mut Py_LegacyWindowsStdioFlag: c_int;

    /// `getenv(name)`, or NULL if the environment is ignored (a function from 3.11).
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn Py_GETENV(name: *const c_char) -> *mut c_char;
}

/// `getenv(name)`, or NULL if `Py_IgnoreEnvironmentFlag` is set (a C macro before 3.11).
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn Py_GETENV(name: *const c_char) -> *mut c_char {
    if Py_IgnoreEnvironmentFlag != 0 {
        std::ptr::null_mut()
    } else {
        libc::getenv(name)
    }
}
