//! Cross compilation: detecting it and building a config without running the target's Python.
//!
//! Inputs: `PYO3_CROSS` (force cross mode), `PYO3_CROSS_LIB_DIR` (directory of the target's
//! libpython and `_sysconfigdata*.py`), `PYO3_CROSS_PYTHON_VERSION` (`3.X`) and
//! `PYO3_CROSS_PYTHON_IMPLEMENTATION` (`CPython`, `PyPy`, `GraalPy`).

use std::path::{Path, PathBuf};

use target_lexicon::{Architecture, OperatingSystem, Triple};

use crate::config::InterpreterConfig;
use crate::env::Env;
use crate::errors::{Error, Result};
use crate::flags::BuildFlags;
use crate::sysconfigdata::{find_sysconfigdata_files, parse_sysconfigdata, Sysconfigdata};
use crate::version::{PythonImplementation, PythonVersion};

/// The settings of a cross compilation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossCompileConfig {
    /// `PYO3_CROSS_LIB_DIR`: where the target's libpython and sysconfigdata live.
    pub lib_dir: Option<PathBuf>,
    /// `PYO3_CROSS_PYTHON_VERSION`.
    pub version: Option<PythonVersion>,
    /// `PYO3_CROSS_PYTHON_IMPLEMENTATION`.
    pub implementation: Option<PythonImplementation>,
    /// The target triple.
    pub target: Triple,
}

/// Whether building on `host` for `target` needs cross-compilation settings: the
/// architecture, operating system or environment differ. Running a 32-bit x86 build on an
/// x86_64 Windows host, and either Apple architecture on macOS, count as native.
pub fn is_cross_compiling(host: &Triple, target: &Triple) -> bool {
    if host == target {
        return false;
    }
    let same_os = host.operating_system == target.operating_system;
    if same_os
        && target.operating_system == OperatingSystem::Windows
        && host.architecture == Architecture::X86_64
        && matches!(target.architecture, Architecture::X86_32(_))
        && host.environment == target.environment
    {
        return false;
    }
    if same_os && matches!(target.operating_system, OperatingSystem::Darwin(_)) {
        return false;
    }
    host.architecture != target.architecture || !same_os || host.environment != target.environment
}

/// Reads the cross-compilation settings from the process environment.
///
/// Returns `Ok(None)` when not cross compiling.
pub fn cross_compiling_from_to(
    host: &Triple,
    target: &Triple,
) -> Result<Option<CrossCompileConfig>> {
    cross_compiling_from_env(&Env::process(), host, target)
}

/// Like [`cross_compiling_from_to`], reading variables from `env`.
pub fn cross_compiling_from_env(
    env: &Env,
    host: &Triple,
    target: &Triple,
) -> Result<Option<CrossCompileConfig>> {
    let forced = env.flag("PYO3_CROSS");
    let lib_dir = env.var_os("PYO3_CROSS_LIB_DIR").filter(|v| !v.is_empty());
    let version = env
        .var("PYO3_CROSS_PYTHON_VERSION")
        .filter(|v| !v.is_empty());
    let implementation = env
        .var("PYO3_CROSS_PYTHON_IMPLEMENTATION")
        .filter(|v| !v.is_empty());
    let any_set = lib_dir.is_some() || version.is_some() || implementation.is_some();
    if !(forced || any_set || is_cross_compiling(host, target)) {
        return Ok(None);
    }
    let version = version
        .map(|v| {
            v.parse()
                .map_err(|e: Error| Error::new(format!("PYO3_CROSS_PYTHON_VERSION: {}", e)))
        })
        .transpose()?;
    let implementation = implementation
        .map(|v| {
            v.parse()
                .map_err(|e: Error| Error::new(format!("PYO3_CROSS_PYTHON_IMPLEMENTATION: {}", e)))
        })
        .transpose()?;
    Ok(Some(CrossCompileConfig {
        lib_dir: lib_dir.map(PathBuf::from),
        version,
        implementation,
        target: target.clone(),
    }))
}

