//! Resolving the final [`InterpreterConfig`] for a build: config file, cross compilation,
//! `PYO3_NO_PYTHON`, or the host interpreter; then abi3 features and version checks.

use std::path::Path;
use std::str::FromStr;

use target_lexicon::Triple;

use crate::abi::{PythonAbi, StableAbi};
use crate::config::InterpreterConfig;
use crate::cross::{cross_compiling_from_env, cross_config};
use crate::env::Env;
use crate::errors::{Error, Result};
use crate::interpreter::find_interpreter;
use crate::link::{default_lib_name_unix, default_lib_name_windows, TargetInfo};
use crate::version::{
    abi3_feature_version, supported_versions, PythonImplementation, PythonVersion,
    MAXIMUM_SUPPORTED_VERSION, MINIMUM_FREE_THREADED_VERSION, MINIMUM_SUPPORTED_VERSION,
};

/// The first version for which the `abi3t` features do anything.
pub const ABI3T_MIN_VERSION: PythonVersion = PythonVersion::PY315;

/// What the enabled cargo features ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AbiFeatures {
    /// Any `abi3` feature is enabled.
    pub abi3: bool,
    /// The minimum version from `abi3-pyXY`, if any.
    pub abi3_version: Option<PythonVersion>,
    /// Any `abi3t` feature is enabled.
    pub abi3t: bool,
}

impl AbiFeatures {
    /// Reads `CARGO_FEATURE_ABI3*` of the running build script's package.
    pub fn from_env(env: &Env) -> Self {
        let abi3_version = abi3_feature_version(env);
        AbiFeatures {
            abi3: env.feature("abi3") || abi3_version.is_some(),
            abi3_version,
            abi3t: env.feature("abi3t"),
        }
    }
}

/// Messages to show as cargo warnings; collected so that callers decide how to print them.
pub type Warnings = Vec<String>;

/// Resolves the configuration from `env` (the process environment in build scripts).
pub fn resolve(env: &Env, warnings: &mut Warnings) -> Result<InterpreterConfig> {
    let features = AbiFeatures::from_env(env);
    // Read up front so that it is a rerun trigger whatever the outcome.
    let _ = env.var_os("PYO3_USE_ABI3_FORWARD_COMPATIBILITY");
    let target_info = TargetInfo::from_env(env);

    if let Some(file) = env.var_os("PYO3_CONFIG_FILE").filter(|v| !v.is_empty()) {
        let path = Path::new(&file);
        ensure!(
            path.is_absolute(),
            "PYO3_CONFIG_FILE must be an absolute path, got `{}`",
            path.display()
        );
        env.track_file(path);
        // The file is used as written (abi3 features do not change it), but it must still
        // name a supported version.
        let mut config = InterpreterConfig::from_path(path)?;
        check_version(&mut config, env, target_info, warnings)?;
        return Ok(config);
    }

    let host = triple_from(env, "HOST")?;
    let target = triple_from(env, "TARGET")?;
    let mut config = if let Some(cross) = cross_compiling_from_env(env, &host, &target)? {
        let default_version = features
            .abi3
            .then(|| features.abi3_version.unwrap_or(MINIMUM_SUPPORTED_VERSION));
        cross_config(&cross, default_version)?
    } else if env.var_os("PYO3_NO_PYTHON").is_some() {
        ensure!(
            features.abi3,
            "PYO3_NO_PYTHON is set but no abi3 feature is enabled: without an abi3 feature \
             a Python interpreter is required (unset PYO3_NO_PYTHON and set PYO3_PYTHON)"
        );
        default_abi3_config(env, &features, target_info)
    } else {
        match find_interpreter(env) {
            Some(python) => InterpreterConfig::from_interpreter(&python)?,
            None if features.abi3 => {
                warnings.push(
                    "no Python interpreter found; building for the stable ABI with a guessed \
                     configuration (set PYO3_PYTHON to use a specific interpreter)"
                        .to_owned(),
                );
                default_abi3_config(env, &features, target_info)
            }
            None => bail!(
                "no Python 3.x interpreter found: install Python 3 (with `python3` on PATH), \
                 activate a virtualenv, or set PYO3_PYTHON to the interpreter's path"
            ),
        }
    };
    apply_features(&mut config, &features, target_info, warnings)?;
    check_version(&mut config, env, target_info, warnings)?;
    Ok(config)
}

