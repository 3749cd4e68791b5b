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
    let mut by_name: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (link, rust, file, _, _) in generated::SYMBOLS {
        let place = if link == rust {
            file.to_string()
        } else {
            format!("{file} as `{rust}`")
        };
        by_name.entry(link).or_default().push(place);
    }
    let mut wrong_kind = Vec::new();
    let (missing, method): (Vec<&str>, &str) = match pyo3_ffi_check::nm_defined_symbols(lib) {
        Some(defined) => {
            for (link, rust, file, is_static, _) in generated::SYMBOLS {
                if let Some(&kind) = defined.get(*link) {
                    if pyo3_ffi_check::nm_kind_is_code(kind) == *is_static {
                        let (decl, real) = if *is_static {
                            ("static", "a function")
                        } else {
                            ("fn", "data")
                        };
                        wrong_kind.push(format!(
                            "{link} ({decl} `{rust}` in {file}): libpython exports {real} (nm type {kind})"
                        ));
                    }
                }
            }
            (
                by_name
                    .keys()
                    .copied()
                    .filter(|n| !defined.contains_key(*n))
                    .collect(),
                "nm",
            )
        }
        None => (
            pyo3_ffi_check::dlsym_missing(lib, by_name.keys().copied())
                .unwrap_or_else(|e| panic!("cannot read symbols of {lib}: {e}")),
            "dlsym",
        ),
    };
    let mut problems = wrong_kind.clone();
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
        "symbols: {} checked, {} missing, {} of the wrong kind ({} declarations: {} fns incl. {variadic} variadic, {statics} statics; {duplicates} declared more than once; {} not declared by the headers at {}) [{method} on {lib}]",
        by_name.len(),
        missing.len(),
        wrong_kind.len(),
        generated::SYMBOLS.len(),
        generated::SYMBOLS.len() - statics,
        generated::NOT_IN_HEADERS.len(),
        generated::HEADER_LEVEL
    );
    pyo3_ffi_check::require_at_least("symbols", by_name.len(), meta::LIMITED_API, 700, 500);
    if !problems.is_empty() {
        for p in &problems {
            println!("symbols: MISSING/WRONG {p}");
        }
        panic!(
            "{} symbol problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}
