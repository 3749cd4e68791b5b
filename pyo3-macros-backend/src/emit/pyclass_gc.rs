//! `#[pyclass(gc)]` (an extension of this crate): derives `__traverse__` from the fields that
//! hold Python objects and, for non-`frozen` classes, a `__clear__` that empties the fields
//! which have an empty value (`Option` → `None`, `Vec` → `[]`), which is what breaks a cycle.
//! `Py<T>` fields cannot be emptied: a cycle only through them needs an `Option`/`Vec` or a
//! hand-written `__clear__` (which the `gc` option then does not derive).

use crate::model::pyclass::{ClassModel, FieldModel};
use crate::utils::Ctx;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// What `#[pyclass(gc)]` adds to the class.
pub struct GcParts {
    /// Associated fns for `impl Cls { ... }`.
    pub helpers: TokenStream,
    /// The `traverse` entry of the class's own `PyClassItems`.
    pub traverse: TokenStream,
    /// The `tp_clear` slot (empty for `frozen` classes or with nothing to clear).
    pub slots: Vec<TokenStream>,
    /// Whether `__clear__` was derived.
    pub derived_clear: bool,
}

/// How a field takes part in the derived methods.
#[derive(PartialEq)]
enum Role {
    /// Not visited.
    Skip,
    /// Visited, never emptied (`Py<T>`, `Bound<T>`, `#[pyo3(traverse)]`).
    Visit,
    /// Visited and emptied by `__clear__` (`Option<..>` / `Vec<..>` of Python references).
    VisitAndClear,
}

/// The last path segment of `ty` and its single generic type argument, if any.
fn segment(ty: &syn::Type) -> Option<(String, Option<&syn::Type>)> {
    let syn::Type::Path(p) = ty else { return None };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    let arg = match &last.arguments {
        syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    };
    Some((last.ident.to_string(), arg))
}

/// Whether `ty` is spelled as a Python reference (`Py<..>`, `Bound<..>`, `PyObject`).
fn is_py_ref(ty: &syn::Type) -> bool {
    matches!(segment(ty), Some((n, _)) if n == "Py" || n == "Bound" || n == "PyObject")
}

fn role(f: &FieldModel) -> Role {
    if let Some((outer, Some(inner))) = segment(&f.ty) {
        if (outer == "Option" || outer == "Vec") && is_py_ref(inner) {
            return Role::VisitAndClear;
        }
    }
    if f.traverse || is_py_ref(&f.ty) {
        Role::Visit
    } else {
        Role::Skip
    }
}

/// Emits the derived `__traverse__` (and `__clear__`) of `model`'s `fields`.
pub fn emit(model: &ClassModel, fields: &[FieldModel], ctx: &Ctx) -> GcParts {
    let pyo3 = &ctx.pyo3;
    let gl = &ctx.p;
    let pc = ctx.p.clone();
    let ps = ctx.p.clone();
    let cls = &model.ident;
    let mut visits = Vec::new();
    let mut clears = Vec::new();
    for f in fields {
        let r = role(f);
        if r == Role::Skip {
            continue;
        }
        let member = &f.member;
        let cfgs = &f.cfg_attrs;
        // Spanned on the field so a `#[pyo3(traverse)]` type without `GcTraverse` is reported
        // there.
        let ty = &f.ty;
        visits.push(quote::quote_spanned! {f.span=>
            #(#cfgs)*
            <#ty as #pyo3::pyclass::GcTraverse>::gc_traverse(&self.#member, &visit)?;
        });
        if r == Role::VisitAndClear {
            let local = format_ident!("__taken_{}", clears.len());
            clears.push(quote! {
                #(#cfgs)*
                let #local = ::core::mem::take(&mut __value.#member);
            });
        }
    }
    let helpers_traverse = quote! {
        #[doc(hidden)]
        fn __pyo3_gc_derived_traverse(
            &self,
            visit: #pyo3::PyVisit<'_>,
        ) -> ::core::result::Result<(), #pyo3::PyTraverseError> {
            #(#visits)*
            let _ = visit;
            #gl::Ok(())
        }
        #[doc(hidden)]
        unsafe fn __pyo3_gc_traverse_level(
            slf: *mut #gl::PyObject,
            visit: #gl::ffi::visitproc,
            arg: *mut #gl::c_void,
        ) -> #gl::c_int {
            unsafe { #pc::gc_traverse::<#cls>(slf, visit, arg, #cls::__pyo3_gc_derived_traverse) }
        }
    };
    let mut parts = GcParts {
        helpers: helpers_traverse,
        traverse: quote!(#gl::Some(#cls::__pyo3_gc_traverse_level)),
        slots: Vec::new(),
        derived_clear: false,
    };
    if model.options.frozen || clears.is_empty() {
        return parts;
    }
    let fname = format_ident!("__pyo3_gc_derived_clear");
    parts.helpers.extend(quote! {
        #[doc(hidden)]
        unsafe extern "C" fn #fname(slf: *mut #gl::PyObject) -> #gl::c_int {
            unsafe fn __body<'py>(
                py: #gl::Python<'py>,
                slf: *mut #gl::PyObject,
            ) -> #gl::PyResult<#gl::c_int> {
                // A value borrowed right now (a method running) is left alone; the collector
                // tries again later.
                let mut __value = match unsafe { #ps::pyrefmut::<#cls>(py, slf) } {
                    #gl::Ok(v) => v,
                    #gl::Result::Err(_) => return #gl::Ok(0),
                };
                #(#clears)*
                // The taken references are dropped (at the end of this fn) only after the
                // borrow is released: dropping them may run Python code that uses this object.
                ::core::mem::drop(__value);
                #gl::Ok(0)
            }
            unsafe { #pc::gc_clear::<#cls>(slf, __body) }
        }
    });
    parts.derived_clear = true;
    parts.slots.push(quote! {
        #pc::PySlot { slot: #gl::ffi::Py_tp_clear, pfunc: #cls::#fname as *mut #gl::c_void }
    });
    parts
}

/// A compile-time check placed next to a hand-written `__traverse__` / `__clear__` in
/// `#[pymethods]`: the class must not also derive it with `#[pyclass(gc)]` (the two macros see
/// each other only through the class's `PyClassImpl::GC_DERIVED`).
pub fn conflict_check(
    cls: &syn::Type,
    method: &str,
    span: proc_macro2::Span,
    ctx: &Ctx,
) -> TokenStream {
    let gl = &ctx.p;
    let flag = if method == "__clear__" {
        quote::format_ident!("GC_DERIVED_CLEAR")
    } else {
        quote::format_ident!("GC_DERIVED")
    };
    let msg = format!(
        "`#[pyclass(gc)]` already derives `{method}` from the fields of this class: \
         remove this `{method}` or the `gc` option"
    );
    quote::quote_spanned! {span=>
        const _: () = if <#cls as #gl::PyClassImpl>::#flag {
            ::core::panic!(#msg)
        };
    }
}
