//! `async fn` support (feature `experimental-async`): the checks and the code that turn the
//! call of an `async fn` into a `pyo3::coroutine::Coroutine`. The `#[pyfunction]` and
//! `#[pymethods]` emitters call in here at the few points where `async` changes their output.

use crate::errors::Errors;
use crate::model::function::{ArgRole, FnArg, FnModel};
use crate::model::pymethods::{MethodKind, MethodModel, Receiver};
use crate::utils::{self, ArgKind, Ctx};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

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

/// The receiver of an `async` method: statements run by the wrapper, the leading call
/// arguments, and statements run inside the future before the call. `&self`/`&mut self` are
/// checked at the call and borrowed when the future first runs (so coroutines can be created
/// while another one holds the borrow, as with Python methods), by a guard the future owns;
/// `Py<Self>` and the class of a class method become owned values. `None` for other receivers,
/// handled as for synchronous methods (a `'py`-bound receiver then fails to compile: the
/// future must be `'static`).
pub fn async_receiver(
    m: &MethodModel,
    cls: &syn::Type,
    ctx: &Ctx,
) -> Option<(TokenStream, Vec<TokenStream>, TokenStream)> {
    m.func.asyncness?;
    let pyo3 = &ctx.pyo3;
    let co = quote!(#pyo3::impl_::coroutine);
    let ps = ctx.p.clone();
    let check = quote!(let __slf_obj = unsafe { #co::receiver::<#cls>(py, _slf)? };);
    match m.receiver {
        Receiver::Ref => Some((
            check,
            vec![quote!(&*__slf_guard)],
            quote!(let __slf_guard = #co::RefGuard::<#cls>::new(__slf_obj)?;),
        )),
        Receiver::RefMut => Some((
            check,
            vec![quote!(&mut *__slf_guard)],
            quote!(let mut __slf_guard = #co::RefMutGuard::<#cls>::new(__slf_obj)?;),
        )),
        Receiver::Py => Some((
            quote!(let __slf_py = (*unsafe { #ps::bound_slf::<#cls>(py, _slf)? }).clone().unbind();),
            vec![quote!(__slf_py)],
            TokenStream::new(),
        )),
        Receiver::None if m.takes_cls => Some((
            quote!(let __cls_py = (*unsafe { #ps::cls_arg(py, _slf) }).clone().unbind();),
            vec![quote!(__cls_py)],
            TokenStream::new(),
        )),
        _ => None,
    }
}

/// Binds a `#[pyo3(cancel_handle)]` argument (a fresh handle, whose other end goes to the
/// coroutine).
pub fn cancel_handle_binding(var: &syn::Ident, ty: &syn::Type, ctx: &Ctx) -> TokenStream {
    let pyo3 = &ctx.pyo3;
    // Spanned on the type: a wrong type is reported there, once.
    quote_spanned! {ty.span()=>
        let __pyo3_cancel_handle = #pyo3::coroutine::CancelHandle::new();
        let __pyo3_throw_callback = #pyo3::impl_::coroutine::throw_callback(&__pyo3_cancel_handle);
        let #var: #ty = __pyo3_cancel_handle;
    }
}

/// A borrowed argument of an `async fn`: the future cannot borrow from the call, so it owns
/// what the argument borrows from (a `String` copy of a `&str`, a guard holding the borrow of
/// a `#[pyclass]` value) and lends it to the function.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Borrowed {
    Str,
    PyClassRef,
    PyClassRefMut,
}

/// The borrowed kind of `arg` in an `async fn`, and whether it is an `Option`.
fn borrowed_arg(model: &FnModel, arg: &FnArg) -> Option<(Borrowed, bool)> {
    model.asyncness?;
    if !matches!(arg.role, ArgRole::Param(_)) || arg.from_py_with.is_some() {
        return None;
    }
    let (ty, optional) = match utils::option_inner(&arg.ty) {
        Some(inner) => (inner, true),
        None => (&arg.ty, false),
    };
    let kind = match utils::arg_kind(ty) {
        ArgKind::Str => Borrowed::Str,
        ArgKind::PyClassRef => Borrowed::PyClassRef,
        ArgKind::PyClassRefMut => Borrowed::PyClassRefMut,
        _ => return None,
    };
    Some((kind, optional))
}

/// A `#[pyclass]` reference taking its default value could not be owned by the future.
pub fn check_borrowed_defaults(model: &FnModel, errors: &mut Errors) {
    for p in &model.params {
        let arg = &model.args[p.arg];
        if let (Some(_), Some((Borrowed::PyClassRef | Borrowed::PyClassRefMut, false))) =
            (&p.default, borrowed_arg(model, arg))
        {
            errors.push(
                &arg.ty,
                "a `#[pyclass]` reference argument of an `async fn` cannot have a default value; use `Option<&T>` or `Py<T>`",
            );
        }
    }
}

/// After the binding of `var` (borrowing from `holder`): replaces it by what the future must
/// own (see [`Borrowed`]).
pub fn own_borrowed_arg(
    model: &FnModel,
    arg: &FnArg,
    var: &syn::Ident,
    holder: &syn::Ident,
    ctx: &Ctx,
) -> TokenStream {
    let pyo3 = &ctx.pyo3;
    let co = quote!(#pyo3::impl_::coroutine);
    match borrowed_arg(model, arg) {
        Some((Borrowed::Str, false)) => quote!(let #var = ::std::string::String::from(#var);),
        Some((Borrowed::Str, true)) => quote!(let #var = #var.map(::std::string::String::from);),
        Some((Borrowed::PyClassRef, false)) => quote!(let #var = #co::ref_arg_guard(#holder);),
        Some((Borrowed::PyClassRef, true)) => quote!(let #var = #holder.map(#co::RefGuard::from);),
        Some((Borrowed::PyClassRefMut, false)) => {
            quote!(let mut #var = #co::ref_mut_arg_guard(#holder);)
        }
        Some((Borrowed::PyClassRefMut, true)) => {
            quote!(let mut #var = #holder.map(#co::RefMutGuard::from);)
        }
        None => TokenStream::new(),
    }
}

/// Inside the future: lends what [`own_borrowed_arg`] made the future own to the call.
fn lend_borrowed_args(model: &FnModel) -> TokenStream {
    let mut out = TokenStream::new();
    for (n, arg) in model.args.iter().enumerate() {
        let var = format_ident!("__arg_{}", n);
        let ty = utils::elide_lifetimes(&arg.ty);
        out.extend(match borrowed_arg(model, arg) {
            Some((Borrowed::Str | Borrowed::PyClassRef, false)) => quote!(let #var: #ty = &*#var;),
            Some((Borrowed::PyClassRefMut, false)) => quote!(let #var: #ty = &mut *#var;),
            Some((Borrowed::Str | Borrowed::PyClassRef, true)) => {
                quote!(let #var: #ty = #var.as_deref();)
            }
            Some((Borrowed::PyClassRefMut, true)) => quote!(let #var: #ty = #var.as_deref_mut();),
            None => TokenStream::new(),
        });
    }
    out
}

/// The body's result for an `async fn`: the call moves into a future, wrapped into a new
/// coroutine. `call_args` were bound before (including the receiver guard, if any).
pub fn coroutine_result(
    model: &FnModel,
    call: &TokenStream,
    call_args: &[TokenStream],
    qualname_prefix: Option<&TokenStream>,
    future_prelude: &TokenStream,
    ctx: &Ctx,
) -> TokenStream {
    let pyo3 = &ctx.pyo3;
    let gl = &ctx.p;
    let span = model.asyncness.unwrap_or_else(Span::call_site);
    let name = &model.python_name;
    let prefix = match qualname_prefix {
        Some(p) => quote!(#gl::Some(#p)),
        None => quote!(#gl::None),
    };
    let throw = if model.args.iter().any(|a| a.role == ArgRole::CancelHandle) {
        quote!(__pyo3_throw_callback)
    } else {
        quote!(#gl::None)
    };
    // Spanned on `async`, so that a future that is not `Send + 'static` is reported there.
    let new_coroutine = quote!(#pyo3::impl_::coroutine::new_coroutine);
    let lend = lend_borrowed_args(model);
    // The callee is bound first: tokens interpolated from `#pyo3` keep the call-site span,
    // which would otherwise become the span of the whole call.
    quote_spanned! {span=>
        let __pyo3_new_coroutine = #new_coroutine;
        __pyo3_new_coroutine(
            py,
            #name,
            #prefix,
            #throw,
            // The output is converted inside the future, while the receiver guard still
            // lives: it may borrow from `self`.
            async move {
                #future_prelude
                #lend
                let __output = unsafe { #call(#(#call_args),*) }.await;
                #pyo3::impl_::coroutine::convert_output(__output)
            },
        )
    }
}

#[cfg(all(test, feature = "experimental-async"))]
mod tests {
    use crate::model::function::{build, ArgRole};

    fn model(item: syn::ItemFn) -> Result<crate::model::function::FnModel, String> {
        let mut item = item;
        build(&mut item, Default::default()).map_err(|e| e.to_string())
    }

    #[test]
    fn cancel_handle_is_not_a_parameter() {
        let m = model(syn::parse_quote! {
            async fn f(a: i32, #[pyo3(cancel_handle)] c: CancelHandle, b: &str) {}
        })
        .unwrap();
        assert!(m.asyncness.is_some());
        assert_eq!(m.args[1].role, ArgRole::CancelHandle);
        let names: Vec<_> = m.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
    }

    #[test]
    fn cancel_handle_needs_async() {
        let e = model(syn::parse_quote! {
            fn f(#[pyo3(cancel_handle)] c: CancelHandle) {}
        })
        .err()
        .unwrap();
        assert!(e.contains("can only be used with `async fn`"), "{e}");
    }
}
