//! The `generate-import-lib` feature: on Windows targets, generate the import library of the
//! target Python with the `python3-dll-a` crate instead of needing a Python installation's
//! `libs` directory (which cross compilation and some Python distributions lack).
//!
//! Elsewhere (and without the feature) nothing happens: other platforms link without import
//! libraries.

use crate::config::InterpreterConfig;
use crate::env::Env;
use crate::errors::Result;

/// The name of the import library `python3-dll-a` generates for `config` (without extension):
/// `python3` for the stable ABI, else `python3XY` (`t` appended for free-threaded builds).
#[cfg(any(feature = "generate-import-lib", test))]
#[allow(deprecated)]
pub(crate) fn import_lib_name(config: &InterpreterConfig) -> String {
    let free_threaded = config.is_free_threaded();
    if config.abi3 && !free_threaded {
        "python3".to_owned()
    } else {
        format!(
            "python{}{}{}",
            config.version.major,
            config.version.minor,
            if free_threaded { "t" } else { "" }
        )
    }
}

/// Generates the import library into `$OUT_DIR/lib` and points `config` at it (Windows targets
/// only; a no-op elsewhere).
#[cfg(feature = "generate-import-lib")]
#[allow(deprecated)]
pub(crate) fn generate(config: &mut InterpreterConfig, env: &Env) -> Result<()> {
    use crate::link::TargetInfo;
    use crate::version::PythonImplementation;
    use python3_dll_a::ImportLibraryGenerator;

    if !TargetInfo::from_env(env).windows || config.implementation.is_graalpy() {
        return Ok(());
    }
    let arch = env.cargo_var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let target_env = env.cargo_var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let out_dir = env
        .var("OUT_DIR")
        .ok_or("OUT_DIR is not set: generate-import-lib runs in a build script")?;
    let dir = std::path::Path::new(&out_dir).join("lib");

    let free_threaded = config.is_free_threaded();
    let mut generator = ImportLibraryGenerator::new(&arch, &target_env);
    if !config.abi3 || free_threaded || config.implementation.is_pypy() {
        generator.version(Some((config.version.major, config.version.minor)));
    }
    if free_threaded {
        generator.abiflags(Some("t"));
    }
    if config.implementation == PythonImplementation::PyPy {
        generator.implementation(python3_dll_a::PythonImplementation::PyPy);
    }
    generator.generate(&dir).map_err(|e| {
        crate::errors::Error::new(format!(
            "failed to generate the Python import library (generate-import-lib): {e}"
        ))
    })?;
    config.lib_name = Some(import_lib_name(config));
    config.lib_dir = Some(dir.to_string_lossy().into_owned());
    Ok(())
}

/// Without the feature: nothing to generate.
#[cfg(not(feature = "generate-import-lib"))]
pub(crate) fn generate(_config: &mut InterpreterConfig, _env: &Env) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::version::{PythonImplementation, PythonVersion};

    #[test]
    #[allow(deprecated)]
    fn import_lib_names() {
        let mut c = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY311);
        assert_eq!(import_lib_name(&c), "python311");
        c.abi3 = true;
        assert_eq!(import_lib_name(&c), "python3");
    }

    #[test]
    fn non_windows_targets_are_left_alone() {
        let env = Env::from_pairs([
            ("CARGO_CFG_TARGET_OS", "linux"),
            ("OUT_DIR", "/nonexistent"),
        ]);
        let mut c = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY311);
        let before = c.clone();
        generate(&mut c, &env).unwrap();
        assert_eq!(c, before);
    }

    /// On a Windows target the library is generated with `dlltool` (MinGW binutils, LLVM or
    /// zig); a host without one gets an error naming the feature instead of a link failure.
    #[cfg(feature = "generate-import-lib")]
    #[test]
    #[allow(deprecated)]
    fn windows_target_generates_or_explains() {
        let out = std::env::temp_dir().join(format!("pyo3-implib-test-{}", std::process::id()));
        let env = Env::from_pairs([
            ("CARGO_CFG_TARGET_OS", "windows"),
            ("CARGO_CFG_TARGET_ARCH", "x86_64"),
            ("CARGO_CFG_TARGET_ENV", "gnu"),
            ("OUT_DIR", out.to_str().unwrap()),
        ]);
        let mut c = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY311);
        match generate(&mut c, &env) {
            Ok(()) => {
                assert_eq!(c.lib_name.as_deref(), Some("python311"));
                let dir = std::path::PathBuf::from(c.lib_dir.clone().unwrap());
                assert!(dir.join("python311.dll.a").exists());
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.contains("generate-import-lib"), "{msg}");
                assert_eq!(c.lib_dir, None);
            }
        }
        let _ = std::fs::remove_dir_all(out);
    }
}
