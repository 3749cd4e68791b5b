//! Layout check generation: a C program prints `sizeof`/`_Alignof`/`offsetof` for every
//! collected struct and field; the numbers go into Rust code that compares them with
//! `size_of`/`align_of`/`offset_of!` in the test.

use crate::collect::{Shape, StructDef};
use crate::skip::skip_reason;
use crate::target::Target;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// Outcome of probing, written out as Rust.
#[derive(Default)]
pub struct LayoutResult {
    /// Generated Rust source (entries + skips + failures).
    pub rust: String,
    pub structs: usize,
    pub fields: usize,
}

enum State {
    Pending,
    Failed(String),
}

struct Probe<'a> {
    def: &'a StructDef,
    spellings: Vec<String>,
    spelling: usize,
    state: State,
    first_error: Option<String>,
    /// (index into def.fields, C name candidates, chosen candidate, state)
    fields: Vec<(usize, Vec<String>, usize, State)>,
}

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self",
    "static", "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized",
    "use", "virtual", "where", "while", "yield", "abstract", "become",
];

/// Candidate C member names for a Rust field name (`type_` may stand for C `type`).
fn c_names(ty: &str, name: &str) -> Vec<String> {
    if let Some(c) = crate::skip::renamed_field(ty, name) {
        return c.iter().map(|c| c.to_string()).collect();
    }
    let trimmed = name.trim_end_matches('_');
    if trimmed != name && !trimmed.is_empty() {
        if RUST_KEYWORDS.contains(&trimmed) {
            return vec![trimmed.to_string(), name.to_string()];
        }
        return vec![name.to_string(), trimmed.to_string()];
    }
    vec![name.to_string()]
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// Build, run and interpret the C probe; generate the Rust checks.
pub fn generate(structs: &[StructDef], t: &Target, out_dir: &Path) -> LayoutResult {
    let mut skipped: Vec<(String, String, String)> = Vec::new();
    let mut failures: Vec<(String, String, String)> = Vec::new();
    let mut probes: Vec<Probe> = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();

    for s in structs {
        let skip = |why: &str| (s.name.clone(), why.to_string(), s.file.clone());
        let Some(path) = &s.rust_path else {
            skipped.push(skip("not reachable from the crate root (private)"));
            continue;
        };
        if let Some(prev) = seen.insert(path.clone(), &s.file) {
            failures.push((
                s.name.clone(),
                format!("defined more than once for this configuration (also in {prev})"),
                s.file.clone(),
            ));
            continue;
        }
        if let Some(reason) = skip_reason(&s.name) {
            skipped.push(skip(reason));
            continue;
        }
        if s.generic {
            skipped.push(skip("generic type"));
            continue;
        }
        if s.shape != Shape::Named {
            skipped.push(skip("tuple or unit struct"));
            continue;
        }
        if !s.repr_c {
            skipped.push(skip("not #[repr(C)]"));
            continue;
        }
        if s.fields.iter().all(|f| f.zero_sized) {
            skipped.push(skip("opaque (only zero-sized fields)"));
            continue;
        }
        let mut fields = Vec::new();
        for (i, f) in s.fields.iter().enumerate() {
            let item = format!("{}.{}", s.name, f.name);
            if f.zero_sized {
                skipped.push((item, "zero-sized field".into(), s.file.clone()));
            } else if !f.public {
                skipped.push((item, "private field".into(), s.file.clone()));
            } else {
                fields.push((i, c_names(&s.name, &f.name), 0, State::Pending));
            }
        }
        let tag = if s.is_union { "union" } else { "struct" };
        probes.push(Probe {
            def: s,
            spellings: vec![s.name.clone(), format!("{tag} {}", s.name)],
            spelling: 0,
            state: State::Pending,
            first_error: None,
            fields,
        });
    }

    let mut sizes = HashMap::new();
    let mut offsets = HashMap::new();
    let define = crate::decls::api_define(t);
    let all: Vec<usize> = (0..probes.len()).collect();
    run_pass(
        &mut probes,
        &all,
        &define,
        t,
        out_dir,
        &mut sizes,
        &mut offsets,
    );
    // Under the limited API, C hides some types PyO3 still declares: measure those with the
    // full headers (their layout does not depend on the API level).
    let mut full_api = vec![false; probes.len()];
    if t.abi3 {
        let hidden: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| matches!(probes[i].state, State::Failed(_)))
            .collect();
        for &i in &hidden {
            let p = &mut probes[i];
            p.spelling = 0;
            p.state = State::Pending;
            for f in &mut p.fields {
                f.2 = 0;
                f.3 = State::Pending;
            }
            full_api[i] = true;
        }
        let full_define = crate::decls::free_threaded_define(t);
        run_pass(
            &mut probes,
            &hidden,
            &full_define,
            t,
            out_dir,
            &mut sizes,
            &mut offsets,
        );
    }

    // Emit Rust.
    let mut r = String::new();
    let mut n_structs = 0;
    let mut n_fields = 0;
    r.push_str("/// Layout comparisons: one per struct size and per field.\n");
    r.push_str("pub fn layout_entries() -> Vec<pyo3_ffi_check::LayoutEntry> {\n");
    r.push_str("    #[allow(unused_unsafe)]\n    let v = vec![\n");
    for (pi, p) in probes.iter().enumerate() {
        let s = p.def;
        let path = s.rust_path.as_deref().expect("reachable");
        match &p.state {
            State::Failed(msg) if msg.contains("incomplete type") => {
                // C declares the type but keeps it opaque here (e.g. PyCriticalSection
                // outside free-threaded builds): there is no C layout to compare with.
                let reason = format!("C declares but does not define it here ({msg})");
                skipped.push((s.name.clone(), reason, s.file.clone()));
                continue;
            }
            State::Failed(msg) => {
                let reason = format!("no matching C type: {msg}");
                failures.push((s.name.clone(), reason, s.file.clone()));
                continue;
            }
            State::Pending => {}
        }
        let c_type = &p.spellings[p.spelling];
        let level = if full_api[pi] {
            " (full API headers)"
        } else {
            ""
        };
        let (c_size, c_align) = sizes[&pi];
        n_structs += 1;
        writeln!(
            r,
            "        pyo3_ffi_check::LayoutEntry::size({}, {}, {}, [{c_size}, {c_align}], \
             [core::mem::size_of::<{path}>(), core::mem::align_of::<{path}>()]),",
            lit(&s.name),
            lit(&s.file),
            lit(&format!("{c_type}{level}"))
        )
        .unwrap();
        for (fi, (idx, names, chosen, state)) in p.fields.iter().enumerate() {
            let f = &s.fields[*idx];
            let item = format!("{}.{}", s.name, f.name);
            if let State::Failed(msg) = state {
                if msg.contains("bit-field") {
                    skipped.push((item, format!("C bit-field ({})", names[0]), s.file.clone()));
                } else {
                    failures.push((item, format!("no such C member: {msg}"), s.file.clone()));
                }
                continue;
            }
            let (c_off, c_fsize) = offsets[&(pi, fi)];
            n_fields += 1;
            writeln!(
                r,
                "        pyo3_ffi_check::LayoutEntry::field({}, {}, {}, [{c_off}, {c_fsize}], \
                 [core::mem::offset_of!({path}, {id}), pyo3_ffi_check::field_size!({path}, {id})]),",
                lit(&item),
                lit(&s.file),
                lit(&format!("{c_type}.{}{level}", names[*chosen])),
                id = f.rust_ident
            )
            .unwrap();
        }
    }
    r.push_str("    ];\n    v\n}\n\n");
    r.push_str("/// Items not compared, with the reason: (item, reason, file).\n");
    r.push_str("pub const LAYOUT_SKIPPED: &[(&str, &str, &str)] = &[\n");
    for (i, why, f) in &skipped {
        writeln!(r, "    ({}, {}, {}),", lit(i), lit(why), lit(f)).unwrap();
    }
    r.push_str("];\n\n/// Mismatches found while building the probe: (item, problem, file).\n");
    r.push_str("pub const LAYOUT_FAILURES: &[(&str, &str, &str)] = &[\n");
    for (i, why, f) in &failures {
        writeln!(r, "    ({}, {}, {}),", lit(i), lit(why), lit(f)).unwrap();
    }
    r.push_str("];\n");
    LayoutResult {
        rust: r,
        structs: n_structs,
        fields: n_fields,
    }
}

