//! Emits the wrapper of a `#[pyfunction]`.
//!
//! Generated items (in `const _: () = { ... }` except the definition holder, the block
//! importing `pyo3::impl_::glue` as `__p` for short paths):
//! - a hidden braced struct with the function's name (type namespace, so `use path::f` imports
//!   both) whose associated const `_PYO3_DEF` is the `PyMethodDef` holder used by
//!   `wrap_pyfunction!` and `#[pymodule_export]`;
//! - in it, the body: a closure that parses arguments with a static `FunctionDescription` and
//!   calls the user's function, passed to `PyFunctionDef::new`, whose C entry points
//!   (fastcall and tuple/dict) are generic functions of `pyo3::impl_::pyfunction`.

use crate::model::function::{ArgRole, FnArg, FnModel, ParamKind, ParamModel};
use crate::utils::{self, c_str_lit, elide_lifetimes, ArgKind, Ctx};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// The `ml_doc` text: `name(sig)\n--\n\n<doc>`.
pub fn doc_text(model: &FnModel) -> Option<String> {
    let sig = model.text_signature_string();
    match (sig, &model.doc) {
        (Some(sig), Some(doc)) => Some(format!("{}{}\n--\n\n{}", model.python_name, sig, doc)),
        (Some(sig), None) => Some(format!("{}{}\n--\n\n", model.python_name, sig)),
        (None, Some(doc)) => Some(doc.clone()),
        (None, None) => None,
    }
}

