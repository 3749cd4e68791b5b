//! Slot functions of `#[pymethods]` shared by several methods: `__set__`/`__delete__`,
//! `__getattribute__`/`__getattr__`, `__setattr__`/`__delattr__`, `__setitem__`/`__delitem__`,
//! the comparisons and each binary operator with its reflected form (partners and shapes
//! from the slot table). The fallbacks between them (`!=` from `__eq__`, the reflected
//! operand) are runtime helpers in `pyo3::impl_::pyclass_slots`.

use super::slot_entry;
use crate::emit::method_parts::{
    fixed_bindings, operand_bindings, receiver, receiver_trusted, to_ptr, to_ptr_of,
};
use crate::model::pymethods::{MethodKind, MethodModel, MethodsModel, Receiver};
use crate::slots;
use crate::utils::Ctx;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Emits the shared slot functions of `model` into `items`, registering them in `slots`.
pub(super) fn emit(
    model: &MethodsModel,
    ctx: &Ctx,
    items: &mut TokenStream,
    slots: &mut Vec<TokenStream>,
) {
    let pyo3 = &ctx.pyo3;
    let gl = &ctx.p;
    let pc = ctx.p.clone();
    let ps = ctx.p.clone();
    let cls = &model.self_ty;
    let find = |name: &str| {
        model
            .methods
            .iter()
            .find(|m| m.kind == MethodKind::Slot(name.to_string()))
    };

    // __set__ / __delete__ -> tp_descr_set.
    let dset = find("__set__");
    let ddel = find("__delete__");
    if dset.is_some() || ddel.is_some() {
        let mk = |m: Option<&MethodModel>, ptrs: &[TokenStream], what: &str| match m {
            Some(m) => {
                let ident = &m.func.rust_ident;
                let (prelude, leading) = receiver(m, cls, ctx);
                let (bind, args) = fixed_bindings(m, ptrs, ctx);
                quote! {{ #prelude #bind let __result = <#cls>::#ident(#(#leading,)* #(#args),*); #ps::UnitOutput::into_c_unit(__result) }}
            }
            // The missing half of a descriptor raises `NotImplementedError`, as in PyO3.
            None => {
                quote!(#gl::Result::Err(#pyo3::exceptions::PyNotImplementedError::new_err(#what)))
            }
        };
        let set = mk(
            dset,
            &[quote!(_obj), quote!(_value)],
            "can't set descriptor",
        );
        let del = mk(ddel, &[quote!(_obj)], "can't delete descriptor");
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_descr_set(_slf: *mut #gl::PyObject, _obj: *mut #gl::PyObject, _value: *mut #gl::PyObject) -> #gl::c_int {
                unsafe { #gl::trampoline(move |py| {
                    if _value.is_null() { #del } else { #set }
                }) }
            }
        });
        slots.push(slot_entry(
            ctx,
            "Py_tp_descr_set",
            &format_ident!("__pyo3_slot_descr_set"),
        ));
    }

    // __getattribute__, then __getattr__ on AttributeError -> tp_getattro.
    if let Some(m) = find("__getattribute__") {
        let ident = &m.func.rust_ident;
        let (prelude, leading) = receiver(m, cls, ctx);
        let (bind, args) = fixed_bindings(m, &[quote!(_name)], ctx);
        let conv = to_ptr(m, ctx);
        let fallback = match find("__getattr__") {
            Some(g) => {
                let gident = &g.func.rust_ident;
                let (gprelude, gleading) = receiver(g, cls, ctx);
                let (gbind, gargs) = fixed_bindings(g, &[quote!(_name)], ctx);
                let gconv = to_ptr(g, ctx);
                quote! {
                    let __err = #gl::PyErr::fetch(py);
                    if !__err.is_instance_of::<#pyo3::exceptions::PyAttributeError>(py) {
                        return #gl::Result::Err(__err);
                    }
                    let __g: #gl::PyResult<*mut #gl::PyObject> = (|| {
                        #gprelude #gbind
                        let __result = <#cls>::#gident(#(#gleading,)* #(#gargs),*);
                        #gconv
                    })();
                    __g
                }
            }
            // Without `__getattr__`, an `AttributeError` becomes the default one: the name.
            None => quote!(#gl::Result::Err(unsafe {
                #ps::default_getattr_error(py, #gl::PyErr::fetch(py), _name)
            })),
        };
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_getattro(_slf: *mut #gl::PyObject, _name: *mut #gl::PyObject) -> *mut #gl::PyObject {
                unsafe { #gl::trampoline(move |py| {
                    let __first: #gl::PyResult<*mut #gl::PyObject> = (|| {
                        #prelude #bind
                        let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                        #conv
                    })();
                    match __first {
                        #gl::Ok(p) => #gl::Ok(p),
                        #gl::Result::Err(e) => {
                            e.restore(py);
                            #fallback
                        }
                    }
                }) }
            }
        });
        slots.push(slot_entry(
            ctx,
            "Py_tp_getattro",
            &format_ident!("__pyo3_slot_getattro"),
        ));
    } else if let Some(m) = find("__getattr__") {
        let ident = &m.func.rust_ident;
        let (prelude, leading) = receiver(m, cls, ctx);
        let (bind, args) = fixed_bindings(m, &[quote!(_name)], ctx);
        let conv = to_ptr(m, ctx);
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_getattro(_slf: *mut #gl::PyObject, _name: *mut #gl::PyObject) -> *mut #gl::PyObject {
                unsafe { #gl::trampoline(move |py| {
                    let __generic = #gl::ffi::PyObject_GenericGetAttr(_slf, _name);
                    if !__generic.is_null() {
                        return #gl::Ok(__generic);
                    }
                    let __err = #gl::PyErr::fetch(py);
                    if !__err.is_instance_of::<#pyo3::exceptions::PyAttributeError>(py) {
                        return #gl::Result::Err(__err);
                    }
                    #prelude #bind
                    let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                    #conv
                }) }
            }
        });
        slots.push(slot_entry(
            ctx,
            "Py_tp_getattro",
            &format_ident!("__pyo3_slot_getattro"),
        ));
    }

    // __setattr__ / __delattr__ -> tp_setattro.
    let setattr = find("__setattr__");
    let delattr = find("__delattr__");
    if setattr.is_some() || delattr.is_some() {
        // The slot serves both; the half the class does not define refuses, as PyO3's does
        // (there is no fallback to the generic attribute assignment).
        let mk = |m: Option<&MethodModel>, ptrs: &[TokenStream], what: &str| match m {
            Some(m) => {
                let ident = &m.func.rust_ident;
                let (prelude, leading) = receiver(m, cls, ctx);
                let (bind, args) = fixed_bindings(m, ptrs, ctx);
                quote! {{ #prelude #bind let __result = <#cls>::#ident(#(#leading,)* #(#args),*); #ps::UnitOutput::into_c_unit(__result) }}
            }
            None => quote!(#gl::Result::Err(#ps::unsupported_attr_op(#what))),
        };
        let set = mk(setattr, &[quote!(_name), quote!(_value)], "set");
        let del = mk(delattr, &[quote!(_name)], "delete");
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_setattro(_slf: *mut #gl::PyObject, _name: *mut #gl::PyObject, _value: *mut #gl::PyObject) -> #gl::c_int {
                unsafe { #gl::trampoline(move |py| {
                    if _value.is_null() { #del } else { #set }
                }) }
            }
        });
        slots.push(slot_entry(
            ctx,
            "Py_tp_setattro",
            &format_ident!("__pyo3_slot_setattro"),
        ));
    }

    // __setitem__ / __delitem__ -> mp_ass_subscript.
    let setitem = find("__setitem__");
    let delitem = find("__delitem__");
    if setitem.is_some() || delitem.is_some() {
        let mk = |m: Option<&MethodModel>, ptrs: &[TokenStream], what: &str| match m {
            Some(m) => {
                let ident = &m.func.rust_ident;
                let (prelude, leading) = receiver(m, cls, ctx);
                let (bind, args) = fixed_bindings(m, ptrs, ctx);
                quote! {{ #prelude #bind let __result = <#cls>::#ident(#(#leading,)* #(#args),*); #ps::UnitOutput::into_c_unit(__result) }}
            }
            None => quote!(#gl::Result::Err(#ps::unsupported_item_op(#what))),
        };
        let set = mk(setitem, &[quote!(_key), quote!(_value)], "set");
        let del = mk(delitem, &[quote!(_key)], "delete");
        let fname = format_ident!("__pyo3_slot_ass_subscript");
        items.extend(quote! {
            unsafe extern "C" fn #fname(_slf: *mut #gl::PyObject, _key: *mut #gl::PyObject, _value: *mut #gl::PyObject) -> #gl::c_int {
                unsafe { #gl::trampoline(move |py| {
                    if _value.is_null() { #del } else { #set }
                }) }
            }
        });
        slots.push(slot_entry(ctx, "Py_mp_ass_subscript", &fname));
    }

    // Rich comparison: __richcmp__ or the individual operators.
    let cmp_ops = [
        ("__lt__", quote!(Lt)),
        ("__le__", quote!(Le)),
        ("__eq__", quote!(Eq)),
        ("__ne__", quote!(Ne)),
        ("__gt__", quote!(Gt)),
        ("__ge__", quote!(Ge)),
    ];
    if let Some(m) = find("__richcmp__") {
        let ident = &m.func.rust_ident;
        let (prelude, leading) = receiver_trusted(m, cls, ctx);
        let (bind, args) = operand_bindings(m, &[quote!(_other), quote!(#gl::null_mut())], ctx);
        let conv = to_ptr(m, ctx);
        // A closure in the slot table (see `pyo3::impl_::slot_entry`).
        slots.push(quote! {
            unsafe { #gl::PySlot::richcmp(|py, _slf, _other, op, _richcmp| {
                #prelude #bind
                let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                #conv
            }) }
        });
    } else if cmp_ops.iter().any(|(n, _)| find(n).is_some()) {
        let arms = cmp_ops.iter().filter_map(|(n, op)| {
            let m = find(n)?;
            let ident = &m.func.rust_ident;
            let (prelude, leading) = receiver_trusted(m, cls, ctx);
            let (bind, args) = operand_bindings(m, &[quote!(_other)], ctx);
            let conv = to_ptr_of(m, quote!(<#cls>::#ident(#(#leading,)* #(#args),*)), ctx);
            Some(quote! {
                #gl::CompareOp::#op => {
                    #prelude #bind
                    #conv
                }
            })
        });
        // Without `__ne__`, `!=` is the negation of `__eq__` (a runtime helper calling this
        // same slot function, `_richcmp`, with `Py_EQ`).
        let ne_fallback = if find("__eq__").is_some() && find("__ne__").is_none() {
            quote! {
                #gl::CompareOp::Ne => #ps::ne_from_eq(py, _slf, _other, _richcmp),
            }
        } else {
            TokenStream::new()
        };
        slots.push(quote! {
            unsafe { #gl::PySlot::richcmp(|py, _slf, _other, op, _richcmp| {
                #[allow(unreachable_patterns)]
                match #ps::compare_op(op)? {
                    #(#arms)*
                    #ne_fallback
                    _ => #gl::Ok(#pc::not_implemented(py)),
                }
            }) }
        });
    }

    // Binary number operators with their reflected forms.
    for (fwd, rev, slot) in slots::binary_operators() {
        let f = find(fwd);
        let r = find(rev);
        if f.is_none() && r.is_none() {
            continue;
        }
        let is_pow = fwd == "__pow__";
        let call_side = |m: Option<&MethodModel>, slf: TokenStream, other: TokenStream| match m {
            Some(m) => {
                let ident = &m.func.rust_ident;
                let (prelude, leading) = receiver(m, cls, ctx);
                let mut ptrs = vec![other];
                if is_pow {
                    ptrs.push(quote!(_mod));
                }
                let (bind, args) = operand_bindings(m, &ptrs, ctx);
                let conv = to_ptr(m, ctx);
                // A receiver that cannot be borrowed is an operand that does not fit.
                let available = match m.receiver {
                    Receiver::Ref | Receiver::PyRef => {
                        quote!(unsafe { #ps::operator_receiver_available::<#cls>(py, #slf, false) })
                    }
                    Receiver::RefMut | Receiver::PyRefMut => {
                        quote!(unsafe { #ps::operator_receiver_available::<#cls>(py, #slf, true) })
                    }
                    _ => quote!(true),
                };
                quote! {
                    |py: #gl::Python<'_>| -> #gl::PyResult<*mut #gl::PyObject> {
                        if !(#pc::is_instance::<#cls>(py, #slf) && #available) {
                            return #gl::Ok(#pc::not_implemented(py));
                        }
                        let _slf = #slf;
                        #prelude #bind
                        let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                        #conv
                    }
                }
            }
            None => quote!(#ps::no_operator),
        };
        let fwd_call = call_side(f, quote!(_lhs), quote!(_rhs));
        let rev_call = call_side(r, quote!(_rhs), quote!(_lhs));
        let fname = format_ident!("__pyo3_slot_binary{}", fwd);
        let (params, _) = if is_pow {
            (
                quote!(_lhs: *mut #gl::PyObject, _rhs: *mut #gl::PyObject, _mod: *mut #gl::PyObject),
                (),
            )
        } else {
            (
                quote!(_lhs: *mut #gl::PyObject, _rhs: *mut #gl::PyObject),
                (),
            )
        };
        items.extend(quote! {
            unsafe extern "C" fn #fname(#params) -> *mut #gl::PyObject {
                unsafe { #gl::trampoline(move |py| {
                    #ps::binary_with_reflected(py, #fwd_call, #rev_call)
                }) }
            }
        });
        slots.push(slot_entry(ctx, slot, &fname));
    }
}
