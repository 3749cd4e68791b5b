//! The configuration being checked: which cfgs pyo3-ffi was compiled with, where the
//! interpreter's headers and shared library are.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

/// Everything the harness needs to know about the target interpreter.
pub struct Target {
    /// Minor version used for the `Py_3_x` cfgs (the abi3 minimum under abi3).
    pub cfg_minor: u8,
    /// Limited API build.
    pub abi3: bool,
    /// Name-only cfgs that are set (`Py_3_9`, `Py_LIMITED_API`, `unix`, ...).
    pub flags: BTreeSet<String>,
    /// `name = "value"` cfgs that are set (`py_sys_config`, `target_os`, `feature`, ...).
    pub values: BTreeMap<String, BTreeSet<String>>,
    /// Interpreter executable.
    pub executable: String,
    /// `sysconfig.get_paths()['include']`.
    pub include_dir: PathBuf,
    /// The libpython file to read symbols from.
    pub library: PathBuf,
    /// Short human description, printed by the tests.
    pub description: String,
}

impl Target {
    /// Is the name-only cfg `name` set?
    pub fn has_flag(&self, name: &str) -> bool {
        self.flags.contains(name)
    }

    /// Is `name = "value"` set?
    pub fn has_value(&self, name: &str, value: &str) -> bool {
        self.values.get(name).is_some_and(|v| v.contains(value))
    }
}

/// What pyo3-build-config resolved for this build.
struct Resolved {
    minor: u8,
    abi3: bool,
    implementation: String,
    gil_disabled: bool,
    sys_config: Vec<String>,
    executable: String,
}

fn resolved() -> Resolved {
    let config = pyo3_build_config::get();
    let mut sys_config = Vec::new();
    let mut gil_disabled = false;
    for flag in &config.build_flags().0 {
        // Mirrors PyO3: these four become `py_sys_config = "..."`, Py_GIL_DISABLED its own cfg.
        let name = flag.to_string();
        match name.as_str() {
            "Py_GIL_DISABLED" => gil_disabled = true,
            "Py_DEBUG" | "Py_REF_DEBUG" | "Py_TRACE_REFS" | "COUNT_ALLOCS" => sys_config.push(name),
            _ => {}
        }
    }
    Resolved {
        minor: config.target_abi().version().minor,
        abi3: matches!(
            config.target_abi().kind(),
            pyo3_build_config::PythonAbiKind::Stable(_)
        ),
        implementation: format!("{:?}", config.implementation()),
        gil_disabled,
        sys_config,
        executable: config
            .executable()
            .map(str::to_owned)
            .expect("pyo3-build-config resolved no interpreter executable; the checks need one"),
    }
}

/// Ask the interpreter for the facts pyo3-build-config does not carry.
fn interpreter_paths(executable: &str) -> (PathBuf, PathBuf) {
    let script = "import sysconfig\n\
        print(sysconfig.get_paths()['include'])\n\
        print(sysconfig.get_config_var('LIBDIR') or '')\n\
        print(sysconfig.get_config_var('LDLIBRARY') or '')\n";
    let out = Command::new(executable)
        .arg("-c")
        .arg(script)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {executable}: {e}"));
    assert!(
        out.status.success(),
        "{executable} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 from interpreter");
    let mut lines = text.lines();
    let include = PathBuf::from(lines.next().unwrap_or_default());
    let lib_dir = PathBuf::from(lines.next().unwrap_or_default());
    let ldlibrary = lines.next().unwrap_or_default();
    (include, lib_dir.join(ldlibrary))
}

/// Build the target description from pyo3-build-config and the cargo environment.
pub fn detect() -> Target {
    let r = resolved();
    let mut flags = BTreeSet::new();
    let mut values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in 7..=r.minor {
        flags.insert(format!("Py_3_{m}"));
    }
    if r.abi3 {
        flags.insert("Py_LIMITED_API".to_string());
    }
    if r.gil_disabled {
        flags.insert("Py_GIL_DISABLED".to_string());
    }
    match r.implementation.as_str() {
        "PyPy" => {
            flags.insert("PyPy".to_string());
        }
        "GraalPy" => {
            flags.insert("GraalPy".to_string());
        }
        _ => {}
    }
    for f in &r.sys_config {
        values
            .entry("py_sys_config".to_string())
            .or_default()
            .insert(f.clone());
    }
    // Target cfgs (`unix`, `target_os = "linux"`, `target_pointer_width = "64"`, ...).
    for (key, value) in std::env::vars() {
        let Some(name) = key.strip_prefix("CARGO_CFG_") else {
            continue;
        };
        let name = name.to_ascii_lowercase();
        if value.is_empty() {
            flags.insert(name);
        } else {
            let set = values.entry(name).or_default();
            for v in value.split(',') {
                set.insert(v.to_string());
            }
        }
    }
    // pyo3-ffi's features are the ones this crate forwards (same names).
    for (key, _) in std::env::vars() {
        if let Some(f) = key.strip_prefix("CARGO_FEATURE_") {
            values
                .entry("feature".to_string())
                .or_default()
                .insert(f.to_ascii_lowercase().replace('_', "-"));
        }
    }
    let (include_dir, library) = interpreter_paths(&r.executable);
    let description = format!(
        "{} 3.{}{}{} ({})",
        r.implementation,
        r.minor,
        if r.abi3 { " abi3" } else { "" },
        if r.gil_disabled { " free-threaded" } else { "" },
        r.executable
    );
    Target {
        cfg_minor: r.minor,
        abi3: r.abi3,
        flags,
        values,
        executable: r.executable,
        include_dir,
        library,
        description,
    }
}
