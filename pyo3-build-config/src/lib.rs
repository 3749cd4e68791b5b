//! TEMPORARY bootstrap implementation: replaced by the full interpreter detection.
use std::process::Command;

pub struct InterpreterConfig {
    pub minor: u8,
    pub abi3: bool,
    pub lib_name: String,
    pub lib_dir: String,
}

fn detect() -> InterpreterConfig {
    let py = std::env::var("PYO3_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(&py)
        .arg("-c")
        .arg("import sys,sysconfig;print(sys.version_info[1]);print(sysconfig.get_config_var('LDVERSION'));print(sysconfig.get_config_var('LIBDIR'))")
        .output()
        .expect("python");
    let s = String::from_utf8(out.stdout).unwrap();
    let mut l = s.lines();
    let minor = l.next().unwrap().parse().unwrap();
    let ld = l.next().unwrap().to_string();
    let dir = l.next().unwrap().to_string();
    InterpreterConfig {
        minor,
        abi3: std::env::var_os("CARGO_FEATURE_ABI3").is_some(),
        lib_name: format!("python{ld}"),
        lib_dir: dir,
    }
}

pub fn use_pyo3_cfgs() {
    let c = detect();
    for m in 7..=15 {
        println!("cargo::rustc-check-cfg=cfg(Py_3_{m})");
    }
    for name in ["Py_LIMITED_API", "Py_GIL_DISABLED", "PyPy", "GraalPy"] {
        println!("cargo::rustc-check-cfg=cfg({name})");
    }
    println!("cargo::rustc-check-cfg=cfg(py_sys_config, values(\"Py_DEBUG\", \"Py_REF_DEBUG\", \"Py_TRACE_REFS\", \"COUNT_ALLOCS\"))");
    for m in 7..=c.minor {
        println!("cargo::rustc-cfg=Py_3_{m}");
    }
    if c.abi3 {
        println!("cargo::rustc-cfg=Py_LIMITED_API");
    }
}

#[doc(hidden)]
pub fn bootstrap_link() {
    let c = detect();
    if std::env::var_os("PYO3_BUILD_EXTENSION_MODULE").is_none() {
        println!("cargo::rustc-link-search=native={}", c.lib_dir);
        println!("cargo::rustc-link-lib={}", c.lib_name);
    }
}
