//! Build script of pyo3-ffi-check: reads pyo3-ffi's sources, evaluates their cfgs for the
//! target interpreter, probes the C layouts and writes the checks into `OUT_DIR`.

mod attrs;
mod collect;
mod consts;
mod decls;
mod layout;
mod sigs;
mod skip;
mod target;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let src = manifest.join("..").join("src");
    let target = target::detect();

    let collected = collect::collect(&src, &target);
    for f in &collected.files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    println!("cargo:rerun-if-changed={}", src.display());
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-env-changed=CC");

    let layout = layout::generate(&collected.structs, &target, &out_dir);
    std::fs::write(out_dir.join("layout.rs"), &layout.rust).unwrap();

    let consts = consts::generate(&collected.consts, &target, &out_dir);
    std::fs::write(out_dir.join("consts.rs"), consts).unwrap();

    let sigs = sigs::generate(&collected.symbols, &target, &out_dir);
    std::fs::write(out_dir.join("sigs.rs"), sigs.rust).unwrap();

    // Symbols.
    let mut s = String::new();
    writeln!(s, "/// The shared library whose exports are checked.").unwrap();
    writeln!(
        s,
        "pub const LIBRARY: &str = {:?};",
        target.library.display().to_string()
    )
    .unwrap();
    writeln!(
        s,
        "/// Declared symbols: (link name, Rust name, file, is static, is variadic)."
    )
    .unwrap();
    writeln!(
        s,
        "pub const SYMBOLS: &[(&str, &str, &str, bool, bool)] = &["
    )
    .unwrap();
    for sym in &collected.symbols {
        writeln!(
            s,
            "    ({:?}, {:?}, {:?}, {}, {}),",
            sym.link_name, sym.rust_name, sym.file, sym.is_static, sym.variadic
        )
        .unwrap();
    }
    writeln!(s, "];").unwrap();
    let undeclared = decls::undeclared(&collected.symbols, &target, &out_dir);
    writeln!(
        s,
        "/// API level the headers were read at for the declaration check."
    )
    .unwrap();
    let level = if target.abi3 {
        decls::api_define(&target)
    } else {
        "full API".to_string()
    };
    writeln!(s, "pub const HEADER_LEVEL: &str = {level:?};").unwrap();
    writeln!(
        s,
        "/// Declared symbols that the C headers do not declare at that level."
    )
    .unwrap();
    writeln!(
        s,
        "pub const NOT_IN_HEADERS: &[&str] = &{:?};",
        undeclared.iter().collect::<Vec<_>>()
    )
    .unwrap();
    std::fs::write(out_dir.join("symbols.rs"), s).unwrap();

    // Shared facts for both tests.
    let mut notes = Vec::new();
    attrs::UNKNOWN_CFGS.with(|u| {
        for c in u.borrow().iter() {
            notes.push(format!(
                "cfg `{c}` is not known to the harness and was taken as unset"
            ));
        }
    });
    for (file, mac) in &collected.macros {
        notes.push(format!(
            "{file}: item-level macro `{mac}!` not expanded (its items are not checked)"
        ));
    }
    let mut m = String::new();
    writeln!(m, "/// What was checked.").unwrap();
    writeln!(m, "pub const TARGET: &str = {:?};", target.description).unwrap();
    writeln!(
        m,
        "/// Whether the checks ran against the limited API (abi3)."
    )
    .unwrap();
    writeln!(m, "pub const LIMITED_API: bool = {};", target.abi3).unwrap();
    writeln!(m, "/// Interpreter executable.").unwrap();
    writeln!(m, "pub const EXECUTABLE: &str = {:?};", target.executable).unwrap();
    writeln!(m, "/// Source files read.").unwrap();
    writeln!(
        m,
        "pub const FILES_READ: usize = {};",
        collected.files.len()
    )
    .unwrap();
    writeln!(m, "/// Harness notes (limits of what it saw).").unwrap();
    writeln!(m, "pub const NOTES: &[&str] = &{notes:?};").unwrap();
    std::fs::write(out_dir.join("meta.rs"), m).unwrap();
    let _ = (layout.structs, layout.fields);
}
