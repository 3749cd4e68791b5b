//! Python initialization configuration from `Include/cpython/initconfig.h`: `PyStatus`,
//! `PyWideStringList`, `PyPreConfig` and `PyConfig` (whose layout differs per version).

use crate::Py_ssize_t;
use libc::wchar_t;
use std::ffi::{c_char, c_int, c_ulong};

/// Kind of a [`PyStatus`].
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum _PyStatus_TYPE {
    /// Success.
    _PyStatus_TYPE_OK = 0,
    /// Initialization error.
    _PyStatus_TYPE_ERROR = 1,
    /// Exit request.
    _PyStatus_TYPE_EXIT = 2,
}

#[cfg(not(PyPy))]
/// Result of an initialization function: success, error or exit request.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyStatus {
    /// Kind of status.
    pub _type: _PyStatus_TYPE,
    /// Name of the function that created the error (may be NULL).
    pub func: *const c_char,
    /// Error message (may be NULL).
    pub err_msg: *const c_char,
    /// Exit code for an exit request.
    pub exitcode: c_int,
}

#[cfg(not(PyPy))]
/// A list of wide strings (`length` items at `items`).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyWideStringList {
    /// Number of items; must be 0 if `items` is NULL.
    pub length: Py_ssize_t,
    /// The items.
    pub items: *mut *mut wchar_t,
}

#[cfg(not(PyPy))]
/// Pre-initialization configuration (memory allocator, locale, UTF-8 mode...).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyPreConfig {
    /// `_config_init`.
    pub _config_init: c_int,
    /// `parse_argv`.
    pub parse_argv: c_int,
    /// `isolated`.
    pub isolated: c_int,
    /// `use_environment`.
    pub use_environment: c_int,
    /// `configure_locale`.
    pub configure_locale: c_int,
    /// `coerce_c_locale`.
    pub coerce_c_locale: c_int,
    /// `coerce_c_locale_warn`.
    pub coerce_c_locale_warn: c_int,
    /// `legacy_windows_fs_encoding`.
    #[cfg(windows)]
    pub legacy_windows_fs_encoding: c_int,
    /// `utf8_mode`.
    pub utf8_mode: c_int,
    /// `dev_mode`.
    pub dev_mode: c_int,
    /// `allocator`.
    pub allocator: c_int,
}

