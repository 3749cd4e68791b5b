//! Build-time configuration for crates that use PyO3.
//!
//! This crate finds the Python interpreter to build for (or reads a config file, or derives a
//! configuration for cross compilation), and turns that into `#[cfg]` flags and linker
//! arguments. PyO3's own build scripts use it; crates that need the same cfgs call
//! [`use_pyo3_cfgs`] from their build script:
//!
//! ```no_run
//! // in build.rs, inside `fn main()`:
//! # #[cfg(feature = "resolve-config")]
//! pyo3_build_config::use_pyo3_cfgs();
//! ```
//!
//! The cfgs are:
//!
//! | cfg | meaning |
//! | --- | ------- |
//! | `Py_3_7`, `Py_3_8`, ... | the Python version built for is at least 3.7, 3.8, ... |
//! | `Py_LIMITED_API` | building for the stable ABI (an `abi3` feature is on) |
//! | `Py_GIL_DISABLED` | the interpreter is a free-threaded build |
//! | `PyPy`, `GraalPy` | building for that implementation |
//! | `py_sys_config = "Py_DEBUG"` (also `Py_REF_DEBUG`, `Py_TRACE_REFS`, `COUNT_ALLOCS`) | the interpreter was built with that flag |
//!
//! Environment variables read: `PYO3_PYTHON`, `VIRTUAL_ENV`, `CONDA_PREFIX`, `PATH`,
//! `PYO3_CONFIG_FILE`, `PYO3_NO_PYTHON`, `PYO3_PRINT_CONFIG`, `PYO3_CROSS`,
//! `PYO3_CROSS_LIB_DIR`, `PYO3_CROSS_PYTHON_VERSION`, `PYO3_CROSS_PYTHON_IMPLEMENTATION`,
//! `PYO3_BUILD_EXTENSION_MODULE` and `PYO3_USE_ABI3_FORWARD_COMPATIBILITY`.

#![warn(missing_docs)]

#[macro_use]
#[doc(hidden)]
pub mod errors;
mod build_script;
mod cfgs;
mod config;
mod cross;
mod env;
mod flags;
mod import_lib;
mod interpreter;
mod link;
mod resolve;
mod sysconfigdata;
mod version;

pub use config::InterpreterConfig;
pub use cross::{cross_compiling_from_to, find_all_sysconfigdata, CrossCompileConfig};
pub use flags::{BuildFlag, BuildFlags};
pub use sysconfigdata::{parse_sysconfigdata, Sysconfigdata};
pub use target_lexicon::Triple;
pub use version::{PythonImplementation, PythonVersion};

#[cfg(feature = "resolve-config")]
use std::sync::OnceLock;

/// Prints the `cargo:rustc-check-cfg` declarations and the `cargo:rustc-cfg` flags of the
/// resolved configuration (see the [crate documentation](crate) for the list).
///
/// Call it from a build script.
#[cfg(feature = "resolve-config")]
pub fn use_pyo3_cfgs() {
    print_expected_cfgs();
    for line in get().build_script_outputs() {
        println!("{}", line);
    }
}

/// Prints a `cargo::rustc-check-cfg` line for every cfg this crate can emit, so that none of
/// them triggers the `unexpected_cfgs` lint.
pub fn print_expected_cfgs() {
    for line in cfgs::expected_cfg_lines() {
        println!("{}", line);
    }
}

/// Prints the cfgs that depend on the Rust compiler's version (for example `fn_ptr_eq` for
/// rustc 1.85+). Call it from a build script.
pub fn print_feature_cfgs() {
    if let Some(minor) = cfgs::rustc_minor_version() {
        for cfg in cfgs::feature_cfgs(minor) {
            println!("cargo:rustc-cfg={}", cfg);
        }
    }
}

/// Adds the linker arguments an extension module needs: on macOS, `-undefined dynamic_lookup`
/// so that Python symbols are resolved when the module is loaded.
///
/// Call it from the build script of a `cdylib` extension module.
pub fn add_extension_module_link_args() {
    let target = link::TargetInfo::from_env(&env::Env::process_quiet());
    for line in extension_module_link_lines(target) {
        println!("{}", line);
    }
}

