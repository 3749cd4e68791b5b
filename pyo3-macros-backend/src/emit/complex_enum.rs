//! Emits the variant classes of a complex `#[pyclass]` enum.
//!
//! Each variant `V` of enum `E` becomes a hidden zero-sized `#[pyclass]`-like type `E_V` that
//! extends `E`: Python name `V`, `__qualname__` `E.V`, a constructor taking the fields (or the
//! `#[pyo3(constructor = (...))]` signature), a getter per field (`_0`, `_1`, ... for tuple
//! variants, which also get `__len__` / `__getitem__`) and `__match_args__`. `E` gets one
//! class attribute per variant holding the variant's type object, and its `IntoPyObject`
//! creates an instance of the value's variant class.

use crate::model::pyclass::{ClassModel, VariantFields, VariantModel};
use crate::utils::{c_str_lit, Ctx};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

/// What the enum's own emitter needs from its variants.
pub struct VariantParts {
    /// Items placed next to the enum's impls (variant types and their impls).
    pub items: TokenStream,
    /// `PyMethodDefType` expressions of `E`'s class attributes (one per variant).
    pub class_attrs: Vec<TokenStream>,
    /// Helper fns for `impl E { ... }` (the class attribute builders).
    pub helpers: TokenStream,
    /// The body of `E`'s `IntoPyObject::into_pyobject`.
    pub into_pyobject: TokenStream,
}

/// The hidden Rust type of variant `v`.
pub fn variant_type_ident(cls: &syn::Ident, v: &VariantModel) -> syn::Ident {
    format_ident!("{}_{}", cls, v.ident.to_string().trim_start_matches("r#"))
}

