//! Interpreter start-up and shut-down from `Include/pylifecycle.h`.

use crate::PyThreadState;
use libc::wchar_t;
use std::ffi::{c_char, c_int};

/// Signal handler type used by [`PyOS_getsig`] and [`PyOS_setsig`].
pub type PyOS_sighandler_t = unsafe extern "C" fn(signum: c_int);

extern "C" {
    /// Initializes the interpreter (same as `Py_InitializeEx(1)`).
    #[cfg(not(PyPy))]
    pub fn Py_Initialize();
    /// Initializes the interpreter; signal handlers are installed if `initsigs` is non-zero.
    #[cfg(not(PyPy))]
    pub fn Py_InitializeEx(initsigs: c_int);
    /// Shuts the interpreter down, ignoring errors.
    #[cfg(not(PyPy))]
    pub fn Py_Finalize();
    /// Shuts the interpreter down; returns -1 if flushing buffered data failed.
    #[cfg(not(PyPy))]
    pub fn Py_FinalizeEx() -> c_int;
    /// Whether the interpreter is initialized.
    #[cfg_attr(PyPy, link_name = "PyPy_IsInitialized")]
    pub fn Py_IsInitialized() -> c_int;

    /// Creates a sub-interpreter and returns its thread state.
    #[cfg(not(PyPy))]
    pub fn Py_NewInterpreter() -> *mut PyThreadState;
    /// Destroys the sub-interpreter of `tstate`.
    #[cfg(not(PyPy))]
    pub fn Py_EndInterpreter(tstate: *mut PyThreadState);

    /// Registers a cleanup function called by `Py_FinalizeEx`.
    #[cfg_attr(PyPy, link_name = "PyPy_AtExit")]
    pub fn Py_AtExit(func: Option<extern "C" fn()>) -> c_int;

    /// Finalizes the interpreter and exits the process with `status`.
    #[cfg(not(PyPy))]
    pub fn Py_Exit(status: c_int) -> !;

    /// The main program of the standard interpreter (wide-character arguments).
    #[cfg(not(PyPy))]
    pub fn Py_Main(argc: c_int, argv: *mut *mut wchar_t) -> c_int;
    /// The main program of the standard interpreter (byte-string arguments).
    #[cfg(not(PyPy))]
    pub fn Py_BytesMain(argc: c_int, argv: *mut *mut c_char) -> c_int;

    /// Sets the program name (deprecated since 3.11: use `PyConfig.program_name`).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn Py_SetProgramName(name: *const wchar_t);
    /// The program name (deprecated since 3.13: use `sys.executable`).
    #[cfg_attr(Py_3_13, deprecated(note = "deprecated since Python 3.13"))]
    #[cfg_attr(PyPy, link_name = "PyPy_GetProgramName")]
    pub fn Py_GetProgramName() -> *mut wchar_t;
    /// Sets the Python home (deprecated since 3.11: use `PyConfig.home`).
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn Py_SetPythonHome(home: *const wchar_t);
    /// The Python home (deprecated since 3.13).
    #[cfg_attr(Py_3_13, deprecated(note = "deprecated since Python 3.13"))]
    #[cfg(not(PyPy))]
    pub fn Py_GetPythonHome() -> *mut wchar_t;
    /// Full path of the executable (deprecated since 3.13).
    #[cfg_attr(Py_3_13, deprecated(note = "deprecated since Python 3.13"))]
    #[cfg(not(PyPy))]
    pub fn Py_GetProgramFullPath() -> *mut wchar_t;
    /// `sys.prefix` (deprecated since 3.13).
    #[cfg_attr(Py_3_13, deprecated(note = "deprecated since Python 3.13"))]
    #[cfg(not(PyPy))]
    pub fn Py_GetPrefix() -> *mut wchar_t;
    /// `sys.exec_prefix` (deprecated since 3.13).
    #[cfg_attr(Py_3_13, deprecated(note = "deprecated since Python 3.13"))]
    #[cfg(not(PyPy))]
    pub fn Py_GetExecPrefix() -> *mut wchar_t;
    /// The default module search path (deprecated since 3.13).
    #[cfg_attr(Py_3_13, deprecated(note = "deprecated since Python 3.13"))]
    #[cfg(not(PyPy))]
    pub fn Py_GetPath() -> *mut wchar_t;
    /// Sets the module search path (deprecated in 3.11, removed from the headers in 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn Py_SetPath(path: *const wchar_t);

    /// The version string of the interpreter.
    #[cfg_attr(PyPy, link_name = "PyPy_GetVersion")]
    pub fn Py_GetVersion() -> *const c_char;
    /// The platform identifier (`sys.platform`).
    #[cfg(not(PyPy))]
    pub fn Py_GetPlatform() -> *const c_char;
    /// The copyright string.
    #[cfg(not(PyPy))]
    pub fn Py_GetCopyright() -> *const c_char;
    /// The compiler description.
    #[cfg(not(PyPy))]
    pub fn Py_GetCompiler() -> *const c_char;
    /// Build information (sequence number, date, time).
    #[cfg(not(PyPy))]
    pub fn Py_GetBuildInfo() -> *const c_char;

    /// The current handler of signal `sig`.
    #[cfg_attr(PyPy, link_name = "PyPyOS_getsig")]
    pub fn PyOS_getsig(sig: c_int) -> Option<PyOS_sighandler_t>;
    /// Installs `handler` for signal `sig` and returns the previous handler.
    #[cfg_attr(PyPy, link_name = "PyPyOS_setsig")]
    pub fn PyOS_setsig(sig: c_int, handler: Option<PyOS_sighandler_t>)
        -> Option<PyOS_sighandler_t>;

    /// The interpreter version as `PY_VERSION_HEX` (3.11+).
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPy_Version")]
    pub static Py_Version: std::ffi::c_ulong;

    /// Whether the main interpreter is finalizing (3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPy_IsFinalizing")]
    pub fn Py_IsFinalizing() -> c_int;
}