/// Headers not (always) included by `Python.h`, included when present.
pub const EXTRA_HEADERS: &[&str] = &[
    "datetime.h",
    "structmember.h",
    "frameobject.h",
    "marshal.h",
    "code.h",
    "pythread.h",
    "genobject.h",
    "funcobject.h",
    "cellobject.h",
    "odictobject.h",
];

/// Compile, adjust spellings on errors, and run the probe for the probes in `which`;
/// record their numbers. Probes that cannot be made to compile end up `Failed`.
fn run_pass(
    probes: &mut [Probe],
    which: &[usize],
    define: &str,
    t: &Target,
    out_dir: &Path,
    sizes: &mut HashMap<usize, (usize, usize)>,
    offsets: &mut HashMap<(usize, usize), (usize, usize)>,
) {
    if which.is_empty() {
        return;
    }
    let c_file = out_dir.join("layout_probe.c");
    let exe = out_dir.join("layout_probe");
    let mut compiled = false;
    let mut last_errors = String::new();
    for _round in 0..16 {
        let (source, lines) = c_source(probes, which, define);
        std::fs::write(&c_file, &source).expect("write C probe");
        let out = Command::new(cc())
            .env("LC_ALL", "C")
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
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        last_errors = stderr.lines().take(20).collect::<Vec<_>>().join("\n");
        let mut struct_err: BTreeMap<usize, String> = BTreeMap::new();
        let mut field_err: BTreeMap<(usize, usize), String> = BTreeMap::new();
        for (line, msg) in parse_errors(&stderr, &c_file) {
            match lines.get(&line) {
                Some(Line::Struct(p)) => {
                    struct_err.entry(*p).or_insert(msg);
                }
                Some(Line::Field(p, f)) => {
                    field_err.entry((*p, *f)).or_insert(msg);
                }
                None => {}
            }
        }
        if struct_err.is_empty() && field_err.is_empty() {
            panic!("the C layout probe does not compile for reasons outside the checks:\n{stderr}");
        }
        for (p, msg) in &struct_err {
            let probe = &mut probes[*p];
            if probe.first_error.is_none() {
                probe.first_error = Some(msg.clone());
            }
            probe.spelling += 1;
            if probe.spelling >= probe.spellings.len() {
                probe.state = State::Failed(probe.first_error.take().unwrap_or_default());
            }
        }
        for ((p, f), msg) in &field_err {
            if struct_err.contains_key(p) {
                continue;
            }
            let field = &mut probes[*p].fields[*f];
            field.2 += 1;
            if field.2 >= field.1.len() {
                field.3 = State::Failed(msg.clone());
            }
        }
    }
    assert!(
        compiled,
        "the C layout probe did not converge; last errors:\n{last_errors}"
    );
    let run = Command::new(&exe).output().expect("run the C layout probe");
    assert!(run.status.success(), "the C layout probe failed");
    let stdout = String::from_utf8(run.stdout).expect("utf-8");
    for l in stdout.lines() {
        let v: Vec<&str> = l.split_whitespace().collect();
        let n = |i: usize| v[i].parse::<usize>().expect("number from C probe");
        match v[0] {
            "S" => {
                sizes.insert(n(1), (n(2), n(3)));
            }
            "F" => {
                offsets.insert((n(1), n(2)), (n(3), n(4)));
            }
            _ => panic!("bad probe output line {l}"),
        }
    }
}

