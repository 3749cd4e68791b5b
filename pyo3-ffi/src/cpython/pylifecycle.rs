//! Non-limited start-up API from `Include/cpython/pylifecycle.h`: initialization from
//! `PyConfig`, pre-initialization and sub-interpreter configuration.

#[cfg(Py_3_13)]
use crate::PyInterpreterState;
#[cfg(Py_3_12)]
use crate::PyThreadState;
use crate::Py_ssize_t;
#[cfg(not(PyPy))]
use crate::{PyConfig, PyPreConfig, PyStatus};
use libc::wchar_t;
#[cfg(Py_3_12)]
use std::ffi::c_void;
use std::ffi::{c_char, c_int};

extern "C" {
    /// Sets the encoding of the standard streams (deprecated in 3.11, removed in 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(
        Py_3_11,
        deprecated(note = "deprecated since Python 3.11, use PyConfig")
    )]
    #[cfg(not(PyPy))]
    pub fn Py_SetStandardStreamEncoding(encoding: *const c_char, errors: *const c_char) -> c_int;

    /// Pre-initializes the runtime from `src_config`.
    #[cfg(not(PyPy))]
    pub fn Py_PreInitialize(src_config: *const PyPreConfig) -> PyStatus;
    /// Pre-initializes the runtime, parsing byte-string command line arguments.
    #[cfg(not(PyPy))]
    pub fn Py_PreInitializeFromBytesArgs(
        src_config: *const PyPreConfig,
        argc: Py_ssize_t,
        argv: *mut *mut c_char,
    ) -> PyStatus;
    /// Pre-initializes the runtime, parsing wide-string command line arguments.
    #[cfg(not(PyPy))]
    pub fn Py_PreInitializeFromArgs(
        src_config: *const PyPreConfig,
        argc: Py_ssize_t,
        argv: *mut *mut wchar_t,
    ) -> PyStatus;

    /// Initializes the interpreter from `config`.
    #[cfg(not(PyPy))]
    pub fn Py_InitializeFromConfig(config: *const PyConfig) -> PyStatus;
    /// Second phase of a two-phase initialization (`_init_main = 0`); removed in 3.14.
    #[cfg(not(Py_3_14))]
    #[cfg(not(PyPy))]
    pub fn _Py_InitializeMain() -> PyStatus;

    /// Runs the main program configured by `PyConfig` and finalizes.
    #[cfg(not(PyPy))]
    pub fn Py_RunMain() -> c_int;

    /// Exits the process for an error or exit status.
    #[cfg(not(PyPy))]
    pub fn Py_ExitStatusException(err: PyStatus) -> !;

    /// Whether `fp` (named `filename`) should be treated as interactive.
    #[cfg(not(PyPy))]
    pub fn Py_FdIsInteractive(fp: *mut libc::FILE, filename: *const c_char) -> c_int;

    /// The main program of a "frozen" interpreter.
    #[cfg(not(PyPy))]
    pub fn Py_FrozenMain(argc: c_int, argv: *mut *mut c_char) -> c_int;

    /// Whether the runtime is finalizing (private name before 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "_PyPy_IsFinalizing")]
    pub fn _Py_IsFinalizing() -> c_int;

    /// Creates a sub-interpreter configured by `config` (3.12+).
    #[cfg(Py_3_12)]
    pub fn Py_NewInterpreterFromConfig(
        tstate_p: *mut *mut PyThreadState,
        config: *const PyInterpreterConfig,
    ) -> PyStatus;

    /// Registers an atexit callback for `interp` with data (3.13+).
    #[cfg(Py_3_13)]
    pub fn PyUnstable_AtExit(
        interp: *mut PyInterpreterState,
        func: Option<atexit_datacallbackfunc>,
        data: *mut c_void,
    ) -> c_int;
}

/// Sub-interpreter GIL mode: the default (shared) GIL.
#[cfg(Py_3_12)]
pub const PyInterpreterConfig_DEFAULT_GIL: c_int = 0;
/// Sub-interpreter GIL mode: share the main interpreter's GIL.
#[cfg(Py_3_12)]
pub const PyInterpreterConfig_SHARED_GIL: c_int = 1;
/// Sub-interpreter GIL mode: the sub-interpreter gets its own GIL.
#[cfg(Py_3_12)]
pub const PyInterpreterConfig_OWN_GIL: c_int = 2;

/// Configuration of a sub-interpreter (3.12+).
#[cfg(Py_3_12)]
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PyInterpreterConfig {
    /// Use the main interpreter's object allocator.
    pub use_main_obmalloc: c_int,
    /// Allow `os.fork()`.
    pub allow_fork: c_int,
    /// Allow `os.exec*()`.
    pub allow_exec: c_int,
    /// Allow threads.
    pub allow_threads: c_int,
    /// Allow daemon threads.
    pub allow_daemon_threads: c_int,
    /// Refuse single-phase-init extension modules.
    pub check_multi_interp_extensions: c_int,
    /// One of the `PyInterpreterConfig_*_GIL` values.
    pub gil: c_int,
}

/// Default configuration of an isolated sub-interpreter (3.12+).
#[cfg(Py_3_12)]
pub const _PyInterpreterConfig_INIT: PyInterpreterConfig = PyInterpreterConfig {
    use_main_obmalloc: 0,
    allow_fork: 0,
    allow_exec: 0,
    allow_threads: 1,
    allow_daemon_threads: 0,
    check_multi_interp_extensions: 1,
    gil: PyInterpreterConfig_OWN_GIL,
};

/// Configuration matching the legacy `Py_NewInterpreter` behaviour (3.12+).
#[cfg(Py_3_12)]
pub const _PyInterpreterConfig_LEGACY_INIT: PyInterpreterConfig = PyInterpreterConfig {
    use_main_obmalloc: 1,
    allow_fork: 1,
    allow_exec: 1,
    allow_threads: 1,
    allow_daemon_threads: 1,
    check_multi_interp_extensions: if cfg!(all(Py_3_13, Py_GIL_DISABLED)) {
        1
    } else {
        0
    },
    gil: PyInterpreterConfig_SHARED_GIL,
};

/// Callback type of `PyUnstable_AtExit` (3.12+).
#[cfg(Py_3_12)]
pub type atexit_datacallbackfunc = unsafe extern "C" fn(data: *mut c_void);
