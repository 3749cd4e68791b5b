//! Semantic checks. Each check records every problem in an [`Errors`] collector, so the user
//! sees all mistakes of one item at once, each on its offending token.

use crate::errors::Errors;
use crate::model::function::{ArgRole, FnModel, ParamKind, ParamModel, PyFunctionOptions};
use crate::signature::SigItem;
use crate::utils::{self, python_name};
use std::collections::HashSet;

/// Rejects function shapes no Python callable can have.
pub fn check_fn_signature_shape(sig: &syn::Signature, errors: &mut Errors) {
    crate::coroutine::check_asyncness(sig, errors);
    if let Some(v) = &sig.variadic {
        errors.push(v, "Python functions cannot be C-variadic");
    }
    if let Some(abi) = &sig.abi {
        errors.push(abi, "#[pyfunction] cannot be used on `extern` functions");
    }
    for param in &sig.generics.params {
        match param {
            syn::GenericParam::Lifetime(_) => {}
            syn::GenericParam::Type(t) => {
                errors.push(t, "Python functions cannot have generic type parameters")
            }
            syn::GenericParam::Const(c) => {
                errors.push(c, "Python functions cannot have const generics")
            }
        }
    }
    for input in &sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            if contains_impl_trait(&pt.ty) {
                errors.push(
                    &pt.ty,
                    "Python functions cannot have `impl Trait` arguments",
                );
            }
        }
    }
    if let syn::ReturnType::Type(_, t) = &sig.output {
        if let syn::Type::ImplTrait(_) = utils::unwrap_group(t) {
            errors.push(t, "Python functions cannot return `impl Trait`");
        }
    }
}

fn contains_impl_trait(ty: &syn::Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {
            self.0 = true;
        }
    }
    let mut f = Finder(false);
    syn::visit::Visit::visit_type(&mut f, ty);
    f.0
}

