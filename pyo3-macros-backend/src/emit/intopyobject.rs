//! Emits `impl IntoPyObject` for a derive model (by value, or by reference for
//! `IntoPyObjectRef`).

use crate::emit::frompyobject::{mentions_type_param, py_lifetime};
use crate::model::derive::{ContainerModel, DeriveModel, Getter, Shape};
use crate::utils::Ctx;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

fn bindings(c: &ContainerModel) -> (TokenStream, Vec<syn::Ident>) {
    let vars: Vec<syn::Ident> = (0..c.fields.len())
        .map(|i| format_ident!("__f{}", i))
        .collect();
    let pat = if c.named {
        let names = c.fields.iter().map(|f| f.ident.as_ref().unwrap());
        quote!({ #(#names: #vars),* })
    } else {
        quote!((#(#vars),*))
    };
    (pat, vars)
}

/// Emits the impl; `by_ref` selects `IntoPyObjectRef` (`impl IntoPyObject for &T`).
pub fn emit(model: &DeriveModel, by_ref: bool) -> TokenStream {
    let ctx = Ctx::new(model.krate.as_ref());
    let pyo3 = &ctx.pyo3;
    let ipo = quote!(#pyo3::impl_::intopyobject);
    let (py_lt, add_py) = py_lifetime(&model.generics);
    let ident = &model.ident;
    let (_, ty_generics, where_clause) = model.generics.split_for_impl();
    let self_ty = if by_ref {
        quote!(&'__a #ident #ty_generics)
    } else {
        quote!(#ident #ty_generics)
    };
    let mut bounds = Vec::new();
    let field_bound = |ty: &syn::Type, bounds: &mut Vec<TokenStream>| {
        if mentions_type_param(ty, &model.generics) {
            if by_ref {
                bounds.push(quote!(&'__a #ty: #pyo3::IntoPyObject<#py_lt>));
            } else {
                bounds.push(quote!(#ty: #pyo3::IntoPyObject<#py_lt>));
            }
        }
    };
    let value_of = |var: &syn::Ident, f: &crate::model::derive::FieldModel| -> TokenStream {
        match &f.options.into_py_with {
            Some(p) => {
                if by_ref {
                    quote!(#ipo::any_result(#p(::std::borrow::Cow::Borrowed(#var), py))?)
                } else {
                    quote!(#ipo::any_result(#p(::std::borrow::Cow::Owned(#var), py))?)
                }
            }
            None => quote!(#ipo::to_any(py, #var)?),
        }
    };

    let single = !model.is_enum
        && model.containers[0].shape == Shape::Transparent
        && model.containers[0].fields[0].options.into_py_with.is_none();
    let (target, output, error, body) = if single {
        let c = &model.containers[0];
        let f = &c.fields[0];
        field_bound(&f.ty, &mut bounds);
        let ty = &f.ty;
        let conv_ty = if by_ref {
            quote!(&'__a #ty)
        } else {
            quote!(#ty)
        };
        let (pat, vars) = bindings(c);
        let v = &vars[0];
        (
            quote!(<#conv_ty as #pyo3::IntoPyObject<#py_lt>>::Target),
            quote!(<#conv_ty as #pyo3::IntoPyObject<#py_lt>>::Output),
            quote!(<#conv_ty as #pyo3::IntoPyObject<#py_lt>>::Error),
            quote! {
                let #ident #pat = self;
                <#conv_ty as #pyo3::IntoPyObject<#py_lt>>::into_pyobject(#v, py)
            },
        )
    } else {
        let mut arms = Vec::new();
        for c in &model.containers {
            let (pat, vars) = bindings(c);
            for f in &c.fields {
                if f.options.into_py_with.is_none() {
                    field_bound(&f.ty, &mut bounds);
                }
            }
            let build = match c.shape {
                Shape::Struct => {
                    let sets = c.fields.iter().zip(&vars).map(|(f, v)| {
                        let key = match f.getter.as_ref().unwrap() {
                            Getter::Item(syn::Lit::Str(s)) => quote!(#pyo3::intern!(py, #s)),
                            Getter::Item(l) => quote!(#l),
                            Getter::Attribute(a) => quote!(#pyo3::intern!(py, #a)),
                        };
                        let value = value_of(v, f);
                        quote!(#ipo::set_dict_item(&__dict, #key, #value)?;)
                    });
                    quote! {
                        let __dict = #ipo::new_dict(py);
                        #(#sets)*
                        ::core::result::Result::Ok(#ipo::dict_into_any(__dict))
                    }
                }
                Shape::Tuple => {
                    let items = c.fields.iter().zip(&vars).map(|(f, v)| value_of(v, f));
                    quote! {
                        ::core::result::Result::Ok(#ipo::new_tuple(py, [#(#items),*]))
                    }
                }
                Shape::Transparent => {
                    let value = value_of(&vars[0], &c.fields[0]);
                    quote!(::core::result::Result::Ok(#value))
                }
                Shape::Unit => quote!(::core::unreachable!()),
            };
            let v = &c.ident;
            let path = if model.is_enum {
                quote!(#ident::#v)
            } else {
                quote!(#ident)
            };
            arms.push(quote!(#path #pat => { #build }));
        }
        // Concrete targets for plain structs, PyAny for enums.
        let (target, output, wrap) = if !model.is_enum && model.containers[0].shape == Shape::Struct
        {
            (
                quote!(#pyo3::types::PyDict),
                quote!(#pyo3::Bound<#py_lt, #pyo3::types::PyDict>),
                quote!(#ipo::downcast_dict),
            )
        } else if !model.is_enum && model.containers[0].shape == Shape::Tuple {
            (
                quote!(#pyo3::types::PyTuple),
                quote!(#pyo3::Bound<#py_lt, #pyo3::types::PyTuple>),
                quote!(#ipo::downcast_tuple),
            )
        } else {
            (
                quote!(#pyo3::PyAny),
                quote!(#pyo3::Bound<#py_lt, #pyo3::PyAny>),
                quote!(::core::convert::identity),
            )
        };
        (
            target,
            output,
            quote!(#pyo3::PyErr),
            quote! {
                let __any: #pyo3::PyResult<#pyo3::Bound<#py_lt, #pyo3::PyAny>> = match self { #(#arms)* };
                __any.map(#wrap)
            },
        )
    };

    let mut impl_params: Vec<TokenStream> = Vec::new();
    if by_ref {
        impl_params.push(quote!('__a));
    }
    if add_py {
        impl_params.push(quote!(#py_lt));
    }
    impl_params.extend(crate::utils::impl_generic_params(&model.generics));
    let mut preds: Vec<TokenStream> = where_clause
        .map(|w| w.predicates.iter().map(|p| quote!(#p)).collect())
        .unwrap_or_default();
    preds.extend(bounds);
    quote! {
        #[automatically_derived]
        impl<#(#impl_params),*> #pyo3::IntoPyObject<#py_lt> for #self_ty
        where #(#preds,)*
        {
            type Target = #target;
            type Output = #output;
            type Error = #error;

            #[allow(unused_variables, clippy::all)]
            fn into_pyobject(self, py: #pyo3::Python<#py_lt>) -> ::core::result::Result<Self::Output, Self::Error> {
                #body
            }
        }
    }
}
