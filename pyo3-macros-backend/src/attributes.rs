//! Attribute parsing: `#[pyfunction(...)]`, `#[pymodule(...)]` and `#[pyo3(...)]` option lists.
//!
//! Every option list is first parsed into generic [`RawOption`]s (key plus value shape), then
//! each macro turns them into its typed options struct, reporting unknown, misplaced and
//! duplicated options with a span on the offending key.

use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, Ident, LitStr, Token};

/// Shape of an option's value.
#[derive(Clone)]
pub enum RawValue {
    /// `key`
    Flag,
    /// `key = <expr>`; `signature = (...)` is parsed as a tuple/paren expression token stream.
    Assign(Expr, TokenStream),
    /// `key(...)`
    List(TokenStream, Span),
}

/// One option `key`, `key = value` or `key(...)`.
#[derive(Clone)]
pub struct RawOption {
    /// The key (may be the keyword `crate`).
    pub key: Ident,
    /// Its value.
    pub value: RawValue,
}

impl Parse for RawOption {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let key = Ident::parse_any(input)?;
        let value = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            // Keep the raw tokens of the value too: signatures are re-parsed with their own
            // grammar.
            let fork = input.fork();
            let tokens = take_until_comma(&fork)?;
            // `constructor = (...)` of complex enum variants is a signature too.
            let is_signature = key == "signature" || key == "constructor";
            let mut expr = if is_signature {
                Expr::Verbatim(tokens.clone())
            } else {
                input.parse::<Expr>()?
            };
            // Values passed through `macro_rules!` fragments arrive wrapped in invisible groups.
            while let Expr::Group(g) = expr {
                expr = *g.expr;
            }
            if is_signature {
                take_until_comma(input)?;
            }
            RawValue::Assign(expr, tokens)
        } else if input.peek(syn::token::Paren) {
            let content;
            let paren = syn::parenthesized!(content in input);
            RawValue::List(content.parse()?, paren.span.join())
        } else {
            RawValue::Flag
        };
        Ok(RawOption { key, value })
    }
}

fn take_until_comma(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let mut out = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        let tt: proc_macro2::TokenTree = input.parse()?;
        out.extend(std::iter::once(tt));
    }
    Ok(out)
}

impl RawOption {
    /// Span of the whole option (key).
    pub fn span(&self) -> Span {
        self.key.span()
    }

    /// Name of the key.
    pub fn name(&self) -> String {
        self.key.unraw().to_string()
    }

    /// Value as a string literal (`key = "..."`).
    pub fn lit_str(&self) -> syn::Result<LitStr> {
        match &self.value {
            RawValue::Assign(
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }),
                _,
            ) => Ok(s.clone()),
            RawValue::Assign(e, _) => Err(syn::Error::new_spanned(
                e,
                format!("expected a string literal for `{}`", self.name()),
            )),
            _ => Err(syn::Error::new(
                self.span(),
                format!("expected `{} = \"...\"`", self.name()),
            )),
        }
    }

    /// Value as a path (`key = path`, or `key = "path"` for compatibility).
    pub fn path(&self) -> syn::Result<syn::Path> {
        match &self.value {
            RawValue::Assign(Expr::Path(p), _) if p.qself.is_none() => Ok(p.path.clone()),
            RawValue::Assign(
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }),
                _,
            ) => s.parse(),
            RawValue::Assign(e, _) => Err(syn::Error::new_spanned(
                e,
                format!("expected a path for `{}`", self.name()),
            )),
            _ => Err(syn::Error::new(
                self.span(),
                format!("expected `{} = path`", self.name()),
            )),
        }
    }

    /// Value as a bool literal (`key = true`), or `true` for a bare flag.
    pub fn bool(&self) -> syn::Result<bool> {
        match &self.value {
            RawValue::Flag => Ok(true),
            RawValue::Assign(
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Bool(b),
                    ..
                }),
                _,
            ) => Ok(b.value),
            RawValue::Assign(e, _) => Err(syn::Error::new_spanned(e, "expected `true` or `false`")),
            RawValue::List(_, span) => {
                Err(syn::Error::new(*span, "expected `= true` or `= false`"))
            }
        }
    }

    /// Errors unless the option is a bare flag.
    pub fn expect_flag(&self) -> syn::Result<()> {
        match &self.value {
            RawValue::Flag => Ok(()),
            _ => Err(syn::Error::new(
                self.span(),
                format!("`{}` does not take a value", self.name()),
            )),
        }
    }
}

/// Parses a comma-separated option list (the inside of `#[pyo3(...)]`).
pub fn parse_options(tokens: TokenStream) -> syn::Result<Vec<RawOption>> {
    let list = Punctuated::<RawOption, Token![,]>::parse_terminated.parse2(tokens)?;
    Ok(list.into_iter().collect())
}

/// Removes all `#[pyo3(...)]` attributes from `attrs`, returning their parsed options.
/// Parse errors are recorded in `errors`.
pub fn take_pyo3_options(attrs: &mut Vec<Attribute>, errors: &mut Errors) -> Vec<RawOption> {
    let mut out = Vec::new();
    attrs.retain(|attr| {
        if attr.path().is_ident("pyo3") {
            match attr.meta.require_list() {
                Ok(list) => {
                    if let Some(opts) = errors.handle(parse_options(list.tokens.clone())) {
                        out.extend(opts);
                    }
                }
                Err(e) => errors.add(e),
            }
            false
        } else {
            true
        }
    });
    out
}

/// Reads the `#[pyo3(...)]` options without removing them (derive inputs cannot be edited).
pub fn read_pyo3_options(attrs: &[Attribute], errors: &mut Errors) -> Vec<RawOption> {
    let mut attrs = attrs.to_vec();
    take_pyo3_options(&mut attrs, errors)
}

