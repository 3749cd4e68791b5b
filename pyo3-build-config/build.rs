//! With the `resolve-config` feature, resolves the interpreter configuration once and embeds
//! it (as `OUT_DIR/pyo3-build-config.txt`) for `pyo3_build_config::get()`. A resolution error
//! is embedded instead of failing here, so that it is reported by the crate that needs it.

#![allow(dead_code)]
// The crate's own (deprecated for users) `InterpreterConfig` fields are used directly.
#![allow(deprecated)]

#[macro_use]
#[path = "src/errors.rs"]
mod errors;
#[path = "src/abi.rs"]
mod abi;
#[path = "src/builder.rs"]
mod builder;
#[path = "src/cfgs.rs"]
mod cfgs;
#[path = "src/config.rs"]
mod config;
#[path = "src/cross.rs"]
mod cross;
#[path = "src/env.rs"]
mod env;
#[path = "src/flags.rs"]
mod flags;
#[path = "src/interpreter.rs"]
mod interpreter;
#[path = "src/link.rs"]
mod link;
#[path = "src/resolve.rs"]
mod resolve;
#[path = "src/sysconfigdata.rs"]
mod sysconfigdata;
#[path = "src/version.rs"]
mod version;

use std::path::PathBuf;

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let (config, error) = if std::env::var_os("CARGO_FEATURE_RESOLVE_CONFIG").is_some() {
        let mut warnings = Vec::new();
        match resolve::resolve(&env::Env::process(), &mut warnings) {
            Ok(config) => (config.to_text(), String::new()),
            Err(e) => (String::new(), e.report()),
        }
    } else {
        (String::new(), String::new())
    };
    write(&out_dir.join("pyo3-build-config.txt"), &config);
    write(&out_dir.join("pyo3-build-config-error.txt"), &error);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src");
}

fn write(path: &std::path::Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("error: failed to write {}: {}", path.display(), e);
        std::process::exit(1);
    }
}
