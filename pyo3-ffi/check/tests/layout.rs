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
    // PyPy's headers declare far fewer CPython structs (33 structs / 219 fields for PyPy 3.11):
    // its own floors, still well above what a harness that stopped finding them would report.
    let (min_structs, min_fields) = if meta::TARGET.starts_with("PyPy") {
        (25, 150)
    } else {
        (50, 350)
    };
    pyo3_ffi_check::require_at_least("layout structs", structs, meta::LIMITED_API, min_structs, 8);
    pyo3_ffi_check::require_at_least("layout fields", fields, meta::LIMITED_API, min_fields, 30);
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
