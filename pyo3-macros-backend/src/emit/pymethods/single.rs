//! Slot functions of `#[pymethods]` that implement one method each, by the method's
//! [`Shape`](crate::slots::Shape) in the slot table.

use super::slot_entry;
use crate::emit::method_parts::{fixed_bindings, operand_bindings, to_ptr, to_ptr_of};
use crate::emit::pyfunction::{wrapper_ext, WrapperOpts};
use crate::model::pymethods::MethodModel;
use crate::slots::{self, Shape};
use crate::utils::{self, Ctx};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// What the method loop has already prepared for a slot method.
pub(super) struct SlotCtx<'a> {
    pub m: &'a MethodModel,
    pub cls: &'a syn::Type,
    pub ctx: &'a Ctx,
    /// The path of the Rust method.
    pub call: TokenStream,
    /// Receiver extraction (and warnings).
    pub prelude: TokenStream,
    /// The receiver arguments of the call.
    pub leading: Vec<TokenStream>,
}

/// Emits the slot function of the single-method slot `name` into `items` and registers it
/// under the table's `ffi` slots. Shared slots (a `partner`, comparisons, binary operators)
/// are emitted by `shared` once all methods are known.
pub(super) fn emit(
    name: &str,
    sc: &SlotCtx,
    items: &mut TokenStream,
    slots: &mut Vec<TokenStream>,
    traverse: &mut TokenStream,
) {
    let SlotCtx {
        m,
        cls,
        ctx,
        call,
        prelude,
        leading,
    } = sc;
    let (m, cls, ctx) = (*m, *cls, *ctx);
    let gl = &ctx.p;
    let ps = ctx.p.clone();
    let pc = ctx.p.clone();
    let Some(def) = slots::lookup(name) else {
        return;
    };
    let shape = def.shape;
    let fname = format_ident!("__pyo3_slot{}", name);
    let conv = to_ptr(m, ctx);
    let tramp = {
        let gl = &ctx.p;
        quote!(#gl::trampoline)
    };
    let n = name;
    // The slots of the common shapes are closures in the slot table (see
    // `pyo3::impl_::slot_entry`): `ctor` the `PySlot` constructor, `params` the closure's.
    let closure_slot = |ctor: TokenStream, params: TokenStream, body: TokenStream| {
        def.ffi
            .iter()
            .map(|ffi| {
                let ffi = format_ident!("{}", ffi);
                quote!(unsafe { #gl::PySlot::#ctor(#gl::ffi::#ffi, |py, #params| { #body }) })
            })
            .collect::<Vec<_>>()
    };
    if shape == Shape::Unary {
        let (bind, args) = operand_bindings(m, &[], ctx);
        let conv = to_ptr_of(m, quote!(#call(#(#leading,)* #(#args),*)), ctx);
        slots.extend(closure_slot(
            quote!(unary),
            quote!(_slf),
            quote!(#prelude #bind #conv),
        ));
        return;
    } else if shape == Shape::IterNext {
        // `None` ends the iteration: `StopIteration` (a NULL without error) for
        // `__next__`, `StopAsyncIteration` for `__anext__`.
        let is_async = n == "__anext__";
        let (bind, args) = operand_bindings(m, &[], ctx);
        let out = m.func.output.as_ref();
        let conv = if out.and_then(utils::option_inner).is_some() {
            if is_async {
                quote!(#ps::anext_option(py, __result))
            } else {
                quote!(#ps::iternext_option(py, __result))
            }
        } else if out
            .and_then(|t| {
                utils::first_type_arg(t, "PyResult").or_else(|| utils::first_type_arg(t, "Result"))
            })
            .and_then(utils::option_inner)
            .is_some()
        {
            if is_async {
                quote!(#ps::anext_option(py, __result.map_err(::core::convert::Into::<#gl::PyErr>::into)?))
            } else {
                quote!(#ps::iternext_result_option(py, __result))
            }
        } else {
            conv
        };
        slots.extend(closure_slot(
            quote!(unary),
            quote!(_slf),
            quote!(#prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv),
        ));
        return;
    } else if matches!(shape, Shape::Hash | Shape::Len | Shape::Bool) {
        let (bind, args) = operand_bindings(m, &[], ctx);
        // (the closure's return type, `Py_hash_t` / `Py_ssize_t` / `c_int`, picks the C
        // function's)
        let value = quote!(#call(#(#leading,)* #(#args),*));
        let conv = match shape {
            Shape::Hash => quote!(#ps::HashOutput::into_hash(#value)),
            Shape::Len => quote!(#ps::LenOutput::into_len(#value)),
            _ => quote!(#ps::BoolOutput::into_c_bool(#value)),
        };
        slots.extend(closure_slot(
            quote!(unary),
            quote!(_slf),
            quote!(#prelude #bind #conv),
        ));
        return;
    } else if matches!(shape, Shape::GetItem | Shape::Contains) {
        let (bind, args) = fixed_bindings(m, &[quote!(_arg)], ctx);
        let value = quote!(#call(#(#leading,)* #(#args),*));
        let conv = if shape == Shape::GetItem {
            to_ptr_of(m, value, ctx)
        } else {
            quote!(#ps::BoolOutput::into_c_bool(#value))
        };
        slots.extend(closure_slot(
            quote!(binary),
            quote!(_slf, _arg),
            quote!(#prelude #bind #conv),
        ));
        return;
    } else if shape == Shape::Init {
        let opts = WrapperOpts {
            desc_name: Some("__init__()".to_string()),
            cls: Some(quote!(#cls)),
            prelude: prelude.clone(),
            leading_args: leading.clone(),
            prelude_warns: true,
            force_args: true,
            ..Default::default()
        };
        let (body, _def) = wrapper_ext(&m.func, call.clone(), ctx, &opts);
        items.extend(quote! {
            unsafe extern "C" fn #fname(slf: *mut #gl::PyObject, args: *mut #gl::PyObject, kwargs: *mut #gl::PyObject) -> #gl::c_int {
                unsafe { #gl::init_trampoline(slf, args, kwargs, #body) }
            }
        });
    } else if shape == Shape::Call {
        let opts = WrapperOpts {
            desc_name: Some("__call__()".to_string()),
            cls: Some(quote!(#cls)),
            prelude: prelude.clone(),
            leading_args: leading.clone(),
            prelude_warns: true,
            force_args: true,
            ..Default::default()
        };
        let (body, _def) = wrapper_ext(&m.func, call.clone(), ctx, &opts);
        items.extend(quote! {
            unsafe extern "C" fn #fname(slf: *mut #gl::PyObject, args: *mut #gl::PyObject, kwargs: *mut #gl::PyObject) -> *mut #gl::PyObject {
                unsafe { #gl::varargs_trampoline(slf, args, kwargs, #body) }
            }
        });
    } else if shape == Shape::Traverse {
        items.extend(crate::emit::pyclass_gc::conflict_check(cls, n, m.span, ctx));
        items.extend(quote! {
            unsafe fn #fname(slf: *mut #gl::PyObject, visit: #gl::ffi::visitproc, arg: *mut #gl::c_void) -> #gl::c_int {
                unsafe { #pc::gc_traverse::<#cls>(slf, visit, arg, #call) }
            }
        });
        *traverse = quote!(#gl::Some(#fname));
    } else if shape == Shape::Buffer {
        let (f, _slot) = crate::emit::buffer_slots::emit(m, &fname, prelude, leading, call, ctx);
        items.extend(f);
    } else if shape == Shape::Clear {
        items.extend(crate::emit::pyclass_gc::conflict_check(cls, n, m.span, ctx));
        items.extend(quote! {
            unsafe extern "C" fn #fname(slf: *mut #gl::PyObject) -> #gl::c_int {
                unsafe fn __body<'py>(py: #gl::Python<'py>, _slf: *mut #gl::PyObject) -> #gl::PyResult<#gl::c_int> {
                    unsafe {
                        #prelude
                        let __result = #call(#(#leading),*);
                        #ps::UnitOutput::into_c_unit(__result)
                    }
                }
                unsafe { #pc::gc_clear::<#cls>(slf, __body) }
            }
        });
    } else if shape == Shape::Inplace {
        // `__ipow__` is ternary (`nb_inplace_power` also gets the modulo).
        let (ptrs, extra) = if n == "__ipow__" {
            (
                vec![quote!(_other), quote!(_mod)],
                quote!(, _mod: *mut #gl::PyObject),
            )
        } else {
            (vec![quote!(_other)], TokenStream::new())
        };
        let (bind, args) = operand_bindings(m, &ptrs, ctx);
        items.extend(quote! {
            unsafe extern "C" fn #fname(_slf: *mut #gl::PyObject, _other: *mut #gl::PyObject #extra) -> *mut #gl::PyObject {
                unsafe { #tramp(move |py| {
                    {
                        #prelude #bind
                        let __result = #call(#(#leading,)* #(#args),*);
                        #ps::UnitOutput::into_c_unit(__result)?;
                    }
                    #gl::ffi::Py_IncRef(_slf);
                    #gl::Ok(_slf)
                }) }
            }
        });
    } else if shape == Shape::Concat {
        let (bind, args) = fixed_bindings(m, &[quote!(_other)], ctx);
        slots.extend(closure_slot(
            quote!(binary),
            quote!(_slf, _other),
            quote!(#prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv),
        ));
        return;
    } else if shape == Shape::Repeat {
        let (bind, args) = fixed_bindings(m, &[quote!(__count_obj.as_ptr())], ctx);
        items.extend(quote! {
            unsafe extern "C" fn #fname(_slf: *mut #gl::PyObject, _count: #gl::ffi::Py_ssize_t) -> *mut #gl::PyObject {
                unsafe { #tramp(move |py| {
                    let __count_obj = #gl::Bound::from_owned_ptr_or_err(py, #gl::ffi::PyLong_FromSsize_t(_count))?;
                    #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv
                }) }
            }
        });
    } else if shape == Shape::DescrGet {
        let (bind, args) = fixed_bindings(m, &[quote!(_obj), quote!(_ty)], ctx);
        items.extend(quote! {
            unsafe extern "C" fn #fname(_slf: *mut #gl::PyObject, _obj: *mut #gl::PyObject, _ty: *mut #gl::PyObject) -> *mut #gl::PyObject {
                unsafe { #tramp(move |py| {
                    let _obj = if _obj.is_null() { #gl::ffi::Py_None() } else { _obj };
                    let _ty = if _ty.is_null() { #gl::ffi::Py_None() } else { _ty };
                    #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv
                }) }
            }
        });
    } else {
        // A shared slot: emitted by `shared`.
        return;
    }
    for ffi in def.ffi {
        slots.push(slot_entry(ctx, ffi, &fname));
    }
}