#[cfg(not(PyPy))]
/// Interpreter configuration; initialize with `PyConfig_InitPythonConfig` or
/// `PyConfig_InitIsolatedConfig`. Field order and presence follow each Python version.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyConfig {
    /// `_config_init`.
    pub _config_init: c_int,
    /// `isolated`.
    pub isolated: c_int,
    /// `use_environment`.
    pub use_environment: c_int,
    /// `dev_mode`.
    pub dev_mode: c_int,
    /// `install_signal_handlers`.
    pub install_signal_handlers: c_int,
    /// `use_hash_seed`.
    pub use_hash_seed: c_int,
    /// `hash_seed`.
    pub hash_seed: c_ulong,
    /// `faulthandler`.
    pub faulthandler: c_int,
    /// `_use_peg_parser`.
    #[cfg(not(Py_3_10))]
    pub _use_peg_parser: c_int,
    /// `tracemalloc`.
    pub tracemalloc: c_int,
    /// `perf_profiling`.
    #[cfg(Py_3_12)]
    pub perf_profiling: c_int,
    /// `remote_debug` (3.14+).
    #[cfg(Py_3_14)]
    pub remote_debug: c_int,
    /// `import_time`.
    pub import_time: c_int,
    /// `code_debug_ranges`.
    #[cfg(Py_3_11)]
    pub code_debug_ranges: c_int,
    /// `show_ref_count`.
    pub show_ref_count: c_int,
    /// `dump_refs`.
    pub dump_refs: c_int,
    /// `dump_refs_file`.
    #[cfg(Py_3_11)]
    pub dump_refs_file: *mut wchar_t,
    /// `malloc_stats`.
    pub malloc_stats: c_int,
    /// `pymalloc_hugepages` (3.15+).
    #[cfg(Py_3_15)]
    pub pymalloc_hugepages: c_int,
    /// `filesystem_encoding`.
    pub filesystem_encoding: *mut wchar_t,
    /// `filesystem_errors`.
    pub filesystem_errors: *mut wchar_t,
    /// `pycache_prefix`.
    pub pycache_prefix: *mut wchar_t,
    /// `parse_argv`.
    pub parse_argv: c_int,
    /// `orig_argv`.
    #[cfg(Py_3_10)]
    pub orig_argv: PyWideStringList,
    /// `argv`.
    pub argv: PyWideStringList,
    /// `program_name`.
    #[cfg(not(Py_3_10))]
    pub program_name: *mut wchar_t,
    /// `xoptions`.
    pub xoptions: PyWideStringList,
    /// `warnoptions`.
    pub warnoptions: PyWideStringList,
    /// `site_import`.
    pub site_import: c_int,
    /// `bytes_warning`.
    pub bytes_warning: c_int,
    /// `warn_default_encoding`.
    #[cfg(Py_3_10)]
    pub warn_default_encoding: c_int,
    /// `inspect`.
    pub inspect: c_int,
    /// `interactive`.
    pub interactive: c_int,
    /// `optimization_level`.
    pub optimization_level: c_int,
    /// `parser_debug`.
    pub parser_debug: c_int,
    /// `write_bytecode`.
    pub write_bytecode: c_int,
    /// `verbose`.
    pub verbose: c_int,
    /// `quiet`.
    pub quiet: c_int,
    /// `user_site_directory`.
    pub user_site_directory: c_int,
    /// `configure_c_stdio`.
    pub configure_c_stdio: c_int,
    /// `buffered_stdio`.
    pub buffered_stdio: c_int,
    /// `stdio_encoding`.
    pub stdio_encoding: *mut wchar_t,
    /// `stdio_errors`.
    pub stdio_errors: *mut wchar_t,
    /// `legacy_windows_stdio`.
    #[cfg(windows)]
    pub legacy_windows_stdio: c_int,
    /// `check_hash_pycs_mode`.
    pub check_hash_pycs_mode: *mut wchar_t,
    /// `use_frozen_modules`.
    #[cfg(Py_3_11)]
    pub use_frozen_modules: c_int,
    /// `safe_path`.
    #[cfg(Py_3_11)]
    pub safe_path: c_int,
    /// `int_max_str_digits`.
    #[cfg(Py_3_12)]
    pub int_max_str_digits: c_int,
    /// `thread_inherit_context` (3.14+).
    #[cfg(Py_3_14)]
    pub thread_inherit_context: c_int,
    /// `context_aware_warnings` (3.14+).
    #[cfg(Py_3_14)]
    pub context_aware_warnings: c_int,
    /// `use_system_logger` (3.14+, Apple platforms).
    #[cfg(all(Py_3_14, target_vendor = "apple"))]
    pub use_system_logger: c_int,
    /// `cpu_count`.
    #[cfg(Py_3_13)]
    pub cpu_count: c_int,
    /// `enable_gil`.
    #[cfg(all(Py_3_13, Py_GIL_DISABLED))]
    pub enable_gil: c_int,
    /// `tlbc_enabled` (free-threaded 3.14+).
    #[cfg(all(Py_3_14, Py_GIL_DISABLED))]
    pub tlbc_enabled: c_int,
    /// `lazy_imports` (3.15+).
    #[cfg(Py_3_15)]
    pub lazy_imports: c_int,
    /// `pathconfig_warnings`.
    pub pathconfig_warnings: c_int,
    /// `program_name`.
    #[cfg(Py_3_10)]
    pub program_name: *mut wchar_t,
    /// `pythonpath_env`.
    pub pythonpath_env: *mut wchar_t,
    /// `home`.
    pub home: *mut wchar_t,
    /// `platlibdir`.
    #[cfg(Py_3_10)]
    pub platlibdir: *mut wchar_t,
    /// `module_search_paths_set`.
    pub module_search_paths_set: c_int,
    /// `module_search_paths`.
    pub module_search_paths: PyWideStringList,
    /// `stdlib_dir`.
    #[cfg(Py_3_11)]
    pub stdlib_dir: *mut wchar_t,
    /// `executable`.
    pub executable: *mut wchar_t,
    /// `base_executable`.
    pub base_executable: *mut wchar_t,
    /// `prefix`.
    pub prefix: *mut wchar_t,
    /// `base_prefix`.
    pub base_prefix: *mut wchar_t,
    /// `exec_prefix`.
    pub exec_prefix: *mut wchar_t,
    /// `base_exec_prefix`.
    pub base_exec_prefix: *mut wchar_t,
    /// `platlibdir`.
    #[cfg(not(Py_3_10))]
    pub platlibdir: *mut wchar_t,
    /// `skip_source_first_line`.
    pub skip_source_first_line: c_int,
    /// `run_command`.
    pub run_command: *mut wchar_t,
    /// `run_module`.
    pub run_module: *mut wchar_t,
    /// `run_filename`.
    pub run_filename: *mut wchar_t,
    /// `sys_path_0`.
    #[cfg(Py_3_13)]
    pub sys_path_0: *mut wchar_t,
    /// `_install_importlib`.
    pub _install_importlib: c_int,
    /// `_init_main`.
    pub _init_main: c_int,
    /// `_isolated_interpreter`.
    #[cfg(not(Py_3_12))]
    pub _isolated_interpreter: c_int,
    /// `_orig_argv`.
    #[cfg(not(Py_3_10))]
    pub _orig_argv: PyWideStringList,
    /// `_is_python_build`.
    #[cfg(Py_3_11)]
    pub _is_python_build: c_int,
    // (field _pystats only with Py_STATS builds: not exposed)
    /// `run_presite`.
    #[cfg(all(Py_3_13, py_sys_config = "Py_DEBUG"))]
    pub run_presite: *mut wchar_t,
}

