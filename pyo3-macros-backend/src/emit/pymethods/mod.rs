//! Emits a `#[pymethods]` block: one `PyMethodDefType` per method (built with the
//! `#[pyfunction]` wrapper) and one `PySlot` per type slot, written in the `PyMethods` impl
//! that hands them to the class. The slots of the common shapes are closures over generic
//! entry points (`pyo3::impl_::slot_entry`); the others are `extern "C"` functions.

mod shared;
mod single;

use crate::emit::method_parts::{
    doc_opt, fixed_bindings, operand_bindings, receiver, receiver_trusted, to_ptr_of, with_cfgs,
};
use crate::emit::pyfunction::{wrapper_ext, WrapperOpts};
use crate::model::pymethods::{MethodKind, MethodsModel};
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
    let glue = ctx.glue_use();
    let ctx = ctx.in_glue_block();
    let pyo3 = &ctx.pyo3;
    let pc = ctx.p.clone();
    let cls = &model.self_ty;
    let Parts {
        items,
        methods,
        slots,
        text_signature,
        traverse,
    } = emit_parts(model, &ctx);
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
            #glue
            #items

            #registration
        };
    }
}

/// Emits the pieces of the block (also used for `#[pyclass(new = "from_fields")]`).
/// `ctx`: the caller's context (whether its block imports `pyo3::impl_::glue` as `__p`).
pub fn emit_parts(model: &MethodsModel, ctx: &Ctx) -> Parts {
    let ctx = ctx.clone();
    let gl = &ctx.p;
    let pc = ctx.p.clone();
    let ps = ctx.p.clone();
    let cls = &model.self_ty;
    let mut items = TokenStream::new();
    let mut methods = Vec::new();
    let mut slots = Vec::new();
    let mut text_signature = quote!(#gl::None);
    let mut traverse = quote!(#gl::None);

    for (idx, m) in model.methods.iter().enumerate() {
        // What this method generates is collected apart, to repeat its `#[cfg]`s on it.
        let outer_items = std::mem::take(&mut items);
        let (methods_before, slots_before) = (methods.len(), slots.len());
        let ident = &m.func.rust_ident;
        let call = quote!(<#cls>::#ident);
        let cname = format_ident!("__PYO3_METHOD_{}", idx);
        // Method and getset descriptors type-check `self` before calling the C function.
        // So do type slots, except binary operators (see `Shape::self_is_typed`).
        let trusted = match &m.kind {
            MethodKind::Instance
            | MethodKind::Getter(_)
            | MethodKind::Setter(_)
            | MethodKind::Deleter(_) => true,
            MethodKind::Slot(n) => crate::slots::lookup(n).is_some_and(|s| s.shape.self_is_typed()),
            _ => false,
        };
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
                    cls: Some(quote!(#cls)),
                    prelude,
                    leading_args: leading,
                    prelude_warns: true,
                    text_sig_self: match m.kind {
                        MethodKind::Instance => Some("$self"),
                        MethodKind::Class => Some("$cls"),
                        _ => None,
                    },
                    qualname_prefix: Some(quote!(<#cls as #gl::PyClass>::NAME)),
                    future_prelude,
                    ..Default::default()
                };
                let (_, def) = wrapper_ext(&m.func, call, &ctx, &opts);
                let variant = match m.kind {
                    MethodKind::Instance => quote!(Method),
                    MethodKind::Static => quote!(Static),
                    _ => quote!(Class),
                };
                // Written in the `ITEMS` static's method table (a constant context).
                methods.push(quote!(#pc::PyMethodDefType::#variant(&#def)));
            }
            MethodKind::New => {
                let opts = WrapperOpts {
                    desc_name: Some(format!("{}()", "__new__")),
                    cls: Some(quote!(#cls)),
                    prelude,
                    leading_args: leading,
                    prelude_warns: true,
                    // (in the `unsafe` context of the slot's body)
                    convert: Some(quote! {
                        // An initializer of the class, else any object (Python's `__new__` may
                        // return one; `__init__` is then not called).
                        #[allow(unused_imports)]
                        use #pc::{NewViaInitializer as _, NewViaObject as _};
                        #pc::NewResult::<#cls, _>::new(__result).into_new_object(py, _slf)
                    }),
                    force_args: true,
                    ..Default::default()
                };
                let (body, _def) = wrapper_ext(&m.func, call, &ctx, &opts);
                // (the body gets the subtype as `_slf`)
                slots.push(quote!(unsafe { #gl::PySlot::new(#body) }));
                if let Some(sig) = m.func.text_signature_string() {
                    text_signature = quote!(#gl::Some(#sig));
                }
            }
            MethodKind::Getter(name) => {
                let (_, args) = operand_bindings(m, &[], &ctx);
                let conv = to_ptr_of(m, quote!(#call(#(#leading,)* #(#args),*)), &ctx);
                let pyname = c_str_lit(name, Span::call_site());
                let doc = doc_opt(&m.func.doc, &ctx);
                // The getter is a closure over which the runtime's C entry point is generic
                // (`PyMethodDefType::getter`); the setter and deleter are closures coerced to
                // `unsafe fn` pointers. Their bodies are `unsafe` blocks as the bodies of
                // `unsafe fn`s were (the block allows the lints `unused_mut`,
                // `unused_unsafe`, `non_snake_case`).
                methods.push(quote! {
                    unsafe { #pc::PyMethodDefType::getter(#pyname, |py, _slf| unsafe {
                        #prelude
                        #conv
                    }, #doc) }
                });
            }
            MethodKind::Setter(name) => {
                let (bind, args) = fixed_bindings(m, &[quote!(_value)], &ctx);
                let pyname = c_str_lit(name, Span::call_site());
                let doc = doc_opt(&m.func.doc, &ctx);
                // (The value is extracted before `self` is borrowed: extracting it may run
                // Python code that uses the object.)
                methods.push(quote! {
                    #pc::PyMethodDefType::Setter(#pyname, |py, _slf, _value| unsafe {
                        let _ = #ps::setter_value(py, _value)?;
                        #bind
                        #prelude
                        #ps::UnitOutput::into_c_unit(#call(#(#leading,)* #(#args),*))
                    }, #doc)
                });
            }
            MethodKind::Deleter(name) => {
                let (_, args) = operand_bindings(m, &[], &ctx);
                let pyname = c_str_lit(name, Span::call_site());
                let doc = doc_opt(&m.func.doc, &ctx);
                methods.push(quote! {
                    #pc::PyMethodDefType::Deleter(#pyname, |py, _slf, _value| unsafe {
                        #prelude
                        #ps::UnitOutput::into_c_unit(#call(#(#leading,)* #(#args),*))
                    }, #doc)
                });
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
                        fn __pyo3_classattr(py: #gl::Python<'_>) -> #gl::PyResult<#gl::Py<#gl::PyAny>> {
                            let __result = #call;
                            let __ptr = #gl::IntoPyResultPtr::into_result_ptr(__result, py)?;
                            #gl::Ok(unsafe { #gl::Py::from_owned_ptr(py, __ptr) })
                        }
                        #pc::PyMethodDefType::ClassAttribute(#name, __pyo3_classattr)
                    };
                });
                methods.push(quote!(#cname));
            }
            MethodKind::Slot(name) => {
                let sc = single::SlotCtx {
                    m,
                    cls,
                    ctx: &ctx,
                    call,
                    prelude,
                    leading,
                };
                single::emit(name, &sc, &mut items, &mut slots, &mut traverse);
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
        slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_tp_hash, pfunc: #gl::ffi::PyObject_HashNotImplemented as *mut #gl::c_void }));
    }

    shared::emit(model, &ctx, &mut items, &mut slots);

    Parts {
        items,
        methods,
        slots,
        text_signature,
        traverse,
    }
}

/// The `PySlot` entry registering the function `f` under the `pyo3::ffi` slot id `slot`.
fn slot_entry(ctx: &Ctx, slot: &str, f: &syn::Ident) -> TokenStream {
    let gl = &ctx.p;
    let slot = format_ident!("{}", slot);
    quote!(#gl::PySlot { slot: #gl::ffi::#slot, pfunc: #f as *mut #gl::c_void })
}
