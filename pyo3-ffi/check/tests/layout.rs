//! Layout check: every `#[repr(C)]` struct/union pyo3-ffi declares for this configuration has
//! the same size, alignment, field offsets and field sizes as the C type in the headers.

#[allow(dead_code)]
mod meta {
    include!(concat!(env!("OUT_DIR"), "/meta.rs"));
}
#[allow(deprecated)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/layout.rs"));
}

#[test]
fn layout_matches_c_headers() {
    let entries = generated::layout_entries();
    let structs = entries.iter().filter(|e| !e.is_field).count();
    let fields = entries.len() - structs;
    let mut problems: Vec<String> = entries.iter().filter_map(|e| e.mismatch()).collect();
    for (item, why, file) in generated::LAYOUT_FAILURES {
        problems.push(format!("{item} ({file}): {why}"));
    }
    let (skipped_structs, skipped_fields): (Vec<&(&str, &str, &str)>, Vec<_>) =
        generated::LAYOUT_SKIPPED
            .iter()
            .partition(|(item, _, _)| !item.contains('.'));

    println!("layout: target {}", meta::TARGET);
    for note in meta::NOTES {
        println!("layout: note: {note}");
    }
    for (item, why, file) in generated::LAYOUT_SKIPPED {
        println!("layout: skipped {item} ({file}): {why}");
    }
    println!(
        "layout: {structs} structs, {fields} fields checked, {} mismatches; {} structs, {} fields skipped ({} files read)",
        problems.len(),
        skipped_structs.len(),
        skipped_fields.len(),
        meta::FILES_READ
    );
    pyo3_ffi_check::require_at_least("layout structs", structs, meta::LIMITED_API, 50, 8);
    pyo3_ffi_check::require_at_least("layout fields", fields, meta::LIMITED_API, 350, 30);
    if !problems.is_empty() {
        for p in &problems {
            println!("layout: MISMATCH {p}");
        }
        panic!(
            "{} layout mismatches:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}