extern "C" {
    /// A success status.
    #[cfg(not(PyPy))]
    pub fn PyStatus_Ok() -> PyStatus;
    /// An error status with a message.
    #[cfg(not(PyPy))]
    pub fn PyStatus_Error(err_msg: *const c_char) -> PyStatus;
    /// A memory allocation failure status.
    #[cfg(not(PyPy))]
    pub fn PyStatus_NoMemory() -> PyStatus;
    /// An exit status.
    #[cfg(not(PyPy))]
    pub fn PyStatus_Exit(exitcode: c_int) -> PyStatus;
    /// Whether `err` is an error.
    #[cfg(not(PyPy))]
    pub fn PyStatus_IsError(err: PyStatus) -> c_int;
    /// Whether `err` is an exit request.
    #[cfg(not(PyPy))]
    pub fn PyStatus_IsExit(err: PyStatus) -> c_int;
    /// Whether `err` is an error or exit request.
    #[cfg(not(PyPy))]
    pub fn PyStatus_Exception(err: PyStatus) -> c_int;
    /// Appends a copy of `item`.
    #[cfg(not(PyPy))]
    pub fn PyWideStringList_Append(list: *mut PyWideStringList, item: *const wchar_t) -> PyStatus;
    /// Inserts a copy of `item` at `index`.
    #[cfg(not(PyPy))]
    pub fn PyWideStringList_Insert(
        list: *mut PyWideStringList,
        index: Py_ssize_t,
        item: *const wchar_t,
    ) -> PyStatus;
    /// Initializes `config` like the regular Python.
    #[cfg(not(PyPy))]
    pub fn PyPreConfig_InitPythonConfig(config: *mut PyPreConfig);
    /// Initializes `config` for an isolated embedded Python.
    #[cfg(not(PyPy))]
    pub fn PyPreConfig_InitIsolatedConfig(config: *mut PyPreConfig);
    /// Initializes `config` like the regular Python.
    #[cfg(not(PyPy))]
    pub fn PyConfig_InitPythonConfig(config: *mut PyConfig);
    /// Initializes `config` for an isolated embedded Python.
    #[cfg(not(PyPy))]
    pub fn PyConfig_InitIsolatedConfig(config: *mut PyConfig);
    /// Releases the memory of `config`.
    #[cfg(not(PyPy))]
    pub fn PyConfig_Clear(config: *mut PyConfig);
    /// Copies `str` into `*config_str`.
    #[cfg(not(PyPy))]
    pub fn PyConfig_SetString(
        config: *mut PyConfig,
        config_str: *mut *mut wchar_t,
        str: *const wchar_t,
    ) -> PyStatus;
    /// Decodes `str` into `*config_str`.
    #[cfg(not(PyPy))]
    pub fn PyConfig_SetBytesString(
        config: *mut PyConfig,
        config_str: *mut *mut wchar_t,
        str: *const c_char,
    ) -> PyStatus;
    /// Reads the whole configuration.
    #[cfg(not(PyPy))]
    pub fn PyConfig_Read(config: *mut PyConfig) -> PyStatus;
    /// Sets `argv` from byte strings.
    #[cfg(not(PyPy))]
    pub fn PyConfig_SetBytesArgv(
        config: *mut PyConfig,
        argc: Py_ssize_t,
        argv: *const *mut c_char,
    ) -> PyStatus;
    /// Sets `argv` from wide strings.
    #[cfg(not(PyPy))]
    pub fn PyConfig_SetArgv(
        config: *mut PyConfig,
        argc: Py_ssize_t,
        argv: *const *mut wchar_t,
    ) -> PyStatus;
    /// Sets `list` to `items`.
    #[cfg(not(PyPy))]
    pub fn PyConfig_SetWideStringList(
        config: *mut PyConfig,
        list: *mut PyWideStringList,
        length: Py_ssize_t,
        items: *mut *mut wchar_t,
    ) -> PyStatus;
    /// The original command line arguments.
    #[cfg(not(PyPy))]
    pub fn Py_GetArgcArgv(argc: *mut c_int, argv: *mut *mut *mut wchar_t);
}

