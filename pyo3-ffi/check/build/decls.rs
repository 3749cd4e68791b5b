//! Which declared symbols the C headers of this configuration do not declare (informational:
//! e.g. exported functions that the headers only provide as macros, or private `_Py` names).

use crate::collect::SymbolDef;
use crate::target::Target;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

/// The `#define` line that selects the API level the headers are read at (empty if full API).
pub fn api_define(t: &Target) -> String {
    let mut lines = Vec::new();
    if t.abi3 {
        lines.push(format!(
            "#define Py_LIMITED_API 0x03{:02x}0000",
            t.cfg_minor
        ));
    }
    lines.push(free_threaded_define(t));
    lines.retain(|l| !l.is_empty());
    lines.join("\n")
}

/// For a free-threaded configuration checked against the headers of the default build (no
/// free-threaded interpreter is installed), the line defining `Py_GIL_DISABLED`: the 3.14+
/// headers select the free-threaded structs on this macro alone, so the probes measure those.
pub fn free_threaded_define(t: &Target) -> String {
    if t.has_flag("Py_GIL_DISABLED") {
        "#ifndef Py_GIL_DISABLED\n#define Py_GIL_DISABLED 1\n#endif".to_string()
    } else {
        String::new()
    }
}

/// Link names of `symbols` that no header declares (compiled with `-fsyntax-only`).
pub fn undeclared(symbols: &[SymbolDef], t: &Target, out_dir: &Path) -> BTreeSet<String> {
    let names: BTreeSet<&str> = symbols.iter().map(|s| s.link_name.as_str()).collect();
    let mut lines = vec![api_define(t), "#include <Python.h>".to_string()];
    for h in crate::layout::EXTRA_HEADERS {
        lines.push(format!("#if __has_include(<{h}>)\n#include <{h}>\n#endif"));
    }
    lines.push("void probe(void) {".to_string());
    // Headers above may span several lines each: count real lines.
    let mut line_of: HashMap<usize, &str> = HashMap::new();
    let mut text = lines.join("\n");
    let mut line_no = text.lines().count();
    for n in &names {
        text.push_str(&format!("\n(void)&{n};"));
        line_no += 1;
        line_of.insert(line_no, n);
    }
    text.push_str("\n}\n");
    let file = out_dir.join("decl_probe.c");
    std::fs::write(&file, text).expect("write decl probe");
    let out = Command::new(crate::layout::cc())
        .env("LC_ALL", "C")
        .args(["-std=gnu11", "-w", "-fmax-errors=0", "-fsyntax-only", "-I"])
        .arg(&t.include_dir)
        .arg(&file)
        .output()
        .expect("cannot run the C compiler (cc)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut missing = BTreeSet::new();
    for (line, _) in crate::layout::parse_errors(&stderr, &file) {
        match line_of.get(&line) {
            Some(n) => {
                missing.insert(n.to_string());
            }
            None => panic!("the C declaration probe failed outside the checks:\n{stderr}"),
        }
    }
    missing
}
