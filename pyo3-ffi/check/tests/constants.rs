//! Constant check: every public integer `const` of pyo3-ffi that the C headers also define
//! (as a macro or enum member of the same name) has the same value.

#[allow(dead_code)]
mod meta {
    include!(concat!(env!("OUT_DIR"), "/meta.rs"));
}
// Deprecated constants are checked too: they must still have the C value.
#[allow(deprecated)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/consts.rs"));
}

#[test]
fn constants_match_c_headers() {
    let entries = generated::const_entries();
    let mut problems = Vec::new();
    for (name, file, c, rust) in &entries {
        if c != rust {
            problems.push(format!("{name} ({file}): C {c:#x}, Rust {rust:#x}"));
        }
    }
    println!("constants: target {}", meta::TARGET);
    for (name, file) in generated::CONSTS_NOT_IN_C {
        println!("constants: note: {name} ({file}) is not defined by the C headers here");
    }
    println!(
        "constants: {} checked, {} mismatches; {} not defined in C, {} private",
        entries.len(),
        problems.len(),
        generated::CONSTS_NOT_IN_C.len(),
        generated::CONSTS_PRIVATE.len()
    );
    pyo3_ffi_check::require_at_least("constants", entries.len(), meta::LIMITED_API, 150, 100);
    if !problems.is_empty() {
        for p in &problems {
            println!("constants: MISMATCH {p}");
        }
        panic!(
            "{} constant mismatches:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}
