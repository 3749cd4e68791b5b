//! Model of a `#[pyfunction]`: its options, Rust arguments and resolved Python parameters.

use crate::attributes::{
    self, parse_text_signature, parse_warn, set_lit_str_once, set_once, set_path_once, RawOption,
    TextSignatureOpt, WarnOpt,
};
use crate::errors::Errors;
use crate::signature::{parse_signature, SignatureSpec};
use crate::utils::{self, python_name};
use proc_macro2::Span;
use syn::{Expr, Ident, LitStr, Type};

/// Options of `#[pyfunction(...)]` / `#[pyo3(...)]` on a function.
#[derive(Default, Clone)]
pub struct PyFunctionOptions {
    /// `name = "..."`
    pub name: Option<LitStr>,
    /// `signature = (...)`
    pub signature: Option<SignatureSpec>,
    /// `text_signature = ...`
    pub text_signature: Option<TextSignatureOpt>,
    /// `pass_module`
    pub pass_module: Option<Span>,
    /// `crate = "..."`
    pub krate: Option<syn::Path>,
    /// `warn(...)`, possibly several
    pub warnings: Vec<WarnOpt>,
    /// Spans of the `signature` and `text_signature` keywords, where given (for the errors of
    /// options a magic method does not take).
    pub signature_kw: Option<Span>,
    /// See `signature_kw`.
    pub text_signature_kw: Option<Span>,
}

/// Options `#[pyfunction]` accepts.
pub const FUNCTION_OPTIONS: &[&str] = &[
    "name",
    "pass_module",
    "signature",
    "text_signature",
    "crate",
    "warn",
];

impl PyFunctionOptions {
    /// Adds the options of one list (either the macro arguments or a `#[pyo3]` attribute).
    pub fn add(&mut self, opts: &[RawOption], errors: &mut Errors) {
        for opt in opts {
            match opt.name().as_str() {
                "name" => {
                    set_lit_str_once(&mut self.name, opt, errors);
                }
                "signature" => {
                    let parsed = match &opt.value {
                        attributes::RawValue::Assign(_, tokens) => {
                            errors.handle(parse_signature(tokens.clone()))
                        }
                        _ => {
                            errors.push_span(opt.span(), "expected `signature = (...)`");
                            None
                        }
                    };
                    if let Some(v) = parsed {
                        set_once(&mut self.signature, v, opt, errors);
                    }
                    self.signature_kw.get_or_insert(opt.key.span());
                }
                "text_signature" => {
                    if let Some(v) = errors.handle(parse_text_signature(opt)) {
                        set_once(&mut self.text_signature, v, opt, errors);
                    }
                    self.text_signature_kw.get_or_insert(opt.key.span());
                }
                "pass_module" => {
                    if let Err(e) = opt.expect_flag() {
                        errors.add(e);
                    }
                    set_once(&mut self.pass_module, opt.span(), opt, errors);
                }
                "crate" => {
                    set_path_once(&mut self.krate, opt, errors);
                }
                "warn" => {
                    if let Some(v) = errors.handle(parse_warn(opt)) {
                        self.warnings.push(v);
                    }
                }
                _ => attributes::unknown(opt, FUNCTION_OPTIONS, errors),
            }
        }
    }
}

/// What a Rust argument of the function receives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgRole {
    /// `Python<'py>` token.
    Python,
    /// The module (`pass_module`).
    Module,
    /// A Python parameter (index into [`FnModel::params`]).
    Param(usize),
    /// A `#[pyo3(cancel_handle)]` argument of an `async fn`.
    CancelHandle,
}

/// One Rust argument.
#[derive(Clone)]
pub struct FnArg {
    /// Binding name.
    pub ident: Ident,
    /// Declared type.
    pub ty: Type,
    /// `#[pyo3(from_py_with = path)]` (a path, possibly qualified: `<T as Trait>::f`)
    pub from_py_with: Option<syn::Expr>,
    /// Role, filled by resolution.
    pub role: ArgRole,
    /// `#[pyo3(cancel_handle)]`
    pub cancel_handle: Option<Span>,
    /// Span of the whole argument.
    pub span: Span,
}