/// The C compiler: `$CC` or `cc`.
pub fn cc() -> String {
    std::env::var("CC").unwrap_or_else(|_| "cc".to_string())
}

enum Line {
    Struct(usize),
    Field(usize, usize),
}

/// The C probe source and a map from 1-based line number to what that line checks.
fn c_source(probes: &[Probe], which: &[usize], define: &str) -> (String, HashMap<usize, Line>) {
    let mut lines: Vec<String> = Vec::new();
    let mut map = HashMap::new();
    // One entry per source line: the probe maps compiler errors back by line number.
    lines.extend(define.lines().map(str::to_string));
    lines.push("#define PY_SSIZE_T_CLEAN".into());
    lines.push("#include <Python.h>".into());
    for h in EXTRA_HEADERS {
        lines.push(format!("#if __has_include(<{h}>)"));
        lines.push(format!("#include <{h}>"));
        lines.push("#endif".into());
    }
    lines.push("#include <stddef.h>".into());
    lines.push("#include <stdio.h>".into());
    lines.push("int main(void) {".into());
    for &pi in which {
        let p = &probes[pi];
        if matches!(p.state, State::Failed(_)) {
            continue;
        }
        let ty = &p.spellings[p.spelling];
        lines.push(format!(
            "printf(\"S {pi} %zu %zu\\n\", sizeof({ty}), (size_t)_Alignof({ty}));"
        ));
        map.insert(lines.len(), Line::Struct(pi));
        for (fi, (_, names, chosen, state)) in p.fields.iter().enumerate() {
            if matches!(state, State::Failed(_)) {
                continue;
            }
            let m = &names[*chosen];
            lines.push(format!(
                "printf(\"F {pi} {fi} %zu %zu\\n\", offsetof({ty}, {m}), sizeof((({ty}*)0)->{m}));"
            ));
            map.insert(lines.len(), Line::Field(pi, fi));
        }
    }
    lines.push("return 0;".into());
    lines.push("}".into());
    (lines.join("\n") + "\n", map)
}

/// `(line, message)` for each `error:` the compiler reported in the probe file itself.
pub fn parse_errors(stderr: &str, c_file: &Path) -> Vec<(usize, String)> {
    let name = c_file.display().to_string();
    let mut out = Vec::new();
    for l in stderr.lines() {
        let Some(rest) = l.strip_prefix(&name) else {
            continue;
        };
        let mut parts = rest.splitn(4, ':');
        let _ = parts.next();
        let line = parts.next().and_then(|x| x.trim().parse::<usize>().ok());
        let _col = parts.next();
        let msg = parts.next().unwrap_or("").trim();
        if let (Some(line), Some(msg)) = (line, msg.strip_prefix("error:")) {
            out.push((line, msg.trim().to_string()));
        }
    }
    out
}