/// Emits all variant classes of `model` (whose kind is a complex enum).
pub fn emit(model: &ClassModel, variants: &[VariantModel], ctx: &Ctx) -> VariantParts {
    let pyo3 = &ctx.pyo3;
    let gl = &ctx.p;
    let pc = ctx.p.clone();
    let pe = quote!(#pyo3::impl_::pyclass_enum);
    let cls = &model.ident;
    let mut parts = VariantParts {
        items: TokenStream::new(),
        class_attrs: Vec::new(),
        helpers: TokenStream::new(),
        into_pyobject: TokenStream::new(),
    };
    let mut arms = Vec::new();
    for (i, v) in variants.iter().enumerate() {
        let vty = variant_type_ident(cls, v);
        let vid = &v.ident;
        let vname = &v.python_name;
        let qualname = format!("{}.{}", model.python_name, vname);
        let maker = format_ident!("__pyo3_variant_cls_{}", i);
        let cfgs = &v.cfg_attrs;
        parts.helpers.extend(quote! {
            #(#cfgs)*
            #[doc(hidden)]
            fn #maker(py: #gl::Python<'_>) -> #gl::PyResult<#gl::Py<#gl::PyAny>> {
                #pe::variant_class::<#vty>(py, #qualname)
            }
        });
        parts.class_attrs.push(quote! {
            #(#cfgs)* #pc::PyMethodDefType::ClassAttribute(#vname, #cls::#maker)
        });
        let pattern = match &v.fields {
            VariantFields::Named(_) => quote!(#cls::#vid { .. }),
            _ => quote!(#cls::#vid(..)),
        };
        arms.push(quote! {
            #(#cfgs)* #pattern => #pe::into_variant_object(py, self, #vty),
        });
        parts.items.extend(emit_variant(model, v, &vty, ctx));
    }
    parts.into_pyobject = quote! {
        match &self { #(#arms)* }
    };
    parts
}

/// The Rust names of the variant's fields as constructor parameters and their types.
fn params(v: &VariantModel) -> Vec<(syn::Ident, String, syn::Type)> {
    match &v.fields {
        VariantFields::Unit => Vec::new(),
        VariantFields::Named(f) => f.clone(),
        VariantFields::Unnamed(tys) => tys
            .iter()
            .enumerate()
            .map(|(i, t)| (format_ident!("_{}", i), format!("_{}", i), t.clone()))
            .collect(),
    }
}

fn emit_variant(model: &ClassModel, v: &VariantModel, vty: &syn::Ident, ctx: &Ctx) -> TokenStream {
    let pyo3 = &ctx.pyo3;
    let gl = &ctx.p;
    let pc = ctx.p.clone();
    let pe = quote!(#pyo3::impl_::pyclass_enum);
    let ps = ctx.p.clone();
    let cls = &model.ident;
    let vid = &v.ident;
    let vname = &v.python_name;
    let ename = &model.python_name;
    let module = match &model.options.module {
        Some(m) => {
            let m = m.value();
            quote!(#gl::Some(#m))
        }
        None => quote!(#gl::None),
    };
    let fields = params(v);
    let names: Vec<&syn::Ident> = fields.iter().map(|f| &f.0).collect();
    let tys: Vec<&syn::Type> = fields.iter().map(|f| &f.2).collect();
    let pattern = match &v.fields {
        VariantFields::Named(_) => quote!(#cls::#vid { #(#names),* }),
        _ => quote!(#cls::#vid ( #(#names),* )),
    };

    // One getter per field; each matches the whole value and converts one field.
    let mut helpers = TokenStream::new();
    let mut methods = Vec::new();
    let mut getter_idents = Vec::new();
    for (i, (name, pyname, ty)) in fields.iter().enumerate() {
        let getter = format_ident!("__pyo3_get_{}", i);
        let cname = c_str_lit(pyname, Span::call_site());
        helpers.extend(quote! {
            #[doc(hidden)]
            #[allow(unused_variables, unreachable_patterns)]
            unsafe fn #getter<'py>(
                py: #gl::Python<'py>,
                slf: *mut #gl::PyObject,
            ) -> #gl::PyResult<*mut #gl::PyObject> {
                #[allow(unused_imports)]
                use #ps::{FieldViaRef as _, FieldViaClone as _, FieldUnsupported as _};
                let __r = unsafe { #ps::pyref::<#cls>(py, slf)? };
                match &*__r {
                    #pattern => (&&#ps::FieldProbe::<#ty>::new()).field_to_ptr(py, #name),
                    _ => #gl::Result::Err(#pe::variant_mismatch(#ename, #vname)),
                }
            }
        });
        methods.push(quote! {
            unsafe {
                #pc::PyMethodDefType::getter(
                    #cname,
                    |py, slf| unsafe { #vty::#getter(py, slf) },
                    #gl::None,
                )
            }
        });
        getter_idents.push(getter);
    }
    let pynames: Vec<&String> = fields.iter().map(|f| &f.1).collect();
    helpers.extend(quote! {
        #[doc(hidden)]
        fn __pyo3_match_args(py: #gl::Python<'_>) -> #gl::PyResult<#gl::Py<#gl::PyAny>> {
            #pe::match_args(py, &[#(#pynames),*])
        }
    });
    methods.push(quote! {
        #pc::PyMethodDefType::ClassAttribute("__match_args__", #vty::__pyo3_match_args)
    });

    let mut slots = Vec::new();
    if let VariantFields::Unnamed(_) = &v.fields {
        let len = fields.len() as isize;
        let idx = (0..fields.len()).map(|i| i as isize);
        helpers.extend(quote! {
            #[doc(hidden)]
            unsafe extern "C" fn __pyo3_len(
                _slf: *mut #gl::PyObject,
            ) -> #gl::ffi::Py_ssize_t {
                #len
            }
            #[doc(hidden)]
            unsafe extern "C" fn __pyo3_getitem(
                slf: *mut #gl::PyObject,
                idx: #gl::ffi::Py_ssize_t,
            ) -> *mut #gl::PyObject {
                unsafe {
                    #gl::trampoline(move |py| match idx {
                        #(#idx => #vty::#getter_idents(py, slf),)*
                        _ => #gl::Result::Err(#pe::tuple_index_error()),
                    })
                }
            }
        });
        slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_sq_length, pfunc: #vty::__pyo3_len as *mut #gl::c_void }));
        slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_sq_item, pfunc: #vty::__pyo3_getitem as *mut #gl::c_void }));
    }

    // The constructor goes through the `#[pymethods]` emitter, so signatures, defaults and
    // argument errors behave as for any `#[new]`.
    let signature = v
        .constructor
        .as_ref()
        .map(|sig| quote!(#[pyo3(signature = #sig)]));
    let mut block: syn::ItemImpl = syn::parse_quote! {
        impl #vty {
            #[new]
            #signature
            fn __pyo3_variant_new(#(#names: #tys),*) -> #pyo3::PyClassInitializer<#vty> {
                #pe::variant_initializer(#pattern, #vty)
            }
        }
    };
    let mut ctor_items = TokenStream::new();
    let mut text_signature = quote!(#gl::None);
    match crate::model::pymethods::build(&mut block, model.options.krate.clone()) {
        Ok(m) => {
            let p = crate::emit::pymethods::emit_parts(&m, ctx);
            let items = p.items;
            ctor_items.extend(quote!(#block #items));
            methods.extend(p.methods);
            slots.extend(p.slots);
            text_signature = p.text_signature;
        }
        Err(e) => ctor_items.extend(e.into_compile_error()),
    }
    let is_tuple = matches!(v.fields, VariantFields::Unnamed(_));

    // Everything but the type itself sits in its own block: the constructor's items have
    // fixed names that would clash between variants.
    let cfgs = &v.cfg_attrs;
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        struct #vty;

        #(#cfgs)*
        const _: () = {
        unsafe impl #gl::PyTypeInfo for #vty {
            #[inline]
            fn type_object_raw(py: #gl::Python<'_>) -> *mut #gl::ffi::PyTypeObject {
                <#vty as #pc::PyClassImpl>::lazy_type_object()
                    .get_or_init(py)
                    .as_ptr()
                    .cast()
            }
        }

        impl #gl::PyClass for #vty {
            const NAME: &'static str = #vname;
            type Frozen = #gl::boolean_struct::True;
        }

        impl #vty {
            #helpers
        }

        #ctor_items

        impl #pc::PyClassImpl for #vty {
            const FROZEN: bool = true;
            const IS_SEQUENCE: bool = #is_tuple;
            const DOC: &'static str = "";
            const MODULE_NAME: ::core::option::Option<&'static str> = #module;
            const PY_NAME: &'static str = #vname;
            type BaseType = #cls;
            fn items() -> [&'static #pc::PyClassItems; 2] {
                static INTRINSIC: #pc::PyClassItems = #pc::PyClassItems {
                    methods: &[#(#methods),*],
                    slots: &[#(#slots),*],
                    text_signature: #text_signature,
                    traverse: #gl::None,
                };
                [&INTRINSIC, &#pc::EMPTY_ITEMS]
            }
            fn lazy_type_object() -> &'static #pc::LazyTypeObject<Self> {
                static TYPE_OBJECT: #pc::LazyTypeObject<#vty> = #pc::LazyTypeObject::new();
                &TYPE_OBJECT
            }
        }

        impl #gl::DerefToPyAny for #vty {}
        };
    }
}
