//! Emits the trait impls and descriptors of a `#[pyclass]`.
//!
//! Generated (in `const _: () = { ... }`): `PyTypeInfo`, `PyClass`, `PyClassImpl` (with the
//! class's own items: field getters/setters, enum variants, option-generated slots),
//! `IntoPyObject`, `PyClassBaseType` for `subclass` classes and the optional `FromPyObject`.

use crate::model::pyclass::{ClassKind, ClassModel};
use crate::utils::{c_str_lit, Ctx};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

/// Emits everything but the item itself.
pub fn emit(model: &ClassModel) -> TokenStream {
    let ctx = Ctx::new(model.options.krate.as_ref());
    // Everything below but `#thread_assert` and the inventory is in the block importing `__p`.
    let glue = ctx.glue_use();
    let ctx = ctx.in_glue_block();
    let pyo3 = &ctx.pyo3;
    let gl = &ctx.p;
    let crate::inspect::ClassHooks {
        items: inspect_items,
        type_hint: inspect_type_hint,
        output_type: inspect_output_type,
        input_type: inspect_input_type,
    } = crate::inspect::class_hooks(model);
    let pc = ctx.p.clone();
    let ps = ctx.p.clone();
    let cls = &model.ident;
    let opts = &model.options;
    let name = &model.python_name;
    let module = match &opts.module {
        Some(m) => {
            let m = m.value();
            quote!(#gl::Some(#m))
        }
        None => quote!(#gl::None),
    };
    let base = match &opts.extends {
        Some(p) => quote!(#p),
        None => quote!(#gl::PyAny),
    };
    let frozen = if opts.frozen {
        quote!(#gl::boolean_struct::True)
    } else {
        quote!(#gl::boolean_struct::False)
    };
    let is_enum = matches!(model.kind, ClassKind::Enum(_));
    let is_complex_enum = matches!(model.kind, ClassKind::ComplexEnum(_));
    let is_sequence = opts.sequence;
    let doc = model.doc.clone().unwrap_or_default();
    let (is_basetype, has_dict, has_weakref, unsendable, is_frozen) = (
        // A complex enum is the base of its variant classes.
        opts.subclass || is_complex_enum,
        opts.dict,
        opts.weakref,
        opts.unsendable,
        opts.frozen,
    );

    let mut helpers = TokenStream::new();
    let mut helpers_outer = TokenStream::new();
    let mut methods = Vec::new();
    let mut slots = Vec::new();
    let mut into_pyobject_body = quote!(#pc::into_new_object(py, self));
    // Complex enums: `Py::new` / `Bound::new` make the variant's subclass (see `IntoPyObject`).
    let mut variant_hook = TokenStream::new();
    // `gc`: this level's derived `__traverse__`.
    let mut own_traverse = quote!(#gl::None);
    let gc_derived = opts.gc.is_some();
    let mut gc_derived_clear = false;

    match &model.kind {
        ClassKind::ComplexEnum(variants) => {
            let parts = crate::emit::complex_enum::emit(model, variants, &ctx);
            helpers.extend(parts.helpers);
            helpers_outer.extend(parts.items);
            methods.extend(parts.class_attrs);
            into_pyobject_body = parts.into_pyobject;
            variant_hook = quote! {
                fn new_variant_object(
                    value: Self,
                    py: #gl::Python<'_>,
                ) -> ::core::result::Result<#gl::PyResult<#gl::Bound<'_, Self>>, Self> {
                    #gl::Ok(#gl::IntoPyObject::into_pyobject(value, py))
                }
            };
        }
        ClassKind::Struct(fields) => {
            if gc_derived {
                let gc = crate::emit::pyclass_gc::emit(model, fields, &ctx);
                helpers.extend(gc.helpers);
                slots.extend(gc.slots);
                own_traverse = gc.traverse;
                gc_derived_clear = gc.derived_clear;
            }
            for (i, f) in fields.iter().enumerate() {
                let member = &f.member;
                let ty = &f.ty;
                let pyname = c_str_lit(&f.python_name, Span::call_site());
                let fdoc = match &f.doc {
                    Some(d) => {
                        let l = c_str_lit(d, Span::call_site());
                        quote!(#gl::Some(#l))
                    }
                    None => quote!(#gl::None),
                };
                let cfgs = &f.cfg_attrs;
                if f.get {
                    let getter = format_ident!("__pyo3_get_field_{}", i);
                    helpers.extend(quote_spanned! {f.span=>
                        #(#cfgs)*
                        #[doc(hidden)]
                        #[allow(non_snake_case)]
                        unsafe fn #getter<'py>(
                            py: #gl::Python<'py>,
                            slf: *mut #gl::PyObject,
                        ) -> #gl::PyResult<*mut #gl::PyObject> {
                            #[allow(unused_imports)]
                            use #ps::{FieldViaRef as _, FieldViaClone as _, FieldUnsupported as _};
                            // The getset descriptor has checked the type of `slf`.
                            let __r = unsafe { #pc::SlfRef::<#cls>::acquire(py, slf)? };
                            (&&#ps::FieldProbe::<#ty>::new()).field_to_ptr(py, &__r.#member)
                        }
                    });
                    methods.push(quote! {
                        #(#cfgs)* unsafe {
                            #pc::PyMethodDefType::getter(
                                #pyname,
                                |py, slf| unsafe { #cls::#getter(py, slf) },
                                #fdoc,
                            )
                        }
                    });
                }
                if f.set {
                    let setter = format_ident!("__pyo3_set_field_{}", i);
                    helpers.extend(quote_spanned! {f.span=>
                        #(#cfgs)*
                        #[doc(hidden)]
                        #[allow(non_snake_case)]
                        unsafe fn #setter<'py>(
                            py: #gl::Python<'py>,
                            slf: *mut #gl::PyObject,
                            value: *mut #gl::PyObject,
                        ) -> #gl::PyResult<#gl::c_int> {
                            let __v = unsafe { #ps::setter_value(py, value)? };
                            let __v: #ty = #ps::extract_value(__v)?;
                            let mut __r = unsafe { #pc::SlfMut::<#cls>::acquire(py, slf)? };
                            __r.#member = __v;
                            #gl::Ok(0)
                        }
                    });
                    methods.push(quote! {
                        #(#cfgs)* #pc::PyMethodDefType::Setter(#pyname, #cls::#setter, #fdoc)
                    });
                }
            }
        }
        ClassKind::Enum(variants) => {
            let mut reprs = Vec::new();
            for (i, v) in variants.iter().enumerate() {
                let vid = &v.ident;
                let vname = &v.python_name;
                let maker = format_ident!("__pyo3_variant_{}", i);
                let cfgs = &v.cfg_attrs;
                helpers.extend(quote! {
                    #(#cfgs)*
                    #[doc(hidden)]
                    #[allow(non_snake_case)]
                    fn #maker(py: #gl::Python<'_>) -> #gl::PyResult<#gl::Py<#gl::PyAny>> {
                        #gl::Ok(
                            #gl::Py::new(py, #cls::#vid)?.into_any()
                        )
                    }
                });
                methods.push(quote! {
                    #(#cfgs)* #pc::PyMethodDefType::ClassAttribute(#vname, #cls::#maker)
                });
                let repr = format!("{}.{}", name, vname);
                reprs.push(quote!(#(#cfgs)* #cls::#vid => #repr,));
            }
            let repr = &model.repr;
            let ints = variants.iter().map(|v| {
                let vid = &v.ident;
                let cfgs = &v.cfg_attrs;
                quote!(#(#cfgs)* #cls::#vid => #cls::#vid as #repr,)
            });
            let names = variants.iter().map(|v| {
                let vid = &v.ident;
                let n = &v.python_name;
                let cfgs = &v.cfg_attrs;
                quote!(#(#cfgs)* #cls::#vid => #n,)
            });
            // Converting a value returns the class attribute: `f() is E.A` holds.
            into_pyobject_body = quote! {
                #pyo3::impl_::pyclass_enum::enum_variant_object(py, self, |v| match v { #(#names)* })
            };
            helpers.extend(quote! {
                #[doc(hidden)]
                unsafe extern "C" fn __pyo3_enum_repr(
                    slf: *mut #gl::PyObject,
                ) -> *mut #gl::PyObject {
                    unsafe {
                        #gl::trampoline(move |py| {
                            let __r = #ps::pyref::<#cls>(py, slf)?;
                            let s: &str = match &*__r { #(#reprs)* };
                            #gl::IntoPyResultPtr::into_result_ptr(s, py)
                        })
                    }
                }
                #[doc(hidden)]
                fn __pyo3_enum_discriminant(&self) -> #repr {
                    match self { #(#ints)* }
                }
                #[doc(hidden)]
                unsafe extern "C" fn __pyo3_enum_int(
                    slf: *mut #gl::PyObject,
                ) -> *mut #gl::PyObject {
                    unsafe {
                        #gl::trampoline(move |py| {
                            let __r = #ps::pyref::<#cls>(py, slf)?;
                            let i: #repr = __r.__pyo3_enum_discriminant();
                            #gl::IntoPyResultPtr::into_result_ptr(i, py)
                        })
                    }
                }
            });
            slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_tp_repr, pfunc: #cls::__pyo3_enum_repr as *mut #gl::c_void }));
            slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_nb_int, pfunc: #cls::__pyo3_enum_int as *mut #gl::c_void }));
        }
    }

    // Comparison / hash / str options.
    let richcmp = if opts.ord {
        Some(quote!(#ps::richcmp_ord::<#cls>(py, &*__r, other, op)))
    } else if opts.eq {
        Some(quote!(#ps::richcmp_eq::<#cls>(py, &*__r, other, op)))
    } else if is_enum {
        Some(quote!(#ps::richcmp_enum::<#cls>(py, &*__r, other, op)))
    } else {
        None
    };
    // `eq_int`: anything that is not an instance is compared with the discriminant.
    let ord = opts.ord;
    let richcmp = match (richcmp, opts.eq_int.is_some()) {
        (Some(call), true) => Some(quote! {
            if !unsafe { #pc::is_instance::<#cls>(py, other) } {
                return #ps::richcmp_int(py, __r.__pyo3_enum_discriminant(), other, op, #ord);
            }
            #call
        }),
        (call, _) => call,
    };
    if let Some(call) = richcmp {
        helpers.extend(quote! {
            #[doc(hidden)]
            unsafe extern "C" fn __pyo3_option_richcmp(
                slf: *mut #gl::PyObject,
                other: *mut #gl::PyObject,
                op: #gl::c_int,
            ) -> *mut #gl::PyObject {
                unsafe {
                    #gl::trampoline(move |py| {
                        let op = #ps::compare_op(op)?;
                        let __r = #ps::pyref::<#cls>(py, slf)?;
                        #call
                    })
                }
            }
        });
        slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_tp_richcompare, pfunc: #cls::__pyo3_option_richcmp as *mut #gl::c_void }));
    }
    if opts.hash.is_some() {
        let h = quote!(#ps::hash_of(&*__r));
        helpers.extend(quote! {
            #[doc(hidden)]
            unsafe extern "C" fn __pyo3_option_hash(
                slf: *mut #gl::PyObject,
            ) -> #gl::ffi::Py_hash_t {
                unsafe {
                    #gl::trampoline(move |py| {
                        let __r = #ps::pyref::<#cls>(py, slf)?;
                        #gl::Ok(#h)
                    })
                }
            }
        });
        slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_tp_hash, pfunc: #cls::__pyo3_option_hash as *mut #gl::c_void }));
    }
    if let Some(fmt) = &opts.str {
        let to_string = match (fmt, &model.kind) {
            (Some(lit), ClassKind::Struct(fields)) => {
                let (new_fmt, keys) = rewrite_format(&lit.value());
                let args = keys.iter().map(|k| {
                    let bare = k.strip_prefix("r#").unwrap_or(k);
                    let id = format_ident!("__pyo3_f_{}", bare);
                    let member: syn::Member = match k.parse::<usize>() {
                        Ok(i) => syn::Member::Unnamed(syn::Index::from(i)),
                        Err(_) if bare != k => {
                            syn::Member::Named(syn::Ident::new_raw(bare, Span::call_site()))
                        }
                        Err(_) => syn::Member::Named(format_ident!("{}", k)),
                    };
                    let _ = fields;
                    quote!(#id = &__r.#member)
                });
                quote!(::std::format!(#new_fmt, #(#args),*))
            }
            _ => quote!(::std::string::ToString::to_string(&*__r)),
        };
        helpers.extend(quote! {
            #[doc(hidden)]
            unsafe extern "C" fn __pyo3_option_str(
                slf: *mut #gl::PyObject,
            ) -> *mut #gl::PyObject {
                unsafe {
                    #gl::trampoline(move |py| {
                        let __r = #ps::pyref::<#cls>(py, slf)?;
                        let s: ::std::string::String = #to_string;
                        #gl::IntoPyResultPtr::into_result_ptr(s, py)
                    })
                }
            }
        });
        slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_tp_str, pfunc: #cls::__pyo3_option_str as *mut #gl::c_void }));
    }

    let mut text_signature = quote!(#gl::None);
    if opts.new_from_fields {
        if let ClassKind::Struct(fields) = &model.kind {
            let names: Vec<syn::Ident> = fields
                .iter()
                .enumerate()
                .map(|(i, f)| match &f.member {
                    syn::Member::Named(id) => id.clone(),
                    syn::Member::Unnamed(_) => format_ident!("_{}", i),
                })
                .collect();
            let tys = fields.iter().map(|f| &f.ty);
            let ctor = if fields
                .iter()
                .all(|f| matches!(f.member, syn::Member::Named(_)))
            {
                quote!(#cls { #(#names),* })
            } else {
                quote!(#cls ( #(#names),* ))
            };
            let krate = opts
                .krate
                .as_ref()
                .map(|k| quote!(#k))
                .unwrap_or(quote!(::pyo3));
            let _ = krate;
            let mut block: syn::ItemImpl = syn::parse_quote! {
                impl #cls {
                    #[new]
                    fn __pyo3_new_from_fields(#(#names: #tys),*) -> #cls { #ctor }
                }
            };
            if let Ok(m) = crate::model::pymethods::build(&mut block, opts.krate.clone()) {
                let parts = crate::emit::pymethods::emit_parts(&m, &ctx);
                let items = parts.items;
                helpers_outer.extend(quote!(#block #items));
                methods.extend(parts.methods);
                slots.extend(parts.slots);
                text_signature = parts.text_signature;
            }
        }
    }

    let base_impl = if is_basetype {
        quote! {
            unsafe impl #pc::PyClassBaseType for #cls {
                type LayoutAsBase = #pc::PyClassObject<#cls>;
                type Initializer = #pyo3::PyClassInitializer<#cls>;
                const CHAIN: #pc::ChainInfo = #pc::chain_info::<#cls>();
                unsafe fn root_borrow_flag<'a>(
                    obj: *mut #gl::PyObject,
                ) -> ::core::option::Option<&'a #pc::BorrowFlag> {
                    #gl::Some(unsafe { #pc::borrow_flag_of::<#cls>(obj) })
                }
                unsafe fn dealloc_base(py: #gl::Python<'_>, obj: *mut #gl::PyObject) {
                    unsafe { #pc::dealloc_level::<#cls>(py, obj) }
                }
                unsafe fn traverse_levels(
                    obj: *mut #gl::PyObject,
                    visit: #gl::ffi::visitproc,
                    arg: *mut #gl::c_void,
                ) -> #gl::c_int {
                    unsafe { #pc::traverse_levels::<#cls>(obj, visit, arg) }
                }
                unsafe fn check_base_thread(obj: *mut #gl::PyObject) {
                    unsafe { #pc::check_thread_of::<#cls>(obj) }
                }
                fn native_base_type(py: #gl::Python<'_>) -> *mut #gl::ffi::PyTypeObject {
                    <<#cls as #pc::PyClassImpl>::BaseType as #pc::PyClassBaseType>::native_base_type(py)
                }
            }
        }
    } else {
        TokenStream::new()
    };

    let from_py = if opts.from_py_object {
        quote! {
            impl<'a, 'py> #pyo3::FromPyObject<'a, 'py> for #cls
            where
                #cls: ::core::clone::Clone,
            {
                #inspect_input_type
                type Error = #gl::PyErr;
                fn extract(
                    obj: #pyo3::Borrowed<'a, 'py, #gl::PyAny>,
                ) -> ::core::result::Result<Self, #gl::PyErr> {
                    let __r: #pyo3::PyRef<'py, #cls> = #pyo3::FromPyObject::extract(obj)?;
                    #gl::Ok(::core::clone::Clone::clone(&*__r))
                }
            }
        }
    } else {
        TokenStream::new()
    };

    let helpers_impl = if helpers.is_empty() {
        TokenStream::new()
    } else {
        quote!(impl #cls { #helpers })
    };
    let immutable_type = opts.immutable_type;
    let is_mapping = opts.mapping;
    let freelist_impl = match &opts.freelist {
        Some(n) => {
            let fl = quote!(#pyo3::impl_::pyclass_freelist);
            slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_tp_alloc, pfunc: #fl::freelist_alloc::<#cls> as *mut #gl::c_void }));
            slots.push(quote!(#pc::PySlot { slot: #gl::ffi::Py_tp_free, pfunc: #fl::freelist_free::<#cls> as *mut #gl::c_void }));
            quote! {
                impl #fl::PyClassWithFreeList for #cls {
                    fn get_free_list(_py: #gl::Python<'_>) -> &'static #fl::FreeList {
                        static FREELIST: #fl::FreeList = #fl::FreeList::new(#n);
                        &FREELIST
                    }
                }
            }
        }
        None => TokenStream::new(),
    };
    if opts.generic {
        methods.push(quote! {
            #pc::PyMethodDefType::ClassAttribute("__class_getitem__", #pc::generic_class_getitem)
        });
    }
    let immutable_assert = if immutable_type {
        quote_spanned! {cls.span()=>
            const _: () = ::core::assert!(
                #pc::IMMUTABLE_TYPE_SUPPORTED,
                "`immutable_type` needs Python >= 3.10 (>= 3.14 with the stable ABI)"
            );
        }
    } else {
        TokenStream::new()
    };
    let thread_assert = if unsendable {
        TokenStream::new()
    } else {
        // In the class's block (`__p` paths), spanned at the class, the bound too (the glue
        // path re-spanned): the error and its note point at the class.
        let gl_at_cls: TokenStream = gl
            .clone()
            .into_iter()
            .map(|mut t| {
                t.set_span(cls.span());
                t
            })
            .collect();
        quote_spanned! {cls.span()=>
            fn __pyo3_assert_send_sync<T: #gl_at_cls::Send + #gl_at_cls::Sync>() {}
            fn __pyo3_check() { __pyo3_assert_send_sync::<#cls>(); }
        }
    };

    // Only the options that differ from `PyClassImpl`'s defaults (false, no doc, no module)
    // are emitted: most classes set none of them.
    let mut impl_consts = TokenStream::new();
    for (set, konst) in [
        (is_basetype, quote!(IS_BASETYPE)),
        (has_dict, quote!(HAS_DICT)),
        (has_weakref, quote!(HAS_WEAKREF)),
        (unsendable, quote!(UNSENDABLE)),
        (is_frozen, quote!(FROZEN)),
        (is_sequence, quote!(IS_SEQUENCE)),
        (immutable_type, quote!(IMMUTABLE_TYPE)),
        (is_mapping, quote!(IS_MAPPING)),
        (gc_derived, quote!(GC_DERIVED)),
        (gc_derived_clear, quote!(GC_DERIVED_CLEAR)),
    ] {
        if set {
            impl_consts.extend(quote!(const #konst: bool = true;));
        }
    }
    if !doc.is_empty() {
        impl_consts.extend(quote!(const DOC: &'static str = #doc;));
    }
    if opts.module.is_some() {
        impl_consts.extend(quote!(const MODULE_NAME: #gl::Option<&'static str> = #module;));
    }

    // The class's own items (`#[pyo3(get, set)]`, options' slots, ...); most classes have
    // none and share the empty ones.
    let none = quote!(#gl::None).to_string();
    let (intrinsic_static, intrinsic) = if methods.is_empty()
        && slots.is_empty()
        && text_signature.to_string() == none
        && own_traverse.to_string() == none
    {
        (TokenStream::new(), quote!(&#pc::EMPTY_ITEMS))
    } else {
        let items = quote! {
            static INTRINSIC: #pc::PyClassItems = #pc::PyClassItems {
                methods: &[#(#methods),*],
                slots: &[#(#slots),*],
                text_signature: #text_signature,
                traverse: #own_traverse,
            };
        };
        (items, quote!(&INTRINSIC))
    };
    let (collected, inventory) = methods_collection(model, &intrinsic, &ctx);
    quote! {
        #[allow(non_upper_case_globals, non_snake_case, unused_unsafe, unused_mut, unused_variables, clippy::all)]
        const _: () = {
            #glue
            #immutable_assert
            unsafe impl #gl::PyTypeInfo for #cls {
                const MODULE: #gl::Option<&'static str> = #module;

                #inspect_type_hint
                #[inline]
                fn type_object_raw(py: #gl::Python<'_>) -> *mut #gl::ffi::PyTypeObject {
                    #pc::class_type_object::<#cls>(py)
                }
            }

            impl #gl::PyClass for #cls {
                const NAME: &'static str = #name;
                type Frozen = #frozen;
            }

            #helpers_impl

            #helpers_outer
            #inspect_items

            impl #pc::PyClassImpl for #cls {
                #impl_consts
                const PY_NAME: &'static str = #name;
                type BaseType = #base;
                fn items() -> [&'static #pc::PyClassItems; 2] {
                    #intrinsic_static
                    #collected
                }
                fn lazy_type_object() -> &'static #pc::LazyTypeObject<Self> {
                    static TYPE_OBJECT: #pc::LazyTypeObject<#cls> = #pc::LazyTypeObject::new();
                    &TYPE_OBJECT
                }
                #variant_hook
            }

            impl<'py> #gl::IntoPyObject<'py> for #cls {
                #inspect_output_type
                type Target = #cls;
                type Output = #gl::Bound<'py, #cls>;
                type Error = #gl::PyErr;
                fn into_pyobject(
                    self,
                    py: #gl::Python<'py>,
                ) -> #gl::PyResult<Self::Output> {
                    #into_pyobject_body
                }
            }

            impl #gl::DerefToPyAny for #cls {}

            #base_impl
            #from_py
            #freelist_impl
            #thread_assert
        };
        #inventory
    }
}

/// How `items()` finds the `#[pymethods]` items: by autoref specialization on
/// `PyClassImplCollector` (one block), or, with the `multiple-pymethods` feature, from the
/// class's inventory (also returned: its entry type, named by `#[pymethods]`).
fn methods_collection(
    model: &ClassModel,
    intrinsic: &TokenStream,
    ctx: &Ctx,
) -> (TokenStream, TokenStream) {
    let pyo3 = &ctx.pyo3;
    let pc = ctx.p.clone();
    let cls = &model.ident;
    if !cfg!(feature = "multiple-pymethods") {
        let collected = quote! {
            #[allow(unused_imports)]
            use #pc::PyMethods as _;
            [#intrinsic, #pc::PyClassImplCollector::<#cls>::new().py_methods()]
        };
        return (collected, TokenStream::new());
    }
    let inv = crate::emit::pymethods::inventory_ident(cls);
    let vis = &model.vis;
    let pi = quote!(#pyo3::impl_::pyclass_inventory);
    let collected = quote! {
        static MERGED: ::std::sync::OnceLock<&'static #pc::PyClassItems> =
            ::std::sync::OnceLock::new();
        [#intrinsic, #pi::merged_items::<#inv>(&MERGED)]
    };
    // Outside the class's block: full paths.
    let pc = quote!(#pyo3::impl_::pyclass);
    let inventory = quote! {
        #[doc(hidden)]
        #vis struct #inv {
            items: &'static #pc::PyClassItems,
        }
        impl #inv {
            #[doc(hidden)]
            pub const fn new(items: &'static #pc::PyClassItems) -> Self {
                #inv { items }
            }
        }
        impl #pi::PyClassInventory for #inv {
            fn items(&'static self) -> &'static #pc::PyClassItems {
                self.items
            }
        }
        #pyo3::inventory::collect!(#inv);
    };
    (collected, inventory)
}

/// Rewrites `{field}` / `{0}` placeholders of a `str = "..."` format into named arguments
/// `{__pyo3_f_field}`; returns the new format and the referenced fields.
fn rewrite_format(fmt: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut keys: Vec<String> = Vec::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push_str("{{");
            }
            '{' => {
                let mut key = String::new();
                while let Some(&n) = chars.peek() {
                    if n == '}' || n == ':' {
                        break;
                    }
                    key.push(n);
                    chars.next();
                }
                let key = key.trim().to_string();
                out.push_str("{__pyo3_f_");
                out.push_str(key.strip_prefix("r#").unwrap_or(&key));
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            _ => out.push(c),
        }
    }
    (out, keys)
}
