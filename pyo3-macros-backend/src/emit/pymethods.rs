//! Emits a `#[pymethods]` block: one `PyMethodDefType` constant per method (built with the
//! `#[pyfunction]` wrapper), one `extern "C"` function per type slot, and the
//! `PyMethods` impl that hands them to the class.

use crate::emit::method_parts::{
    doc_opt, fixed_bindings, operand_bindings, receiver, receiver_trusted, to_ptr, with_cfgs,
    BINARY, INPLACE, UNARY,
};
use crate::emit::pyfunction::{wrapper_ext, WrapperOpts};
use crate::model::pymethods::{MethodKind, MethodModel, MethodsModel, Receiver};
use crate::utils::{self, c_str_lit, Ctx};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

/// The pieces of a `#[pymethods]` expansion.
pub struct Parts {
    /// Items (constants and `extern "C"` functions).
    pub items: TokenStream,
    /// `PyMethodDefType` expressions.
    pub methods: Vec<TokenStream>,
    /// `PySlot` expressions.
    pub slots: Vec<TokenStream>,
    /// `Option<&'static str>` expression of the `#[new]` text signature.
    pub text_signature: TokenStream,
    /// `Option<TraverseLevelFn>` expression.
    pub traverse: TokenStream,
}

/// The inventory entry type `#[pyclass]` declares for `cls` (`multiple-pymethods`).
pub fn inventory_ident(cls: &syn::Ident) -> syn::Ident {
    format_ident!(
        "Pyo3MethodsInventoryFor{}",
        cls.to_string().trim_start_matches("r#")
    )
}

