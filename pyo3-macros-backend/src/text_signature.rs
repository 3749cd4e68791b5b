//! Rendering of `__text_signature__` from the parameter model.

use crate::model::function::{ParamKind, ParamModel};
use crate::signature::default_to_python;

/// Renders `(a, b=1, /, c, *args, d, **kwargs)`.
pub fn render(params: &[ParamModel]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut slash_pending = false;
    let mut star_written = false;
    for p in params {
        if slash_pending && p.kind != ParamKind::PositionalOnly {
            parts.push("/".into());
            slash_pending = false;
        }
        match p.kind {
            ParamKind::PositionalOnly => {
                slash_pending = true;
                parts.push(with_default(p));
            }
            ParamKind::PositionalOrKeyword => parts.push(with_default(p)),
            ParamKind::VarArgs => {
                star_written = true;
                parts.push(format!("*{}", p.name));
            }
            ParamKind::KeywordOnly => {
                if !star_written {
                    parts.push("*".into());
                    star_written = true;
                }
                parts.push(with_default(p));
            }
            ParamKind::KwArgs => parts.push(format!("**{}", p.name)),
        }
    }
    if slash_pending {
        parts.push("/".into());
    }
    format!("({})", parts.join(", "))
}

fn with_default(p: &ParamModel) -> String {
    match &p.default {
        // Only a literal is shown: a negated one (`-1`) is an expression, shown as `...` as
        // PyO3 does.
        Some(syn::Expr::Unary(_)) => format!("{}=...", p.name),
        Some(d) => format!("{}={}", p.name, default_to_python(d)),
        None => p.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, kind: ParamKind, default: Option<syn::Expr>) -> ParamModel {
        ParamModel {
            name: name.into(),
            kind,
            default,
            arg: 0,
        }
    }

    #[test]
    fn renders() {
        use ParamKind::*;
        let params = vec![
            p("a", PositionalOnly, None),
            p("b", KeywordOnly, Some(syn::parse_quote!(None))),
            p("kw", KwArgs, None),
        ];
        assert_eq!(render(&params), "(a, /, *, b=None, **kw)");
        assert_eq!(render(&[]), "()");
        assert_eq!(render(&[p("a", PositionalOnly, None)]), "(a, /)");
    }

    #[test]
    fn only_literal_defaults_are_shown() {
        use ParamKind::*;
        let params = vec![
            p("a", PositionalOrKeyword, Some(syn::parse_quote!(1))),
            p("b", PositionalOrKeyword, Some(syn::parse_quote!(-1))),
            p("c", PositionalOrKeyword, Some(syn::parse_quote!(vec![1]))),
            p("d", PositionalOrKeyword, Some(syn::parse_quote!("x"))),
        ];
        assert_eq!(render(&params), "(a=1, b=..., c=..., d=\"x\")");
    }
}