/// Resolves the Python parameters of `model` from its arguments and the `signature` option,
/// checking the signature grammar (order of `/`, `*`, `**`, defaults) and its correspondence
/// with the Rust arguments.
pub fn resolve_params(model: &mut FnModel, options: &PyFunctionOptions, errors: &mut Errors) {
    // Roles: module first (pass_module), Python tokens, then parameters.
    let mut regular = Vec::new();
    for (i, arg) in model.args.iter_mut().enumerate() {
        if i == 0 && options.pass_module.is_some() {
            arg.role = ArgRole::Module;
            if utils::is_python(&arg.ty) {
                errors.push(
                    &arg.ty,
                    "with `pass_module`, the first argument must be the module (e.g. `&Bound<'_, PyModule>`)",
                );
            }
            continue;
        }
        if arg.cancel_handle.is_some() {
            arg.role = ArgRole::CancelHandle;
            continue;
        }
        if utils::is_python(&arg.ty) {
            arg.role = ArgRole::Python;
            if let Some(p) = &arg.from_py_with {
                errors.push(
                    p,
                    "`from_py_with` cannot be used on a `Python<'py>` argument",
                );
            }
            continue;
        }
        regular.push(i);
    }
    if let (Some(span), true) = (options.pass_module, model.args.is_empty()) {
        errors.push_span(
            span,
            "expected the function to take the module as its first argument when using `pass_module`",
        );
    }

    let mut params = Vec::new();
    match &options.signature {
        None => {
            for &i in &regular {
                params.push(ParamModel {
                    name: python_name(&model.args[i].ident),
                    kind: ParamKind::PositionalOrKeyword,
                    default: None,
                    arg: i,
                });
            }
        }
        Some(sig) => {
            let mut next = 0usize; // index into `regular`
            let mut pos_only_seen = false;
            let mut star_seen = false;
            let mut kwargs_seen = false;
            let mut default_seen = false;
            let mut params_before_slash = 0usize;
            let mut kwonly_after_bare_star: Option<(proc_macro2::Span, usize)> = None;
            for item in &sig.items {
                if kwargs_seen {
                    errors.push_span(item.span(), "`**kwargs` must be the last parameter");
                }
                let mut take = |name: &syn::Ident, errors: &mut Errors| -> Option<usize> {
                    let wanted = name.to_string();
                    match regular.get(next) {
                        Some(&i) if model.args[i].ident == wanted => {
                            next += 1;
                            Some(i)
                        }
                        Some(&i) => {
                            let exists = regular[next..]
                                .iter()
                                .any(|&j| model.args[j].ident == wanted);
                            if let Some(&j) = regular[next..]
                                .iter()
                                .find(|&&j| model.args[j].ident == wanted)
                            {
                                errors.push(
                                    name,
                                    format!(
                                        "expected argument from function definition `{}` but got argument `{}`",
                                        model.args[i].ident, wanted
                                    ),
                                );
                                // Keep it as mentioned so that it is not also reported missing.
                                let _ = exists;
                                return Some(j);
                            } else {
                                errors.push(
                                    name,
                                    "signature entry does not have a corresponding function argument",
                                );
                            }
                            None
                        }
                        None => {
                            errors.push(
                                name,
                                "signature entry does not have a corresponding function argument",
                            );
                            None
                        }
                    }
                };
                match item {
                    SigItem::PosOnlySep(span) => {
                        if pos_only_seen {
                            errors.push_span(*span, "`/` is only allowed once in a signature");
                        } else if star_seen {
                            errors.push_span(*span, "`/` must come before `*` in a signature");
                        } else if params.is_empty() {
                            errors.push_span(*span, "`/` must follow at least one parameter");
                        }
                        pos_only_seen = true;
                        params_before_slash = params.len();
                    }
                    SigItem::VarArgsSep(span) => {
                        if star_seen {
                            errors.push_span(*span, "`*` is only allowed once in a signature");
                        }
                        star_seen = true;
                        kwonly_after_bare_star = Some((*span, params.len()));
                    }
                    SigItem::VarArgs(name) => {
                        if star_seen {
                            errors.push(name, "`*args` is only allowed once and not after `*`");
                        }
                        star_seen = true;
                        if let Some(i) = take(name, errors) {
                            params.push(ParamModel {
                                name: python_name(name),
                                kind: ParamKind::VarArgs,
                                default: None,
                                arg: i,
                            });
                        }
                    }
                    SigItem::KwArgs(name) => {
                        kwargs_seen = true;
                        if let Some(i) = take(name, errors) {
                            params.push(ParamModel {
                                name: python_name(name),
                                kind: ParamKind::KwArgs,
                                default: None,
                                arg: i,
                            });
                        }
                    }
                    SigItem::Param { name, default } => {
                        let kind = if star_seen {
                            ParamKind::KeywordOnly
                        } else {
                            ParamKind::PositionalOrKeyword
                        };
                        if kind == ParamKind::PositionalOrKeyword {
                            if default.is_some() {
                                default_seen = true;
                            } else if default_seen {
                                errors.push(
                                    name,
                                    "required positional parameter follows a parameter with a default value",
                                );
                            }
                        }
                        if let Some(i) = take(name, errors) {
                            params.push(ParamModel {
                                name: python_name(name),
                                kind,
                                default: default.clone(),
                                arg: i,
                            });
                        }
                    }
                }
            }
            if let Some((span, count)) = kwonly_after_bare_star {
                let after = params[count..]
                    .iter()
                    .filter(|p| p.kind == ParamKind::KeywordOnly)
                    .count();
                // A trailing bare `*` (nothing after it) is accepted and means nothing, as PyO3
                // accepts it (published crates such as pyo3-arrow end signatures with it); only
                // `*` directly followed by `**kwargs` is rejected, as Python rejects it.
                if after == 0 && params.len() > count {
                    errors.push_span(span, "named arguments must follow bare `*`");
                }
            }
            if pos_only_seen {
                for p in params.iter_mut().take(params_before_slash) {
                    if p.kind == ParamKind::PositionalOrKeyword {
                        p.kind = ParamKind::PositionalOnly;
                    }
                }
            }
            for &i in &regular[next.min(regular.len())..] {
                let arg = &model.args[i];
                let mentioned = params.iter().any(|p| p.arg == i);
                if !mentioned {
                    errors.push_span(
                        arg.span,
                        format!("missing signature entry for argument `{}`", arg.ident),
                    );
                }
            }
        }
    }
    let mut seen = HashSet::new();
    for p in &params {
        if !seen.insert(p.name.clone()) {
            errors.push(
                &model.args[p.arg].ident,
                format!("duplicate parameter name `{}`", p.name),
            );
        }
    }
    for (idx, p) in params.iter().enumerate() {
        model.args[p.arg].role = ArgRole::Param(idx);
        if matches!(p.kind, ParamKind::VarArgs | ParamKind::KwArgs) {
            if let Some(f) = &model.args[p.arg].from_py_with {
                errors.push(f, "`from_py_with` cannot be used on `*args` / `**kwargs`");
            }
        }
    }
    model.params = params;
}