/// `inventory_ident` of the class named by the `#[pymethods]` self type, at the same path.
fn inventory_path(cls: &syn::Type) -> TokenStream {
    if let syn::Type::Path(p) = utils::unwrap_group(cls) {
        let mut path = p.path.clone();
        if let Some(last) = path.segments.last_mut() {
            last.ident = inventory_ident(&last.ident);
            last.arguments = syn::PathArguments::None;
            return quote!(#path);
        }
    }
    quote!(#cls)
}

/// Emits the block's items and the `PyMethods` impl.
pub fn emit(model: &MethodsModel) -> TokenStream {
    let ctx = Ctx::new(model.krate.as_ref());
    let pyo3 = &ctx.pyo3;
    let pc = quote!(#pyo3::impl_::pyclass);
    let cls = &model.self_ty;
    let Parts {
        items,
        methods,
        slots,
        text_signature,
        traverse,
    } = emit_parts(model);
    let items_static = quote! {
        static ITEMS: #pc::PyClassItems = #pc::PyClassItems {
            methods: &[#(#methods),*],
            slots: &[#(#slots),*],
            text_signature: #text_signature,
            traverse: #traverse,
        };
    };
    let registration = if cfg!(feature = "multiple-pymethods") {
        // Submitted to the class's inventory (declared by `#[pyclass]` next to the class).
        let inv = inventory_path(cls);
        quote! {
            #items_static
            #pyo3::inventory::submit! { #inv::new(&ITEMS) }
        }
    } else {
        quote! {
            impl #pc::PyMethods<#cls> for #pc::PyClassImplCollector<#cls> {
                fn py_methods(self) -> &'static #pc::PyClassItems {
                    #items_static
                    &ITEMS
                }
            }
        }
    };
    quote! {
        #[allow(non_upper_case_globals, non_snake_case, unused_unsafe, unused_mut, unused_variables, clippy::all)]
        const _: () = {
            #items

            #registration
        };
    }
}

/// Emits the pieces of the block (also used for `#[pyclass(new = "from_fields")]`).
pub fn emit_parts(model: &MethodsModel) -> Parts {
    let ctx = Ctx::new(model.krate.as_ref());
    let pyo3 = &ctx.pyo3;
    let pc = quote!(#pyo3::impl_::pyclass);
    let ps = quote!(#pyo3::impl_::pyclass_slots);
    let cls = &model.self_ty;
    let mut items = TokenStream::new();
    let mut methods = Vec::new();
    let mut slots = Vec::new();
    let mut text_signature = quote!(::core::option::Option::None);
    let mut traverse = quote!(::core::option::Option::None);
    let find = |name: &str| {
        model
            .methods
            .iter()
            .find(|m| m.kind == MethodKind::Slot(name.to_string()))
    };
    let slot_entry = |slot: &str, f: &syn::Ident| {
        let slot = format_ident!("{}", slot);
        quote!(#pc::PySlot { slot: #pyo3::ffi::#slot, pfunc: #f as *mut ::std::ffi::c_void })
    };

    for (idx, m) in model.methods.iter().enumerate() {
        // What this method generates is collected apart, to repeat its `#[cfg]`s on it.
        let outer_items = std::mem::take(&mut items);
        let (methods_before, slots_before) = (methods.len(), slots.len());
        let ident = &m.func.rust_ident;
        let call = quote!(<#cls>::#ident);
        let cname = format_ident!("__PYO3_METHOD_{}", idx);
        // Method and getset descriptors type-check `self` before calling the C function.
        let trusted = matches!(
            m.kind,
            MethodKind::Instance
                | MethodKind::Getter(_)
                | MethodKind::Setter(_)
                | MethodKind::Deleter(_)
        );
        let (prelude, leading, future_prelude) = crate::coroutine::async_receiver(m, cls, &ctx)
            .unwrap_or_else(|| {
                let (prelude, leading) = if trusted {
                    receiver_trusted(m, cls, &ctx)
                } else {
                    receiver(m, cls, &ctx)
                };
                (prelude, leading, TokenStream::new())
            });
        match &m.kind {
            MethodKind::Instance | MethodKind::Static | MethodKind::Class => {
                let opts = WrapperOpts {
                    desc_name: Some(format!("{}()", m.func.python_name)),
                    prelude,
                    leading_args: leading,
                    prelude_warns: true,
                    text_sig_self: match m.kind {
                        MethodKind::Instance => Some("$self"),
                        MethodKind::Class => Some("$cls"),
                        _ => None,
                    },
                    qualname_prefix: Some(quote!(<#cls as #pyo3::PyClass>::NAME)),
                    future_prelude,
                    ..Default::default()
                };
                let (body, def) = wrapper_ext(&m.func, call, &ctx, &opts);
                let variant = match m.kind {
                    MethodKind::Instance => quote!(Method),
                    MethodKind::Static => quote!(Static),
                    _ => quote!(Class),
                };
                items.extend(quote! {
                    const #cname: #pc::PyMethodDefType = {
                        #body
                        #pc::PyMethodDefType::#variant(&#def)
                    };
                });
                methods.push(quote!(#cname));
            }
            MethodKind::New => {
                let opts = WrapperOpts {
                    desc_name: Some(format!("{}()", "__new__")),
                    prelude,
                    leading_args: leading,
                    prelude_warns: true,
                    convert: Some(quote! {
                        // An initializer of the class, else any object (Python's `__new__` may
                        // return one; `__init__` is then not called).
                        #[allow(unused_imports)]
                        use #pc::{NewViaInitializer as _, NewViaObject as _};
                        unsafe { #pc::NewResult::<#cls, _>::new(__result).into_new_object(py, _slf) }
                    }),
                    force_args: true,
                    ..Default::default()
                };
                let (body, _def) = wrapper_ext(&m.func, call, &ctx, &opts);
                items.extend(quote! {
                    unsafe extern "C" fn __pyo3_tp_new(
                        subtype: *mut #pyo3::ffi::PyTypeObject,
                        args: *mut #pyo3::ffi::PyObject,
                        kwargs: *mut #pyo3::ffi::PyObject,
                    ) -> *mut #pyo3::ffi::PyObject {
                        #body
                        unsafe { #pyo3::impl_::pyfunction::varargs_trampoline(subtype.cast(), args, kwargs, __pyo3_body) }
                    }
                });
                slots.push(slot_entry("Py_tp_new", &format_ident!("__pyo3_tp_new")));
                if let Some(sig) = m.func.text_signature_string() {
                    text_signature = quote!(::core::option::Option::Some(#sig));
                }
            }
            MethodKind::Getter(name) => {
                let (_, args) = operand_bindings(m, &[], &ctx);
                let conv = to_ptr(m, &ctx);
                let pyname = c_str_lit(name, Span::call_site());
                let doc = doc_opt(&m.func.doc);
                items.extend(quote! {
                    const #cname: #pc::PyMethodDefType = {
                        #[allow(unused_mut, unused_unsafe)]
                        unsafe fn __pyo3_get<'py>(py: #pyo3::Python<'py>, _slf: *mut #pyo3::ffi::PyObject) -> #pyo3::PyResult<*mut #pyo3::ffi::PyObject> {
                            #prelude
                            let __result = #call(#(#leading,)* #(#args),*);
                            #conv
                        }
                        #pc::PyMethodDefType::Getter(#pyname, __pyo3_get, #doc)
                    };
                });
                methods.push(quote!(#cname));
            }
            MethodKind::Setter(name) => {
                let (bind, args) = fixed_bindings(m, &[quote!(_value)], &ctx);
                let pyname = c_str_lit(name, Span::call_site());
                let doc = doc_opt(&m.func.doc);
                items.extend(quote! {
                    const #cname: #pc::PyMethodDefType = {
                        #[allow(unused_mut, unused_unsafe, non_snake_case)]
                        unsafe fn __pyo3_set<'py>(py: #pyo3::Python<'py>, _slf: *mut #pyo3::ffi::PyObject, _value: *mut #pyo3::ffi::PyObject) -> #pyo3::PyResult<::std::ffi::c_int> {
                            let _ = unsafe { #ps::setter_value(py, _value)? };
                            // The value is extracted before `self` is borrowed: extracting it
                            // may run Python code that uses the object.
                            #bind
                            #prelude
                            let __result = #call(#(#leading,)* #(#args),*);
                            #ps::UnitOutput::into_c_unit(__result)
                        }
                        #pc::PyMethodDefType::Setter(#pyname, __pyo3_set, #doc)
                    };
                });
                methods.push(quote!(#cname));
            }
            MethodKind::Deleter(name) => {
                let (_, args) = operand_bindings(m, &[], &ctx);
                let pyname = c_str_lit(name, Span::call_site());
                let doc = doc_opt(&m.func.doc);
                items.extend(quote! {
                    const #cname: #pc::PyMethodDefType = {
                        #[allow(unused_mut, unused_unsafe, non_snake_case)]
                        unsafe fn __pyo3_del<'py>(py: #pyo3::Python<'py>, _slf: *mut #pyo3::ffi::PyObject, _value: *mut #pyo3::ffi::PyObject) -> #pyo3::PyResult<::std::ffi::c_int> {
                            #prelude
                            let __result = #call(#(#leading,)* #(#args),*);
                            #ps::UnitOutput::into_c_unit(__result)
                        }
                        #pc::PyMethodDefType::Deleter(#pyname, __pyo3_del, #doc)
                    };
                });
                methods.push(quote!(#cname));
            }
            MethodKind::ClassAttr => {
                let name = &m.func.python_name;
                let args: Vec<TokenStream> = m.func.args.iter().map(|_| quote!(py)).collect();
                let call = if m.is_const {
                    quote!(#call)
                } else {
                    quote!(#call(#(#args),*))
                };
                items.extend(quote! {
                    const #cname: #pc::PyMethodDefType = {
                        fn __pyo3_classattr(py: #pyo3::Python<'_>) -> #pyo3::PyResult<#pyo3::Py<#pyo3::PyAny>> {
                            let __result = #call;
                            let __ptr = #pyo3::impl_::pyfunction::IntoPyResultPtr::into_result_ptr(__result, py)?;
                            ::core::result::Result::Ok(unsafe { #pyo3::Py::from_owned_ptr(py, __ptr) })
                        }
                        #pc::PyMethodDefType::ClassAttribute(#name, __pyo3_classattr)
                    };
                });
                methods.push(quote!(#cname));
            }
            MethodKind::Slot(name) => {
                let fname = format_ident!("__pyo3_slot{}", name);
                let conv = to_ptr(m, &ctx);
                let tramp = quote!(#pyo3::impl_::trampoline::trampoline);
                let n = name.as_str();
                if let Some((_, slot)) = UNARY.iter().find(|(k, _)| *k == n) {
                    let (bind, args) = operand_bindings(m, &[], &ctx);
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject) -> *mut #pyo3::ffi::PyObject {
                            unsafe { #tramp(move |py| { #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv }) }
                        }
                    });
                    slots.push(slot_entry(slot, &fname));
                } else if n == "__next__" || n == "__anext__" {
                    // `None` ends the iteration: `StopIteration` (a NULL without error) for
                    // `__next__`, `StopAsyncIteration` for `__anext__`.
                    let is_async = n == "__anext__";
                    let (bind, args) = operand_bindings(m, &[], &ctx);
                    let out = m.func.output.as_ref();
                    let conv = if out.and_then(utils::option_inner).is_some() {
                        if is_async {
                            quote!(#ps::anext_option(py, __result))
                        } else {
                            quote!(#ps::iternext_option(py, __result))
                        }
                    } else if out
                        .and_then(|t| {
                            utils::first_type_arg(t, "PyResult")
                                .or_else(|| utils::first_type_arg(t, "Result"))
                        })
                        .and_then(utils::option_inner)
                        .is_some()
                    {
                        if is_async {
                            quote!(#ps::anext_option(py, __result.map_err(::core::convert::Into::<#pyo3::PyErr>::into)?))
                        } else {
                            quote!(#ps::iternext_result_option(py, __result))
                        }
                    } else {
                        conv
                    };
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject) -> *mut #pyo3::ffi::PyObject {
                            unsafe { #tramp(move |py| { #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv }) }
                        }
                    });
                    slots.push(slot_entry(
                        if is_async {
                            "Py_am_anext"
                        } else {
                            "Py_tp_iternext"
                        },
                        &fname,
                    ));
                } else if n == "__hash__" || n == "__len__" || n == "__bool__" {
                    let (bind, args) = operand_bindings(m, &[], &ctx);
                    let (ret_ty, conv) = match n {
                        "__hash__" => (
                            quote!(#pyo3::ffi::Py_hash_t),
                            quote!(#ps::HashOutput::into_hash(__result)),
                        ),
                        "__len__" => (
                            quote!(#pyo3::ffi::Py_ssize_t),
                            quote!(#ps::LenOutput::into_len(__result)),
                        ),
                        _ => (
                            quote!(::std::ffi::c_int),
                            quote!(#ps::BoolOutput::into_c_bool(__result)),
                        ),
                    };
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject) -> #ret_ty {
                            unsafe { #tramp(move |py| { #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv }) }
                        }
                    });
                    match n {
                        "__hash__" => slots.push(slot_entry("Py_tp_hash", &fname)),
                        "__len__" => {
                            slots.push(slot_entry("Py_mp_length", &fname));
                            slots.push(slot_entry("Py_sq_length", &fname));
                        }
                        _ => slots.push(slot_entry("Py_nb_bool", &fname)),
                    }
                } else if n == "__getitem__" || n == "__contains__" {
                    let (bind, args) = fixed_bindings(m, &[quote!(_arg)], &ctx);
                    let (ret_ty, conv, slot) = if n == "__getitem__" {
                        (quote!(*mut #pyo3::ffi::PyObject), conv, "Py_mp_subscript")
                    } else {
                        (
                            quote!(::std::ffi::c_int),
                            quote!(#ps::BoolOutput::into_c_bool(__result)),
                            "Py_sq_contains",
                        )
                    };
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject, _arg: *mut #pyo3::ffi::PyObject) -> #ret_ty {
                            unsafe { #tramp(move |py| { #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv }) }
                        }
                    });
                    slots.push(slot_entry(slot, &fname));
                } else if n == "__init__" {
                    let opts = WrapperOpts {
                        desc_name: Some("__init__()".to_string()),
                        prelude,
                        leading_args: leading,
                        prelude_warns: true,
                        force_args: true,
                        ..Default::default()
                    };
                    let (body, _def) = wrapper_ext(&m.func, call, &ctx, &opts);
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(slf: *mut #pyo3::ffi::PyObject, args: *mut #pyo3::ffi::PyObject, kwargs: *mut #pyo3::ffi::PyObject) -> ::std::ffi::c_int {
                            #body
                            unsafe { #pyo3::impl_::pyfunction::init_trampoline(slf, args, kwargs, __pyo3_body) }
                        }
                    });
                    slots.push(slot_entry("Py_tp_init", &fname));
                } else if n == "__call__" {
                    let opts = WrapperOpts {
                        desc_name: Some("__call__()".to_string()),
                        prelude,
                        leading_args: leading,
                        prelude_warns: true,
                        force_args: true,
                        ..Default::default()
                    };
                    let (body, _def) = wrapper_ext(&m.func, call, &ctx, &opts);
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(slf: *mut #pyo3::ffi::PyObject, args: *mut #pyo3::ffi::PyObject, kwargs: *mut #pyo3::ffi::PyObject) -> *mut #pyo3::ffi::PyObject {
                            #body
                            unsafe { #pyo3::impl_::pyfunction::varargs_trampoline(slf, args, kwargs, __pyo3_body) }
                        }
                    });
                    slots.push(slot_entry("Py_tp_call", &fname));
                } else if n == "__traverse__" {
                    items.extend(quote! {
                        unsafe fn #fname(slf: *mut #pyo3::ffi::PyObject, visit: #pyo3::ffi::visitproc, arg: *mut ::std::ffi::c_void) -> ::std::ffi::c_int {
                            unsafe { #pc::gc_traverse::<#cls>(slf, visit, arg, #call) }
                        }
                    });
                    traverse = quote!(::core::option::Option::Some(#fname));
                } else if n == "__getbuffer__" || n == "__releasebuffer__" {
                    let (f, slot) =
                        crate::emit::buffer_slots::emit(m, &fname, &prelude, &leading, &call, &ctx);
                    items.extend(f);
                    slots.push(slot_entry(slot, &fname));
                } else if n == "__clear__" {
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(slf: *mut #pyo3::ffi::PyObject) -> ::std::ffi::c_int {
                            unsafe fn __body<'py>(py: #pyo3::Python<'py>, _slf: *mut #pyo3::ffi::PyObject) -> #pyo3::PyResult<::std::ffi::c_int> {
                                #prelude
                                let __result = #call(#(#leading),*);
                                #ps::UnitOutput::into_c_unit(__result)
                            }
                            unsafe { #pc::gc_clear::<#cls>(slf, __body) }
                        }
                    });
                    slots.push(slot_entry("Py_tp_clear", &fname));
                } else if let Some((_, slot)) = INPLACE.iter().find(|(k, _)| *k == n) {
                    // `__ipow__` is ternary (`nb_inplace_power` also gets the modulo).
                    let (ptrs, extra) = if n == "__ipow__" {
                        (
                            vec![quote!(_other), quote!(_mod)],
                            quote!(, _mod: *mut #pyo3::ffi::PyObject),
                        )
                    } else {
                        (vec![quote!(_other)], TokenStream::new())
                    };
                    let (bind, args) = operand_bindings(m, &ptrs, &ctx);
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject, _other: *mut #pyo3::ffi::PyObject #extra) -> *mut #pyo3::ffi::PyObject {
                            unsafe { #tramp(move |py| {
                                {
                                    #prelude #bind
                                    let __result = #call(#(#leading,)* #(#args),*);
                                    #ps::UnitOutput::into_c_unit(__result)?;
                                }
                                #pyo3::ffi::Py_IncRef(_slf);
                                ::core::result::Result::Ok(_slf)
                            }) }
                        }
                    });
                    slots.push(slot_entry(slot, &fname));
                } else if n == "__concat__" || n == "__inplace_concat__" {
                    let (bind, args) = fixed_bindings(m, &[quote!(_other)], &ctx);
                    let slot = if n == "__concat__" {
                        "Py_sq_concat"
                    } else {
                        "Py_sq_inplace_concat"
                    };
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject, _other: *mut #pyo3::ffi::PyObject) -> *mut #pyo3::ffi::PyObject {
                            unsafe { #tramp(move |py| { #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv }) }
                        }
                    });
                    slots.push(slot_entry(slot, &fname));
                } else if n == "__repeat__" || n == "__inplace_repeat__" {
                    let (bind, args) = fixed_bindings(m, &[quote!(__count_obj.as_ptr())], &ctx);
                    let slot = if n == "__repeat__" {
                        "Py_sq_repeat"
                    } else {
                        "Py_sq_inplace_repeat"
                    };
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject, _count: #pyo3::ffi::Py_ssize_t) -> *mut #pyo3::ffi::PyObject {
                            unsafe { #tramp(move |py| {
                                let __count_obj = #pyo3::Bound::from_owned_ptr_or_err(py, #pyo3::ffi::PyLong_FromSsize_t(_count))?;
                                #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv
                            }) }
                        }
                    });
                    slots.push(slot_entry(slot, &fname));
                } else if n == "__get__" {
                    let (bind, args) = fixed_bindings(m, &[quote!(_obj), quote!(_ty)], &ctx);
                    items.extend(quote! {
                        unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject, _obj: *mut #pyo3::ffi::PyObject, _ty: *mut #pyo3::ffi::PyObject) -> *mut #pyo3::ffi::PyObject {
                            unsafe { #tramp(move |py| {
                                let _obj = if _obj.is_null() { #pyo3::ffi::Py_None() } else { _obj };
                                let _ty = if _ty.is_null() { #pyo3::ffi::Py_None() } else { _ty };
                                #prelude #bind let __result = #call(#(#leading,)* #(#args),*); #conv
                            }) }
                        }
                    });
                    slots.push(slot_entry("Py_tp_descr_get", &fname));
                }
                // Pairs and combined slots are emitted below.
            }
        }
        let produced = std::mem::replace(&mut items, outer_items);
        items.extend(with_cfgs(&m.cfg_attrs, produced));
        for entry in methods[methods_before..]
            .iter_mut()
            .chain(slots[slots_before..].iter_mut())
        {
            let cfgs = &m.cfg_attrs;
            *entry = quote!(#(#cfgs)* #entry);
        }
    }

    if model.hash_none {
        slots.push(quote!(#pc::PySlot { slot: #pyo3::ffi::Py_tp_hash, pfunc: #pyo3::ffi::PyObject_HashNotImplemented as *mut ::std::ffi::c_void }));
    }

    // __set__ / __delete__ -> tp_descr_set.
    let dset = find("__set__");
    let ddel = find("__delete__");
    if dset.is_some() || ddel.is_some() {
        let mk = |m: Option<&MethodModel>, ptrs: &[TokenStream], what: &str| match m {
            Some(m) => {
                let ident = &m.func.rust_ident;
                let (prelude, leading) = receiver(m, cls, &ctx);
                let (bind, args) = fixed_bindings(m, ptrs, &ctx);
                quote! {{ #prelude #bind let __result = <#cls>::#ident(#(#leading,)* #(#args),*); #ps::UnitOutput::into_c_unit(__result) }}
            }
            None => {
                quote!(::core::result::Result::Err(#pyo3::exceptions::PyAttributeError::new_err(#what)))
            }
        };
        let set = mk(dset, &[quote!(_obj), quote!(_value)], "can't set attribute");
        let del = mk(ddel, &[quote!(_obj)], "can't delete attribute");
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_descr_set(_slf: *mut #pyo3::ffi::PyObject, _obj: *mut #pyo3::ffi::PyObject, _value: *mut #pyo3::ffi::PyObject) -> ::std::ffi::c_int {
                unsafe { #pyo3::impl_::trampoline::trampoline(move |py| {
                    if _value.is_null() { #del } else { #set }
                }) }
            }
        });
        slots.push(slot_entry(
            "Py_tp_descr_set",
            &format_ident!("__pyo3_slot_descr_set"),
        ));
    }

    // __getattribute__, then __getattr__ on AttributeError -> tp_getattro.
    if let Some(m) = find("__getattribute__") {
        let ident = &m.func.rust_ident;
        let (prelude, leading) = receiver(m, cls, &ctx);
        let (bind, args) = fixed_bindings(m, &[quote!(_name)], &ctx);
        let conv = to_ptr(m, &ctx);
        let fallback = match find("__getattr__") {
            Some(g) => {
                let gident = &g.func.rust_ident;
                let (gprelude, gleading) = receiver(g, cls, &ctx);
                let (gbind, gargs) = fixed_bindings(g, &[quote!(_name)], &ctx);
                let gconv = to_ptr(g, &ctx);
                quote! {
                    let __err = #pyo3::PyErr::fetch(py);
                    if !__err.is_instance_of::<#pyo3::exceptions::PyAttributeError>(py) {
                        return ::core::result::Result::Err(__err);
                    }
                    let __g: #pyo3::PyResult<*mut #pyo3::ffi::PyObject> = (|| {
                        #gprelude #gbind
                        let __result = <#cls>::#gident(#(#gleading,)* #(#gargs),*);
                        #gconv
                    })();
                    __g
                }
            }
            // Without `__getattr__`, an `AttributeError` becomes the default one: the name.
            None => quote!(::core::result::Result::Err(unsafe {
                #ps::default_getattr_error(py, #pyo3::PyErr::fetch(py), _name)
            })),
        };
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_getattro(_slf: *mut #pyo3::ffi::PyObject, _name: *mut #pyo3::ffi::PyObject) -> *mut #pyo3::ffi::PyObject {
                unsafe { #pyo3::impl_::trampoline::trampoline(move |py| {
                    let __first: #pyo3::PyResult<*mut #pyo3::ffi::PyObject> = (|| {
                        #prelude #bind
                        let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                        #conv
                    })();
                    match __first {
                        ::core::result::Result::Ok(p) => ::core::result::Result::Ok(p),
                        ::core::result::Result::Err(e) => {
                            e.restore(py);
                            #fallback
                        }
                    }
                }) }
            }
        });
        slots.push(slot_entry(
            "Py_tp_getattro",
            &format_ident!("__pyo3_slot_getattro"),
        ));
    } else if let Some(m) = find("__getattr__") {
        let ident = &m.func.rust_ident;
        let (prelude, leading) = receiver(m, cls, &ctx);
        let (bind, args) = fixed_bindings(m, &[quote!(_name)], &ctx);
        let conv = to_ptr(m, &ctx);
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_getattro(_slf: *mut #pyo3::ffi::PyObject, _name: *mut #pyo3::ffi::PyObject) -> *mut #pyo3::ffi::PyObject {
                unsafe { #pyo3::impl_::trampoline::trampoline(move |py| {
                    let __generic = #pyo3::ffi::PyObject_GenericGetAttr(_slf, _name);
                    if !__generic.is_null() {
                        return ::core::result::Result::Ok(__generic);
                    }
                    let __err = #pyo3::PyErr::fetch(py);
                    if !__err.is_instance_of::<#pyo3::exceptions::PyAttributeError>(py) {
                        return ::core::result::Result::Err(__err);
                    }
                    #prelude #bind
                    let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                    #conv
                }) }
            }
        });
        slots.push(slot_entry(
            "Py_tp_getattro",
            &format_ident!("__pyo3_slot_getattro"),
        ));
    }

    // __setattr__ / __delattr__ -> tp_setattro.
    let setattr = find("__setattr__");
    let delattr = find("__delattr__");
    if setattr.is_some() || delattr.is_some() {
        let mk = |m: Option<&MethodModel>, ptrs: &[TokenStream], generic: TokenStream| match m {
            Some(m) => {
                let ident = &m.func.rust_ident;
                let (prelude, leading) = receiver(m, cls, &ctx);
                let (bind, args) = fixed_bindings(m, ptrs, &ctx);
                quote! {{ #prelude #bind let __result = <#cls>::#ident(#(#leading,)* #(#args),*); #ps::UnitOutput::into_c_unit(__result) }}
            }
            None => quote! {{
                if #pyo3::ffi::PyObject_GenericSetAttr(_slf, _name, #generic) != 0 {
                    ::core::result::Result::Err(#pyo3::PyErr::fetch(py))
                } else {
                    ::core::result::Result::Ok(0)
                }
            }},
        };
        let set = mk(setattr, &[quote!(_name), quote!(_value)], quote!(_value));
        let del = mk(delattr, &[quote!(_name)], quote!(::core::ptr::null_mut()));
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_setattro(_slf: *mut #pyo3::ffi::PyObject, _name: *mut #pyo3::ffi::PyObject, _value: *mut #pyo3::ffi::PyObject) -> ::std::ffi::c_int {
                unsafe { #pyo3::impl_::trampoline::trampoline(move |py| {
                    if _value.is_null() { #del } else { #set }
                }) }
            }
        });
        slots.push(slot_entry(
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
                let (prelude, leading) = receiver(m, cls, &ctx);
                let (bind, args) = fixed_bindings(m, ptrs, &ctx);
                quote! {{ #prelude #bind let __result = <#cls>::#ident(#(#leading,)* #(#args),*); #ps::UnitOutput::into_c_unit(__result) }}
            }
            None => quote!(::core::result::Result::Err(#ps::unsupported_item_op(#what))),
        };
        let set = mk(setitem, &[quote!(_key), quote!(_value)], "set");
        let del = mk(delitem, &[quote!(_key)], "delete");
        let fname = format_ident!("__pyo3_slot_ass_subscript");
        items.extend(quote! {
            unsafe extern "C" fn #fname(_slf: *mut #pyo3::ffi::PyObject, _key: *mut #pyo3::ffi::PyObject, _value: *mut #pyo3::ffi::PyObject) -> ::std::ffi::c_int {
                unsafe { #pyo3::impl_::trampoline::trampoline(move |py| {
                    if _value.is_null() { #del } else { #set }
                }) }
            }
        });
        slots.push(slot_entry("Py_mp_ass_subscript", &fname));
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
        let (prelude, leading) = receiver(m, cls, &ctx);
        let (bind, args) =
            operand_bindings(m, &[quote!(_other), quote!(::core::ptr::null_mut())], &ctx);
        let conv = to_ptr(m, &ctx);
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_richcmp(_slf: *mut #pyo3::ffi::PyObject, _other: *mut #pyo3::ffi::PyObject, op: ::std::ffi::c_int) -> *mut #pyo3::ffi::PyObject {
                unsafe { #pyo3::impl_::trampoline::trampoline(move |py| {
                    #prelude #bind
                    let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                    #conv
                }) }
            }
        });
        slots.push(slot_entry(
            "Py_tp_richcompare",
            &format_ident!("__pyo3_slot_richcmp"),
        ));
    } else if cmp_ops.iter().any(|(n, _)| find(n).is_some()) {
        let arms = cmp_ops.iter().filter_map(|(n, op)| {
            let m = find(n)?;
            let ident = &m.func.rust_ident;
            let (prelude, leading) = receiver(m, cls, &ctx);
            let (bind, args) = operand_bindings(m, &[quote!(_other)], &ctx);
            let conv = to_ptr(m, &ctx);
            Some(quote! {
                #pyo3::pyclass::CompareOp::#op => {
                    #prelude #bind
                    let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                    #conv
                }
            })
        });
        let ne_fallback = if find("__eq__").is_some() && find("__ne__").is_none() {
            quote! {
                #pyo3::pyclass::CompareOp::Ne => {
                    let __eq = __pyo3_slot_richcmp(_slf, _other, #pyo3::ffi::Py_EQ);
                    if __eq.is_null() { return ::core::result::Result::Err(#pyo3::PyErr::fetch(py)); }
                    if #pc::is_not_implemented(__eq) { return ::core::result::Result::Ok(__eq); }
                    let __t = #pyo3::ffi::PyObject_IsTrue(__eq);
                    #pyo3::ffi::Py_DecRef(__eq);
                    if __t < 0 { return ::core::result::Result::Err(#pyo3::PyErr::fetch(py)); }
                    ::core::result::Result::Ok(#ps::bool_ptr(__t == 0))
                }
            }
        } else {
            TokenStream::new()
        };
        items.extend(quote! {
            unsafe extern "C" fn __pyo3_slot_richcmp(_slf: *mut #pyo3::ffi::PyObject, _other: *mut #pyo3::ffi::PyObject, op: ::std::ffi::c_int) -> *mut #pyo3::ffi::PyObject {
                unsafe { #pyo3::impl_::trampoline::trampoline(move |py| {
                    #[allow(unreachable_patterns)]
                    match #ps::compare_op(op)? {
                        #(#arms)*
                        #ne_fallback
                        _ => ::core::result::Result::Ok(#pc::not_implemented(py)),
                    }
                }) }
            }
        });
        slots.push(slot_entry(
            "Py_tp_richcompare",
            &format_ident!("__pyo3_slot_richcmp"),
        ));
    }

    // Binary number operators with their reflected forms.
    let mut binaries: Vec<(&str, &str, &str)> = BINARY.to_vec();
    binaries.push(("__pow__", "__rpow__", "Py_nb_power"));
    for (fwd, rev, slot) in binaries {
        let f = find(fwd);
        let r = find(rev);
        if f.is_none() && r.is_none() {
            continue;
        }
        let is_pow = fwd == "__pow__";
        let call_side = |m: Option<&MethodModel>, slf: TokenStream, other: TokenStream| match m {
            Some(m) => {
                let ident = &m.func.rust_ident;
                let (prelude, leading) = receiver(m, cls, &ctx);
                let mut ptrs = vec![other];
                if is_pow {
                    ptrs.push(quote!(_mod));
                }
                let (bind, args) = operand_bindings(m, &ptrs, &ctx);
                let conv = to_ptr(m, &ctx);
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
                    if #pc::is_instance::<#cls>(py, #slf) && #available {
                        let _slf = #slf;
                        let __r: #pyo3::PyResult<*mut #pyo3::ffi::PyObject> = (|| {
                            #prelude #bind
                            let __result = <#cls>::#ident(#(#leading,)* #(#args),*);
                            #conv
                        })();
                        __r?
                    } else {
                        #pc::not_implemented(py)
                    }
                }
            }
            None => quote!(#pc::not_implemented(py)),
        };
        let fwd_call = call_side(f, quote!(_lhs), quote!(_rhs));
        let rev_call = call_side(r, quote!(_rhs), quote!(_lhs));
        let fname = format_ident!("__pyo3_slot_binary{}", fwd);
        let (params, _) = if is_pow {
            (
                quote!(_lhs: *mut #pyo3::ffi::PyObject, _rhs: *mut #pyo3::ffi::PyObject, _mod: *mut #pyo3::ffi::PyObject),
                (),
            )
        } else {
            (
                quote!(_lhs: *mut #pyo3::ffi::PyObject, _rhs: *mut #pyo3::ffi::PyObject),
                (),
            )
        };
        items.extend(quote! {
            unsafe extern "C" fn #fname(#params) -> *mut #pyo3::ffi::PyObject {
                unsafe { #pyo3::impl_::trampoline::trampoline(move |py| {
                    let __fwd: *mut #pyo3::ffi::PyObject = #fwd_call;
                    if !#pc::is_not_implemented(__fwd) {
                        return ::core::result::Result::Ok(__fwd);
                    }
                    #pyo3::ffi::Py_DecRef(__fwd);
                    let __rev: *mut #pyo3::ffi::PyObject = #rev_call;
                    ::core::result::Result::Ok(__rev)
                }) }
            }
        });
        slots.push(slot_entry(slot, &fname));
    }

    Parts {
        items,
        methods,
        slots,
        text_signature,
        traverse,
    }
}