/// The `ml_doc` C string literal; empty when there is none (`PyFunctionDef` stores NULL).
fn doc_tokens(text: Option<String>) -> TokenStream {
    let cleaned: String = text
        .unwrap_or_default()
        .chars()
        .filter(|&c| c != '\0')
        .collect();
    let lit = c_str_lit(&cleaned, Span::call_site());
    quote!(#lit)
}

/// Emits the `FunctionDescription` expression for the parameters (`interned`: the path of the
/// `InternedNames` static it refers to). The common shape (positional-or-keyword parameters
/// only) uses the short `pos` constructor.
pub fn function_description(
    model: &FnModel,
    func_name: &str,
    interned: &TokenStream,
    ctx: &Ctx,
) -> TokenStream {
    let gl = &ctx.p;
    let positional: Vec<&ParamModel> = model.positional().collect();
    let names = positional.iter().map(|p| &p.name);
    let pos_only = positional
        .iter()
        .filter(|p| p.kind == ParamKind::PositionalOnly)
        .count();
    let required = positional
        .iter()
        .take_while(|p| p.default.is_none())
        .count();
    let varargs = model.varargs().is_some();
    let varkw = model.kwargs().is_some();
    if pos_only == 0 && model.keyword_only().next().is_none() && !varargs && !varkw {
        return quote! {
            #gl::FunctionDescription::pos(#func_name, &[#(#names),*], #required, &#interned)
        };
    }
    let kwonly = model.keyword_only().map(|p| {
        let name = &p.name;
        let required = p.default.is_none();
        quote!(#gl::KeywordOnlyParameterDescription {
            name: #name,
            required: #required,
        })
    });
    quote! {
        #gl::FunctionDescription::new(
            #func_name,
            &[#(#names),*],
            #pos_only,
            #required,
            &[#(#kwonly),*],
            #varargs,
            #varkw,
            &#interned,
        )
    }
}

/// Expression extracting one argument, given the raw (borrowed, possibly null) pointer
/// expression `ptr`. `holder` is the name of a holder variable declared by the caller.
fn extract_expr(
    arg: &FnArg,
    name: &str,
    ptr: &TokenStream,
    holder: &syn::Ident,
    ctx: &Ctx,
) -> (TokenStream, TokenStream) {
    let ea = &ctx.p;
    let span = arg.ty.span();
    // `py` must resolve at the call site even when the argument comes from a `macro_rules!`.
    let py = quote!(py);
    if let Some(path) = &arg.from_py_with {
        return (
            TokenStream::new(),
            quote_spanned!(span=> #ea::from_py_with(#py, #ptr, #name, #path)?),
        );
    }
    let (inner, optional) = match utils::option_inner(&arg.ty) {
        Some(inner) if utils::arg_kind(inner) != ArgKind::Extract => (inner, true),
        _ => (&arg.ty, false),
    };
    match (utils::arg_kind(inner), optional) {
        (ArgKind::Str, false) => (
            quote!(let mut #holder = #ea::StrHolder::new();),
            quote_spanned!(span=> #ea::extract_str(#py, #ptr, &mut #holder, #name)?),
        ),
        (ArgKind::Str, true) => (
            quote!(let mut #holder = #ea::StrHolder::new();),
            quote_spanned!(span=> #ea::extract_optional_str(#py, #ptr, &mut #holder, #name)?),
        ),
        (ArgKind::BoundRef, false) => (
            quote!(let mut #holder = #ea::None;),
            quote_spanned!(span=> #ea::extract_bound_ref(#py, #ptr, &mut #holder, #name)?),
        ),
        (ArgKind::BoundRef, true) => (
            quote!(let mut #holder = #ea::None;),
            quote_spanned!(span=> #ea::extract_optional_bound_ref(#py, #ptr, &mut #holder, #name)?),
        ),
        (ArgKind::PyClassRef, false) => (
            quote!(let mut #holder = #ea::None;),
            quote_spanned!(span=> #ea::extract_pyclass_ref(#py, #ptr, &mut #holder, #name)?),
        ),
        (ArgKind::PyClassRefMut, false) => (
            quote!(let mut #holder = #ea::None;),
            quote_spanned!(span=> #ea::extract_pyclass_ref_mut(#py, #ptr, &mut #holder, #name)?),
        ),
        (ArgKind::PyClassRef, true) => (
            quote!(let mut #holder = #ea::None;),
            quote_spanned!(span=> #ea::extract_optional_pyclass_ref(#py, #ptr, &mut #holder, #name)?),
        ),
        (ArgKind::PyClassRefMut, true) => (
            quote!(let mut #holder = #ea::None;),
            quote_spanned!(span=> #ea::extract_optional_pyclass_ref_mut(#py, #ptr, &mut #holder, #name)?),
        ),
        (ArgKind::Extract, _) => (
            TokenStream::new(),
            quote_spanned!(span=> #ea::extract_argument(#py, #ptr, #name)?),
        ),
    }
}

/// Emits the statements binding `__arg_i` for every Rust argument, and the call arguments.
/// `place(s)` is the place expression of output slot `s` (a `*mut PyObject`, NULL when the
/// argument was not given): a local of its own, or an element of the `__output` array.
pub(crate) fn argument_bindings(
    model: &FnModel,
    place: &dyn Fn(usize) -> TokenStream,
    ctx: &Ctx,
) -> (TokenStream, Vec<syn::Ident>) {
    let gl = &ctx.p;
    let ea = &ctx.p;
    let mut stmts = TokenStream::new();
    let mut call_args = Vec::new();
    // Output slot of each positional / keyword-only parameter.
    let mut slot = 0usize;
    let mut slots = vec![None; model.params.len()];
    for (i, p) in model.params.iter().enumerate() {
        if matches!(
            p.kind,
            ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
        ) {
            slots[i] = Some(slot);
            slot += 1;
        }
    }
    for (i, p) in model.params.iter().enumerate() {
        if p.kind == ParamKind::KeywordOnly {
            slots[i] = Some(slot);
            slot += 1;
        }
    }
    for (n, arg) in model.args.iter().enumerate() {
        let var = format_ident!("__arg_{}", n);
        let holder = format_ident!("__holder_{}", n);
        let ty = elide_lifetimes(&arg.ty);
        match &arg.role {
            ArgRole::Python => stmts.extend(quote!(let #var: #ty = py;)),
            ArgRole::CancelHandle => {
                stmts.extend(crate::coroutine::cancel_handle_binding(&var, &ty, ctx))
            }
            ArgRole::Module => stmts.extend(quote_spanned! {arg.ty.span()=>
                let #var: #ty = #gl::FromModuleArg::from_module_arg(&__module);
            }),
            ArgRole::Param(idx) => {
                let p = &model.params[*idx];
                let name = p.name.as_str();
                match p.kind {
                    ParamKind::VarArgs => {
                        let ptr = quote!(&__varargs_ptr);
                        let (decl, expr) = extract_expr(arg, name, &ptr, &holder, ctx);
                        stmts.extend(quote! {
                            let __varargs_ptr = #ea::varargs_ptr(&__varargs);
                            #decl let #var: #ty = #expr;
                        });
                    }
                    ParamKind::KwArgs => {
                        let optional = utils::option_inner(&arg.ty).is_some();
                        let get = if optional {
                            quote!(#ea::kwargs_ptr(&__kwargs))
                        } else {
                            quote!(#ea::kwargs_ptr_or_empty(py, &mut __kwargs))
                        };
                        let ptr = quote!(&__kwargs_ptr);
                        let (decl, expr) = extract_expr(arg, name, &ptr, &holder, ctx);
                        stmts.extend(quote! {
                            let __kwargs_ptr = #get;
                            #decl let #var: #ty = #expr;
                        });
                    }
                    _ => {
                        let slot = place(slots[*idx].unwrap());
                        let ptr = quote!(&#slot);
                        let (decl, expr) = extract_expr(arg, name, &ptr, &holder, ctx);
                        let value = match &p.default {
                            // An `Option<T>` parameter may default to a bare `T` (wrapped in
                            // `Some`) as well as to an `Option<T>`.
                            Some(default)
                                if arg.from_py_with.is_none()
                                    && utils::option_inner(&arg.ty).is_some() =>
                            {
                                let inner =
                                    utils::elide_lifetimes(utils::option_inner(&arg.ty).unwrap());
                                quote! {
                                    if #slot.is_null() {
                                        #ea::OptionDefault::<#inner>::into_option_default(#default)
                                    } else { #expr }
                                }
                            }
                            // The common case in one call, the default evaluated only
                            // when the argument is absent.
                            Some(default)
                                if arg.from_py_with.is_none()
                                    && utils::arg_kind(&arg.ty) == ArgKind::Extract =>
                            {
                                let py = quote!(py);
                                quote_spanned! {arg.ty.span()=>
                                    #ea::extract_or(#py, #ptr, #name, || #default)?
                                }
                            }
                            Some(default) => quote! {
                                if #slot.is_null() { #default } else { #expr }
                            },
                            None => expr,
                        };
                        stmts.extend(quote!(#decl let #var: #ty = #value;));
                        stmts.extend(crate::coroutine::own_borrowed_arg(
                            model, arg, &var, &holder, ctx,
                        ));
                    }
                }
            }
        }
        call_args.push(var);
    }
    (stmts, call_args)
}

/// Emits warnings raised before the call.
pub fn warnings(model: &FnModel, ctx: &Ctx) -> TokenStream {
    let pyo3 = &ctx.pyo3;
    let gl = &ctx.p;
    let mut out = TokenStream::new();
    for w in &model.warnings {
        let msg = c_str_lit(&w.message.value(), w.message.span());
        let cat = match &w.category {
            Some(c) => quote!(#c),
            None => quote!(#pyo3::exceptions::PyUserWarning),
        };
        out.extend(quote_spanned! {w.span=>
            #gl::warn(
                py,
                <#cat as #pyo3::type_object::PyTypeInfo>::type_object_raw(py),
                #msg,
            )?;
        });
    }
    out
}

/// How the return value becomes a Python object.
#[derive(Debug, PartialEq, Eq)]
pub enum ReturnKind {
    /// No return type or `()`: `None`.
    Unit,
    /// `Result<(), E>` / `PyResult<()>`: `None` or the error.
    ResultUnit,
    /// Anything else: `IntoPyObject` (or a `Result` of one).
    Other,
}

fn is_unit(ty: &syn::Type) -> bool {
    matches!(utils::unwrap_group(ty), syn::Type::Tuple(t) if t.elems.is_empty())
}

/// Classifies a return type syntactically (`()` converts to an empty tuple through
/// `IntoPyObject`, but a function returning nothing returns `None` in Python).
pub fn return_kind(output: Option<&syn::Type>) -> ReturnKind {
    let Some(ty) = output else {
        return ReturnKind::Unit;
    };
    if is_unit(ty) {
        return ReturnKind::Unit;
    }
    if let Some(seg) = utils::last_segment(ty) {
        if seg.ident == "Result" || seg.ident == "PyResult" {
            if let syn::PathArguments::AngleBracketed(args) = &seg.arguments {
                if let Some(syn::GenericArgument::Type(t)) = args.args.first() {
                    if is_unit(t) {
                        return ReturnKind::ResultUnit;
                    }
                }
            }
        }
    }
    ReturnKind::Other
}

/// Variations of the wrapper for methods of classes.
#[derive(Default)]
pub struct WrapperOpts {
    /// Name used in argument errors (default `name()`).
    pub desc_name: Option<String>,
    /// The class, for methods: argument errors then name `Cls.name()` (its Python name).
    pub cls: Option<TokenStream>,
    /// Statements run before the arguments are extracted (receiver extraction).
    pub prelude: TokenStream,
    /// Expressions passed before the regular arguments.
    pub leading_args: Vec<TokenStream>,
    /// Replaces the conversion of `__result` (the user's return value).
    pub convert: Option<TokenStream>,
    /// Always parse arguments (no `METH_NOARGS` form).
    pub force_args: bool,
    /// `$self` / `$cls` first entry of the text signature.
    pub text_sig_self: Option<&'static str>,
    /// `&'static str` expression of the class name, for the `__qualname__` of coroutines.
    pub qualname_prefix: Option<TokenStream>,
    /// Statements run inside the future of an `async fn`, before the call.
    pub future_prelude: TokenStream,
    /// The prelude already raises the `#[pyo3(warn(...))]` warnings (methods).
    pub prelude_warns: bool,
}

/// Emits the body closure; returns its tokens and the expression building the `PyFunctionDef`
/// from it (whose C entry point is a generic function of `pyo3` calling the body).
/// The caller puts both in a block that allows the lints generated code may trigger
/// (`non_snake_case`, `unused_mut`, `unused_variables`, `unused_unsafe`, `clippy::all`).
pub fn wrapper(model: &FnModel, call: TokenStream, ctx: &Ctx) -> (TokenStream, TokenStream) {
    wrapper_ext(model, call, ctx, &WrapperOpts::default())
}

/// [`wrapper`] with method options.
pub fn wrapper_ext(
    model: &FnModel,
    call: TokenStream,
    ctx: &Ctx,
    opts: &WrapperOpts,
) -> (TokenStream, TokenStream) {
    let gl = &ctx.p;
    let desc_name = opts
        .desc_name
        .clone()
        .unwrap_or_else(|| format!("{}()", model.python_name));
    let mut desc = function_description(model, &desc_name, &quote!(NAMES), ctx);
    if let Some(cls) = &opts.cls {
        desc = quote!(#desc.of::<#cls>());
    }
    let n_out = model.positional().count() + model.keyword_only().count();
    // `*args` / `**kwargs` are bound only when the signature has them; without them the
    // parser returns the output slots as an array, bound to one local per slot.
    let varargs = model.varargs().is_some() || model.kwargs().is_some();
    let place = |s: usize| {
        if varargs {
            quote!(__output[#s])
        } else {
            let o = format_ident!("__o{}", s);
            quote!(#o)
        }
    };
    let (bindings, call_args) = argument_bindings(model, &place, ctx);
    let prelude = &opts.prelude;
    let pyo3 = &ctx.pyo3;
    // An `async fn`'s arguments are converted inside its coroutine, as in PyO3 (so a wrong
    // type raises at the first `await`): the call keeps owned references to its argument
    // slots. Only the plain shape is deferred; with `*args`/`**kwargs`, the module, a
    // `Python` token or a cancel handle the conversion stays at the call.
    let defer = model.asyncness.is_some()
        && !varargs
        && n_out > 0
        && model
            .args
            .iter()
            .all(|a| matches!(a.role, ArgRole::Param(_)));
    let (bindings, deferred) = if defer {
        let outs: Vec<TokenStream> = (0..n_out).map(place).collect();
        let vars = call_args.clone();
        let own = quote! {
            let __pyo3_slots = unsafe {
                #pyo3::impl_::coroutine::OwnedSlots::new(py, [#(#outs),*])
            };
        };
        let convert = quote! {
            // (`mut`: a `&mut T` argument's guard is lent mutably in the future)
            let (#(mut #vars,)*) = #pyo3::Python::attach(|py| -> #gl::PyResult<_> {
                let [#(#outs),*] = __pyo3_slots.ptrs();
                #bindings
                #gl::Ok((#(#vars,)*))
            })?;
        };
        (quote!(#prelude #own), convert)
    } else {
        (quote!(#prelude #bindings), TokenStream::new())
    };
    let leading = &opts.leading_args;
    let call_args: Vec<TokenStream> = leading
        .iter()
        .cloned()
        .chain(call_args.iter().map(|a| quote!(#a)))
        .collect();
    let warns = if opts.prelude_warns {
        TokenStream::new()
    } else {
        warnings(model, ctx)
    };
    let needs_module = model.args.iter().any(|a| a.role == ArgRole::Module);
    let module = if needs_module {
        quote!(let __module = #gl::module_from_self(py, _slf)?;)
    } else {
        TokenStream::new()
    };
    let ret = match (&opts.convert, return_kind(model.output.as_ref())) {
        _ if model.asyncness.is_some() => crate::coroutine::coroutine_result(
            model,
            &call,
            &call_args,
            opts.qualname_prefix.as_ref(),
            &{
                // The receiver guard first, then the arguments (the order of a sync call).
                let receiver = &opts.future_prelude;
                quote!(#receiver #deferred)
            },
            ctx,
        ),
        (Some(conv), _) => quote! {
            let __result = #call(#(#call_args),*);
            #conv
        },
        // The call is in the `unsafe` block around the body closure (see below).
        (None, ReturnKind::Unit) => quote! {
            #gl::unit_ptr(py, #call(#(#call_args),*))
        },
        (None, ReturnKind::ResultUnit) => quote! {
            #gl::unit_result_ptr(py, #call(#(#call_args),*))
        },
        (None, ReturnKind::Other) => quote! {
            #gl::IntoPyResultPtr::into_result_ptr(#call(#(#call_args),*), py)
        },
    };
    let name = c_str_lit(&model.python_name, Span::call_site());
    // A `pass_module` function's signature starts with `$module`, as for C module functions.
    let text_sig_self = opts
        .text_sig_self
        .or(if needs_module { Some("$module") } else { None });
    let doc_string = match (text_sig_self, &model.text_signature) {
        (Some(first), crate::model::function::TextSignature::Auto) => {
            let sig = crate::text_signature::render(&model.params);
            let inner = sig.trim_start_matches('(').trim_end_matches(')');
            let sig = if inner.is_empty() {
                format!("({first})")
            } else {
                format!("({first}, {inner})")
            };
            Some(match &model.doc {
                Some(d) => format!("{}{}\n--\n\n{}", model.python_name, sig, d),
                None => format!("{}{}\n--\n\n", model.python_name, sig),
            })
        }
        _ => doc_text(model),
    };
    let doc = doc_tokens(doc_string);
    // The body is a closure: the C entry points are generic functions of `pyo3` instantiated
    // for its type (not emitted per function), conjuring the zero-sized closure to call it.
    // Both the closure and the definition must be placed in an `unsafe` block, which the
    // body then is in (as the body of an `unsafe fn` was).
    if model.params.is_empty() && !opts.force_args {
        // METH_NOARGS: the interpreter rejects arguments itself.
        let body = quote! {
            |py, _slf| {
                #module
                #bindings
                #warns
                #ret
            }
        };
        let def = quote!(unsafe { #gl::PyFunctionDef::noargs(#body, #name, #doc) });
        return (body, def);
    }
    let extract = if varargs {
        quote! {
            let mut __output = [#gl::NULL; #n_out];
            let (__varargs, mut __kwargs) = DESC.extract_arguments(py, _args, &mut __output)?;
        }
    } else {
        // (the pattern gives the array's length)
        let outs = (0..n_out).map(place);
        quote!(let [#(#outs),*] = DESC.extract(py, _args)?;)
    };
    let body = quote! {
        |py, _slf, _args| {
            static NAMES: #gl::InternedNames = #gl::NEW_NAMES;
            static DESC: #gl::FunctionDescription = #desc;
            #extract
            #module
            #bindings
            #warns
            #ret
        }
    };
    let def = quote!(unsafe { #gl::PyFunctionDef::new(#body, #name, #doc) });
    (body, def)
}

/// Emits everything for a `#[pyfunction]` (the function itself is emitted by the caller).
pub fn emit(model: &FnModel) -> TokenStream {
    let ctx = Ctx::new(model.krate.as_ref());
    let glue = ctx.glue_use();
    let ctx = ctx.in_glue_block();
    let gl = &ctx.p;
    let ident = &model.rust_ident;
    let vis = &model.vis;
    let (_, def) = wrapper(model, quote!(#ident), &ctx);
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types, dead_code)]
        #vis struct #ident {}

        // The body's lint allowances are on the block: every wrapper of a function or method
        // sits in one (`#[pymethods]` and `#[pyclass]` put theirs on their own blocks).
        #[allow(non_snake_case, unused_mut, unused_variables, unused_unsafe, clippy::all)]
        const _: () = {
            #glue
            // (the struct is hidden from the documentation, and so is its impl)
            impl #ident {
                pub const _PYO3_DEF: &'static #gl::PyFunctionDef = &#def;
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_kinds() {
        let t = |ts: proc_macro2::TokenStream| -> syn::Type { syn::parse2(ts).unwrap() };
        assert_eq!(return_kind(None), ReturnKind::Unit);
        assert_eq!(return_kind(Some(&t(quote!(())))), ReturnKind::Unit);
        assert_eq!(
            return_kind(Some(&t(quote!(PyResult<()>)))),
            ReturnKind::ResultUnit
        );
        assert_eq!(
            return_kind(Some(&t(quote!(std::result::Result<(), MyError>)))),
            ReturnKind::ResultUnit
        );
        assert_eq!(
            return_kind(Some(&t(quote!(PyResult<i32>)))),
            ReturnKind::Other
        );
        assert_eq!(return_kind(Some(&t(quote!(String)))), ReturnKind::Other);
    }

    /// The argument description itself is tested by calling the generated function
    /// (tests/test_macro_expansions.rs); here only the docstring header.
    #[test]
    fn doc_text_header() {
        let mut f: syn::ItemFn = syn::parse_quote! {
            #[pyo3(signature = (a, b = 1, /, c = 2, *, d, e = 3))]
            fn f(a: i32, b: i32, c: i32, d: i32, e: i32) {}
        };
        let m = crate::model::function::build(&mut f, Default::default()).unwrap();
        assert_eq!(
            doc_text(&m).unwrap(),
            "f(a, b=1, /, c=2, *, d, e=3)\n--\n\n"
        );
    }
}
