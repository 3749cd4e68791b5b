//! Pieces shared by the `#[pymethods]` emitters: receiver extraction, argument and operand
//! bindings of slot methods and `#[cfg]` repetition (the slots themselves are in `crate::slots`).

use crate::emit::pyfunction::{argument_bindings, return_kind, ReturnKind};
use crate::model::function::ArgRole;
use crate::model::pymethods::{ClsPass, MethodModel, Receiver};
use crate::utils::{self, c_str_lit, Ctx};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

/// The statements extracting the receiver (then raising the method's `#[pyo3(warn)]`
/// warnings) and the expressions passed for it. They are placed in an `unsafe` context
/// (every slot, method and accessor body is), so the `SlfRef` / `SlfMut` borrows need no
/// block of their own.
pub(crate) fn receiver(
    m: &MethodModel,
    cls: &syn::Type,
    ctx: &Ctx,
) -> (TokenStream, Vec<TokenStream>) {
    let (mut prelude, leading) = receiver_only(m, cls, ctx);
    prelude.extend(crate::emit::pyfunction::warnings(&m.func, ctx));
    (prelude, leading)
}

/// As [`receiver`], for a method or getset function: the interpreter's descriptor has
/// checked that `self` is an instance of the class before calling it, so `&self` /
/// `&mut self` are borrowed without checking the type again.
pub(crate) fn receiver_trusted(
    m: &MethodModel,
    cls: &syn::Type,
    ctx: &Ctx,
) -> (TokenStream, Vec<TokenStream>) {
    let (mut prelude, leading) = receiver_impl(m, cls, ctx, true);
    prelude.extend(crate::emit::pyfunction::warnings(&m.func, ctx));
    (prelude, leading)
}

pub(crate) fn receiver_only(
    m: &MethodModel,
    cls: &syn::Type,
    ctx: &Ctx,
) -> (TokenStream, Vec<TokenStream>) {
    receiver_impl(m, cls, ctx, false)
}

