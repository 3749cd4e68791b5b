//! Small syntax helpers shared by the models and emitters.

use proc_macro2::{Span, TokenStream};
use quote::{quote, ToTokens};
use syn::{Attribute, Expr, GenericArgument, Lit, Meta, PathArguments, Type};

/// Collects the `///` doc lines (`#[doc = "..."]`) of an item into one string, the way rustdoc
/// joins them: a single leading space of each line is removed.
pub fn get_doc(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    let mut any = false;
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let Meta::NameValue(nv) = &attr.meta {
            if let Some(value) = const_str(&nv.value) {
                any = true;
                for line in value.split('\n') {
                    lines.push(line.strip_prefix(' ').unwrap_or(line).to_string());
                }
            }
        }
    }
    if !any {
        return None;
    }
    Some(lines.join("\n").trim_end().to_string())
}

/// The value of a doc expression known to the macro: a string literal, or `concat!` of
/// literals (and nested `concat!`s), as `#[doc = concat!(...)]` writes it.
fn const_str(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(syn::ExprLit { lit, .. }) => match lit {
            Lit::Str(s) => Some(s.value()),
            Lit::Char(c) => Some(c.value().to_string()),
            Lit::Int(i) => Some(i.base10_digits().to_string()),
            Lit::Float(f) => Some(f.base10_digits().to_string()),
            Lit::Bool(b) => Some(b.value.to_string()),
            _ => None,
        },
        Expr::Group(g) => const_str(&g.expr),
        Expr::Macro(m) if m.mac.path.is_ident("concat") => {
            let args = m
                .mac
                .parse_body_with(
                    syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated,
                )
                .ok()?;
            args.iter().map(const_str).collect()
        }
        _ => None,
    }
}

/// Removes one level of grouping / parentheses / references-free wrappers from a type.
pub fn unwrap_group(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(g) => ty = &g.elem,
            Type::Paren(p) => ty = &p.elem,
            _ => return ty,
        }
    }
}

/// Last path segment identifier of a type path, e.g. `Option` for `std::option::Option<T>`.
pub fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match unwrap_group(ty) {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        _ => None,
    }
}

/// If `ty` is `Name<A, ...>` (by last segment), its first type argument.
pub fn first_type_arg<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let seg = last_segment(ty)?;
    if seg.ident != name {
        return None;
    }
    if let PathArguments::AngleBracketed(args) = &seg.arguments {
        for arg in &args.args {
            if let GenericArgument::Type(t) = arg {
                return Some(t);
            }
        }
    }
    None
}

/// `Option<T>` -> `T`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    first_type_arg(ty, "Option")
}

/// True for `Python<'py>` (any path ending in `Python`).
pub fn is_python(ty: &Type) -> bool {
    match last_segment(ty) {
        Some(seg) => seg.ident == "Python",
        None => false,
    }
}

/// Classification of how an argument of a given Rust type is taken from a Python object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// `&str`
    Str,
    /// `&Bound<'_, T>` (cast, borrowed from the argument array)
    BoundRef,
    /// `&T` for a `#[pyclass]` `T` (borrowed through a `PyRef` holder)
    PyClassRef,
    /// `&mut T` for a `#[pyclass]` `T` (borrowed through a `PyRefMut` holder)
    PyClassRefMut,
    /// Anything else: `FromPyObject`
    Extract,
}

/// How a (non-optional-wrapped) type is extracted.
pub fn arg_kind(ty: &Type) -> ArgKind {
    if let Type::Reference(r) = unwrap_group(ty) {
        if r.mutability.is_none() {
            let elem = unwrap_group(&r.elem);
            if let Type::Path(p) = elem {
                if p.path.is_ident("str") {
                    return ArgKind::Str;
                }
                if let Some(seg) = p.path.segments.last() {
                    if seg.ident == "Bound" {
                        return ArgKind::BoundRef;
                    }
                }
                return ArgKind::PyClassRef;
            }
        } else if let Type::Path(_) = unwrap_group(&r.elem) {
            return ArgKind::PyClassRefMut;
        }
    }
    ArgKind::Extract
}

/// The `T` of `&Bound<'_, T>`.
pub fn bound_ref_target(ty: &Type) -> Option<Type> {
    if let Type::Reference(r) = unwrap_group(ty) {
        let seg = last_segment(&r.elem)?;
        if seg.ident == "Bound" {
            if let PathArguments::AngleBracketed(args) = &seg.arguments {
                for arg in &args.args {
                    if let GenericArgument::Type(t) = arg {
                        return Some(t.clone());
                    }
                }
            }
        }
    }
    None
}