/// `PyInitConfig`: the PEP 741 initialization configuration (opaque, 3.14+).
#[cfg(Py_3_14)]
#[repr(C)]
pub struct PyInitConfig {
    _private: [u8; 0],
}

#[cfg(Py_3_14)]
extern "C" {
    /// A new configuration with default values, or NULL on memory error.
    pub fn PyInitConfig_Create() -> *mut PyInitConfig;
    /// Frees a configuration.
    pub fn PyInitConfig_Free(config: *mut PyInitConfig);
    /// 1 and the error message in `*err_msg` if the configuration holds an error, else 0.
    pub fn PyInitConfig_GetError(config: *mut PyInitConfig, err_msg: *mut *const c_char) -> c_int;
    /// 1 and the exit code in `*exitcode` if the configuration asks to exit, else 0.
    pub fn PyInitConfig_GetExitCode(config: *mut PyInitConfig, exitcode: *mut c_int) -> c_int;
    /// 1 if the option `name` exists, else 0.
    pub fn PyInitConfig_HasOption(config: *mut PyInitConfig, name: *const c_char) -> c_int;
    /// Reads an integer option: 0, or -1 with an error set in the configuration.
    pub fn PyInitConfig_GetInt(
        config: *mut PyInitConfig,
        name: *const c_char,
        value: *mut i64,
    ) -> c_int;
    /// Reads a string option (UTF-8, to free with `free()`; NULL if unset).
    pub fn PyInitConfig_GetStr(
        config: *mut PyInitConfig,
        name: *const c_char,
        value: *mut *mut c_char,
    ) -> c_int;
    /// Reads a string-list option (free with `PyInitConfig_FreeStrList`).
    pub fn PyInitConfig_GetStrList(
        config: *mut PyInitConfig,
        name: *const c_char,
        length: *mut libc::size_t,
        items: *mut *mut *mut c_char,
    ) -> c_int;
    /// Frees a list returned by `PyInitConfig_GetStrList`.
    pub fn PyInitConfig_FreeStrList(length: libc::size_t, items: *mut *mut c_char);
    /// Sets an integer option.
    pub fn PyInitConfig_SetInt(config: *mut PyInitConfig, name: *const c_char, value: i64)
        -> c_int;
    /// Sets a string option (UTF-8).
    pub fn PyInitConfig_SetStr(
        config: *mut PyInitConfig,
        name: *const c_char,
        value: *const c_char,
    ) -> c_int;
    /// Sets a string-list option (UTF-8 items).
    pub fn PyInitConfig_SetStrList(
        config: *mut PyInitConfig,
        name: *const c_char,
        length: libc::size_t,
        items: *const *mut c_char,
    ) -> c_int;
    /// Adds a built-in extension module to the table of built-in modules.
    pub fn PyInitConfig_AddModule(
        config: *mut PyInitConfig,
        name: *const c_char,
        initfunc: unsafe extern "C" fn() -> *mut crate::PyObject,
    ) -> c_int;
    /// Initializes Python from `config`: 0, or -1 with the error in the configuration.
    pub fn Py_InitializeFromInitConfig(config: *mut PyInitConfig) -> c_int;
}
