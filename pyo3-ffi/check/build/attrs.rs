//! Attribute handling: `cfg` evaluation, `cfg_attr` expansion, `repr`, `link_name`, `path`.

use crate::target::Target;
use std::cell::RefCell;
use std::collections::BTreeSet;
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, Lit, Meta, Token};

thread_local! {
    /// cfg names/values seen that the evaluator had to treat as unset (printed as notes).
    pub static UNKNOWN_CFGS: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// cfg names whose truth the evaluator decides itself, so an unset one is not "unknown".
const KNOWN_NAMES: &[&str] = &[
    "Py_LIMITED_API",
    "Py_GIL_DISABLED",
    "PyPy",
    "GraalPy",
    "py_sys_config",
    "feature",
    "test",
    "doc",
    "docsrs",
    "windows",
    "unix",
    "target_os",
    "target_family",
    "target_arch",
    "target_env",
    "target_vendor",
    "target_endian",
    "target_pointer_width",
    "debug_assertions",
    "miri",
];

/// Evaluate a cfg predicate against the target.
pub fn eval_cfg(meta: &Meta, t: &Target) -> bool {
    match meta {
        Meta::Path(p) => {
            let name = path_name(p);
            let set = t.has_flag(&name);
            if !set && !name.starts_with("Py_3_") && !KNOWN_NAMES.contains(&name.as_str()) {
                UNKNOWN_CFGS.with(|u| u.borrow_mut().insert(name.clone()));
            }
            set
        }
        Meta::NameValue(nv) => {
            let name = path_name(&nv.path);
            let value = expr_str(&nv.value).unwrap_or_default();
            let set = t.has_value(&name, &value);
            if !set && !KNOWN_NAMES.contains(&name.as_str()) {
                UNKNOWN_CFGS.with(|u| u.borrow_mut().insert(format!("{name} = \"{value}\"")));
            }
            set
        }
        Meta::List(list) => {
            let name = path_name(&list.path);
            let inner: Vec<Meta> = list
                .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                .unwrap_or_else(|e| panic!("bad cfg predicate `{}`: {e}", quote::quote!(#list)))
                .into_iter()
                .collect();
            match name.as_str() {
                "all" => inner.iter().all(|m| eval_cfg(m, t)),
                "any" => inner.iter().any(|m| eval_cfg(m, t)),
                "not" => {
                    assert_eq!(inner.len(), 1, "not() takes one predicate");
                    !eval_cfg(&inner[0], t)
                }
                other => panic!("unknown cfg operator `{other}`"),
            }
        }
    }
}

fn path_name(p: &syn::Path) -> String {
    p.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

fn expr_str(e: &Expr) -> Option<String> {
    match e {
        Expr::Lit(l) => match &l.lit {
            Lit::Str(s) => Some(s.value()),
            _ => None,
        },
        _ => None,
    }
}

/// Expand `cfg_attr`s (recursively) into the list of attribute metas that apply.
pub fn effective(attrs: &[Attribute], t: &Target) -> Vec<Meta> {
    let mut out = Vec::new();
    for a in attrs {
        expand(&a.meta, t, &mut out);
    }
    out
}

fn expand(meta: &Meta, t: &Target, out: &mut Vec<Meta>) {
    if let Meta::List(list) = meta {
        if list.path.is_ident("cfg_attr") {
            let parts: Vec<Meta> = list
                .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                .unwrap_or_else(|e| panic!("bad cfg_attr `{}`: {e}", quote::quote!(#list)))
                .into_iter()
                .collect();
            if let Some((pred, rest)) = parts.split_first() {
                if eval_cfg(pred, t) {
                    for m in rest {
                        expand(m, t, out);
                    }
                }
            }
            return;
        }
    }
    out.push(meta.clone());
}

/// True if every `cfg(...)` among the effective attributes holds.
pub fn active(metas: &[Meta], t: &Target) -> bool {
    metas.iter().all(|m| match m {
        Meta::List(list) if list.path.is_ident("cfg") => {
            let pred: Meta = list
                .parse_args()
                .unwrap_or_else(|e| panic!("bad cfg `{}`: {e}", quote::quote!(#list)));
            eval_cfg(&pred, t)
        }
        _ => true,
    })
}

/// Does `#[repr(C)]` (possibly with other hints) apply?
pub fn is_repr_c(metas: &[Meta]) -> bool {
    metas.iter().any(|m| match m {
        Meta::List(list) if list.path.is_ident("repr") => list
            .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            .map(|p| p.iter().any(|x| x.path().is_ident("C")))
            .unwrap_or(false),
        _ => false,
    })
}

/// `#[name = "value"]` among the effective attributes (`link_name`, `path`).
pub fn name_value(metas: &[Meta], name: &str) -> Option<String> {
    metas.iter().rev().find_map(|m| match m {
        Meta::NameValue(nv) if nv.path.is_ident(name) => expr_str(&nv.value),
        _ => None,
    })
}