/// `trusted`: the type of `_slf` is already known to be the class (see `receiver_trusted`).
fn receiver_impl(
    m: &MethodModel,
    cls: &syn::Type,
    ctx: &Ctx,
    trusted: bool,
) -> (TokenStream, Vec<TokenStream>) {
    let ps = ctx.p.clone();
    let pc = ctx.p.clone();
    let borrow = if trusted {
        quote!(acquire)
    } else {
        quote!(acquire_checked)
    };
    match m.receiver {
        Receiver::None => {
            if m.takes_cls {
                let arg = match m.cls_pass {
                    ClsPass::Ref => quote!(&*__cls),
                    ClsPass::Bound => quote!((*__cls).clone()),
                    ClsPass::Py => quote!((*__cls).clone().unbind()),
                };
                (
                    quote!(let __cls = unsafe { #ps::cls_arg(py, _slf) };),
                    vec![arg],
                )
            } else {
                (TokenStream::new(), vec![])
            }
        }
        Receiver::Ref => (
            quote!(let __slf_ref = #pc::SlfRef::<#cls>::#borrow(py, _slf)?;),
            vec![quote!(&*__slf_ref)],
        ),
        Receiver::RefMut => (
            quote!(let mut __slf_ref = #pc::SlfMut::<#cls>::#borrow(py, _slf)?;),
            vec![quote!(&mut *__slf_ref)],
        ),
        Receiver::PyRef => (
            quote!(let __slf_ref = unsafe { #ps::pyref::<#cls>(py, _slf)? };),
            vec![quote!(__slf_ref)],
        ),
        Receiver::PyRefMut => (
            quote!(let __slf_ref = unsafe { #ps::pyrefmut::<#cls>(py, _slf)? };),
            vec![quote!(__slf_ref)],
        ),
        Receiver::BoundRef => (
            quote!(let __slf_b = unsafe { #ps::bound_slf::<#cls>(py, _slf)? };),
            vec![quote!(&*__slf_b)],
        ),
        Receiver::Bound => (
            quote!(let __slf_b = unsafe { #ps::bound_slf::<#cls>(py, _slf)? };),
            vec![quote!((*__slf_b).clone())],
        ),
        Receiver::Guard => (
            quote!(let __slf_guard = unsafe { #ps::guard::<#cls>(py, _slf)? };),
            vec![quote!(__slf_guard)],
        ),
        Receiver::GuardMut => (
            quote!(let __slf_guard = unsafe { #ps::guard_mut::<#cls>(py, _slf)? };),
            vec![quote!(__slf_guard)],
        ),
        Receiver::Py => (
            quote!(let __slf_b = unsafe { #ps::bound_slf::<#cls>(py, _slf)? };),
            vec![quote!((*__slf_b).clone().unbind())],
        ),
    }
}

pub(crate) fn doc_opt(doc: &Option<String>, ctx: &Ctx) -> TokenStream {
    let gl = &ctx.p;
    match doc {
        Some(d) => {
            let l = c_str_lit(d, Span::call_site());
            quote!(#gl::Some(#l))
        }
        None => quote!(#gl::None),
    }
}

/// The conversion of the method's result, the variable `__result`, to an object pointer.
pub(crate) fn to_ptr(m: &MethodModel, ctx: &Ctx) -> TokenStream {
    to_ptr_of(m, quote!(__result), ctx)
}

/// The conversion of the method's result `value` (an expression) to an object pointer.
pub(crate) fn to_ptr_of(m: &MethodModel, value: TokenStream, ctx: &Ctx) -> TokenStream {
    let gl = &ctx.p;
    match return_kind(m.func.output.as_ref()) {
        ReturnKind::Unit => quote!(#gl::unit_ptr(py, #value)),
        ReturnKind::ResultUnit => quote!(#gl::unit_result_ptr(py, #value)),
        ReturnKind::Other => {
            quote!(#gl::IntoPyResultPtr::into_result_ptr(#value, py))
        }
    }
}

/// Statements binding the arguments from the pointers `ptrs` (one per parameter slot),
/// returning the call arguments (after the leading receiver arguments). Pointers that are
/// all variables (the slot function's parameters) are used in place; others are first
/// stored in a local array, `__output`.
pub(crate) fn fixed_bindings(
    m: &MethodModel,
    ptrs: &[TokenStream],
    ctx: &Ctx,
) -> (TokenStream, Vec<TokenStream>) {
    let all_vars = ptrs
        .iter()
        .all(|p| syn::parse2::<syn::Ident>(p.clone()).is_ok());
    let place = |s: usize| {
        if all_vars {
            ptrs.get(s).cloned().unwrap_or_else(|| quote!(__output[#s]))
        } else {
            quote!(__output[#s])
        }
    };
    let (bindings, args) = argument_bindings(&m.func, &place, ctx);
    let array = if all_vars {
        TokenStream::new()
    } else {
        quote!(let __output = [#(#ptrs),*];)
    };
    (
        quote! {
            #array
            #bindings
        },
        args.into_iter().map(|a| quote!(#a)).collect(),
    )
}

/// Repeats `cfgs` on every item of `items`.
pub(crate) fn with_cfgs(cfgs: &[syn::Attribute], items: TokenStream) -> TokenStream {
    if cfgs.is_empty() {
        return items;
    }
    match syn::parse2::<syn::File>(items.clone()) {
        Ok(file) => file
            .items
            .into_iter()
            .map(|item| quote!(#(#cfgs)* #item))
            .collect(),
        Err(_) => items,
    }
}

/// Operands of binary operators: extraction failure means `NotImplemented`.
pub(crate) fn operand_bindings(
    m: &MethodModel,
    ptrs: &[TokenStream],
    ctx: &Ctx,
) -> (TokenStream, Vec<TokenStream>) {
    let pyo3 = &ctx.pyo3;
    let gl = &ctx.p;
    let ps = ctx.p.clone();
    let mut stmts = TokenStream::new();
    let mut args = Vec::new();
    let mut k = 0;
    for (i, a) in m.func.args.iter().enumerate() {
        let var = format_ident!("__op_{}", i);
        match a.role {
            ArgRole::Python | ArgRole::Module | ArgRole::CancelHandle => args.push(quote!(py)),
            ArgRole::Param(_) => {
                let ptr = ptrs
                    .get(k)
                    .cloned()
                    .unwrap_or_else(|| quote!(#gl::null_mut()));
                k += 1;
                let ty = utils::elide_lifetimes(&a.ty);
                if utils::last_segment(&a.ty).is_some_and(|s| s.ident == "CompareOp") {
                    stmts.extend(quote!(let #var = #ps::compare_op(op)?;));
                    args.push(quote!(#var));
                    continue;
                }
                if let Some(target) = utils::option_inner(&a.ty).and_then(utils::bound_ref_target) {
                    // `Option<&Bound<T>>` (the modulo of `__pow__`): `None` is Python's `None`.
                    let target = utils::elide_lifetimes(&target);
                    stmts.extend(quote_spanned! {a.span=>
                        let #var = match unsafe { #ps::optional_operand(py, #ptr) } {
                            #gl::None => #gl::None,
                            #gl::Some(o) => match o.cast::<#target>() {
                                #gl::Ok(b) => #gl::Some(b),
                                #gl::Result::Err(_) => return #gl::Ok(#gl::not_implemented(py)),
                            },
                        };
                    });
                    args.push(quote!(#var.as_deref()));
                } else if let Some(target) = utils::bound_ref_target(&a.ty) {
                    let target = utils::elide_lifetimes(&target);
                    let py = quote!(py);
                    stmts.extend(quote_spanned! {a.span=>
                        let #var = match unsafe { #pyo3::Borrowed::from_ptr(#py, #ptr) }.cast::<#target>() {
                            #gl::Ok(b) => b,
                            #gl::Result::Err(_) => return #gl::Ok(#gl::not_implemented(#py)),
                        };
                    });
                    args.push(quote!(&*#var));
                } else if let kind @ (utils::ArgKind::PyClassRef | utils::ArgKind::PyClassRefMut) =
                    utils::arg_kind(&a.ty)
                {
                    // `&T` / `&mut T` of a pyclass: borrowed through a holder; an operand that is
                    // not a `T`, or is already borrowed, means `NotImplemented`.
                    let (slot, slot_decl) = operand_slot(i, &ptr, ctx);
                    let holder = format_ident!("__op_holder_{}", i);
                    let f = if matches!(kind, utils::ArgKind::PyClassRef) {
                        quote!(pyclass_ref_operand)
                    } else {
                        quote!(pyclass_ref_mut_operand)
                    };
                    stmts.extend(quote_spanned! {a.span=>
                        #slot_decl
                        let mut #holder = #gl::None;
                        let #var = match #ps::#f(py, &#slot, &mut #holder) {
                            #gl::Some(v) => v,
                            #gl::None => return #gl::Ok(#gl::not_implemented(py)),
                        };
                    });
                    args.push(quote!(#var));
                } else {
                    let (slot, slot_decl) = operand_slot(i, &ptr, ctx);
                    let py = quote!(py);
                    stmts.extend(quote_spanned! {a.span=>
                        #slot_decl
                        let #var: #ty = match #ps::extract_operand(#py, &#slot) {
                            #gl::Some(v) => v,
                            #gl::None => return #gl::Ok(#gl::not_implemented(#py)),
                        };
                    });
                    args.push(quote!(#var));
                }
            }
        }
    }
    (stmts, args)
}

/// The variable holding operand `i`'s pointer `ptr`: `ptr` itself when it is a variable (the
/// slot function's parameter), else a local declared by the returned statement.
fn operand_slot(i: usize, ptr: &TokenStream, ctx: &Ctx) -> (syn::Ident, TokenStream) {
    if let Ok(var) = syn::parse2::<syn::Ident>(ptr.clone()) {
        return (var, TokenStream::new());
    }
    let gl = &ctx.p;
    let slot = format_ident!("__op_slot_{}", i);
    let decl = quote!(let #slot: *mut #gl::PyObject = #ptr;);
    (slot, decl)
}