fn triple_from(env: &Env, var: &str) -> Result<Triple> {
    match env.cargo_var(var) {
        Some(text) => Triple::from_str(&text)
            .map_err(|e| Error::new(format!("cannot parse {} triple `{}`: {}", var, text, e))),
        None => Ok(Triple::host()),
    }
}

/// The configuration used when no interpreter is run: CPython at the abi3 minimum version.
pub fn default_abi3_config(
    env: &Env,
    features: &AbiFeatures,
    target: TargetInfo,
) -> InterpreterConfig {
    let version = features.abi3_version.unwrap_or(MINIMUM_SUPPORTED_VERSION);
    let implementation = PythonImplementation::CPython;
    let mut config = InterpreterConfig::new(implementation, version);
    config.abi3 = true;
    config.lib_name = if target.windows {
        Some(default_lib_name_windows(
            version,
            implementation,
            true,
            target.mingw,
            false,
            false,
        ))
    } else {
        default_lib_name_unix(version, implementation, true, false, false)
    };
    config.pointer_width = env
        .cargo_var("CARGO_CFG_TARGET_POINTER_WIDTH")
        .and_then(|w| w.parse().ok());
    config
}

/// Applies the abi3 / abi3t features to a config read from an interpreter or cross settings.
pub fn apply_features(
    config: &mut InterpreterConfig,
    features: &AbiFeatures,
    target: TargetInfo,
    warnings: &mut Warnings,
) -> Result<()> {
    let mut abi3 = features.abi3;
    if features.abi3t {
        if config.version >= ABI3T_MIN_VERSION {
            abi3 = true;
        } else {
            warnings.push(format!(
                "the abi3t features only apply to Python {} and newer; building for Python {} \
                 without them",
                ABI3T_MIN_VERSION, config.version
            ));
        }
    }
    if abi3 && config.is_free_threaded() && config.version < ABI3T_MIN_VERSION {
        warnings.push(format!(
            "the free-threaded build of Python {} has no stable ABI; the abi3 features are \
             ignored and the version-specific API is used",
            config.version
        ));
        abi3 = false;
    }
    if !abi3 {
        return Ok(());
    }
    // The host interpreter's version stays `config.version()`; the stable ABI and its minimum
    // version (which decides the `Py_3_*` cfgs) go into the target ABI.
    let minimum = match features.abi3_version {
        Some(min) => {
            // An extension built for a newer stable ABI cannot be loaded by this interpreter,
            // and the cfgs would promise C-API items that its libpython lacks.
            crate::ensure!(
                config.version >= min,
                "cannot set a minimum Python version {} higher than the interpreter version {} \
                 (the minimum Python version is implied by the abi3-py3{} feature)",
                min,
                config.version,
                min.minor
            );
            min
        }
        None => config.version.min(MAXIMUM_SUPPORTED_VERSION),
    };
    let free_threaded = config.is_free_threaded();
    let kind = if free_threaded {
        StableAbi::Abi3t
    } else {
        StableAbi::Abi3
    };
    let mut abi = PythonAbi::from_stable_abi(
        config.implementation,
        config.version,
        Some((kind, minimum)),
        free_threaded,
    )?;
    if config
        .build_flags
        .contains(&crate::flags::BuildFlag::Py_DEBUG)
    {
        abi = abi.with_debug();
    }
    config.set_target_abi(abi);
    if target.windows && config.implementation == PythonImplementation::CPython {
        let debug = config
            .build_flags
            .contains(&crate::flags::BuildFlag::Py_DEBUG);
        config.lib_name = Some(default_lib_name_windows(
            minimum,
            config.implementation,
            true,
            target.mingw,
            debug,
            false,
        ));
    }
    Ok(())
}

/// The version of PyO3 this crate stands in for, named in the version errors.
const PYO3_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How the version errors name an implementation: CPython is just "Python".
fn version_kind(implementation: PythonImplementation) -> String {
    match implementation {
        PythonImplementation::CPython => "Python".to_owned(),
        other => other.to_string(),
    }
}

