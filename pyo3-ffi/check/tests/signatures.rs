//! Signature check: each declared function, its Rust signature spelled as a C function-pointer
//! type, is assignment-compatible with the C declaration (statics: same object type).
//! Differences only in `const` are listed as notes.

#[allow(dead_code)]
mod meta {
    include!(concat!(env!("OUT_DIR"), "/meta.rs"));
}
mod generated {
    include!(concat!(env!("OUT_DIR"), "/sigs.rs"));
}

#[test]
fn signatures_match_c_headers() {
    println!("signatures: target {}", meta::TARGET);
    for (name, file, why) in generated::SIG_UNCHECKED {
        println!("signatures: not checked {name} ({file}): {why}");
    }
    for (name, file, what) in generated::SIG_CONST_ONLY {
        println!("signatures: note: differs {name} ({file}): {what}");
    }
    println!(
        "signatures: {} checked, {} mismatches; {} differ only in const or accepted, {} not checked",
        generated::SIG_CHECKED,
        generated::SIG_MISMATCHES.len(),
        generated::SIG_CONST_ONLY.len(),
        generated::SIG_UNCHECKED.len()
    );
    pyo3_ffi_check::require_at_least(
        "signatures",
        generated::SIG_CHECKED,
        meta::LIMITED_API,
        700,
        500,
    );
    if !generated::SIG_MISMATCHES.is_empty() {
        let list: Vec<String> = generated::SIG_MISMATCHES
            .iter()
            .map(|(name, file, what)| format!("{name} ({file}): {what}"))
            .collect();
        for p in &list {
            println!("signatures: MISMATCH {p}");
        }
        panic!("{} signature mismatches:\n{}", list.len(), list.join("\n"));
    }
}