/// Kind of a Python parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// Before `/`.
    PositionalOnly,
    /// Regular.
    PositionalOrKeyword,
    /// After `*` / `*args`.
    KeywordOnly,
    /// `*args`
    VarArgs,
    /// `**kwargs`
    KwArgs,
}

/// One Python parameter, in signature order.
#[derive(Clone)]
pub struct ParamModel {
    /// Python-visible name.
    pub name: String,
    /// Kind.
    pub kind: ParamKind,
    /// Default expression, if optional.
    pub default: Option<Expr>,
    /// Index of the Rust argument.
    pub arg: usize,
}

/// How the text signature is produced.
#[derive(Clone)]
pub enum TextSignature {
    /// Generated from the parameters.
    Auto,
    /// Given explicitly.
    Explicit(String),
    /// `text_signature = None`.
    Disabled,
}

/// The complete model of a `#[pyfunction]`.
#[derive(Clone)]
pub struct FnModel {
    /// The Rust function name.
    pub rust_ident: Ident,
    /// The Python name.
    pub python_name: String,
    /// Visibility of the function (copied to the generated definition holder).
    pub vis: syn::Visibility,
    /// Rust arguments.
    pub args: Vec<FnArg>,
    /// Python parameters (signature order).
    pub params: Vec<ParamModel>,
    /// Declared return type (`None` for `()`).
    pub output: Option<Type>,
    /// Doc comment text.
    pub doc: Option<String>,
    /// Text signature policy.
    pub text_signature: TextSignature,
    /// `warn(...)` options.
    pub warnings: Vec<WarnOpt>,
    /// `crate = ...`
    pub krate: Option<syn::Path>,
    /// Span of `async`, for an `async fn`.
    pub asyncness: Option<Span>,
    /// Stub annotations given in `signature` (parameter name, Python source).
    pub annotations: Vec<(String, LitStr)>,
    /// Stub return annotation given in `signature = (...) -> "..."`.
    pub return_annotation: Option<LitStr>,
    /// Span of the `signature` keyword, where the option was given.
    pub signature_kw: Option<Span>,
    /// Span of the `text_signature` keyword, where the option was given.
    pub text_signature_kw: Option<Span>,
}

impl FnModel {
    /// Number of positional (incl. positional-only) parameters.
    pub fn positional(&self) -> impl Iterator<Item = &ParamModel> {
        self.params.iter().filter(|p| {
            matches!(
                p.kind,
                ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
            )
        })
    }

    /// Keyword-only parameters.
    pub fn keyword_only(&self) -> impl Iterator<Item = &ParamModel> {
        self.params
            .iter()
            .filter(|p| p.kind == ParamKind::KeywordOnly)
    }

    /// The `*args` parameter.
    pub fn varargs(&self) -> Option<&ParamModel> {
        self.params.iter().find(|p| p.kind == ParamKind::VarArgs)
    }

    /// The `**kwargs` parameter.
    pub fn kwargs(&self) -> Option<&ParamModel> {
        self.params.iter().find(|p| p.kind == ParamKind::KwArgs)
    }

    /// The text signature string `(a, b=1, /, *, c)`, if any.
    pub fn text_signature_string(&self) -> Option<String> {
        match &self.text_signature {
            TextSignature::Disabled => None,
            TextSignature::Explicit(s) => Some(s.clone()),
            TextSignature::Auto => Some(crate::text_signature::render(&self.params)),
        }
    }
}

