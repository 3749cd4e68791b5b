//! The build scripts of pyo3-ffi and pyo3, as library functions.
//!
//! pyo3-ffi resolves the config, prints it for `PYO3_PRINT_CONFIG=1`, emits cfgs and link
//! lines, and publishes the config as `links = "python"` metadata; pyo3 reads that metadata
//! back (`DEP_PYTHON_PYO3_CONFIG`) so both crates see identical cfgs.

use crate::cfgs::{expected_cfg_lines, feature_cfgs, rustc_minor_version};
use crate::config::InterpreterConfig;
use crate::env::Env;
use crate::errors::Result;
use crate::link::{is_extension_module, is_linking_libpython, link_lines, rpath_arg, TargetInfo};
use crate::resolve::{resolve, Warnings};

/// Resolves the config the way pyo3-ffi's build script does, printing warnings as
/// `cargo:warning=` lines.
pub fn resolve_interpreter_config() -> Result<InterpreterConfig> {
    let mut warnings = Warnings::new();
    let config = resolve(&Env::process(), &mut warnings);
    for w in &warnings {
        warn!("{}", w);
    }
    config
}

/// The lines (without cargo prefix handling) a package's build script prints for `config`:
/// check-cfg declarations, cfgs, rustc feature cfgs, link lines (when `link` is true) and the
/// rpath for the package's own tests, examples and benches when libpython is linked.
///
/// The rpath is emitted as `cargo:rustc-link-arg=`, which only affects the running package's
/// linked targets, so call this only for packages without `cdylib` / `bin` targets.
pub fn package_lines(
    config: &InterpreterConfig,
    env: &Env,
    link: bool,
    rustc_minor: Option<u32>,
) -> Vec<String> {
    let mut lines = expected_cfg_lines();
    lines.extend(config.build_script_outputs());
    if let Some(minor) = rustc_minor {
        lines.extend(
            feature_cfgs(minor)
                .into_iter()
                .map(|c| format!("cargo:rustc-cfg={}", c)),
        );
    }
    let target = TargetInfo::from_env(env);
    let linking = is_linking_libpython(is_extension_module(env), target);
    if link {
        lines.extend(link_lines(config, linking, target));
    }
    if linking {
        if let Some(arg) = rpath_arg(config, target) {
            // `rustc-link-arg-tests` & co. are rejected by cargo for packages without such
            // targets; plain `rustc-link-arg` reaches this package's own linked targets (unit
            // and integration tests, examples, benches) and never its dependents.
            lines.push(format!("cargo:rustc-link-arg={}", arg));
        }
    }
    if link {
        lines.extend(config.extra_build_script_lines.iter().cloned());
    }
    lines
}

fn print_config_and_stop(config: &InterpreterConfig) -> Result<()> {
    println!("\n-- PYO3_PRINT_CONFIG=1: the resolved PyO3 configuration follows; stopping --");
    print!("{}", config.to_text());
    bail!("PYO3_PRINT_CONFIG=1 is set: printed the configuration above and stopped the build")
}

/// The body of pyo3-ffi's build script.
pub fn ffi_build_script() -> Result<()> {
    let env = Env::process();
    let mut config = resolve_interpreter_config()?;
    if env.flag("PYO3_PRINT_CONFIG") {
        return print_config_and_stop(&config);
    }
    // Windows + `generate-import-lib`: link against a generated import library.
    crate::import_lib::generate(&mut config, &env)?;
    for line in package_lines(&config, &env, true, rustc_minor_version()) {
        println!("{}", line);
    }
    config.to_cargo_dep_env()
}

/// The body of pyo3's build script: reuses the config published by pyo3-ffi.
pub fn pyo3_build_script() -> Result<()> {
    let env = Env::process();
    let config = match InterpreterConfig::from_cargo_dep_env() {
        Some(config) => config?,
        None => resolve_interpreter_config()?,
    };
    for line in package_lines(&config, &env, false, rustc_minor_version()) {
        println!("{}", line);
    }
    Ok(())
}

/// Runs a build script body, turning an error into `error: ...` on stderr and exit code 1.
pub fn run(body: fn() -> Result<()>) {
    if let Err(e) = body() {
        eprintln!("error: {}", e.report());
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::version::{PythonImplementation, PythonVersion};

    fn config() -> InterpreterConfig {
        let mut c = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY311);
        c.lib_name = Some("python3.11".into());
        c.lib_dir = Some("/py/lib".into());
        c.extra_build_script_lines = vec!["cargo:rustc-link-arg=-extra".into()];
        c
    }

    #[test]
    fn embedding_lines() {
        let env = Env::from_pairs([("CARGO_CFG_TARGET_OS", "linux")]);
        let lines = package_lines(&config(), &env, true, Some(85));
        for needed in [
            "cargo:rustc-cfg=Py_3_11",
            "cargo:rustc-cfg=fn_ptr_eq",
            "cargo:rustc-link-lib=python3.11",
            "cargo:rustc-link-search=native=/py/lib",
            "cargo:rustc-link-arg=-Wl,-rpath,/py/lib",
            "cargo:rustc-link-arg=-extra",
            "cargo::rustc-check-cfg=cfg(Py_GIL_DISABLED)",
        ] {
            assert!(lines.iter().any(|l| l == needed), "missing {}", needed);
        }
        let pyo3 = package_lines(&config(), &env, false, None);
        assert!(!pyo3.iter().any(|l| l.starts_with("cargo:rustc-link-lib")));
        assert!(pyo3
            .iter()
            .any(|l| l.starts_with("cargo:rustc-link-arg=-Wl,-rpath")));
    }

    #[test]
    fn extension_module_lines() {
        let env = Env::from_pairs([
            ("CARGO_CFG_TARGET_OS", "linux"),
            ("PYO3_BUILD_EXTENSION_MODULE", "1"),
        ]);
        let lines = package_lines(&config(), &env, true, None);
        assert!(!lines
            .iter()
            .any(|l| l.contains("link-lib") || l.contains("rpath")));
        assert!(lines.iter().any(|l| l == "cargo:rustc-cfg=Py_3_11"));
        let env = Env::from_pairs([
            ("CARGO_CFG_TARGET_OS", "windows"),
            ("PYO3_BUILD_EXTENSION_MODULE", "1"),
        ]);
        let lines = package_lines(&config(), &env, true, None);
        assert!(lines.iter().any(|l| l == "cargo:rustc-link-lib=python3.11"));
    }
}
