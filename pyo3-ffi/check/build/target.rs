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
    // TEMPORARY until pyo3-build-config's `get()` lands: query the interpreter directly.
    let executable = std::env::var("PYO3_PYTHON").unwrap_or_else(|_| "python3".to_string());
    println!("cargo:rerun-if-env-changed=PYO3_PYTHON");
    let script = "import sys, sysconfig\n\
        print(sys.version_info[1])\n\
        print(sys.executable)\n\
        print(sysconfig.get_config_var('Py_GIL_DISABLED') or 0)\n\
        print(sysconfig.get_config_var('Py_DEBUG') or 0)\n";
    let out = Command::new(&executable)
        .arg("-c")
        .arg(script)
        .output()
        .expect("python");
    let text = String::from_utf8(out.stdout).unwrap();
    let l: Vec<&str> = text.lines().collect();
    let host_minor: u8 = l[0].parse().unwrap();
    let abi3 = std::env::var_os("CARGO_FEATURE_ABI3").is_some();
    let abi3_min =
        (7..=15u8).find(|m| std::env::var_os(format!("CARGO_FEATURE_ABI3_PY3{m}")).is_some());
    let minor = match abi3_min {
        Some(m) if abi3 => m.min(host_minor),
        _ => host_minor,
    };
    let mut sys_config = Vec::new();
    if l[3] == "1" {
        sys_config.push("Py_DEBUG".to_string());
        sys_config.push("Py_REF_DEBUG".to_string());
    }
    Resolved {
        minor,
        abi3,
        implementation: "CPython".to_string(),
        gil_disabled: l[2] == "1",
        sys_config,
        executable: l[1].to_string(),
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
