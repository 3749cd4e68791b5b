//! The `signature = (...)` grammar: Python-style parameter lists.
//!
//! `(a, b=1, /, c=None, *args, d, e="x", **kwargs)`; a bare `*` starts keyword-only parameters.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::discouraged::Speculative;
use syn::parse::{Parse, ParseStream, Parser};
use syn::{Expr, Ident, Token};

/// One entry of a signature.
#[derive(Clone)]
pub enum SigItem {
    /// `name` or `name = default`
    Param {
        /// Parameter name.
        name: Ident,
        /// Default value expression.
        default: Option<Expr>,
    },
    /// `/`
    PosOnlySep(Span),
    /// `*` (bare)
    VarArgsSep(Span),
    /// `*name`
    VarArgs(Ident),
    /// `**name`
    KwArgs(Ident),
}

impl SigItem {
    /// Span for diagnostics.
    pub fn span(&self) -> Span {
        match self {
            SigItem::Param { name, .. } => name.span(),
            SigItem::PosOnlySep(s) | SigItem::VarArgsSep(s) => *s,
            SigItem::VarArgs(i) | SigItem::KwArgs(i) => i.span(),
        }
    }
}

/// A parsed `signature = (...)`.
#[derive(Clone)]
pub struct SignatureSpec {
    /// Entries in order.
    pub items: Vec<SigItem>,
    /// Span of the parenthesised list.
    pub span: Span,
    /// Type annotations for the stubs (`name: "int"`, also `*args: "str"`): parameter name and
    /// Python source.
    pub annotations: Vec<(String, syn::LitStr)>,
    /// `-> "str"` after the list: the return annotation for the stubs.
    pub returns: Option<syn::LitStr>,
}

/// A signature entry with its optional `: "annotation"`.
struct Annotated(SigItem, Option<syn::LitStr>);

impl Parse for Annotated {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        // The annotation sits between the name and the default: `a: "int" = 1`.
        let fork = input.fork();
        let item = fork.parse::<SigItem>()?;
        let named = !matches!(item, SigItem::PosOnlySep(_) | SigItem::VarArgsSep(_));
        let has_default = matches!(
            &item,
            SigItem::Param {
                default: Some(_),
                ..
            }
        );
        if !named || has_default || !fork.peek(Token![:]) {
            input.advance_to(&fork);
            return Ok(Annotated(item, None));
        }
        // Re-parse by hand: the name (with its `*`/`**`), `: "annotation"`, then `= default`.
        let mut prefix = TokenStream::new();
        while input.peek(Token![*]) {
            input.parse::<Token![*]>()?.to_tokens(&mut prefix);
        }
        let name: Ident = input.parse()?;
        input.parse::<Token![:]>()?;
        let annotation: syn::LitStr = input.parse()?;
        let rest: TokenStream = if input.peek(Token![=]) {
            let eq: Token![=] = input.parse()?;
            let default: Expr = input.parse()?;
            quote::quote!(#eq #default)
        } else {
            TokenStream::new()
        };
        let item = syn::parse2::<SigItem>(quote::quote!(#prefix #name #rest))?;
        Ok(Annotated(item, Some(annotation)))
    }
}

impl Parse for SigItem {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Token![/]) {
            let t: Token![/] = input.parse()?;
            return Ok(SigItem::PosOnlySep(t.span));
        }
        if input.peek(Token![*]) {
            let star: Token![*] = input.parse()?;
            if input.peek(Token![*]) {
                input.parse::<Token![*]>()?;
                return Ok(SigItem::KwArgs(input.parse()?));
            }
            if input.peek(Ident) {
                return Ok(SigItem::VarArgs(input.parse()?));
            }
            return Ok(SigItem::VarArgsSep(star.span));
        }
        let name: Ident = input.parse()?;
        let default = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Some(input.parse::<Expr>()?)
        } else {
            None
        };
        Ok(SigItem::Param { name, default })
    }
}

