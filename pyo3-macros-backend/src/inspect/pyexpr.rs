//! Parses the Python type expressions written in `signature = (a: "list[int]") -> "str"` into
//! `PyStaticExpr` constant tokens, so that they carry their imports like derived hints do.
//!
//! Grammar (the subset type hints use): `a | b`, `a.b`, `a[b, c]`, `[a, b]`, `(a, b)`, names,
//! `None`, `...`, string and integer literals.

use proc_macro2::TokenStream;
use quote::quote;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(String),
    Str(String),
    Int(i64),
    Ellipsis,
    Punct(char),
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Tok::Name(chars[start..i].iter().collect()));
        } else if c.is_ascii_digit()
            || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            out.push(Tok::Int(
                text.parse()
                    .map_err(|_| format!("integer `{text}` is too large"))?,
            ));
        } else if c == '"' || c == '\'' {
            let start = i + 1;
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    return Err("escapes in string literals are not supported".into());
                }
                i += 1;
            }
            if i == chars.len() {
                return Err("unterminated string literal".into());
            }
            out.push(Tok::Str(chars[start..i].iter().collect()));
            i += 1;
        } else if chars[i..].starts_with(&['.', '.', '.']) {
            out.push(Tok::Ellipsis);
            i += 3;
        } else if "|.[](),".contains(c) {
            out.push(Tok::Punct(c));
            i += 1;
        } else {
            return Err(format!("unexpected character `{c}`"));
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    pyo3: &'a TokenStream,
}

