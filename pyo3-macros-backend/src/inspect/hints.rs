//! The type hint expressions of argument and return types, derived from the Rust types
//! through `FromPyObject::INPUT_TYPE`, `IntoPyObject::OUTPUT_TYPE` and `PyTypeInfo::TYPE_HINT`.

use crate::utils::unwrap_group;
use proc_macro2::TokenStream;
use quote::quote;
use syn::visit_mut::VisitMut;
use syn::{GenericArgument, PathArguments, Type};

/// Replaces every lifetime by `'static`: the hints are read in a `const` item, where the
/// function's lifetimes are not in scope.
struct StaticLifetimes;

impl VisitMut for StaticLifetimes {
    fn visit_lifetime_mut(&mut self, l: &mut syn::Lifetime) {
        *l = syn::Lifetime::new("'static", l.span());
    }

    fn visit_type_reference_mut(&mut self, r: &mut syn::TypeReference) {
        if r.lifetime.is_none() {
            r.lifetime = Some(syn::Lifetime::new(
                "'static",
                proc_macro2::Span::call_site(),
            ));
        }
        syn::visit_mut::visit_type_reference_mut(self, r);
    }
}

fn statics(ty: &Type) -> Type {
    let mut ty = unwrap_group(ty).clone();
    StaticLifetimes.visit_type_mut(&mut ty);
    ty
}

fn contains_impl_trait(ty: &Type) -> bool {
    quote!(#ty).to_string().contains("impl ")
}

/// `Bound<'_, X>`, `Py<X>`, `PyRef<'_, X>`, ...: the Python type `X`.
fn python_object_type(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = unwrap_group(ty) else {
        return None;
    };
    let seg = p.path.segments.last()?;
    let smart = [
        "Bound",
        "Borrowed",
        "Py",
        "PyRef",
        "PyRefMut",
        "PyClassGuard",
        "PyClassGuardMut",
    ];
    if !smart.iter().any(|s| seg.ident == s) {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &seg.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// Whether `ty` is `str`, `[T]` or `[T; N]` (borrowed, they convert as values).
fn is_unsized_value(ty: &Type) -> bool {
    match unwrap_group(ty) {
        Type::Slice(_) | Type::Array(_) => true,
        Type::Path(p) => p.path.is_ident("str"),
        _ => false,
    }
}

fn type_info_hint(x: &Type, pyo3: &TokenStream) -> TokenStream {
    let x = statics(x);
    quote!(#pyo3::impl_::introspection::TypeInfoHint::<#x>::HINT)
}

/// The hint of a parameter of Rust type `ty`.
pub fn input(ty: &Type, pyo3: &TokenStream) -> TokenStream {
    if contains_impl_trait(ty) {
        return quote!(#pyo3::inspect::hints::ANY);
    }
    if let Some(x) = python_object_type(ty) {
        return type_info_hint(x, pyo3);
    }
    if let Type::Reference(r) = unwrap_group(ty) {
        if !is_unsized_value(&r.elem) {
            // `&Bound<'_, X>` or `&T` / `&mut T` of a `#[pyclass]` `T`.
            return match python_object_type(&r.elem) {
                Some(x) => type_info_hint(x, pyo3),
                None => type_info_hint(&r.elem, pyo3),
            };
        }
    }
    let ty = statics(ty);
    quote!(#pyo3::impl_::introspection::InputHint::<#ty>::HINT)
}

/// `Result<T, E>` / `PyResult<T>`: `T`.
fn ok_type(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = unwrap_group(ty) else {
        return None;
    };
    let seg = p.path.segments.last()?;
    if seg.ident != "Result" && seg.ident != "PyResult" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &seg.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    }
}

fn is_unit(ty: &Type) -> bool {
    matches!(unwrap_group(ty), Type::Tuple(t) if t.elems.is_empty())
}

/// The hint of a function returning `ty` (`None` for no return type).
pub fn output(ty: Option<&Type>, pyo3: &TokenStream) -> TokenStream {
    let Some(ty) = ty else {
        return quote!(#pyo3::inspect::hints::NONE);
    };
    let ty = ok_type(ty).unwrap_or(ty);
    if is_unit(ty) {
        return quote!(#pyo3::inspect::hints::NONE);
    }
    if contains_impl_trait(ty) {
        return quote!(#pyo3::inspect::hints::ANY);
    }
    if let Some(x) = python_object_type(ty) {
        return type_info_hint(x, pyo3);
    }
    let ty = statics(ty);
    quote!(#pyo3::impl_::introspection::OutputHint::<#ty>::HINT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(ts: TokenStream) -> String {
        ts.to_string().replace(' ', "")
    }

    #[test]
    fn inputs() {
        let p = quote!(pyo3);
        let t = |ts: TokenStream| -> Type { syn::parse2(ts).unwrap() };
        assert_eq!(
            s(input(&t(quote!(&str)), &p)),
            "pyo3::impl_::introspection::InputHint::<&'staticstr>::HINT"
        );
        assert_eq!(
            s(input(&t(quote!(&Bound<'_, PyAny>)), &p)),
            "pyo3::impl_::introspection::TypeInfoHint::<PyAny>::HINT"
        );
        assert_eq!(
            s(input(&t(quote!(PyRef<'py, Basket>)), &p)),
            "pyo3::impl_::introspection::TypeInfoHint::<Basket>::HINT"
        );
        assert_eq!(
            s(input(&t(quote!(&mut Basket)), &p)),
            "pyo3::impl_::introspection::TypeInfoHint::<Basket>::HINT"
        );
        assert_eq!(
            s(input(&t(quote!(Vec<Cow<'a, str>>)), &p)),
            "pyo3::impl_::introspection::InputHint::<Vec<Cow<'static,str>>>::HINT"
        );
        assert_eq!(
            s(input(&t(quote!(impl Into<u8>)), &p)),
            "pyo3::inspect::hints::ANY"
        );
    }

    #[test]
    fn outputs() {
        let p = quote!(pyo3);
        let t = |ts: TokenStream| -> Type { syn::parse2(ts).unwrap() };
        assert_eq!(s(output(None, &p)), "pyo3::inspect::hints::NONE");
        assert_eq!(
            s(output(Some(&t(quote!(PyResult<()>))), &p)),
            "pyo3::inspect::hints::NONE"
        );
        assert_eq!(
            s(output(Some(&t(quote!(Result<u32, MyErr>))), &p)),
            "pyo3::impl_::introspection::OutputHint::<u32>::HINT"
        );
        assert_eq!(
            s(output(Some(&t(quote!(PyResult<Bound<'py, PyList>>))), &p)),
            "pyo3::impl_::introspection::TypeInfoHint::<PyList>::HINT"
        );
    }
}
