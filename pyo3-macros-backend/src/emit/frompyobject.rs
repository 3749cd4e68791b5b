//! Emits `impl FromPyObject` for a derive model.

use crate::model::derive::{ContainerModel, DeriveModel, FieldModel, Getter, Shape};
use crate::utils::Ctx;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// Whether `ty` mentions any of the type parameters.
pub fn mentions_type_param(ty: &syn::Type, generics: &syn::Generics) -> bool {
    let names: Vec<String> = generics
        .type_params()
        .map(|t| t.ident.to_string())
        .collect();
    if names.is_empty() {
        return false;
    }
    struct V<'a>(&'a [String], bool);
    impl<'ast> syn::visit::Visit<'ast> for V<'_> {
        fn visit_path(&mut self, p: &'ast syn::Path) {
            if let Some(first) = p.segments.first() {
                if self.0.iter().any(|n| first.ident == n) {
                    self.1 = true;
                }
            }
            syn::visit::visit_path(self, p);
        }
    }
    let mut v = V(&names, false);
    syn::visit::Visit::visit_type(&mut v, ty);
    v.1
}

/// Chooses the `'py` lifetime: the input's own `'py` if it declares one, else a fresh one.
/// Returns (py lifetime, whether it must be added to the impl generics).
pub fn py_lifetime(generics: &syn::Generics) -> (syn::Lifetime, bool) {
    for lt in generics.lifetimes() {
        if lt.lifetime.ident == "py" {
            return (lt.lifetime.clone(), false);
        }
    }
    (
        syn::Lifetime::new("'py", proc_macro2::Span::call_site()),
        true,
    )
}

struct Emitter<'m> {
    model: &'m DeriveModel,
    ctx: Ctx,
    bounds: Vec<TokenStream>,
    py_lt: syn::Lifetime,
    a_lt: syn::Lifetime,
}

/// The borrow lifetime `'a` of `FromPyObject<'a, 'py>`: the input's own lifetime (other than
/// `'py`) if it has one, so that fields like `&'a str` borrow from the object; else a fresh one.
fn borrow_lifetime(generics: &syn::Generics) -> (syn::Lifetime, bool) {
    for lt in generics.lifetimes() {
        if lt.lifetime.ident != "py" {
            return (lt.lifetime.clone(), false);
        }
    }
    (
        syn::Lifetime::new("'__a", proc_macro2::Span::call_site()),
        true,
    )
}