/// Replaces every lifetime in a type by `'_` (so that it can be named inside generated code).
pub fn elide_lifetimes(ty: &Type) -> Type {
    struct Elide;
    impl syn::visit_mut::VisitMut for Elide {
        fn visit_lifetime_mut(&mut self, l: &mut syn::Lifetime) {
            *l = syn::Lifetime::new("'_", l.span());
        }
    }
    let mut ty = ty.clone();
    syn::visit_mut::VisitMut::visit_type_mut(&mut Elide, &mut ty);
    ty
}

/// The generic parameters of a type as they appear in `impl<...>` of a derived trait: without
/// defaults and attributes.
pub fn impl_generic_params(generics: &syn::Generics) -> Vec<TokenStream> {
    generics
        .params
        .iter()
        .map(|p| match p {
            syn::GenericParam::Lifetime(l) => {
                let mut l = l.clone();
                l.attrs.clear();
                quote!(#l)
            }
            syn::GenericParam::Type(t) => {
                let mut t = t.clone();
                t.default = None;
                t.eq_token = None;
                quote!(#t)
            }
            syn::GenericParam::Const(c) => {
                let mut c = c.clone();
                c.default = None;
                c.eq_token = None;
                quote!(#c)
            }
        })
        .collect()
}

/// Python name from a Rust identifier (raw identifiers lose their `r#`).
pub fn python_name(ident: &syn::Ident) -> String {
    unraw(ident.to_string())
}

/// A name without the `r#` of a raw identifier (also for `name = "r#enum"`, which names the
/// Python item `enum` as a raw identifier would).
pub fn unraw(name: String) -> String {
    name.strip_prefix("r#").map(str::to_string).unwrap_or(name)
}

/// A C string literal token `c"..."` for a Rust string.
pub fn c_str_lit(value: &str, span: Span) -> TokenStream {
    let lit = syn::LitCStr::new(
        &std::ffi::CString::new(value).unwrap_or_else(|_| std::ffi::CString::new("").unwrap()),
        span,
    );
    lit.into_token_stream()
}

/// Path to the pyo3 crate (`::pyo3` or the `crate = "..."` override).
#[derive(Clone)]
pub struct Ctx {
    /// The path tokens.
    pub pyo3: TokenStream,
    /// The path of `pyo3::impl_::glue` (the names generated code uses most): `__p` inside a
    /// block that starts with [`Ctx::glue_use`], else the full path.
    pub p: TokenStream,
}

impl Ctx {
    /// Builds the context from an optional crate override.
    pub fn new(krate: Option<&syn::Path>) -> Self {
        let pyo3 = match krate {
            Some(p) => p.to_token_stream(),
            None => quote!(::pyo3),
        };
        let p = quote!(#pyo3::impl_::glue);
        Ctx { pyo3, p }
    }

    /// The context for code inside a block that starts with [`Ctx::glue_use`].
    pub fn in_glue_block(&self) -> Self {
        Ctx {
            pyo3: self.pyo3.clone(),
            p: quote!(__p),
        }
    }

    /// The import of `pyo3::impl_::glue` as `__p`, at the start of a generated block.
    pub fn glue_use(&self) -> TokenStream {
        let pyo3 = &self.pyo3;
        quote!(use #pyo3::impl_::glue as __p;)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let t: Type = syn::parse_quote!(&str);
        assert_eq!(arg_kind(&t), ArgKind::Str);
        let t: Type = syn::parse_quote!(&Bound<'_, PyAny>);
        assert_eq!(arg_kind(&t), ArgKind::BoundRef);
        assert!(bound_ref_target(&t).is_some());
        let t: Type = syn::parse_quote!(i32);
        assert_eq!(arg_kind(&t), ArgKind::Extract);
        let t: Type = syn::parse_quote!(Option<i32>);
        assert!(option_inner(&t).is_some());
        let t: Type = syn::parse_quote!(pyo3::Python<'py>);
        assert!(is_python(&t));
    }

    #[test]
    fn docs() {
        let f: syn::ItemFn = syn::parse_quote! {
            /// First line
            ///
            /// Second
            fn f() {}
        };
        assert_eq!(get_doc(&f.attrs).unwrap(), "First line\n\nSecond");
        let f: syn::ItemFn = syn::parse_quote! {
            /// One.
            #[doc = concat!("Two ", 2, concat!(" and ", 'x'))]
            fn f() {}
        };
        assert_eq!(get_doc(&f.attrs).unwrap(), "One.\nTwo 2 and x");
    }
}
