//! Linking: which library to link, and the cargo lines that do it.

use crate::config::InterpreterConfig;
use crate::env::Env;
use crate::version::{PythonImplementation, PythonVersion};

/// The target operating system family facts the link decisions depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetInfo {
    /// `CARGO_CFG_TARGET_OS == "windows"`.
    pub windows: bool,
    /// `CARGO_CFG_TARGET_OS` is `macos` or `ios`.
    pub apple: bool,
    /// `CARGO_CFG_TARGET_ENV == "gnu"` on Windows (MinGW).
    pub mingw: bool,
}

impl TargetInfo {
    /// Reads the target from cargo's `CARGO_CFG_TARGET_*` variables (falling back to the host).
    pub fn from_env(env: &Env) -> Self {
        let os = env
            .cargo_var("CARGO_CFG_TARGET_OS")
            .unwrap_or_else(|| std::env::consts::OS.to_owned());
        let target_env = env.cargo_var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
        TargetInfo {
            windows: os == "windows",
            apple: os == "macos" || os == "ios",
            mingw: os == "windows" && target_env == "gnu",
        }
    }
}

/// Guesses the import library name on Windows: `python3XY` (`python3` for abi3), with `t` for
/// free-threaded and `_d` for debug builds; MinGW uses `python3.XY`-style names.
pub fn default_lib_name_windows(
    version: PythonVersion,
    implementation: PythonImplementation,
    abi3: bool,
    mingw: bool,
    debug: bool,
    free_threaded: bool,
) -> String {
    if implementation.is_pypy() {
        return format!("libpypy{}-c", version);
    }
    let t = if free_threaded { "t" } else { "" };
    let d = if debug { "_d" } else { "" };
    if abi3 && !free_threaded {
        format!("python3{}", d)
    } else if mingw {
        format!("python{}{}", version, t)
    } else {
        format!("python{}{}{}{}", version.major, version.minor, t, d)
    }
}

/// Guesses the library name on Unix-like systems: `python3.X` (plus `t` / `d` ABI flags),
/// `python3` for abi3 builds, `pypy3.X-c` for PyPy; `None` for GraalPy (nothing to link).
pub fn default_lib_name_unix(
    version: PythonVersion,
    implementation: PythonImplementation,
    abi3: bool,
    debug: bool,
    free_threaded: bool,
) -> Option<String> {
    match implementation {
        PythonImplementation::CPython => {
            if abi3 && !free_threaded && !debug {
                Some("python3".to_owned())
            } else {
                let flags = format!(
                    "{}{}",
                    if free_threaded { "t" } else { "" },
                    if debug { "d" } else { "" }
                );
                Some(format!("python{}{}", version, flags))
            }
        }
        PythonImplementation::PyPy => Some(format!("pypy{}-c", version)),
        PythonImplementation::GraalPy | PythonImplementation::RustPython => None,
    }
}

/// Whether the build links libpython: never for extension modules on Unix (the interpreter
/// provides the symbols), always on Windows, and always when embedding.
pub fn is_linking_libpython(extension_module: bool, target: TargetInfo) -> bool {
    target.windows || !extension_module
}

/// Whether the build produces an extension module: `PYO3_BUILD_EXTENSION_MODULE` is set (as
/// maturin does) or the deprecated `extension-module` feature of the running package is on.
pub fn is_extension_module(env: &Env) -> bool {
    env.var_os("PYO3_BUILD_EXTENSION_MODULE").is_some() || env.feature("extension-module")
}

/// The `cargo:` lines that link libpython for `config` (empty when not linking).
pub fn link_lines(config: &InterpreterConfig, linking: bool, target: TargetInfo) -> Vec<String> {
    let mut lines = Vec::new();
    if !linking || config.suppress_build_script_link_lines {
        return lines;
    }
    if config.implementation.is_graalpy() {
        return lines;
    }
    if let Some(name) = &config.lib_name {
        let kind = if config.shared || target.windows {
            ""
        } else {
            "static="
        };
        lines.push(format!("cargo:rustc-link-lib={}{}", kind, name));
    }
    if let Some(dir) = &config.lib_dir {
        lines.push(format!("cargo:rustc-link-search=native={}", dir));
    }
    if let Some(prefix) = &config.python_framework_prefix {
        if target.apple {
            lines.push(format!("cargo:rustc-link-search=framework={}", prefix));
        }
    }
    lines
}