/// Checks a derive model: shapes, field options valid for the shape.
pub fn check_derive(
    model: &crate::model::derive::DeriveModel,
    kind: crate::model::derive::DeriveKind,
    errors: &mut Errors,
) {
    use crate::model::derive::{DeriveKind, Shape};
    let what = match kind {
        DeriveKind::From => "FromPyObject",
        DeriveKind::Into => "IntoPyObject",
    };
    for c in &model.containers {
        if c.shape == Shape::Unit || (c.fields.is_empty() && c.shape != Shape::Unit) {
            errors.push(
                &c.ident,
                format!("cannot derive {what} for empty structs and variants"),
            );
            continue;
        }
        // Such a struct would extract from any object at all (PyO3 refuses it too).
        if matches!(kind, DeriveKind::From) && c.fields.iter().all(|f| f.options.default.is_some())
        {
            errors.push(
                &c.ident,
                format!("cannot derive {what} for structs and variants with only default values"),
            );
        }
        if c.options.transparent && c.fields.len() != 1 {
            errors.push(
                &c.ident,
                "transparent structs and variants can only have 1 field",
            );
        }
        for f in &c.fields {
            let o = &f.options;
            let span_tokens = f
                .ident
                .as_ref()
                .map(|i| quote::quote!(#i))
                .unwrap_or_else(|| quote::ToTokens::to_token_stream(&f.ty));
            if c.shape != Shape::Struct {
                if o.attribute.is_some() || o.item.is_some() {
                    errors.push(
                        &span_tokens,
                        "`attribute` and `item` are only allowed on named fields of non-transparent structs",
                    );
                }
                if o.default.is_some() {
                    errors.push(
                        &span_tokens,
                        "`default` is only allowed on named fields of non-transparent structs",
                    );
                }
            }
            if o.attribute.is_some() && o.item.is_some() {
                errors.push(
                    &span_tokens,
                    "only one of `attribute` or `item` can be provided",
                );
            }
            if c.options.from_item_all && matches!(o.item, Some(None)) {
                errors.push(
                    &span_tokens,
                    "useless `item` - the struct is already annotated with `from_item_all`",
                );
            }
        }
    }
}

/// Checks the shape of a `#[pymodule]` function: `(module)` or `(py, module)`.
pub fn check_module_fn(func: &syn::ItemFn, errors: &mut Errors) {
    if let Some(a) = &func.sig.asyncness {
        errors.push(a, "`#[pymodule]` functions cannot be async");
    }
    for param in &func.sig.generics.params {
        if !matches!(param, syn::GenericParam::Lifetime(_)) {
            errors.push(
                param,
                "`#[pymodule]` functions cannot have generic parameters",
            );
        }
    }
    // `()`, `(m)`, `(py)`, `(py, m)`: at most one `Python` and one module, in that order.
    let kinds: Vec<bool> = func
        .sig
        .inputs
        .iter()
        .map(|i| matches!(i, syn::FnArg::Typed(pt) if utils::is_python(&pt.ty)))
        .collect();
    let ok = matches!(kinds.as_slice(), [] | [true] | [false] | [true, false]);
    if !ok {
        errors.push(
            &func.sig,
            "expected `fn(&Bound<'_, PyModule>) -> PyResult<()>` or `fn(Python<'_>, &Bound<'_, PyModule>) -> PyResult<()>`",
        );
    }
    for input in &func.sig.inputs {
        if let syn::FnArg::Receiver(r) = input {
            errors.push(r, "`#[pymodule]` cannot be used on methods");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::attributes::parse_options;
    use crate::errors::Errors;
    use crate::model::function::{build, ParamKind, PyFunctionOptions};
    use proc_macro2::TokenStream;
    use quote::quote;

    fn model(attr: TokenStream, item: TokenStream) -> syn::Result<crate::model::function::FnModel> {
        let mut f: syn::ItemFn = syn::parse2(item).unwrap();
        let mut errors = Errors::new();
        let mut opts = PyFunctionOptions::default();
        opts.add(&parse_options(attr).unwrap(), &mut errors);
        errors.check()?;
        build(&mut f, opts)
    }

    /// Every error of the model, in order, joined with " | ".
    fn err(attr: TokenStream, item: TokenStream) -> String {
        match model(attr, item) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e
                .into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join(" | "),
        }
    }

    #[test]
    fn full_signature_kinds() {
        let m = model(
            quote!(signature = (a, b = 1, /, c = None, *args, d, e = "x", **kwargs)),
            quote!(
                fn f(
                    py: Python<'_>,
                    a: i32,
                    b: i32,
                    c: Option<i32>,
                    args: &Bound<'_, PyTuple>,
                    d: i32,
                    e: &str,
                    kwargs: Option<&Bound<'_, PyDict>>,
                ) {
                }
            ),
        )
        .unwrap();
        let kinds: Vec<_> = m.params.iter().map(|p| p.kind).collect();
        use ParamKind::*;
        assert_eq!(
            kinds,
            [
                PositionalOnly,
                PositionalOnly,
                PositionalOrKeyword,
                VarArgs,
                KeywordOnly,
                KeywordOnly,
                KwArgs
            ]
        );
        assert_eq!(
            m.text_signature_string().unwrap(),
            "(a, b=1, /, c=None, *args, d, e=\"x\", **kwargs)"
        );
    }

    #[test]
    fn default_all_required() {
        let m = model(
            quote!(),
            quote!(
                fn f(a: i32, b: Option<i32>) {}
            ),
        )
        .unwrap();
        assert!(m.params.iter().all(|p| p.default.is_none()));
        assert_eq!(m.text_signature_string().unwrap(), "(a, b)");
    }

    #[test]
    fn collects_all_errors() {
        let e = err(
            quote!(signature = (a, zz, *, /)),
            quote!(
                async fn f<T>(a: i32, b: i32) {}
            ),
        );
        let rest = "Python functions cannot have generic type parameters | signature entry does not have a corresponding function argument | `/` must come before `*` in a signature | missing signature entry for argument `b`";
        if crate::coroutine::ENABLED {
            assert_eq!(e, rest);
        } else {
            assert_eq!(
                e,
                format!("async functions are only supported with the `experimental-async` feature | {rest}")
            );
        }
    }

    #[test]
    fn order_and_defaults() {
        let e = err(
            quote!(signature = (b, a)),
            quote!(
                fn f(a: i32, b: i32) {}
            ),
        );
        assert_eq!(
            e,
            "expected argument from function definition `a` but got argument `b`"
        );
        let e = err(
            quote!(signature = (a = 1, b)),
            quote!(
                fn f(a: i32, b: i32) {}
            ),
        );
        assert_eq!(
            e,
            "required positional parameter follows a parameter with a default value"
        );
        let e = err(
            quote!(signature = (**kw, a)),
            quote!(
                fn f(kw: i32, a: i32) {}
            ),
        );
        assert_eq!(e, "`**kwargs` must be the last parameter");
        let e = err(
            quote!(signature = (a, *, **kw)),
            quote!(
                fn f(a: i32, kw: Option<i32>) {}
            ),
        );
        assert_eq!(e, "named arguments must follow bare `*`");
    }

    #[test]
    fn bad_options() {
        let e = err(
            quote!(name = "a", name = "b", bogus),
            quote!(
                fn f() {}
            ),
        );
        assert_eq!(e, "`name` may only be specified once | expected one of: `name`, `pass_module`, `signature`, `text_signature`, `crate`, `warn`");
        let e = err(
            quote!(pass_module),
            quote!(
                fn f() {}
            ),
        );
        assert_eq!(e, "expected the function to take the module as its first argument when using `pass_module`");
        let e = err(
            quote!(),
            quote!(
                fn f(&self) {}
            ),
        );
        assert_eq!(
            e,
            "#[pyfunction] cannot be used on methods; use #[pymethods] instead"
        );
        let e = err(
            quote!(),
            quote!(
                fn f((a, b): (i32, i32)) {}
            ),
        );
        assert_eq!(e, "expected a plain identifier as argument pattern");
        let e = err(
            quote!(),
            quote!(
                fn f(#[pyo3(bogus)] a: i32) {}
            ),
        );
        assert_eq!(e, "expected one of: `from_py_with`, `cancel_handle`");
    }

    #[test]
    fn pass_module_and_python() {
        let m = model(
            quote!(pass_module),
            quote!(
                fn f(m: &Bound<'_, PyModule>, py: Python<'_>, x: i32) {}
            ),
        )
        .unwrap();
        assert_eq!(m.params.len(), 1);
        assert_eq!(m.params[0].name, "x");
    }
}