impl Parser<'_> {
    fn peek_punct(&self, c: char) -> bool {
        self.toks.get(self.pos) == Some(&Tok::Punct(c))
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.peek_punct(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected `{c}`"))
        }
    }

    fn expr(&mut self) -> Result<TokenStream, String> {
        let pyo3 = self.pyo3;
        let mut left = self.postfix()?;
        while self.peek_punct('|') {
            self.pos += 1;
            let right = self.postfix()?;
            left = quote!(#pyo3::inspect::PyStaticExpr::BinOp {
                left: &#left,
                op: #pyo3::inspect::PyStaticOperator::BitOr,
                right: &#right,
            });
        }
        Ok(left)
    }

    /// Comma-separated expressions up to `close`; whether there was a trailing comma.
    fn list(&mut self, close: char) -> Result<(Vec<TokenStream>, bool), String> {
        let mut items = Vec::new();
        let mut trailing = false;
        while !self.peek_punct(close) {
            items.push(self.expr()?);
            trailing = false;
            if self.peek_punct(',') {
                self.pos += 1;
                trailing = true;
            } else {
                break;
            }
        }
        self.expect(close)?;
        Ok((items, trailing))
    }

    fn postfix(&mut self) -> Result<TokenStream, String> {
        let pyo3 = self.pyo3;
        let mut value = self.atom()?;
        loop {
            if self.peek_punct('.') {
                self.pos += 1;
                let Some(Tok::Name(attr)) = self.toks.get(self.pos).cloned() else {
                    return Err("expected a name after `.`".into());
                };
                self.pos += 1;
                value =
                    quote!(#pyo3::inspect::PyStaticExpr::Attribute { value: &#value, attr: #attr });
            } else if self.peek_punct('[') {
                self.pos += 1;
                let (items, trailing) = self.list(']')?;
                let slice = match items.as_slice() {
                    [one] if !trailing => one.clone(),
                    _ => quote!(#pyo3::inspect::PyStaticExpr::Tuple { elts: &[#(#items),*] }),
                };
                value = quote!(#pyo3::inspect::PyStaticExpr::Subscript { value: &#value, slice: &#slice });
            } else {
                return Ok(value);
            }
        }
    }

    fn atom(&mut self) -> Result<TokenStream, String> {
        let pyo3 = self.pyo3;
        let constant = |v: TokenStream| quote!(#pyo3::inspect::PyStaticExpr::Constant { value: #pyo3::inspect::PyStaticConstant::#v });
        let tok = self
            .toks
            .get(self.pos)
            .cloned()
            .ok_or("unexpected end of the annotation")?;
        self.pos += 1;
        Ok(match tok {
            Tok::Name(n) if n == "None" => constant(quote!(None)),
            Tok::Name(n) => quote!(#pyo3::inspect::PyStaticExpr::Name { id: #n }),
            Tok::Str(s) => constant(quote!(Str(#s))),
            Tok::Int(i) => constant(quote!(Int(#i))),
            Tok::Ellipsis => constant(quote!(Ellipsis)),
            Tok::Punct('[') => {
                let (items, _) = self.list(']')?;
                quote!(#pyo3::inspect::PyStaticExpr::List { elts: &[#(#items),*] })
            }
            Tok::Punct('(') => {
                let (items, trailing) = self.list(')')?;
                match items.as_slice() {
                    [one] if !trailing => one.clone(),
                    _ => quote!(#pyo3::inspect::PyStaticExpr::Tuple { elts: &[#(#items),*] }),
                }
            }
            Tok::Punct(c) => return Err(format!("unexpected `{c}`")),
        })
    }
}

/// Checks the annotation `lit` (with or without `experimental-inspect`, so that an invalid
/// one never compiles).
pub fn validate(lit: &syn::LitStr) -> syn::Result<()> {
    parse(lit, &TokenStream::new())
        .map(drop)
        .map_err(|msg| syn::Error::new(lit.span(), format!("invalid type annotation: {msg}")))
}

fn parse(lit: &syn::LitStr, pyo3: &TokenStream) -> Result<TokenStream, String> {
    tokenize(&lit.value()).and_then(|toks| {
        let mut p = Parser { toks, pos: 0, pyo3 };
        let e = p.expr()?;
        if p.pos != p.toks.len() {
            return Err("unexpected text after the expression".into());
        }
        Ok(e)
    })
}

/// The `PyStaticExpr` tokens of the annotation `lit`, or a compile error on it.
pub fn annotation(lit: &syn::LitStr, pyo3: &TokenStream) -> TokenStream {
    match parse(lit, pyo3) {
        Ok(e) => e,
        Err(msg) => syn::Error::new(lit.span(), format!("invalid type annotation: {msg}"))
            .to_compile_error(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> String {
        let lit = syn::LitStr::new(s, proc_macro2::Span::call_site());
        annotation(&lit, &quote!(p)).to_string().replace(' ', "")
    }

    #[test]
    fn expressions() {
        assert_eq!(parse("int"), "p::inspect::PyStaticExpr::Name{id:\"int\"}");
        assert_eq!(
            parse("a.B | None"),
            "p::inspect::PyStaticExpr::BinOp{left:&p::inspect::PyStaticExpr::Attribute{value:&p::inspect::PyStaticExpr::Name{id:\"a\"},attr:\"B\"},op:p::inspect::PyStaticOperator::BitOr,right:&p::inspect::PyStaticExpr::Constant{value:p::inspect::PyStaticConstant::None},}"
        );
        assert_eq!(
            parse("dict[str, int]"),
            "p::inspect::PyStaticExpr::Subscript{value:&p::inspect::PyStaticExpr::Name{id:\"dict\"},slice:&p::inspect::PyStaticExpr::Tuple{elts:&[p::inspect::PyStaticExpr::Name{id:\"str\"},p::inspect::PyStaticExpr::Name{id:\"int\"}]}}"
        );
        assert!(parse("typing.Literal['a', -1, ...]").contains("Str(\"a\")"));
        assert!(parse("typing.Literal['a', -1, ...]").contains("Int(-1i64)"));
    }

    #[test]
    fn errors() {
        assert!(parse("list[int").contains("compile_error"));
        assert!(parse("int int").contains("unexpectedtextaftertheexpression"));
        assert!(parse("a + b").contains("unexpectedcharacter`+`"));
    }
}