/// Every `_sysconfigdata*.py` below the cross lib dir that fits the target and the requested
/// version (an empty list without a lib dir).
pub fn find_all_sysconfigdata(cross: &CrossCompileConfig) -> Result<Vec<PathBuf>> {
    let Some(dir) = &cross.lib_dir else {
        return Ok(Vec::new());
    };
    ensure!(
        dir.is_dir(),
        "PYO3_CROSS_LIB_DIR `{}` is not a directory",
        dir.display()
    );
    let arch = cross.target.architecture.to_string();
    let mut files = find_sysconfigdata_files(dir);
    if files.len() > 1 {
        let matching: Vec<PathBuf> = files
            .iter()
            .filter(|f| file_name(f).contains(&arch))
            .cloned()
            .collect();
        if !matching.is_empty() {
            files = matching;
        }
    }
    if let (Some(version), true) = (cross.version, files.len() > 1) {
        let wanted = version.to_string();
        files.retain(|f| {
            parse_sysconfigdata(f)
                .ok()
                .and_then(|d| d.get_value("VERSION"))
                .is_some_and(|v| v == wanted)
        });
    }
    Ok(files)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl InterpreterConfig {
    /// Builds a config from a target's sysconfig variables.
    pub fn from_sysconfigdata(data: &Sysconfigdata) -> Result<Self> {
        let version: PythonVersion = data
            .get_value("VERSION")
            .ok_or_else(|| Error::new("sysconfigdata has no VERSION"))?
            .parse()?;
        let soabi = data.get_value("SOABI").unwrap_or_default();
        let implementation = if soabi.starts_with("pypy") {
            PythonImplementation::PyPy
        } else if soabi.starts_with("graalpy") {
            PythonImplementation::GraalPy
        } else {
            PythonImplementation::CPython
        };
        let values: Vec<(String, String)> = BuildFlags::ALL
            .iter()
            .filter_map(|f| {
                let name = f.to_string();
                data.get_value(&name).map(|v| (name, v))
            })
            .collect();
        let build_flags =
            BuildFlags::from_config_values(values.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let shared = data
            .get_value("Py_ENABLE_SHARED")
            .is_some_and(|v| v.trim() == "1")
            || implementation.is_pypy();
        let lib_name = match implementation {
            PythonImplementation::CPython => Some(format!(
                "python{}",
                data.get_value("LDVERSION").unwrap_or_else(|| format!(
                    "{}{}",
                    version,
                    data.get_value("ABIFLAGS").unwrap_or_default()
                ))
            )),
            PythonImplementation::PyPy => Some(format!("pypy{}-c", version)),
            PythonImplementation::GraalPy | PythonImplementation::RustPython => None,
        };
        let mut config = InterpreterConfig::new(implementation, version);
        config.shared = shared;
        config.lib_name = lib_name;
        config.lib_dir = data.get_value("LIBDIR");
        config.pointer_width = data
            .get_value("SIZEOF_VOID_P")
            .and_then(|v| v.parse::<u32>().ok())
            .map(|bytes| bytes * 8);
        config.build_flags = build_flags;
        Ok(config)
    }
}

/// Builds the config for a cross compilation. `abi3_version` is the version an abi3 feature
/// provides when nothing else names one.
pub fn cross_config(
    cross: &CrossCompileConfig,
    abi3_version: Option<PythonVersion>,
) -> Result<InterpreterConfig> {
    let files = find_all_sysconfigdata(cross)?;
    if files.len() > 1 {
        let list: Vec<String> = files.iter().map(|f| format!("  {}", f.display())).collect();
        bail!(
            "found several sysconfigdata files under PYO3_CROSS_LIB_DIR; set \
             PYO3_CROSS_PYTHON_VERSION or point PYO3_CROSS_LIB_DIR at a more specific \
             directory:\n{}",
            list.join("\n")
        );
    }
    let lib_dir = cross
        .lib_dir
        .as_ref()
        .map(|d| d.to_string_lossy().into_owned());
    if let Some(file) = files.first() {
        let data = parse_sysconfigdata(file)?;
        let mut config = InterpreterConfig::from_sysconfigdata(&data)?;
        if let Some(v) = cross.version {
            ensure!(
                v == config.version,
                "PYO3_CROSS_PYTHON_VERSION={} does not match {} found in {}",
                v,
                config.version,
                file.display()
            );
        }
        config.lib_dir = lib_dir;
        return Ok(config);
    }
    let version = cross
        .version
        .or(abi3_version)
        .ok_or_else(|| match &cross.lib_dir {
            // The directory was given but holds no sysconfigdata: say so, rather than asking
            // for a variable that is already set.
            Some(dir) => Error::new(format!(
                "cross compiling for `{}`: no _sysconfigdata*.py found under PYO3_CROSS_LIB_DIR \
             `{}`; point it at the target Python's lib directory, or set \
             PYO3_CROSS_PYTHON_VERSION (or enable an abi3-pyXY feature)",
                cross.target,
                dir.display()
            )),
            None => Error::new(format!(
                "cross compiling for `{}` needs the target Python's version: set \
             PYO3_CROSS_LIB_DIR to a directory holding its _sysconfigdata*.py, or \
             PYO3_CROSS_PYTHON_VERSION (or enable an abi3-pyXY feature)",
                cross.target
            )),
        })?;
    let implementation = cross
        .implementation
        .unwrap_or(PythonImplementation::CPython);
    let windows = cross.target.operating_system == OperatingSystem::Windows;
    let mut config = InterpreterConfig::new(implementation, version);
    config.lib_name = if windows {
        let mingw = cross.target.environment == target_lexicon::Environment::Gnu;
        Some(crate::link::default_lib_name_windows(
            version,
            implementation,
            abi3_version.is_some(),
            mingw,
            false,
            false,
        ))
    } else {
        crate::link::default_lib_name_unix(version, implementation, false, false, false)
    };
    config.lib_dir = lib_dir;
    config.pointer_width = cross
        .target
        .pointer_width()
        .ok()
        .map(|w| u32::from(w.bits()));
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn triple(s: &str) -> Triple {
        Triple::from_str(s).unwrap()
    }

    #[test]
    fn detection() {
        let host = triple("x86_64-unknown-linux-gnu");
        assert!(!is_cross_compiling(&host, &host));
        assert!(is_cross_compiling(
            &host,
            &triple("aarch64-unknown-linux-gnu")
        ));
        assert!(is_cross_compiling(&host, &triple("x86_64-pc-windows-msvc")));
        assert!(is_cross_compiling(
            &host,
            &triple("x86_64-unknown-linux-musl")
        ));
        assert!(!is_cross_compiling(
            &triple("x86_64-pc-windows-msvc"),
            &triple("i686-pc-windows-msvc")
        ));
        assert!(!is_cross_compiling(
            &triple("aarch64-apple-darwin"),
            &triple("x86_64-apple-darwin")
        ));

        let none = Env::from_pairs::<&str, &str>([]);
        assert_eq!(cross_compiling_from_env(&none, &host, &host).unwrap(), None);
        let forced = Env::from_pairs([("PYO3_CROSS", "1")]);
        assert!(cross_compiling_from_env(&forced, &host, &host)
            .unwrap()
            .is_some());
        let env = Env::from_pairs([
            ("PYO3_CROSS_PYTHON_VERSION", "3.12"),
            ("PYO3_CROSS_PYTHON_IMPLEMENTATION", "PyPy"),
            ("PYO3_CROSS_LIB_DIR", "/target/lib"),
        ]);
        let c = cross_compiling_from_env(&env, &host, &triple("aarch64-unknown-linux-gnu"))
            .unwrap()
            .unwrap();
        assert_eq!(c.version, Some(PythonVersion::PY312));
        assert_eq!(c.implementation, Some(PythonImplementation::PyPy));
        assert_eq!(c.lib_dir.as_deref(), Some(Path::new("/target/lib")));
        let bad = Env::from_pairs([("PYO3_CROSS_PYTHON_VERSION", "3")]);
        let e = cross_compiling_from_env(&bad, &host, &host).unwrap_err();
        assert!(e.to_string().starts_with("PYO3_CROSS_PYTHON_VERSION"));
    }

    fn fixture_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join("fixtures")
    }

    #[test]
    fn config_from_fixture() {
        let cross = CrossCompileConfig {
            lib_dir: Some(fixture_dir()),
            version: None,
            implementation: None,
            target: triple("aarch64-unknown-linux-gnu"),
        };
        let c = cross_config(&cross, None).unwrap();
        assert_eq!(c.implementation, PythonImplementation::CPython);
        assert_eq!(c.version, PythonVersion::PY312);
        assert!(c.shared);
        assert_eq!(c.lib_name.as_deref(), Some("python3.12"));
        assert_eq!(c.lib_dir.as_deref(), Some(fixture_dir().to_str().unwrap()));
        assert_eq!(c.pointer_width, Some(64));
        assert!(c.build_flags.0.is_empty());

        let wrong = CrossCompileConfig {
            version: Some(PythonVersion::PY311),
            ..cross
        };
        assert_eq!(
            cross_config(&wrong, None).unwrap_err().to_string(),
            format!(
                "PYO3_CROSS_PYTHON_VERSION=3.11 does not match 3.12 found in {}",
                fixture_dir()
                    .join("_sysconfigdata__linux_aarch64-linux-gnu.py")
                    .display()
            )
        );
    }

    #[test]
    fn config_without_lib_dir() {
        let cross = CrossCompileConfig {
            lib_dir: None,
            version: Some(PythonVersion::PY311),
            implementation: None,
            target: triple("x86_64-pc-windows-msvc"),
        };
        let c = cross_config(&cross, None).unwrap();
        assert_eq!(c.lib_name.as_deref(), Some("python311"));
        assert_eq!(c.pointer_width, Some(64));
        let abi3 = CrossCompileConfig {
            version: None,
            ..cross.clone()
        };
        let c = cross_config(&abi3, Some(PythonVersion::PY310)).unwrap();
        assert_eq!(c.version, PythonVersion::PY310);
        assert_eq!(c.lib_name.as_deref(), Some("python3"));
        let e = cross_config(
            &CrossCompileConfig {
                version: None,
                ..cross
            },
            None,
        )
        .unwrap_err();
        assert!(e.to_string().contains("PYO3_CROSS_LIB_DIR"));
    }
}
