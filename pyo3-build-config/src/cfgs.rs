//! The `#[cfg]` flags derived from a config, and their `rustc-check-cfg` declarations.

use crate::abi::PythonAbiKind;
use crate::config::InterpreterConfig;
use crate::flags::BuildFlag;
use crate::version::PythonImplementation;

/// Lowest minor version for which a `Py_3_*` cfg is emitted.
pub const FIRST_VERSION_CFG_MINOR: u8 = 7;

/// Highest minor version for which a `Py_3_*` cfg is declared to `rustc-check-cfg`.
pub const LAST_DECLARED_VERSION_CFG_MINOR: u8 = 20;

/// Values `py_sys_config` may take.
pub const PY_SYS_CONFIG_VALUES: [&str; 4] =
    ["Py_DEBUG", "Py_REF_DEBUG", "Py_TRACE_REFS", "COUNT_ALLOCS"];

/// Plain (valueless) cfgs that this crate or PyO3's crates may set.
pub const PLAIN_CFGS: [&str; 6] = [
    "Py_LIMITED_API",
    "Py_GIL_DISABLED",
    "PyPy",
    "GraalPy",
    "pyo3_disable_reference_pool",
    "pyo3_leak_on_drop_without_reference_pool",
];

/// Cfgs set by [`feature_cfgs`], each with the rustc minor version (1.x) that enables it.
pub const RUSTC_FEATURE_CFGS: [(&str, u32); 6] = [
    ("invalid_from_utf8_lint", 74),
    ("cargo_toml_lints", 74),
    ("c_str_lit", 77),
    ("diagnostic_namespace", 78),
    ("rustc_has_extern_c_unwind", 81),
    ("fn_ptr_eq", 85),
];

/// The cfg expressions (the text after `--cfg`) for `config`.
pub fn config_cfgs(config: &InterpreterConfig) -> Vec<String> {
    // The target ABI, not the host interpreter, decides what the compiled code may use.
    let abi = config.target_abi();
    let mut cfgs = Vec::new();
    if abi.version().major == 3 {
        for minor in FIRST_VERSION_CFG_MINOR..=abi.version().minor {
            cfgs.push(format!("Py_3_{}", minor));
        }
    }
    if let PythonAbiKind::Stable(_) = abi.kind() {
        cfgs.push("Py_LIMITED_API".to_owned());
    }
    if abi.kind().is_free_threaded() || config.is_free_threaded() {
        cfgs.push("Py_GIL_DISABLED".to_owned());
    }
    match abi.implementation() {
        PythonImplementation::CPython | PythonImplementation::RustPython => {}
        PythonImplementation::PyPy => cfgs.push("PyPy".to_owned()),
        PythonImplementation::GraalPy => cfgs.push("GraalPy".to_owned()),
    }
    for flag in config.build_flags.sorted() {
        if matches!(
            flag,
            BuildFlag::Py_DEBUG
                | BuildFlag::Py_REF_DEBUG
                | BuildFlag::Py_TRACE_REFS
                | BuildFlag::COUNT_ALLOCS
        ) {
            cfgs.push(format!("py_sys_config=\"{}\"", flag));
        }
    }
    cfgs
}

/// The `cargo::rustc-check-cfg=` lines declaring every cfg this crate may emit.
pub fn expected_cfg_lines() -> Vec<String> {
    let mut lines = Vec::new();
    let mut declare = |cfg: String| lines.push(format!("cargo::rustc-check-cfg=cfg({})", cfg));
    for minor in FIRST_VERSION_CFG_MINOR..=LAST_DECLARED_VERSION_CFG_MINOR {
        declare(format!("Py_3_{}", minor));
    }
    for name in PLAIN_CFGS {
        declare(name.to_owned());
    }
    let values: Vec<String> = PY_SYS_CONFIG_VALUES
        .iter()
        .map(|v| format!("\"{}\"", v))
        .collect();
    declare(format!("py_sys_config, values({})", values.join(", ")));
    for (name, _) in RUSTC_FEATURE_CFGS {
        declare(name.to_owned());
    }
    lines
}

/// The rustc-version cfgs enabled for a compiler of version 1.`rustc_minor`.
pub fn feature_cfgs(rustc_minor: u32) -> Vec<&'static str> {
    RUSTC_FEATURE_CFGS
        .iter()
        .filter(|(_, min)| rustc_minor >= *min)
        .map(|(name, _)| *name)
        .collect()
}

/// The minor version of the compiler cargo uses (`$RUSTC --version`), if it can be found.
pub fn rustc_minor_version() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    parse_rustc_minor(&text)
}

/// Extracts `x` from `rustc 1.x.y (...)`.
pub fn parse_rustc_minor(version_output: &str) -> Option<u32> {
    let version = version_output.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    if parts.next()? != "1" {
        return None;
    }
    parts.next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flags::BuildFlags;
    use crate::version::PythonVersion;

    #[test]
    fn cpython_cfgs() {
        let mut c = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY311);
        c.build_flags = "Py_DEBUG,Py_GIL_DISABLED,Other"
            .parse::<BuildFlags>()
            .unwrap()
            .fixup();
        assert_eq!(
            config_cfgs(&c),
            [
                "Py_3_7",
                "Py_3_8",
                "Py_3_9",
                "Py_3_10",
                "Py_3_11",
                "Py_GIL_DISABLED",
                "py_sys_config=\"Py_DEBUG\"",
                "py_sys_config=\"Py_REF_DEBUG\"",
            ]
        );
    }

    #[test]
    fn abi3_pypy_graalpy() {
        let mut c = InterpreterConfig::new(PythonImplementation::PyPy, PythonVersion::PY39);
        c.abi3 = true;
        let cfgs = config_cfgs(&c);
        assert_eq!(cfgs.last().unwrap(), "PyPy");
        assert!(cfgs.contains(&"Py_LIMITED_API".to_owned()));
        assert!(!cfgs.contains(&"Py_3_10".to_owned()));
        let c = InterpreterConfig::new(PythonImplementation::GraalPy, PythonVersion::PY311);
        assert!(config_cfgs(&c).contains(&"GraalPy".to_owned()));
        assert_eq!(
            c.build_script_outputs()[0],
            "cargo:rustc-cfg=Py_3_7".to_owned()
        );
    }

    #[test]
    fn expected_lines_cover_everything() {
        let lines = expected_cfg_lines();
        for needed in [
            "cargo::rustc-check-cfg=cfg(Py_3_9)",
            "cargo::rustc-check-cfg=cfg(Py_3_20)",
            "cargo::rustc-check-cfg=cfg(Py_LIMITED_API)",
            "cargo::rustc-check-cfg=cfg(pyo3_disable_reference_pool)",
            "cargo::rustc-check-cfg=cfg(py_sys_config, values(\"Py_DEBUG\", \"Py_REF_DEBUG\", \"Py_TRACE_REFS\", \"COUNT_ALLOCS\"))",
            "cargo::rustc-check-cfg=cfg(fn_ptr_eq)",
        ] {
            assert!(lines.iter().any(|l| l == needed), "{}", needed);
        }
    }

    #[test]
    fn rustc_versions() {
        assert_eq!(
            parse_rustc_minor("rustc 1.95.0 (59807616e 2026-04-14)"),
            Some(95)
        );
        assert_eq!(parse_rustc_minor("rustc 1.83.0-nightly"), Some(83));
        assert_eq!(parse_rustc_minor("garbage"), None);
        assert!(!feature_cfgs(83).contains(&"fn_ptr_eq"));
        assert!(feature_cfgs(85).contains(&"fn_ptr_eq"));
    }
}
