//! Integer constants: the value of the C macro or enum member of the same name, printed by a
//! C program, compared with the Rust `const` in the test.

use crate::collect::ConstDef;
use crate::target::Target;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// Generated Rust (entries + names C does not define) and the number of comparisons.
pub fn generate(consts: &[ConstDef], t: &Target, out_dir: &Path) -> String {
    let mut not_in_c: Vec<(&str, &str)> = Vec::new();
    let mut private: Vec<(&str, &str)> = Vec::new();
    let mut seen = BTreeMap::new();
    let mut todo: Vec<&ConstDef> = Vec::new();
    for c in consts {
        if c.rust_path.is_none() {
            private.push((&c.name, &c.file));
        } else if seen.insert(c.rust_path.clone(), ()).is_none() {
            todo.push(c);
        }
    }
    let mut active = vec![true; todo.len()];
    let c_file = out_dir.join("consts_probe.c");
    let exe = out_dir.join("consts_probe");
    let mut values: HashMap<usize, String> = HashMap::new();
    if !todo.is_empty() {
        let mut compiled = false;
        for _round in 0..3 {
            let mut lines = vec![
                crate::decls::api_define(t),
                "#include <Python.h>".to_string(),
            ];
            for h in crate::layout::EXTRA_HEADERS {
                lines.push(format!("#if __has_include(<{h}>)\n#include <{h}>\n#endif"));
            }
            lines.push("#include <stdio.h>\nint main(void) {".to_string());
            let mut text = lines.join("\n");
            let mut line_no = text.lines().count();
            let mut line_of = HashMap::new();
            for (i, c) in todo.iter().enumerate() {
                if active[i] {
                    let n = &c.name;
                    text.push_str(&format!(
                        "\nprintf(\"{i} %llu\\n\", (unsigned long long)({n}));"
                    ));
                    line_no += 1;
                    line_of.insert(line_no, i);
                }
            }
            text.push_str("\nreturn 0;\n}\n");
            std::fs::write(&c_file, text).expect("write constants probe");
            let out = Command::new(crate::layout::cc())
                .args(["-std=gnu11", "-w", "-fmax-errors=0", "-o"])
                .arg(&exe)
                .arg("-I")
                .arg(&t.include_dir)
                .arg(&c_file)
                .output()
                .expect("cannot run the C compiler (cc)");
            if out.status.success() {
                compiled = true;
                break;
            }
            let stderr = String::from_utf8_lossy(&out.stderr);
            let errors = crate::layout::parse_errors(&stderr, &c_file);
            let mut progress = false;
            for (line, _) in errors {
                if let Some(&i) = line_of.get(&line) {
                    if active[i] {
                        active[i] = false;
                        not_in_c.push((&todo[i].name, &todo[i].file));
                        progress = true;
                    }
                }
            }
            assert!(
                progress,
                "the C constants probe failed outside the checks:\n{stderr}"
            );
        }
        assert!(compiled, "the C constants probe did not converge");
        let run = Command::new(&exe)
            .output()
            .expect("run the constants probe");
        for l in String::from_utf8_lossy(&run.stdout).lines() {
            let mut it = l.split_whitespace();
            let i: usize = it.next().unwrap().parse().unwrap();
            values.insert(i, it.next().unwrap().to_string());
        }
    }
    let mut r = String::new();
    r.push_str("/// Integer constants: (name, file, C value as u64, Rust value as u64).\n");
    r.push_str(
        "pub fn const_entries() -> Vec<(&'static str, &'static str, u64, u64)> {\n    vec![\n",
    );
    for (i, c) in todo.iter().enumerate() {
        if let Some(v) = values.get(&i) {
            let path = c.rust_path.as_deref().unwrap();
            writeln!(
                r,
                "        ({:?}, {:?}, {v}u64, {path} as i128 as u64),",
                c.name, c.file
            )
            .unwrap();
        }
    }
    r.push_str(
        "    ]\n}\n\n/// Constants the C headers do not define (as macro or enum member) here.\n",
    );
    writeln!(
        r,
        "pub const CONSTS_NOT_IN_C: &[(&str, &str)] = &{not_in_c:?};"
    )
    .unwrap();
    r.push_str("/// Constants not reachable from the crate root.\n");
    writeln!(
        r,
        "pub const CONSTS_PRIVATE: &[(&str, &str)] = &{private:?};"
    )
    .unwrap();
    r
}