impl Emitter<'_> {
    fn fpo(&self) -> TokenStream {
        let pyo3 = &self.ctx.pyo3;
        quote!(#pyo3::impl_::frompyobject)
    }

    fn field_bound(&mut self, f: &FieldModel, owned: bool) {
        if f.options.from_py_with.is_some() || !mentions_type_param(&f.ty, &self.model.generics) {
            return;
        }
        let pyo3 = &self.ctx.pyo3;
        let ty = &f.ty;
        let py = &self.py_lt;
        self.bounds.push(if owned {
            quote!(#ty: #pyo3::conversion::FromPyObjectOwned<#py>)
        } else {
            let a = &self.a_lt;
            quote!(#ty: #pyo3::FromPyObject<#a, #py>)
        });
    }

    /// Extraction of a value `value` (an expression of type `Bound<'py, PyAny>` or a
    /// reference to one) into the field, with the error context.
    fn convert(&self, f: &FieldModel, value: TokenStream, owner: &str) -> TokenStream {
        let fpo = self.fpo();
        let field = match &f.ident {
            Some(i) => crate::utils::python_name(i),
            None => f.index.to_string(),
        };
        let span = f.ty.span();
        match &f.options.from_py_with {
            Some(path) => quote_spanned! {span=>
                #fpo::with_field_context(py, #path(&#value), #owner, #field)?
            },
            None => quote_spanned! {span=>
                #fpo::extract_field(&#value, #owner, #field)?
            },
        }
    }

    fn named_field(&mut self, f: &FieldModel, owner: &str) -> TokenStream {
        let pyo3 = self.ctx.pyo3.clone();
        let fpo = self.fpo();
        self.field_bound(f, true);
        let (lookup, lookup_opt) = match f.getter.as_ref().unwrap() {
            Getter::Attribute(name) => (
                quote!(#fpo::getattr(&obj, #pyo3::intern!(py, #name))?),
                quote!(#fpo::getattr_opt(&obj, #pyo3::intern!(py, #name))?),
            ),
            Getter::Item(syn::Lit::Str(s)) => (
                quote!(#fpo::get_item(&obj, #pyo3::intern!(py, #s))?),
                quote!(#fpo::get_item_opt(&obj, #pyo3::intern!(py, #s))?),
            ),
            Getter::Item(lit) => (
                quote!(#fpo::get_item(&obj, #lit)?),
                quote!(#fpo::get_item_opt(&obj, #lit)?),
            ),
        };
        match &f.options.default {
            None => {
                let conv = self.convert(f, quote!(__value), owner);
                quote!({ let __value = #lookup; #conv })
            }
            Some(default) => {
                let default = match default {
                    Some(e) => quote!(#e),
                    None => quote!(::core::default::Default::default()),
                };
                let conv = self.convert(f, quote!(__value), owner);
                quote! {
                    match #lookup_opt {
                        ::core::option::Option::Some(__value) => #conv,
                        ::core::option::Option::None => #default,
                    }
                }
            }
        }
    }

    fn container(&mut self, c: &ContainerModel, path: TokenStream, owner: &str) -> TokenStream {
        let fpo = self.fpo();
        match c.shape {
            Shape::Struct => {
                let fields: Vec<_> = c
                    .fields
                    .iter()
                    .map(|f| {
                        let ident = f.ident.as_ref().unwrap();
                        let expr = self.named_field(f, owner);
                        quote!(#ident: #expr)
                    })
                    .collect();
                quote!(::core::result::Result::Ok(#path { #(#fields),* }))
            }
            Shape::Transparent => {
                let f = &c.fields[0];
                self.field_bound(f, false);
                let field = match &f.ident {
                    Some(i) => crate::utils::python_name(i),
                    None => "0".to_string(),
                };
                let expr = match &f.options.from_py_with {
                    Some(p) => quote!(#fpo::with_field_context(py, #p(&*obj), #owner, #field)?),
                    None => quote!(#fpo::extract_transparent(obj, #owner, #field)?),
                };
                match &f.ident {
                    Some(i) => quote!(::core::result::Result::Ok(#path { #i: #expr })),
                    None => quote!(::core::result::Result::Ok(#path(#expr))),
                }
            }
            Shape::Tuple => {
                let n = c.fields.len();
                let items: Vec<_> = c
                    .fields
                    .iter()
                    .map(|f| {
                        self.field_bound(f, true);
                        let i = f.index;
                        let conv = self.convert(f, quote!(__item), owner);
                        quote!({ let __item = #fpo::tuple_item(&__tuple, #i)?; #conv })
                    })
                    .collect();
                quote! {
                    let __tuple = #fpo::as_tuple(&obj, #n)?;
                    ::core::result::Result::Ok(#path(#(#items),*))
                }
            }
            Shape::Unit => quote!(::core::unreachable!()),
        }
    }
}

/// Emits the impl.
pub fn emit(model: &DeriveModel) -> TokenStream {
    let ctx = Ctx::new(model.krate.as_ref());
    let pyo3 = ctx.pyo3.clone();
    let (py_lt, add_py) = py_lifetime(&model.generics);
    let (a_lt, add_a) = borrow_lifetime(&model.generics);
    let mut e = Emitter {
        model,
        ctx,
        bounds: Vec::new(),
        py_lt: py_lt.clone(),
        a_lt: a_lt.clone(),
    };
    let ident = &model.ident;
    let name = ident.to_string();
    let body = if !model.is_enum {
        e.container(&model.containers[0], quote!(#ident), &name)
    } else {
        let mut attempts = Vec::new();
        let mut variant_names = Vec::new();
        let mut error_names = Vec::new();
        for (i, c) in model.containers.iter().enumerate() {
            let v = &c.ident;
            let owner = format!("{}::{}", name, v);
            let body = e.container(c, quote!(#ident::#v), &owner);
            let err = format_ident!("__err_{}", i);
            attempts.push(quote! {
                let #err = match (|| -> #pyo3::PyResult<Self> { #body })() {
                    ::core::result::Result::Ok(v) => return ::core::result::Result::Ok(v),
                    ::core::result::Result::Err(e) => e,
                };
            });
            variant_names.push(v.to_string());
            error_names.push(
                c.options
                    .annotation
                    .as_ref()
                    .map(|a| a.value())
                    .unwrap_or_else(|| v.to_string()),
            );
        }
        let errs = (0..model.containers.len()).map(|i| format_ident!("__err_{}", i));
        quote! {
            #(#attempts)*
            ::core::result::Result::Err(#pyo3::impl_::frompyobject::failed_to_extract_enum(
                py,
                #name,
                &[#(#variant_names),*],
                &[#(#error_names),*],
                &[#(#errs),*],
            ))
        }
    };
    let (_, ty_generics, where_clause) = model.generics.split_for_impl();
    let mut impl_params: Vec<TokenStream> = Vec::new();
    if add_a {
        impl_params.push(quote!(#a_lt));
    }
    if add_py {
        impl_params.push(quote!(#py_lt));
    }
    impl_params.extend(crate::utils::impl_generic_params(&model.generics));
    let mut preds: Vec<TokenStream> = where_clause
        .map(|w| w.predicates.iter().map(|p| quote!(#p)).collect())
        .unwrap_or_default();
    preds.extend(e.bounds.iter().cloned());
    quote! {
        #[automatically_derived]
        impl<#(#impl_params),*> #pyo3::FromPyObject<#a_lt, #py_lt> for #ident #ty_generics
        where #(#preds,)*
        {
            type Error = #pyo3::PyErr;

            #[allow(unused_variables, clippy::all)]
            fn extract(
                obj: #pyo3::Borrowed<#a_lt, #py_lt, #pyo3::PyAny>,
            ) -> ::core::result::Result<Self, Self::Error> {
                let py = obj.py();
                #body
            }
        }
    }
}
