//! Symbol check: every function and static pyo3-ffi declares in `extern` blocks for this
//! configuration is exported by the interpreter's libpython.

#[allow(dead_code)]
mod meta {
    include!(concat!(env!("OUT_DIR"), "/meta.rs"));
}
mod generated {
    include!(concat!(env!("OUT_DIR"), "/symbols.rs"));
}

use std::collections::BTreeMap;

#[test]
fn symbols_exist_in_libpython() {
    let lib = generated::LIBRARY;
    let mut by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (link, _, file, _, _) in generated::SYMBOLS {
        by_name.entry(link).or_default().push(file);
    }
    let (missing, method): (Vec<&str>, &str) = match pyo3_ffi_check::nm_defined_symbols(lib) {
        Some(defined) => (
            by_name
                .keys()
                .copied()
                .filter(|n| !defined.contains(*n))
                .collect(),
            "nm",
        ),
        None => (
            pyo3_ffi_check::dlsym_missing(lib, by_name.keys().copied())
                .unwrap_or_else(|e| panic!("cannot read symbols of {lib}: {e}")),
            "dlsym",
        ),
    };
    let mut problems = Vec::new();
    for name in &missing {
        let decl = generated::SYMBOLS.iter().find(|s| s.0 == *name).unwrap();
        let kind = if decl.3 { "static" } else { "fn" };
        problems.push(format!(
            "{name} ({kind} `{}` in {}): not exported by {lib}",
            decl.1, decl.2
        ));
    }
    let mut duplicates = 0;
    for (name, files) in &by_name {
        if files.len() > 1 {
            duplicates += 1;
            println!(
                "symbols: note: {name} declared {} times ({})",
                files.len(),
                files.join(", ")
            );
        }
    }
    for name in generated::NOT_IN_HEADERS {
        let decl = generated::SYMBOLS.iter().find(|s| s.0 == *name).unwrap();
        println!(
            "symbols: note: {name} ({}) is not declared by the headers ({})",
            decl.2,
            generated::HEADER_LEVEL
        );
    }
    let statics = generated::SYMBOLS.iter().filter(|s| s.3).count();
    let variadic = generated::SYMBOLS.iter().filter(|s| s.4).count();
    println!("symbols: target {}", meta::TARGET);
    println!(
        "symbols: {} checked, {} missing ({} declarations: {} fns incl. {variadic} variadic, {statics} statics; {duplicates} declared more than once; {} not declared by the headers at {}) [{method} on {lib}]",
        by_name.len(),
        missing.len(),
        generated::SYMBOLS.len(),
        generated::SYMBOLS.len() - statics,
        generated::NOT_IN_HEADERS.len(),
        generated::HEADER_LEVEL
    );
    if !problems.is_empty() {
        for p in &problems {
            println!("symbols: MISSING {p}");
        }
        panic!(
            "{} symbols missing:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}