/// Parses the value tokens of `signature = (...)`.
pub fn parse_signature(tokens: TokenStream) -> syn::Result<SignatureSpec> {
    let parser = |input: ParseStream<'_>| {
        let content;
        let paren = syn::parenthesized!(content in input);
        let entries =
            syn::punctuated::Punctuated::<Annotated, Token![,]>::parse_terminated(&content)?;
        let mut items = Vec::new();
        let mut annotations = Vec::new();
        for Annotated(item, annotation) in entries {
            if let Some(a) = annotation {
                let name = match &item {
                    SigItem::Param { name, .. }
                    | SigItem::VarArgs(name)
                    | SigItem::KwArgs(name) => crate::utils::python_name(name),
                    SigItem::PosOnlySep(_) | SigItem::VarArgsSep(_) => unreachable!(),
                };
                annotations.push((name, a));
            }
            items.push(item);
        }
        let returns = if input.peek(Token![->]) {
            input.parse::<Token![->]>()?;
            Some(input.parse::<syn::LitStr>()?)
        } else {
            None
        };
        Ok(SignatureSpec {
            items,
            span: paren.span.join(),
            annotations,
            returns,
        })
    };
    let span = tokens
        .clone()
        .into_iter()
        .next()
        .map(|t| t.span())
        .unwrap_or_else(Span::call_site);
    parser.parse2(tokens).map_err(|e| {
        if e.to_string().starts_with("expected parentheses") {
            syn::Error::new(
                span,
                "expected a parenthesised signature: `signature = (...)`",
            )
        } else {
            e
        }
    })
}

/// Renders a default value as it appears in the text signature: literals as Python would
/// write them, `None`/`true`/`false` as `None`/`True`/`False`, anything else as `...`.
pub fn default_to_python(expr: &Expr) -> String {
    match expr {
        Expr::Lit(l) => match &l.lit {
            // String and char literals are shown as written in the signature (PyO3 does the
            // same): `e="x"`, `f='f'`.
            syn::Lit::Str(s) => s.token().to_string(),
            syn::Lit::Char(c) => c.token().to_string(),
            syn::Lit::Int(i) => i.base10_digits().to_string(),
            syn::Lit::Float(f) => f.base10_digits().to_string(),
            syn::Lit::Bool(b) => if b.value { "True" } else { "False" }.to_string(),
            _ => "...".to_string(),
        },
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match &*u.expr {
            Expr::Lit(_) => {
                let inner = default_to_python(&u.expr);
                if inner == "..." {
                    inner
                } else {
                    format!("-{inner}")
                }
            }
            _ => "...".to_string(),
        },
        Expr::Path(p) if p.path.is_ident("None") => "None".to_string(),
        Expr::Group(g) => default_to_python(&g.expr),
        _ => "...".to_string(),
    }
}

/// Source text of an expression (for stubs / diagnostics).
pub fn expr_text(expr: &Expr) -> String {
    expr.to_token_stream().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn full_signature() {
        let s =
            parse_signature(quote!((a, b = 1, /, c = None, *args, d, e = "x", **kwargs))).unwrap();
        assert_eq!(s.items.len(), 8);
        assert!(matches!(s.items[2], SigItem::PosOnlySep(_)));
        assert!(matches!(&s.items[4], SigItem::VarArgs(i) if i == "args"));
        assert!(matches!(&s.items[7], SigItem::KwArgs(i) if i == "kwargs"));
        match &s.items[1] {
            SigItem::Param {
                default: Some(d), ..
            } => assert_eq!(default_to_python(d), "1"),
            _ => panic!(),
        }
        match &s.items[6] {
            SigItem::Param {
                default: Some(d), ..
            } => assert_eq!(default_to_python(d), "\"x\""),
            _ => panic!(),
        }
    }

    #[test]
    fn bare_star_and_defaults() {
        let s = parse_signature(quote!((*, a = -1, b = true, c = vec![1, 2]))).unwrap();
        assert!(matches!(s.items[0], SigItem::VarArgsSep(_)));
        let d: Vec<_> = s.items[1..]
            .iter()
            .map(|i| match i {
                SigItem::Param {
                    default: Some(d), ..
                } => default_to_python(d),
                _ => panic!(),
            })
            .collect();
        assert_eq!(d, ["-1", "True", "..."]);
    }

    #[test]
    fn not_parenthesised() {
        let err = parse_signature(quote!(a, b))
            .err()
            .expect("a signature must be parenthesised");
        assert_eq!(
            err.to_string(),
            "expected a parenthesised signature: `signature = (...)`"
        );
    }
}