/// Checks the version against the supported range; applies
/// `PYO3_USE_ABI3_FORWARD_COMPATIBILITY` for interpreters newer than the newest supported one.
pub fn check_version(
    config: &mut InterpreterConfig,
    env: &Env,
    target: TargetInfo,
    warnings: &mut Warnings,
) -> Result<()> {
    ensure!(
        config.implementation != PythonImplementation::RustPython,
        "the configured Python implementation is RustPython, which PyO3's bindings do not \
         support; build with CPython, PyPy or GraalPy"
    );
    let supported = supported_versions(config.implementation);
    // The first line of each version error is PyO3's own wording (scripts and users match it);
    // the `= help:` lines say what to do.
    let kind = version_kind(config.implementation);
    ensure!(
        config.version >= supported.min,
        "the configured {kind} version ({}) is lower than PyO3's minimum supported version ({})\n\
         = help: use a newer interpreter: set PYO3_PYTHON to its path (or activate a virtualenv \
         made with it)",
        config.version,
        supported.min
    );
    if config.is_free_threaded() {
        ensure!(
            config.version >= MINIMUM_FREE_THREADED_VERSION,
            "the free-threaded build of Python {} is not supported: PyO3 supports free-threaded \
             Python from {} (use python{}t, or the default GIL-enabled build of {})",
            config.version,
            MINIMUM_FREE_THREADED_VERSION,
            MINIMUM_FREE_THREADED_VERSION,
            config.version
        );
    }
    if config.version > supported.max && config.implementation != PythonImplementation::CPython {
        // PyPy and GraalPy have no stable ABI to fall back on.
        bail!(
            "the configured {kind} version ({}) is newer than PyO3's maximum supported version \
             ({})\n= help: this package is being built with PyO3 version {}",
            config.version,
            supported.max,
            PYO3_VERSION
        );
    }
    if config.version > supported.max && !config.abi3 {
        ensure!(
            env.flag("PYO3_USE_ABI3_FORWARD_COMPATIBILITY"),
            "the configured {kind} version ({}) is newer than PyO3's maximum supported version \
             ({})\n= help: this package is being built with PyO3 version {}\n= help: set \
             PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 to suppress this check and build anyway using \
             the stable ABI",
            config.version,
            supported.max,
            PYO3_VERSION
        );
        warnings.push(format!(
            "PYO3_USE_ABI3_FORWARD_COMPATIBILITY is set: building for Python {} with the \
             stable ABI of Python {}",
            config.version, supported.max
        ));
        let features = AbiFeatures {
            abi3: true,
            abi3_version: Some(supported.max),
            abi3t: false,
        };
        apply_features(config, &features, target, warnings)?;
    }
    Ok(())
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

    fn cpython(minor: u8) -> InterpreterConfig {
        let mut c =
            InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::new(3, minor));
        c.lib_name = Some(format!("python3.{}", minor));
        c
    }

    #[test]
    fn abi3_version_resolution() {
        let mut w = Warnings::new();
        let env = Env::from_pairs([
            ("CARGO_FEATURE_ABI3", "1"),
            ("CARGO_FEATURE_ABI3_PY310", "1"),
        ]);
        let features = AbiFeatures::from_env(&env);
        assert_eq!(features.abi3_version, Some(PythonVersion::PY310));
        let mut c = cpython(12);
        apply_features(&mut c, &features, LINUX, &mut w).unwrap();
        assert!(c.abi3);
        // the host stays the host; the target is the stable ABI from the feature's version on
        assert_eq!(c.version, PythonVersion::PY312);
        assert_eq!(c.target_abi().to_string(), "CPython-abi3-3.10");
        let cfgs = crate::cfgs::config_cfgs(&c);
        assert!(cfgs.contains(&"Py_3_10".to_string()) && !cfgs.contains(&"Py_3_11".to_string()));
        assert_eq!(c.lib_name.as_deref(), Some("python3.12"));
        assert!(w.is_empty());
        // and the config file keeps both
        let back = InterpreterConfig::from_reader(c.to_text().as_bytes()).unwrap();
        assert_eq!(back, c);

        let mut c = cpython(11);
        apply_features(&mut c, &features, WINDOWS, &mut w).unwrap();
        assert_eq!(c.target_abi().version(), PythonVersion::PY310);
        assert_eq!(c.lib_name.as_deref(), Some("python3"));

        let mut c = cpython(9);
        let err = apply_features(&mut c, &features, LINUX, &mut w).unwrap_err();
        assert!(
            err.to_string()
                .contains("higher than the interpreter version 3.9"),
            "{err}"
        );
        assert!(w.is_empty());

        let plain = AbiFeatures {
            abi3: true,
            abi3_version: None,
            abi3t: false,
        };
        let mut c = cpython(13);
        apply_features(&mut c, &plain, LINUX, &mut w).unwrap();
        assert_eq!(c.target_abi().to_string(), "CPython-abi3-3.13");
        let mut c = cpython(16);
        apply_features(&mut c, &plain, LINUX, &mut w).unwrap();
        assert_eq!(c.version, PythonVersion::new(3, 16));
        assert_eq!(c.target_abi().version(), MAXIMUM_SUPPORTED_VERSION);
    }

    #[test]
    fn abi3_with_free_threading_and_abi3t() {
        let mut w = Warnings::new();
        let mut c = cpython(13);
        c.build_flags
            .insert(crate::flags::BuildFlag::Py_GIL_DISABLED);
        let features = AbiFeatures {
            abi3: true,
            abi3_version: None,
            abi3t: false,
        };
        apply_features(&mut c, &features, LINUX, &mut w).unwrap();
        assert!(!c.abi3);
        assert_eq!(w.len(), 1);

        let abi3t = AbiFeatures {
            abi3: false,
            abi3_version: None,
            abi3t: true,
        };
        let mut c = cpython(12);
        apply_features(&mut c, &abi3t, LINUX, &mut w).unwrap();
        assert!(!c.abi3);
        assert_eq!(w.len(), 2);
        let mut c = cpython(15);
        apply_features(&mut c, &abi3t, LINUX, &mut w).unwrap();
        assert!(c.abi3);
    }

    #[test]
    fn version_limits() {
        let none = Env::from_pairs::<&str, &str>([]);
        let mut w = Warnings::new();
        let mut c = cpython(8);
        let e = check_version(&mut c, &none, LINUX, &mut w).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the configured Python version (3.8) is lower than PyO3's minimum supported version \
             (3.9)\n= help: use a newer interpreter: set PYO3_PYTHON to its path (or activate a \
             virtualenv made with it)"
        );

        let mut c = cpython(16);
        let e = check_version(&mut c, &none, LINUX, &mut w).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the configured Python version (3.16) is newer than PyO3's maximum supported version \
             (3.15)\n= help: this package is being built with PyO3 version 0.30.1\n= help: set \
             PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 to suppress this check and build anyway using \
             the stable ABI"
        );

        let fwd = Env::from_pairs([("PYO3_USE_ABI3_FORWARD_COMPATIBILITY", "1")]);
        check_version(&mut c, &fwd, LINUX, &mut w).unwrap();
        assert!(c.abi3);
        assert_eq!(c.version, PythonVersion::new(3, 16));
        assert_eq!(c.target_abi().version(), MAXIMUM_SUPPORTED_VERSION);
        assert_eq!(w.len(), 1);

        let mut c = cpython(16);
        c.abi3 = true;
        check_version(&mut c, &none, LINUX, &mut w).unwrap();
        // 3.14 and 3.15 are supported without forward compatibility.
        for minor in [14, 15] {
            let mut c = cpython(minor);
            check_version(&mut c, &none, LINUX, &mut w).unwrap();
            assert!(!c.abi3);
            assert_eq!(c.version.minor, minor);
        }
        let e = check_version(&mut cpython(16), &none, LINUX, &mut w).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the configured Python version (3.16) is newer than PyO3's maximum"),
            "{}",
            e
        );
        let mut c = cpython(11);
        check_version(&mut c, &none, LINUX, &mut w).unwrap();

        let mut c = InterpreterConfig::new(PythonImplementation::RustPython, PythonVersion::PY313);
        let e = check_version(&mut c, &none, LINUX, &mut w).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the configured Python implementation is RustPython, which PyO3's bindings do not \
             support; build with CPython, PyPy or GraalPy"
        );
    }

    #[test]
    fn free_threaded_and_pypy_limits() {
        let none = Env::from_pairs::<&str, &str>([]);
        let mut w = Warnings::new();
        let mut c = cpython(13);
        c.build_flags
            .insert(crate::flags::BuildFlag::Py_GIL_DISABLED);
        let e = check_version(&mut c, &none, LINUX, &mut w).unwrap_err();
        assert!(
            e.to_string()
                .contains("free-threaded build of Python 3.13 is not supported"),
            "{}",
            e
        );
        for minor in [14, 15] {
            let mut c = cpython(minor);
            c.build_flags
                .insert(crate::flags::BuildFlag::Py_GIL_DISABLED);
            check_version(&mut c, &none, LINUX, &mut w).unwrap();
        }

        let pypy = |minor| {
            InterpreterConfig::new(PythonImplementation::PyPy, PythonVersion::new(3, minor))
        };
        check_version(&mut pypy(11), &none, LINUX, &mut w).unwrap();
        let e = check_version(&mut pypy(10), &none, LINUX, &mut w).unwrap_err();
        assert!(
            e.to_string().starts_with(
                "the configured PyPy version (3.10) is lower than PyO3's minimum supported \
                 version (3.11)\n"
            ),
            "{}",
            e
        );
        let fwd = Env::from_pairs([("PYO3_USE_ABI3_FORWARD_COMPATIBILITY", "1")]);
        let e = check_version(&mut pypy(12), &fwd, LINUX, &mut w).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the configured PyPy version (3.12) is newer than PyO3's maximum supported version \
             (3.11)\n= help: this package is being built with PyO3 version 0.30.1"
        );
    }

    #[test]
    fn no_python() {
        let mut w = Warnings::new();
        let env = Env::from_pairs([
            ("PYO3_NO_PYTHON", "1"),
            ("CARGO_FEATURE_ABI3", "1"),
            ("CARGO_FEATURE_ABI3_PY311", "1"),
            ("CARGO_CFG_TARGET_POINTER_WIDTH", "64"),
            ("CARGO_CFG_TARGET_OS", "linux"),
            ("PATH", "/nonexistent"),
        ]);
        let c = resolve(&env, &mut w).unwrap();
        assert!(c.abi3);
        assert_eq!(c.version, PythonVersion::PY311);
        assert_eq!(c.lib_name.as_deref(), Some("python3"));
        assert_eq!(c.pointer_width, Some(64));
        assert_eq!(c.executable, None);

        let env = Env::from_pairs([("PYO3_NO_PYTHON", "1"), ("PATH", "/nonexistent")]);
        let e = resolve(&env, &mut w).unwrap_err();
        assert!(e.to_string().contains("PYO3_NO_PYTHON"));

        let env = Env::from_pairs([("PATH", "/nonexistent")]);
        let e = resolve(&env, &mut w).unwrap_err();
        assert!(e.to_string().contains("PYO3_PYTHON"));
    }

    #[test]
    fn config_file_must_be_absolute() {
        let mut w = Warnings::new();
        let env = Env::from_pairs([("PYO3_CONFIG_FILE", "relative/config.txt")]);
        let e = resolve(&env, &mut w).unwrap_err();
        assert!(e.to_string().contains("absolute path"), "{}", e);

        let dir = std::env::temp_dir().join(format!("pyo3-bc-resolve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("config.txt");
        std::fs::write(&file, "version=3.12\nabi3=true\nlib_name=python3\n").unwrap();
        let env = Env::from_pairs([("PYO3_CONFIG_FILE", file.clone())]);
        let c = resolve(&env, &mut w).unwrap();
        assert!(c.abi3 && c.version == PythonVersion::PY312);
        std::fs::write(&file, "version=3.8\n").unwrap();
        let e = resolve(&env, &mut w).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the configured Python version (3.8) is lower than PyO3's minimum"),
            "{}",
            e
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn cross_from_env() {
        let mut w = Warnings::new();
        let lib_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join("fixtures");
        let env = Env::from_pairs([
            ("HOST", "x86_64-unknown-linux-gnu".into()),
            ("TARGET", "aarch64-unknown-linux-gnu".into()),
            ("CARGO_CFG_TARGET_OS", "linux".into()),
            ("PYO3_CROSS_LIB_DIR", lib_dir.into_os_string()),
        ]);
        let c = resolve(&env, &mut w).unwrap();
        assert_eq!(c.version, PythonVersion::PY312);
        assert!(!c.abi3);
        let env = Env::from_pairs([
            ("HOST", "x86_64-unknown-linux-gnu"),
            ("TARGET", "aarch64-unknown-linux-gnu"),
            ("CARGO_FEATURE_ABI3", "1"),
            ("CARGO_FEATURE_ABI3_PY39", "1"),
        ]);
        let c = resolve(&env, &mut w).unwrap();
        assert_eq!(c.version, PythonVersion::PY39);
        assert!(c.abi3);
        let env = Env::from_pairs([
            ("HOST", "x86_64-unknown-linux-gnu"),
            ("TARGET", "aarch64-unknown-linux-gnu"),
        ]);
        assert_eq!(resolve(&env, &mut w).unwrap_err().to_string(), "cross compiling for `aarch64-unknown-linux-gnu` needs the target Python's version: set PYO3_CROSS_LIB_DIR to a directory holding its _sysconfigdata*.py, or PYO3_CROSS_PYTHON_VERSION (or enable an abi3-pyXY feature)");
    }
}