/// Builds the model of `func` (whose `#[pyo3]` attributes, also on arguments, are removed).
/// All problems are collected and reported together.
pub fn build(func: &mut syn::ItemFn, mut options: PyFunctionOptions) -> syn::Result<FnModel> {
    let mut errors = Errors::new();
    let fn_opts = attributes::take_pyo3_options(&mut func.attrs, &mut errors);
    options.add(&fn_opts, &mut errors);

    let mut args = Vec::new();
    for input in func.sig.inputs.iter_mut() {
        match input {
            syn::FnArg::Receiver(r) => errors.push(
                &*r,
                "#[pyfunction] cannot be used on methods; use #[pymethods] instead",
            ),
            syn::FnArg::Typed(pt) => {
                let arg_opts = attributes::take_pyo3_options(&mut pt.attrs, &mut errors);
                let mut from_py_with = None;
                let mut cancel_handle = None;
                for opt in &arg_opts {
                    match opt.name().as_str() {
                        "cancel_handle" => {
                            if let Err(e) = opt.expect_flag() {
                                errors.add(e);
                            }
                            set_once(&mut cancel_handle, opt.span(), opt, &mut errors);
                        }
                        "from_py_with" => {
                            let value = match &opt.value {
                                attributes::RawValue::Assign(e @ syn::Expr::Path(_), _) => {
                                    Some(e.clone())
                                }
                                _ => errors.handle(opt.path()).map(|p| {
                                    syn::Expr::Path(syn::ExprPath {
                                        attrs: Vec::new(),
                                        qself: None,
                                        path: p,
                                    })
                                }),
                            };
                            if let Some(p) = value {
                                set_once(&mut from_py_with, p, opt, &mut errors);
                            }
                        }
                        _ => attributes::unknown(
                            opt,
                            &["from_py_with", "cancel_handle"],
                            &mut errors,
                        ),
                    }
                }
                let ident = match &*pt.pat {
                    syn::Pat::Ident(pi) if pi.subpat.is_none() => pi.ident.clone(),
                    other => {
                        errors.push(other, "expected a plain identifier as argument pattern");
                        Ident::new("__pyo3_invalid", Span::call_site())
                    }
                };
                let span = syn::spanned::Spanned::span(&*pt);
                args.push(FnArg {
                    ident,
                    ty: (*pt.ty).clone(),
                    from_py_with,
                    role: ArgRole::Python,
                    cancel_handle,
                    span,
                });
            }
        }
    }

    // `name = "r#enum"` names the Python function `enum`, like a raw identifier would.
    let python_name = options
        .name
        .as_ref()
        .map(|n| utils::unraw(n.value()))
        .unwrap_or_else(|| python_name(&func.sig.ident));

    let text_signature = match &options.text_signature {
        None => TextSignature::Auto,
        Some(TextSignatureOpt::Disabled(_)) => TextSignature::Disabled,
        Some(TextSignatureOpt::Explicit(l)) => TextSignature::Explicit(l.value()),
    };

    let output = match &func.sig.output {
        syn::ReturnType::Default => None,
        syn::ReturnType::Type(_, t) => Some((**t).clone()),
    };

    let mut model = FnModel {
        rust_ident: func.sig.ident.clone(),
        python_name,
        vis: func.vis.clone(),
        args,
        params: Vec::new(),
        output,
        doc: utils::get_doc(&func.attrs),
        text_signature,
        warnings: options.warnings.clone(),
        krate: options.krate.clone(),
        asyncness: func.sig.asyncness.map(|a| a.span),
        annotations: options
            .signature
            .as_ref()
            .map(|s| s.annotations.clone())
            .unwrap_or_default(),
        return_annotation: options.signature.as_ref().and_then(|s| s.returns.clone()),
        signature_kw: options.signature_kw,
        text_signature_kw: options.text_signature_kw,
    };

    let annotations = model.annotations.iter().map(|(_, lit)| lit);
    for lit in annotations.chain(&model.return_annotation) {
        if let Err(e) = crate::inspect::pyexpr::validate(lit) {
            errors.add(e);
        }
    }
    crate::check::check_fn_signature_shape(&func.sig, &mut errors);
    crate::check::resolve_params(&mut model, &options, &mut errors);
    crate::coroutine::check_cancel_handles(&model, &mut errors);
    crate::coroutine::check_borrowed_defaults(&model, &mut errors);
    errors.finish(model)
}
