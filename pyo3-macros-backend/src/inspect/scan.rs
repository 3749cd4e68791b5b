//! Finds what the body of a function-form `#[pymodule]` adds to its module, for its stub.
//!
//! The body is ordinary Rust, so this reads the calls users write to fill a module:
//! `wrap_pyfunction!(f, m)`, `add_class::<T>()`, `wrap_pymodule!(sub)`,
//! `add("Name", py.get_type::<E>())`, `add("NAME", <literal>)` and
//! `m.setattr("NAME", <literal>)` (on the module parameter `m`). Any other `add*` call (a module
//! built at run time, a computed name) makes the module *incomplete*: its stub then keeps a
//! `__getattr__` fallback instead of claiming to be exhaustive. The same scan reads the
//! `#[pymodule_init]` function of a declarative module.

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

/// Scans the statements of the module initializer `init` (a function-form `#[pymodule]` or a
/// `#[pymodule_init]` function).
pub fn scan_module_body(init: &syn::ItemFn, pyo3: &TokenStream) -> Scan {
    let mut scan = Scan {
        members: Vec::new(),
        incomplete: false,
    };
    let body = &init.block;
    let tokens: TokenStream = body.stmts.iter().map(|s| quote!(#s)).collect();
    let ctx = Ctx {
        module: module_param(&init.sig),
        pyo3,
    };
    walk(tokens, &mut scan, &ctx);
    scan
}

/// What the walk needs besides the tokens.
struct Ctx<'a> {
    /// The name of the module parameter (`m` in `fn init(m: &Bound<'_, PyModule>)`).
    module: Option<syn::Ident>,
    pyo3: &'a TokenStream,
}

/// The identifier of the parameter of `sig` that is not the `Python` token.
fn module_param(sig: &syn::Signature) -> Option<syn::Ident> {
    sig.inputs.iter().find_map(|input| match input {
        syn::FnArg::Typed(pt) if !crate::utils::is_python(&pt.ty) => match &*pt.pat {
            syn::Pat::Ident(p) => Some(p.ident.clone()),
            _ => None,
        },
        _ => None,
    })
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

/// The hint of the value of `add("NAME", value)`: `None` for a literal of no Python type,
/// `typing.Any` for an expression whose type the macro cannot know.
fn value_hint(value: TokenStream, pyo3: &TokenStream) -> Option<TokenStream> {
    let name = match syn::parse2::<syn::Expr>(value) {
        Ok(syn::Expr::Lit(lit)) => match lit.lit {
            syn::Lit::Str(_) => "str",
            syn::Lit::Int(_) => "int",
            syn::Lit::Float(_) => "float",
            syn::Lit::Bool(_) => "bool",
            _ => return None,
        },
        // The standard macros that expand to a `&'static str` literal (`env!("CARGO_PKG_VERSION")`
        // for a `__version__`).
        Ok(syn::Expr::Macro(m))
            if m.mac.path.segments.last().is_some_and(|s| {
                ["env", "concat", "stringify", "include_str"]
                    .iter()
                    .any(|n| s.ident == n)
            }) =>
        {
            "str"
        }
        _ => return Some(quote!(#pyo3::inspect::hints::ANY)),
    };
    Some(quote!(#pyo3::inspect::PyStaticExpr::Name { id: #name }))
}

/// `add(...)`'s arguments: `"Name", value`. `listed`: whether the call lists the name in
/// `__all__` (`add`, not `setattr`).
fn add_call(args: &proc_macro2::Group, listed: bool, scan: &mut Scan, pyo3: &TokenStream) {
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
    // (An alias set with `setattr` would be a class outside `__all__`, which the stubs do not
    // express: such a call is read as a value of unknown type.)
    for (i, t) in value.iter().enumerate() {
        if matches!(t, TokenTree::Ident(id) if id == "get_type") && listed {
            if let Some((p, _)) = turbofish_path(&value, i + 1) {
                scan.members.push(Member::Alias(name, p));
                return;
            }
        }
    }
    match value_hint(value.into_iter().collect(), pyo3) {
        Some(hint) => scan.members.push(Member::Constant { name, hint, listed }),
        None => scan.incomplete = true,
    }
}

/// Whether `tts[i]` is a method name called on the module parameter: `m.name`.
fn on_module(tts: &[TokenTree], i: usize, ctx: &Ctx<'_>) -> bool {
    i >= 2
        && matches!(&tts[i - 1], TokenTree::Punct(p) if p.as_char() == '.')
        && matches!((&tts[i - 2], &ctx.module), (TokenTree::Ident(r), Some(m)) if r == m)
}

fn walk(tokens: TokenStream, scan: &mut Scan, ctx: &Ctx<'_>) {
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
                    add_call(&g, true, scan, ctx.pyo3);
                    i += 2;
                    continue;
                }
            }
            // `setattr` is a method of every object: only the module parameter's counts.
            TokenTree::Ident(id) if id == "setattr" && on_module(&tts, i, ctx) => {
                if let Some(g) = next_group(i + 1, Delimiter::Parenthesis) {
                    add_call(&g, false, scan, ctx.pyo3);
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
            TokenTree::Group(g) => walk(g.stream(), scan, ctx),
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The members `init` adds, described one per line.
    fn describe(s: &Scan) -> Vec<String> {
        s.members
            .iter()
            .map(|m| match m {
                Member::Item(p) => format!("item {}", quote!(#p)),
                Member::Class(p) => format!("class {}", quote!(#p)),
                Member::Alias(n, p) => format!("alias {n} {}", quote!(#p)),
                Member::Constant { name, hint, listed } => {
                    let hint = hint.to_string().replace("pyo3 :: inspect :: ", "");
                    format!("const {name} {hint} listed={listed}")
                }
            })
            .collect()
    }

    #[test]
    fn finds_members() {
        let init: syn::ItemFn = syn::parse_quote! {
            fn module(m: &Bound<'_, PyModule>) -> PyResult<()> {
                m.add_function(wrap_pyfunction!(word_counts, m)?)?;
                m.add_class::<Basket>()?;
                m.add_class::<inner::Other>()?;
                m.add("OutOfStock", m.py().get_type::<OutOfStock>())?;
                m.add("VERSION", "1.0")?;
                m.add_wrapped(wrap_pymodule!(sub::child))?;
                Ok(())
            }
        };
        let s = scan_module_body(&init, &quote!(pyo3));
        assert_eq!(
            describe(&s),
            [
                "item word_counts",
                "class Basket",
                "class inner :: Other",
                "alias OutOfStock OutOfStock",
                "const VERSION PyStaticExpr :: Name { id : \"str\" } listed=true",
                "item sub :: child",
            ]
        );
        assert!(!s.incomplete);
    }

    #[test]
    fn values_and_setattr_on_the_module() {
        let init: syn::ItemFn = syn::parse_quote! {
            fn init(py: Python<'_>, module: &Bound<'_, PyModule>) -> PyResult<()> {
                module.add("__version__", env!("CARGO_PKG_VERSION"))?;
                module.add("RATIO", 0.5)?;
                module.add("COMPUTED", compute(py))?;
                module.setattr("__author__", concat!("a", "b"))?;
                module.setattr("DEBUG", false)?;
                // Not the module: not one of its attributes.
                other.setattr("ignored", 1)?;
                Ok(())
            }
        };
        let s = scan_module_body(&init, &quote!(pyo3));
        let str_hint = "PyStaticExpr :: Name { id : \"str\" }";
        assert_eq!(
            describe(&s),
            [
                format!("const __version__ {str_hint} listed=true"),
                "const RATIO PyStaticExpr :: Name { id : \"float\" } listed=true".into(),
                "const COMPUTED hints :: ANY listed=true".into(),
                format!("const __author__ {str_hint} listed=false"),
                "const DEBUG PyStaticExpr :: Name { id : \"bool\" } listed=false".into(),
            ]
        );
        assert!(!s.incomplete);
    }

    #[test]
    fn runtime_submodule_is_incomplete() {
        let init: syn::ItemFn = syn::parse_quote! {
            fn module(m: &Bound<'_, PyModule>) -> PyResult<()> {
                let sub = PyModule::new(m.py(), "sub")?;
                m.add_submodule(&sub)?;
                Ok(())
            }
        };
        let s = scan_module_body(&init, &quote!(pyo3));
        assert!(s.members.is_empty());
        assert!(s.incomplete);
        // A name the macro cannot read is incomplete too.
        let init: syn::ItemFn = syn::parse_quote! {
            fn module(m: &Bound<'_, PyModule>) -> PyResult<()> {
                m.setattr(name(), 1)
            }
        };
        assert!(scan_module_body(&init, &quote!(pyo3)).incomplete);
    }
}