fn extension_module_link_lines(target: link::TargetInfo) -> Vec<&'static str> {
    if target.apple {
        vec![
            "cargo:rustc-cdylib-link-arg=-undefined",
            "cargo:rustc-cdylib-link-arg=dynamic_lookup",
        ]
    } else {
        Vec::new()
    }
}

/// Adds an rpath to the directory of the resolved shared libpython, so that binaries (and
/// tests) that embed Python find it at run time without `LD_LIBRARY_PATH`.
///
/// Does nothing for static builds, Windows, or when no library directory is known.
#[cfg(feature = "resolve-config")]
pub fn add_libpython_rpath_link_args() {
    let target = link::TargetInfo::from_env(&env::Env::process_quiet());
    if let Some(arg) = link::rpath_arg(get(), target) {
        println!("cargo:rustc-link-arg={}", arg);
    }
}

/// Adds an rpath to the Python framework's directory when building on macOS against a
/// framework build of Python.
#[cfg(feature = "resolve-config")]
pub fn add_python_framework_link_args() {
    let target = link::TargetInfo::from_env(&env::Env::process_quiet());
    if let (true, Some(prefix)) = (target.apple, &get().python_framework_prefix) {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", prefix);
    }
}

/// The configuration resolved for this build.
///
/// In a build script of a crate that depends directly on pyo3-ffi, this is the config pyo3-ffi
/// published (`DEP_PYTHON_PYO3_CONFIG`); otherwise it is the config resolved when this crate
/// was built. Must be called from a build script; panics with the resolution error (e.g. no
/// Python interpreter found) if there is no configuration.
///
/// ```no_run
/// // in build.rs:
/// let config = pyo3_build_config::get();
/// if config.abi3 {
///     println!("cargo:warning=building for the stable ABI of Python {}", config.version);
/// }
/// ```
#[cfg(feature = "resolve-config")]
pub fn get() -> &'static InterpreterConfig {
    static CONFIG: OnceLock<InterpreterConfig> = OnceLock::new();
    CONFIG.get_or_init(|| {
        let resolved = match InterpreterConfig::from_cargo_dep_env() {
            Some(config) => config,
            None => pyo3_build_script_impl::resolved_config(),
        };
        match resolved {
            Ok(config) => config,
            Err(e) => panic!("{}", e.report()),
        }
    })
}

/// Internals shared by the build scripts of PyO3's crates. Not a stable API.
#[doc(hidden)]
pub mod pyo3_build_script_impl {
    pub use crate::build_script::{
        ffi_build_script, package_lines, pyo3_build_script, resolve_interpreter_config, run,
    };
    pub use crate::cfgs::{config_cfgs, expected_cfg_lines, feature_cfgs, rustc_minor_version};
    pub use crate::env::Env;
    pub use crate::errors;
    pub use crate::interpreter::{find_interpreter, query_interpreter, InterpreterFacts};
    pub use crate::link::{
        default_lib_name_unix, default_lib_name_windows, is_extension_module, is_linking_libpython,
        link_lines, rpath_arg, TargetInfo,
    };
    pub use crate::resolve::{apply_features, check_version, resolve, AbiFeatures, Warnings};
    pub use crate::sysconfigdata::{find_sysconfigdata_files, parse_sysconfigdata_text};
    pub use crate::version::{
        supported_versions, MAXIMUM_SUPPORTED_VERSION, MINIMUM_SUPPORTED_VERSION,
    };
    pub use crate::{InterpreterConfig, PythonVersion};

    /// The config resolved by this crate's build script (with `resolve-config`).
    #[cfg(feature = "resolve-config")]
    pub fn resolved_config() -> errors::Result<InterpreterConfig> {
        const CONFIG: &str = include_str!(concat!(env!("OUT_DIR"), "/pyo3-build-config.txt"));
        const ERROR: &str = include_str!(concat!(env!("OUT_DIR"), "/pyo3-build-config-error.txt"));
        if !ERROR.is_empty() {
            return Err(errors::Error::new(ERROR));
        }
        InterpreterConfig::from_reader(CONFIG.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_module_args() {
        let mac = link::TargetInfo {
            windows: false,
            apple: true,
            mingw: false,
        };
        assert_eq!(extension_module_link_lines(mac).len(), 2);
        let linux = link::TargetInfo {
            apple: false,
            ..mac
        };
        assert!(extension_module_link_lines(linux).is_empty());
    }
}