/// Helper to store an option at most once.
pub fn set_once<T>(slot: &mut Option<T>, value: T, opt: &RawOption, errors: &mut Errors) {
    if slot.is_some() {
        errors.push_span(
            opt.span(),
            format!("`{}` may only be specified once", opt.name()),
        );
    } else {
        *slot = Some(value);
    }
}

/// Stores a string-literal option (`name = "..."`) at most once; reports a malformed value.
pub fn set_lit_str_once(slot: &mut Option<LitStr>, opt: &RawOption, errors: &mut Errors) {
    if let Some(value) = errors.handle(opt.lit_str()) {
        set_once(slot, value, opt, errors);
    }
}

/// Stores a path option (`crate = some::path`) at most once; reports a malformed value.
pub fn set_path_once(slot: &mut Option<syn::Path>, opt: &RawOption, errors: &mut Errors) {
    if let Some(value) = errors.handle(opt.path()) {
        set_once(slot, value, opt, errors);
    }
}

/// Same as [`set_once`] for flags.
pub fn set_flag(slot: &mut bool, opt: &RawOption, errors: &mut Errors) {
    if *slot {
        errors.push_span(
            opt.span(),
            format!("`{}` may only be specified once", opt.name()),
        );
    }
    if let Err(e) = opt.expect_flag() {
        errors.add(e);
    }
    *slot = true;
}

/// Reports an unknown option, listing the allowed ones.
pub fn unknown(opt: &RawOption, allowed: &[&str], errors: &mut Errors) {
    let list = allowed
        .iter()
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(", ");
    errors.push_span(opt.span(), format!("expected one of: {list}"));
}

/// The value of `text_signature`.
#[derive(Clone)]
pub enum TextSignatureOpt {
    /// `text_signature = "(...)"`
    Explicit(LitStr),
    /// `text_signature = None`
    Disabled(Span),
}

/// `warn(message = "...", category = path)`.
#[derive(Clone)]
pub struct WarnOpt {
    /// The message.
    pub message: LitStr,
    /// The warning category (defaults to `UserWarning`).
    pub category: Option<syn::Path>,
    /// Span for errors.
    pub span: Span,
}

/// Parses the inside of `warn(...)`.
pub fn parse_warn(opt: &RawOption) -> syn::Result<WarnOpt> {
    let RawValue::List(tokens, span) = &opt.value else {
        return Err(syn::Error::new(
            opt.span(),
            "expected `warn(message = \"...\", category = ...)`",
        ));
    };
    let inner = parse_options(tokens.clone())?;
    let mut message = None;
    let mut category = None;
    let mut errors = Errors::new();
    for o in &inner {
        match o.name().as_str() {
            "message" => {
                if let Some(v) = errors.handle(o.lit_str()) {
                    set_once(&mut message, v, o, &mut errors);
                }
            }
            "category" => {
                if let Some(v) = errors.handle(o.path()) {
                    set_once(&mut category, v, o, &mut errors);
                }
            }
            _ => unknown(o, &["message", "category"], &mut errors),
        }
    }
    let Some(message) = message else {
        errors.push_span(*span, "missing `message` in `warn(...)`");
        return Err(errors.check().unwrap_err());
    };
    errors.finish(WarnOpt {
        message,
        category,
        span: opt.span(),
    })
}

/// Parses `text_signature = "..."` / `text_signature = None`.
pub fn parse_text_signature(opt: &RawOption) -> syn::Result<TextSignatureOpt> {
    match &opt.value {
        RawValue::Assign(Expr::Path(p), _) if p.path.is_ident("None") => {
            Ok(TextSignatureOpt::Disabled(opt.span()))
        }
        _ => {
            let lit = opt.lit_str()?;
            if !lit.value().starts_with('(') {
                return Err(syn::Error::new(
                    lit.span(),
                    "text_signature must start with `(`; the function name is added automatically",
                ));
            }
            Ok(TextSignatureOpt::Explicit(lit))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn parses_all_shapes() {
        let opts = parse_options(quote!(
            name = "x",
            pass_module,
            signature = (a, b = 1, *args),
            crate = "foo",
            warn(message = "m")
        ))
        .unwrap();
        let names: Vec<_> = opts.iter().map(|o| o.name()).collect();
        assert_eq!(names, ["name", "pass_module", "signature", "crate", "warn"]);
        assert_eq!(opts[0].lit_str().unwrap().value(), "x");
        assert!(matches!(opts[1].value, RawValue::Flag));
        assert!(matches!(opts[2].value, RawValue::Assign(..)));
        assert!(opts[3].path().unwrap().is_ident("foo"));
        let w = parse_warn(&opts[4]).unwrap();
        assert_eq!(w.message.value(), "m");
    }

    #[test]
    fn warn_requires_message() {
        let opts = parse_options(quote!(warn(category = pyo3::exceptions::PyUserWarning))).unwrap();
        let err = parse_warn(&opts[0]).err().unwrap();
        assert_eq!(err.to_string(), "missing `message` in `warn(...)`");
    }

    #[test]
    fn text_signature_none() {
        let opts = parse_options(quote!(
            text_signature = None,
            text_signature = "(a)",
            text_signature = "a"
        ))
        .unwrap();
        assert!(matches!(
            parse_text_signature(&opts[0]).unwrap(),
            TextSignatureOpt::Disabled(_)
        ));
        assert!(matches!(
            parse_text_signature(&opts[1]).unwrap(),
            TextSignatureOpt::Explicit(_)
        ));
        let err = parse_text_signature(&opts[2])
            .err()
            .expect("a signature without parentheses must be rejected");
        assert_eq!(
            err.to_string(),
            "text_signature must start with `(`; the function name is added automatically"
        );
    }
}
