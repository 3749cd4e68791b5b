//! Introspection metadata (`experimental-inspect`): one exported static per Python item, holding
//! a JSON description that `pyo3-introspection` reads from the built library to write type
//! stubs. Nothing here is called without the feature, so it costs no tokens otherwise.
//!
//! The JSON is rendered at compile time by `pyo3::impl_::introspection::json_bytes` from a
//! [`J`] tree turned into a `Json` constant, because type hints are associated constants of
//! the conversion traits that only the compiler can evaluate.

pub mod hints;
pub mod items;
pub mod pyexpr;
pub mod scan;

/// Whether metadata is emitted (the `experimental-inspect` feature).
pub const ENABLED: bool = cfg!(feature = "experimental-inspect");

/// The tokens the class emitter splices into its trait impls: `PyTypeInfo::TYPE_HINT`,
/// `IntoPyObject::OUTPUT_TYPE`, `FromPyObject::INPUT_TYPE`, plus the metadata items. All empty
/// without the feature.
#[derive(Default)]
pub struct ClassHooks {
    /// Items next to the class impls.
    pub items: TokenStream,
    /// In `impl PyTypeInfo`.
    pub type_hint: TokenStream,
    /// In `impl IntoPyObject`.
    pub output_type: TokenStream,
    /// In `impl FromPyObject`.
    pub input_type: TokenStream,
}

/// The hooks of `model` (see [`ClassHooks`]).
pub fn class_hooks(model: &crate::model::pyclass::ClassModel) -> ClassHooks {
    if !ENABLED {
        return ClassHooks::default();
    }
    let pyo3 = crate::utils::Ctx::new(model.options.krate.as_ref()).pyo3;
    let cls = &model.ident;
    let (items, type_hint) = items::pyclass(model);
    let hint = quote!(<#cls as #pyo3::type_object::PyTypeInfo>::TYPE_HINT);
    ClassHooks {
        items,
        type_hint,
        output_type: quote!(const OUTPUT_TYPE: #pyo3::inspect::PyStaticExpr = #hint;),
        input_type: quote!(const INPUT_TYPE: #pyo3::inspect::PyStaticExpr = #hint;),
    }
}

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A JSON value whose leaves may be Rust constant expressions.
pub enum J {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A string known to the macro.
    Str(String),
    /// A `&'static str` constant expression (an introspection id).
    StrExpr(TokenStream),
    /// An array.
    Arr(Vec<J>),
    /// An object.
    Obj(Vec<(&'static str, J)>),
    /// A `PyStaticExpr` constant expression.
    Expr(TokenStream),
}

impl J {
    /// `Some(s)` as a string, `None` as null.
    pub fn opt_str(s: Option<&str>) -> J {
        s.map_or(J::Null, |s| J::Str(s.to_string()))
    }

    /// The tokens of the `pyo3::impl_::introspection::Json` constant.
    pub fn tokens(&self, pyo3: &TokenStream) -> TokenStream {
        let json = quote!(#pyo3::impl_::introspection::Json);
        match self {
            J::Null => quote!(#json::Null),
            J::Bool(b) => quote!(#json::Bool(#b)),
            J::Str(s) => quote!(#json::Str(#s)),
            J::StrExpr(e) => quote!(#json::Str(#e)),
            J::Arr(items) => {
                let items = items.iter().map(|i| i.tokens(pyo3));
                quote!(#json::Array(&[#(#items),*]))
            }
            J::Obj(fields) => {
                let fields = fields.iter().map(|(k, v)| {
                    let v = v.tokens(pyo3);
                    quote!((#k, #v))
                });
                quote!(#json::Object(&[#(#fields),*]))
            }
            // A named constant per hint: `&CONST` is promoted to `'static`, which a `&` of an
            // arbitrary constant expression inside a call is not guaranteed to be.
            J::Expr(e) => quote!(#json::Expr(&{
                #[allow(unused_imports)]
                use #pyo3::impl_::introspection::HintFallback as _;
                const __PYO3_HINT: #pyo3::inspect::PyStaticExpr = #e;
                __PYO3_HINT
            })),
        }
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A symbol suffix unique within the crate being compiled (a counter) and unlikely to clash
/// with another crate's (a hash of the item's description).
fn unique_suffix(seed: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    seed.hash(&mut h);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{:016x}_{n}", h.finish())
}

/// The exported static holding `json`.
pub fn emit_static(json: &J, seed: &str, pyo3: &TokenStream) -> TokenStream {
    let sym = format_ident!("PYO3_INTROSPECTION_1_{}", unique_suffix(seed));
    let value = json.tokens(pyo3);
    let intro = quote!(#pyo3::impl_::introspection);
    quote! {
        const _: () = {
            #[allow(unused_imports)]
            use #intro::IdFallback as _;
            const __PYO3_META: #intro::Json = #value;
            #[doc(hidden)]
            #[used]
            #[unsafe(no_mangle)]
            #[allow(non_upper_case_globals)]
            static #sym: [u8; #intro::json_len(&__PYO3_META)] = #intro::json_bytes(&__PYO3_META);
        };
    }
}

/// The introspection id of the item named `name` defined at the macro call site.
pub fn id_expr(name: &str) -> TokenStream {
    quote!(::core::concat!(::core::module_path!(), "::", #name))
}

/// The id of the type (or function/module holder struct) `path`, `""` if it has none.
pub fn id_of(path: &impl quote::ToTokens, pyo3: &TokenStream) -> TokenStream {
    quote!(#pyo3::impl_::introspection::IdOf::<#path>::ID)
}

/// `impl HasIntrospectionId for ty`.
pub fn impl_id(ty: &impl quote::ToTokens, name: &str, pyo3: &TokenStream) -> TokenStream {
    let id = id_expr(name);
    quote! {
        impl #pyo3::impl_::introspection::HasIntrospectionId for #ty {
            const INTROSPECTION_ID: &'static str = #id;
        }
    }
}
