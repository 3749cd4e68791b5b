//! Finds what the body of a function-form `#[pymodule]` adds to its module, for its stub.
//!
//! The body is ordinary Rust, so this reads the calls users write to fill a module:
//! `wrap_pyfunction!(f, m)`, `add_class::<T>()`, `wrap_pymodule!(sub)`,
//! `add("Name", py.get_type::<E>())` and `add("NAME", <literal>)`. Any other `add*` call
//! (a module built at run time, a computed value) makes the module *incomplete*: its stub then
//! keeps a `__getattr__` fallback instead of claiming to be exhaustive.

use super::items::Member;
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::quote;

/// The members found and whether something was not understood.
pub struct Scan {
    /// Members, in order.
    pub members: Vec<Member>,
    /// Whether the stub must keep a `__getattr__` fallback.
    pub incomplete: bool,
}

/// Scans the statements of `body`.
pub fn scan_module_body(body: &syn::Block, pyo3: &TokenStream) -> Scan {
    let mut scan = Scan {
        members: Vec::new(),
        incomplete: false,
    };
    let tokens: TokenStream = body.stmts.iter().map(|s| quote!(#s)).collect();
    walk(tokens, &mut scan, pyo3);
    scan
}

/// `::<Path>` at `tts[i..]`: the path, and the index after `>`.
fn turbofish_path(tts: &[TokenTree], i: usize) -> Option<(syn::Path, usize)> {
    let is =
        |j: usize, c: char| matches!(tts.get(j), Some(TokenTree::Punct(p)) if p.as_char() == c);
    if !(is(i, ':') && is(i + 1, ':') && is(i + 2, '<')) {
        return None;
    }
    let mut j = i + 3;
    let mut depth = 1;
    let start = j;
    while j < tts.len() {
        if is(j, '<') {
            depth += 1;
        } else if is(j, '>') {
            depth -= 1;
            if depth == 0 {
                break;
            }
        }
        j += 1;
    }
    let path: TokenStream = tts[start..j.min(tts.len())].iter().cloned().collect();
    syn::parse2(path).ok().map(|p| (p, j + 1))
}

/// The first comma-separated element of a macro's arguments, as a path.
fn first_path(group: &proc_macro2::Group) -> Option<syn::Path> {
    let first: TokenStream = group
        .stream()
        .into_iter()
        .take_while(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
        .collect();
    syn::parse2(first).ok()
}

/// A literal's hint, for `add("NAME", literal)`.
fn literal_hint(lit: &syn::Lit, pyo3: &TokenStream) -> Option<TokenStream> {
    let name = match lit {
        syn::Lit::Str(_) => "str",
        syn::Lit::Int(_) => "int",
        syn::Lit::Float(_) => "float",
        syn::Lit::Bool(_) => "bool",
        _ => return None,
    };
    Some(quote!(#pyo3::inspect::PyStaticExpr::Name { id: #name }))
}

/// `add(...)`'s arguments: `"Name", value`.
fn add_call(args: &proc_macro2::Group, scan: &mut Scan, pyo3: &TokenStream) {
    let tts: Vec<TokenTree> = args.stream().into_iter().collect();
    let name = match tts.first() {
        Some(TokenTree::Literal(l)) => match syn::parse2::<syn::LitStr>(quote!(#l)) {
            Ok(s) => s.value(),
            Err(_) => {
                scan.incomplete = true;
                return;
            }
        },
        _ => {
            scan.incomplete = true;
            return;
        }
    };
    let value: Vec<TokenTree> = tts.iter().skip(2).cloned().collect();
    // `py.get_type::<E>()` / `m.py().get_type::<E>()`: a class or exception type object.
    for (i, t) in value.iter().enumerate() {
        if matches!(t, TokenTree::Ident(id) if id == "get_type") {
            if let Some((p, _)) = turbofish_path(&value, i + 1) {
                scan.members.push(Member::Alias(name, p));
                return;
            }
        }
    }
    let value: TokenStream = value.into_iter().collect();
    match syn::parse2::<syn::Lit>(value) {
        Ok(lit) => match literal_hint(&lit, pyo3) {
            Some(h) => scan.members.push(Member::Constant(name, h)),
            None => scan.incomplete = true,
        },
        Err(_) => scan
            .members
            .push(Member::Constant(name, quote!(#pyo3::inspect::hints::ANY))),
    }
}

fn walk(tokens: TokenStream, scan: &mut Scan, pyo3: &TokenStream) {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < tts.len() {
        let next_group = |j: usize, d: Delimiter| match tts.get(j) {
            Some(TokenTree::Group(g)) if g.delimiter() == d => Some(g.clone()),
            _ => None,
        };
        let is_bang = matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        match &tts[i] {
            TokenTree::Ident(id)
                if (id == "wrap_pyfunction" || id == "wrap_pymodule") && is_bang =>
            {
                if let Some(p) = next_group(i + 2, Delimiter::Parenthesis)
                    .as_ref()
                    .and_then(first_path)
                {
                    scan.members.push(Member::Item(p));
                }
                i += 3;
                continue;
            }
            TokenTree::Ident(id) if id == "add_class" => {
                if let Some((p, end)) = turbofish_path(&tts, i + 1) {
                    scan.members.push(Member::Class(p));
                    i = end;
                    continue;
                }
            }
            TokenTree::Ident(id) if id == "add" => {
                let after_dot =
                    i > 0 && matches!(&tts[i - 1], TokenTree::Punct(p) if p.as_char() == '.');
                if let (true, Some(g)) = (after_dot, next_group(i + 1, Delimiter::Parenthesis)) {
                    add_call(&g, scan, pyo3);
                    i += 2;
                    continue;
                }
            }
            TokenTree::Ident(id)
                if id == "add_submodule" || id == "add_wrapped" || id == "add_function" =>
            {
                // Understood only when the argument is a `wrap_py*!` (handled by the walk into
                // the group); anything else is a run-time object.
                if let Some(g) = next_group(i + 1, Delimiter::Parenthesis) {
                    let s = g.stream().to_string();
                    if !s.contains("wrap_pyfunction") && !s.contains("wrap_pymodule") {
                        scan.incomplete = true;
                    }
                }
            }
            TokenTree::Group(g) => walk(g.stream(), scan, pyo3),
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_members() {
        let body: syn::Block = syn::parse_quote!({
            m.add_function(wrap_pyfunction!(word_counts, m)?)?;
            m.add_class::<Basket>()?;
            m.add_class::<inner::Other>()?;
            m.add("OutOfStock", m.py().get_type::<OutOfStock>())?;
            m.add("VERSION", "1.0")?;
            m.add_wrapped(wrap_pymodule!(sub::child))?;
            Ok(())
        });
        let s = scan_module_body(&body, &quote!(pyo3));
        let desc: Vec<String> = s
            .members
            .iter()
            .map(|m| match m {
                Member::Item(p) => format!("item {}", quote!(#p)),
                Member::Class(p) => format!("class {}", quote!(#p)),
                Member::Alias(n, p) => format!("alias {n} {}", quote!(#p)),
                Member::Constant(n, h) => format!("const {n} {h}"),
            })
            .collect();
        assert_eq!(
            desc,
            [
                "item word_counts",
                "class Basket",
                "class inner :: Other",
                "alias OutOfStock OutOfStock",
                "const VERSION pyo3 :: inspect :: PyStaticExpr :: Name { id : \"str\" }",
                "item sub :: child",
            ]
        );
        assert!(!s.incomplete);
    }

    #[test]
    fn runtime_submodule_is_incomplete() {
        let body: syn::Block = syn::parse_quote!({
            let sub = PyModule::new(m.py(), "sub")?;
            m.add_submodule(&sub)?;
            Ok(())
        });
        let s = scan_module_body(&body, &quote!(pyo3));
        assert!(s.members.is_empty());
        assert!(s.incomplete);
    }
}
