//! `async fn` support (feature `experimental-async`): the checks and the code that turn the
//! call of an `async fn` into a `pyo3::coroutine::Coroutine`. The `#[pyfunction]` and
//! `#[pymethods]` emitters call in here at the few points where `async` changes their output.

use crate::errors::Errors;
use crate::model::function::{ArgRole, FnModel};
use crate::model::pymethods::{MethodKind, MethodModel, Receiver};
use crate::utils::Ctx;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

/// Whether `async fn` is enabled (the feature of this crate, forwarded by `pyo3`).
pub const ENABLED: bool = cfg!(feature = "experimental-async");

/// Rejects `async` when the feature is off.
pub fn check_asyncness(sig: &syn::Signature, errors: &mut Errors) {
    if let (Some(a), false) = (&sig.asyncness, ENABLED) {
        errors.push(
            a,
            "async functions are only supported with the `experimental-async` feature",
        );
    }
}

/// Checks the `#[pyo3(cancel_handle)]` arguments of a function.
pub fn check_cancel_handles(model: &FnModel, errors: &mut Errors) {
    let mut seen = false;
    for arg in &model.args {
        let Some(span) = arg.cancel_handle else {
            continue;
        };
        if model.asyncness.is_none() {
            errors.push_span(
                span,
                "`cancel_handle` attribute can only be used with `async fn`",
            );
        } else if seen {
            errors.push_span(span, "`cancel_handle` may only be specified once");
        }
        if arg.from_py_with.is_some() {
            errors.push_span(
                span,
                "`cancel_handle` and `from_py_with` cannot be used on the same argument",
            );
        }
        seen = true;
    }
}

/// Rejects `async` on methods that Python calls synchronously (accessors, `__new__`, class
/// attributes and slots).
pub fn check_method_kind(kind: &MethodKind, model: &FnModel, errors: &mut Errors) {
    let Some(span) = model.asyncness else {
        return;
    };
    let what = match kind {
        MethodKind::Instance | MethodKind::Static | MethodKind::Class => return,
        MethodKind::New => "`#[new]`",
        MethodKind::Getter(_) => "`#[getter]`",
        MethodKind::Setter(_) => "`#[setter]`",
        MethodKind::Deleter(_) => "`#[deleter]`",
        MethodKind::ClassAttr => "`#[classattr]`",
        MethodKind::Slot(_) => "magic methods implemented through type slots",
    };
    errors.push_span(span, format!("{what} cannot be `async`"));
}

/// The receiver of an `async` method taking `&self`/`&mut self`: a guard owning the borrow,
/// moved into the future. `None` for other receivers (handled as for synchronous methods).
pub fn async_receiver(
    m: &MethodModel,
    cls: &syn::Type,
    ctx: &Ctx,
) -> Option<(TokenStream, Vec<TokenStream>)> {
    m.func.asyncness?;
    let pyo3 = &ctx.pyo3;
    let co = quote!(#pyo3::impl_::coroutine);
    match m.receiver {
        Receiver::Ref => Some((
            quote!(let __slf_guard = unsafe { #co::RefGuard::<#cls>::new(py, _slf)? };),
            vec![quote!(&*__slf_guard)],
        )),
        Receiver::RefMut => Some((
            quote!(let mut __slf_guard = unsafe { #co::RefMutGuard::<#cls>::new(py, _slf)? };),
            vec![quote!(&mut *__slf_guard)],
        )),
        _ => None,
    }
}

/// Binds a `#[pyo3(cancel_handle)]` argument (a fresh handle, whose other end goes to the
/// coroutine).
pub fn cancel_handle_binding(var: &syn::Ident, ty: &syn::Type, ctx: &Ctx) -> TokenStream {
    let pyo3 = &ctx.pyo3;
    quote! {
        let #var: #ty = #pyo3::coroutine::CancelHandle::new();
        let __pyo3_throw_callback = #pyo3::impl_::coroutine::throw_callback(&#var);
    }
}

/// The body's result for an `async fn`: the call moves into a future, wrapped into a new
/// coroutine. `call_args` were bound before (including the receiver guard, if any).
pub fn coroutine_result(
    model: &FnModel,
    call: &TokenStream,
    call_args: &[TokenStream],
    qualname_prefix: Option<&TokenStream>,
    ctx: &Ctx,
) -> TokenStream {
    let pyo3 = &ctx.pyo3;
    let span = model.asyncness.unwrap_or_else(Span::call_site);
    let name = &model.python_name;
    let prefix = match qualname_prefix {
        Some(p) => quote!(::core::option::Option::Some(#p)),
        None => quote!(::core::option::Option::None),
    };
    let throw = if model.args.iter().any(|a| a.role == ArgRole::CancelHandle) {
        quote!(__pyo3_throw_callback)
    } else {
        quote!(::core::option::Option::None)
    };
    // The future is spanned on `async` so that a non-`Send` future is reported there.
    let future = quote_spanned! {span=>
        async move { unsafe { #call(#(#call_args),*) }.await }
    };
    quote! {
        #pyo3::impl_::coroutine::new_coroutine(py, #name, #prefix, #throw, #future)
    }
}
