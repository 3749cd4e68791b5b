//! Signature check: each declared function's Rust signature, spelled as a C function-pointer
//! type, must be assignment-compatible with the function the headers declare (and each
//! static's type with the C object's type). gcc's `-Wincompatible-pointer-types` reports
//! mismatches; differences only in `const` are reported separately (informational).

use crate::collect::SymbolDef;
use crate::target::Target;
use std::cell::RefCell;
use std::collections::HashMap;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use syn::{GenericArgument, PathArguments, ReturnType, Type};

thread_local! {
    /// Type names C knows only as `struct X` (no typedef), learnt from compiler errors.
    static STRUCT_TAGS: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// Rust type as C type text; `None` if the harness cannot spell it. Function-pointer types
/// become typedefs appended to `defs`.
fn c_type(ty: &Type, defs: &mut String, n: &mut usize) -> Option<String> {
    match ty {
        Type::Ptr(p) => {
            let inner = c_type(&p.elem, defs, n)?;
            Some(if p.const_token.is_some() {
                format!("{inner} const *")
            } else {
                format!("{inner} *")
            })
        }
        Type::Paren(p) => c_type(&p.elem, defs, n),
        Type::Group(g) => c_type(&g.elem, defs, n),
        Type::Tuple(t) if t.elems.is_empty() => Some("void".into()),
        Type::Never(_) => Some("void".into()),
        Type::BareFn(f) => fn_ptr(f, defs, n),
        Type::Path(p) => {
            let seg = p.path.segments.last()?;
            let name = seg.ident.to_string();
            if name == "Option" {
                if let PathArguments::AngleBracketed(a) = &seg.arguments {
                    if let Some(GenericArgument::Type(inner)) = a.args.first() {
                        return c_type(inner, defs, n);
                    }
                }
                return None;
            }
            if STRUCT_TAGS.with(|s| s.borrow().contains(&name)) {
                return Some(format!("struct {name}"));
            }
            Some(
                match name.as_str() {
                    "c_void" => "void",
                    "c_char" => "char",
                    "c_schar" => "signed char",
                    "c_uchar" => "unsigned char",
                    "c_short" => "short",
                    "c_ushort" => "unsigned short",
                    "c_int" => "int",
                    "c_uint" => "unsigned int",
                    "c_long" => "long",
                    "c_ulong" => "unsigned long",
                    "c_longlong" => "long long",
                    "c_ulonglong" => "unsigned long long",
                    "c_float" | "f32" => "float",
                    "c_double" | "f64" => "double",
                    "i8" => "int8_t",
                    "u8" => "uint8_t",
                    "i16" => "int16_t",
                    "u16" => "uint16_t",
                    "i32" => "int32_t",
                    "u32" => "uint32_t",
                    "i64" => "int64_t",
                    "u64" => "uint64_t",
                    "isize" => "Py_ssize_t",
                    "usize" => "size_t",
                    "bool" => "_Bool",
                    other => other,
                }
                .to_string(),
            )
        }
        _ => None,
    }
}

fn fn_ptr(f: &syn::TypeBareFn, defs: &mut String, n: &mut usize) -> Option<String> {
    let ret = match &f.output {
        ReturnType::Default => "void".to_string(),
        ReturnType::Type(_, t) => c_type(t, defs, n)?,
    };
    let mut args = Vec::new();
    for a in &f.inputs {
        args.push(c_type(&a.ty, defs, n)?);
    }
    if f.variadic.is_some() {
        args.push("...".into());
    }
    if args.is_empty() {
        args.push("void".into());
    }
    *n += 1;
    let name = format!("__pyo3_fp{n}");
    write!(defs, "typedef {ret} (*{name})({}); ", args.join(", ")).unwrap();
    Some(name)
}

/// What the check found.
pub struct SigResult {
    pub rust: String,
}

/// Strip `const` and spacing from a gcc type spelling, to tell const-only differences.
fn loosen(t: &str) -> String {
    // Drop `const` as a whole word, then all whitespace.
    let words: Vec<&str> = t
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::new();
    let mut rest = t;
    for w in words {
        let at = rest.find(w).unwrap_or(0);
        out.push_str(&rest[..at]);
        if w != "const" {
            out.push_str(w);
        }
        out.push(' ');
        rest = &rest[at + w.len()..];
    }
    out.push_str(rest);
    out.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The canonical spellings (`aka` when given) of the two types in a gcc
/// incompatible-pointer message.
fn message_types(msg: &str) -> Vec<String> {
    // Quoted chunks; an `{aka '...'}` replaces the chunk before it.
    let mut out: Vec<String> = Vec::new();
    let mut rest = msg;
    while let Some(start) = rest.find('\'') {
        let before = &rest[..start];
        let after = &rest[start + 1..];
        let Some(end) = after.find('\'') else { break };
        let chunk = after[..end].to_string();
        if before.trim_end().ends_with("{aka") {
            out.pop();
        }
        out.push(chunk);
        rest = &after[end + 1..];
    }
    out
}

/// Run the check for `symbols` (those with a parsed signature).
pub fn generate(sigs: &[SymbolDef], t: &Target, out_dir: &Path) -> SigResult {
    let mut round = 0;
    let (line_of, mut unmapped, per_line) = loop {
        round += 1;
        let (line_of, unmapped, per_line) = probe(sigs, t, out_dir);
        // Names C only knows as struct tags: retry them as `struct X`.
        let mut learnt = false;
        for msgs in per_line.values() {
            for (_, m) in msgs {
                let name = m
                    .strip_prefix("unknown type name '")
                    .and_then(|r| r.split('\'').next())
                    .or_else(|| {
                        // `X const *p` with an unknown X reads as an expression.
                        let r = m.strip_prefix('\'')?;
                        let (name, rest) = r.split_once('\'')?;
                        let is_type = rest.trim_start().starts_with("undeclared")
                            && !sigs.iter().any(|s| s.link_name == name);
                        is_type.then_some(name)
                    });
                if let Some(name) = name {
                    learnt |= STRUCT_TAGS.with(|s| s.borrow_mut().insert(name.to_string()));
                }
            }
        }
        if !learnt || round >= 4 {
            break (line_of, unmapped, per_line);
        }
    };
    let mut mismatches = Vec::new();
    let mut const_only = Vec::new();
    let mut checked = 0usize;
    let mut lines_sorted: Vec<_> = line_of.iter().collect();
    lines_sorted.sort();
    for (line, &i) in lines_sorted {
        let sym = &sigs[i];
        let entry = (sym.link_name.clone(), sym.file.clone());
        match per_line.get(line) {
            None => checked += 1,
            Some(msgs) => {
                if let Some((_, m)) = msgs
                    .iter()
                    .find(|(_, m)| m.contains("incompatible pointer type"))
                {
                    checked += 1;
                    let types = message_types(m);
                    let summary = if types.len() >= 2 {
                        format!("Rust as C: {}; C: {}", types[0], types[1])
                    } else {
                        m.clone()
                    };
                    if let Some(why) = crate::skip::sig_accepted(&entry.0) {
                        const_only.push((entry.0, entry.1, format!("{summary} (accepted: {why})")));
                    } else if types.len() >= 2 && loosen(&types[0]) == loosen(&types[1]) {
                        const_only.push((entry.0, entry.1, summary));
                    } else {
                        mismatches.push((entry.0, entry.1, summary));
                    }
                } else if let Some((_, m)) = msgs.iter().find(|(e, _)| *e) {
                    unmapped.push((entry.0, entry.1, format!("not checkable: {m}")));
                } else {
                    checked += 1;
                }
            }
        }
    }
    let mut r = String::new();
    writeln!(r, "/// Declarations whose signature was compared.").unwrap();
    writeln!(r, "pub const SIG_CHECKED: usize = {checked};").unwrap();
    writeln!(
        r,
        "/// (name, file, detail): signatures that differ from C."
    )
    .unwrap();
    writeln!(
        r,
        "pub const SIG_MISMATCHES: &[(&str, &str, &str)] = &{mismatches:?};"
    )
    .unwrap();
    writeln!(
        r,
        "/// (name, file, detail): differences only in `const`, or accepted ones."
    )
    .unwrap();
    writeln!(
        r,
        "pub const SIG_CONST_ONLY: &[(&str, &str, &str)] = &{const_only:?};"
    )
    .unwrap();
    writeln!(r, "/// (name, file, reason): not compared.").unwrap();
    writeln!(
        r,
        "pub const SIG_UNCHECKED: &[(&str, &str, &str)] = &{unmapped:?};"
    )
    .unwrap();
    SigResult { rust: r }
}

type Messages = HashMap<usize, Vec<(bool, String)>>;
/// (line -> symbol index, unmappable (name, file, reason), compiler messages per line).
type ProbeOutcome = (
    HashMap<usize, usize>,
    Vec<(String, String, String)>,
    Messages,
);

/// One compile of the signature probe: (line -> symbol index, unmappable, messages per line).
fn probe(sigs: &[SymbolDef], t: &Target, out_dir: &Path) -> ProbeOutcome {
    let mut lines = vec![
        crate::decls::api_define(t),
        "#include <Python.h>".to_string(),
        "#include <stdint.h>".to_string(),
        "#include <stdio.h>".to_string(),
    ];
    for h in crate::layout::EXTRA_HEADERS {
        lines.push(format!("#if __has_include(<{h}>)\n#include <{h}>\n#endif"));
    }
    let mut text = lines.join("\n");
    let mut line_no = text.lines().count();
    let mut line_of: HashMap<usize, usize> = HashMap::new();
    let mut unmapped: Vec<(String, String, String)> = Vec::new();
    let mut n = 0usize;
    let mut seen = std::collections::HashSet::new();
    for (i, sym) in sigs.iter().enumerate() {
        let item = &sym.item;
        if !seen.insert(sym.link_name.clone()) {
            continue;
        }
        let mut defs = String::new();
        let check = match item {
            syn::ForeignItem::Fn(f) => {
                let ret = match &f.sig.output {
                    ReturnType::Default => Some("void".to_string()),
                    ReturnType::Type(_, ty) => c_type(ty, &mut defs, &mut n),
                };
                let mut args = Vec::new();
                let mut ok = ret.is_some();
                for a in &f.sig.inputs {
                    if let syn::FnArg::Typed(pt) = a {
                        match c_type(&pt.ty, &mut defs, &mut n) {
                            Some(c) => args.push(c),
                            None => ok = false,
                        }
                    }
                }
                if f.sig.variadic.is_some() {
                    args.push("...".into());
                }
                if args.is_empty() {
                    args.push("void".into());
                }
                ok.then(|| {
                    format!(
                        "typedef {} (*__pyo3_sig{i})({}); void __pyo3_f{i}(void) {{ __pyo3_sig{i} p = &{}; (void)p; }}",
                        ret.unwrap(),
                        args.join(", "),
                        sym.link_name
                    )
                })
            }
            syn::ForeignItem::Static(s) => c_type(&s.ty, &mut defs, &mut n).map(|ty| {
                format!(
                    "void __pyo3_f{i}(void) {{ {ty} *p = &{}; (void)p; }}",
                    sym.link_name
                )
            }),
            _ => None,
        };
        match check {
            Some(c) => {
                text.push('\n');
                text.push_str(&defs);
                text.push_str(&c);
                line_no += 1;
                line_of.insert(line_no, i);
            }
            None => unmapped.push((
                sym.link_name.clone(),
                sym.file.clone(),
                "a Rust type the harness cannot spell in C".into(),
            )),
        }
    }
    text.push('\n');
    let file = out_dir.join("sig_probe.c");
    std::fs::write(&file, &text).expect("write signature probe");
    let out = Command::new(crate::layout::cc())
        .env("LC_ALL", "C")
        .args([
            "-std=gnu11",
            "-fsyntax-only",
            "-fmax-errors=0",
            "-Wincompatible-pointer-types",
            "-I",
        ])
        .arg(&t.include_dir)
        .arg(&file)
        .output()
        .expect("cannot run the C compiler (cc)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let name = file.display().to_string();
    let mut per_line: HashMap<usize, Vec<(bool, String)>> = HashMap::new();
    for l in stderr.lines() {
        let Some(rest) = l.strip_prefix(&name) else {
            continue;
        };
        let mut parts = rest.splitn(4, ':');
        let _ = parts.next();
        let Some(line) = parts.next().and_then(|x| x.trim().parse::<usize>().ok()) else {
            continue;
        };
        let _ = parts.next();
        let msg = parts.next().unwrap_or("").trim();
        if let Some(m) = msg.strip_prefix("error:") {
            per_line
                .entry(line)
                .or_default()
                .push((true, m.trim().to_string()));
        } else if let Some(m) = msg.strip_prefix("warning:") {
            per_line
                .entry(line)
                .or_default()
                .push((false, m.trim().to_string()));
        }
    }
    (line_of, unmapped, per_line)
}