/// The rpath linker argument that lets a binary find a shared libpython in `lib_dir`, or
/// `None` when it is not needed (static, Windows, no `lib_dir`).
pub fn rpath_arg(config: &InterpreterConfig, target: TargetInfo) -> Option<String> {
    if target.windows || !config.shared || config.suppress_build_script_link_lines {
        return None;
    }
    config
        .lib_dir
        .as_ref()
        .map(|dir| format!("-Wl,-rpath,{}", dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINUX: TargetInfo = TargetInfo {
        windows: false,
        apple: false,
        mingw: false,
    };
    const WINDOWS: TargetInfo = TargetInfo {
        windows: true,
        apple: false,
        mingw: false,
    };

    #[test]
    fn lib_names() {
        let v = PythonVersion::PY312;
        let cp = PythonImplementation::CPython;
        assert_eq!(
            default_lib_name_windows(v, cp, false, false, false, false),
            "python312"
        );
        assert_eq!(
            default_lib_name_windows(v, cp, true, false, false, false),
            "python3"
        );
        assert_eq!(
            default_lib_name_windows(v, cp, true, false, true, false),
            "python3_d"
        );
        assert_eq!(
            default_lib_name_windows(PythonVersion::PY313, cp, false, false, false, true),
            "python313t"
        );
        assert_eq!(
            default_lib_name_windows(v, cp, false, true, false, false),
            "python3.12"
        );
        assert_eq!(
            default_lib_name_unix(v, cp, false, false, false).unwrap(),
            "python3.12"
        );
        assert_eq!(
            default_lib_name_unix(v, cp, true, false, false).unwrap(),
            "python3"
        );
        assert_eq!(
            default_lib_name_unix(v, cp, false, true, false).unwrap(),
            "python3.12d"
        );
        assert_eq!(
            default_lib_name_unix(PythonVersion::PY313, cp, false, false, true).unwrap(),
            "python3.13t"
        );
        assert_eq!(
            default_lib_name_unix(v, PythonImplementation::PyPy, false, false, false).unwrap(),
            "pypy3.12-c"
        );
        assert_eq!(
            default_lib_name_unix(v, PythonImplementation::GraalPy, false, false, false),
            None
        );
    }

    #[test]
    fn linking_decisions() {
        assert!(is_linking_libpython(false, LINUX));
        assert!(!is_linking_libpython(true, LINUX));
        assert!(is_linking_libpython(true, WINDOWS));
        let env = Env::from_pairs([("PYO3_BUILD_EXTENSION_MODULE", "1")]);
        assert!(is_extension_module(&env));
        let env = Env::from_pairs([("CARGO_FEATURE_EXTENSION_MODULE", "1")]);
        assert!(is_extension_module(&env));
        assert!(!is_extension_module(&Env::from_pairs::<&str, &str>([])));
    }

    #[test]
    fn lines() {
        let mut c = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY311);
        c.lib_name = Some("python3.11".into());
        c.lib_dir = Some("/py/lib".into());
        assert_eq!(
            link_lines(&c, true, LINUX),
            [
                "cargo:rustc-link-lib=python3.11",
                "cargo:rustc-link-search=native=/py/lib"
            ]
        );
        assert!(link_lines(&c, false, LINUX).is_empty());
        assert_eq!(rpath_arg(&c, LINUX).unwrap(), "-Wl,-rpath,/py/lib");
        assert_eq!(rpath_arg(&c, WINDOWS), None);
        c.shared = false;
        assert_eq!(
            link_lines(&c, true, LINUX)[0],
            "cargo:rustc-link-lib=static=python3.11"
        );
        assert_eq!(rpath_arg(&c, LINUX), None);
        c.suppress_build_script_link_lines = true;
        assert!(link_lines(&c, true, LINUX).is_empty());
    }
}
