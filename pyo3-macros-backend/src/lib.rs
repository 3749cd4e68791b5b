//! Code generation for the PyO3 proc macros.
//!
//! Pipeline: parse (attributes into typed options) -> model (typed description of the item) ->
//! check (every problem collected and reported together, each on its offending token) ->
//! emit (tokens calling small runtime helpers under `pyo3::impl_`).
#![warn(missing_docs)]

pub mod attributes;
pub mod check;
pub mod coroutine;
pub mod emit;
pub mod errors;
pub mod inspect;
pub mod model;
pub mod rename;
pub mod signature;
pub mod slots;
pub mod text_signature;
pub mod utils;

use errors::Errors;
use proc_macro2::TokenStream;
use quote::quote;

/// `#[pyfunction]` on a function.
pub fn build_py_function(attr: TokenStream, item: TokenStream) -> TokenStream {
    errors::into_tokens(pyfunction_impl(attr, item))
}

fn pyfunction_impl(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let mut func: syn::ItemFn = syn::parse2(item)?;
    let mut errors = Errors::new();
    let mut options = model::function::PyFunctionOptions::default();
    if let Some(opts) = errors.handle(attributes::parse_options(attr)) {
        options.add(&opts, &mut errors);
    }
    let model = match model::function::build(&mut func, options) {
        Ok(m) => Some(m),
        Err(e) => {
            errors.add(e);
            None
        }
    };
    if let Err(e) = errors.check() {
        // Keep the (attribute-stripped) function so that its uses do not add more errors.
        let e = e.into_compile_error();
        return Ok(quote! { #func #e });
    }
    let model = model.unwrap();
    let wrapper = emit::pyfunction::emit(&model);
    let meta = if inspect::ENABLED {
        inspect::items::pyfunction(&model)
    } else {
        TokenStream::new()
    };
    Ok(quote! {
        #func
        #wrapper
        #meta
    })
}

/// `#[pymodule]` on a function or an inline module.
pub fn build_py_module(attr: TokenStream, item: TokenStream) -> TokenStream {
    errors::into_tokens(pymodule_impl(attr, item))
}

fn pymodule_impl(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let parsed: syn::Item = syn::parse2(item)?;
    let mut errors = Errors::new();
    let mut options = model::module::ModuleOptions::default();
    if let Some(opts) = errors.handle(attributes::parse_options(attr)) {
        options.add(&opts, &mut errors);
    }
    match parsed {
        syn::Item::Fn(mut func) => {
            let model = errors.handle(model::module::build_function(&mut func, options));
            errors.check()?;
            let model = model.unwrap();
            let out = emit::pymodule::emit_function(&model);
            if inspect::ENABLED {
                let pyo3 = utils::Ctx::new(model.options.krate.as_ref()).pyo3;
                let scan = inspect::scan::scan_module_body(&func, &pyo3);
                let (id, meta) = inspect::items::pymodule(&model, scan.members, scan.incomplete);
                // The metadata goes inside the function's body: the members it names may be
                // items declared there (a `#[pyfunction]` defined in the body), visible only
                // in it. The id is an associated item, beside the module's other items.
                func.block
                    .stmts
                    .insert(0, syn::Stmt::Item(syn::Item::Verbatim(meta)));
                return Ok(quote! { #func #out #id });
            }
            Ok(quote! { #func #out })
        }
        syn::Item::Mod(mut module) => {
            let model = errors.handle(model::module::build_declarative(&mut module, options));
            errors.check()?;
            let model = model.unwrap();
            let items = emit::pymodule::emit_declarative_items(&model);
            if let Some((_, content)) = &mut module.content {
                content.push(syn::Item::Verbatim(items));
                if inspect::ENABLED {
                    let pyo3 = utils::Ctx::new(model.options.krate.as_ref()).pyo3;
                    // What the `#[pymodule_init]` function adds, read as a module function's body.
                    let scan = init_function(&model, content)
                        .map(|f| inspect::scan::scan_module_body(f, &pyo3));
                    let (members, incomplete) =
                        scan.map_or((Vec::new(), false), |s| (s.members, s.incomplete));
                    let (id, meta) = inspect::items::pymodule(&model, members, incomplete);
                    content.push(syn::Item::Verbatim(quote!(#id #meta)));
                }
            }
            Ok(quote!(#module))
        }
        other => Err(syn::Error::new_spanned(
            other,
            "#[pymodule] may only be used on a function or an inline `mod`",
        )),
    }
}

/// The `#[pymodule_init]` function of a declarative module, among the items of its body.
fn init_function<'a>(
    model: &model::module::ModuleModel,
    items: &'a [syn::Item],
) -> Option<&'a syn::ItemFn> {
    let model::module::ModuleKind::Declarative {
        init: Some((ident, _)),
        ..
    } = &model.kind
    else {
        return None;
    };
    items.iter().find_map(|item| match item {
        syn::Item::Fn(f) if f.sig.ident == *ident => Some(f),
        _ => None,
    })
}

/// `#[pyclass]` on a struct or enum.
pub fn build_py_class(attr: TokenStream, item: TokenStream) -> TokenStream {
    errors::into_tokens(pyclass_impl(attr, item))
}

fn pyclass_impl(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let mut parsed: syn::Item = syn::parse2(item)?;
    let mut errors = Errors::new();
    let mut options = model::pyclass::ClassOptions::default();
    if let Some(opts) = errors.handle(attributes::parse_options(attr)) {
        options.add(&opts, &mut errors);
    }
    let model = errors.handle(model::pyclass::build(&mut parsed, options));
    if let Err(e) = errors.check() {
        let e = e.into_compile_error();
        return Ok(quote! { #parsed #e });
    }
    let out = emit::pyclass::emit(&model.unwrap());
    Ok(quote! { #parsed #out })
}

/// `#[pymethods]` on an inherent impl block.
pub fn build_py_methods(attr: TokenStream, item: TokenStream) -> TokenStream {
    errors::into_tokens(pymethods_impl(attr, item))
}

fn pymethods_impl(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let mut block: syn::ItemImpl = syn::parse2(item)?;
    let mut errors = Errors::new();
    let mut krate = None;
    if let Some(opts) = errors.handle(attributes::parse_options(attr)) {
        for opt in &opts {
            match opt.name().as_str() {
                "crate" => {
                    if let Some(p) = errors.handle(opt.path()) {
                        attributes::set_once(&mut krate, p, opt, &mut errors);
                    }
                }
                _ => attributes::unknown(opt, &["crate"], &mut errors),
            }
        }
    }
    let model = errors.handle(model::pymethods::build(&mut block, krate));
    if let Err(e) = errors.check() {
        let e = e.into_compile_error();
        return Ok(quote! { #block #e });
    }
    let model = model.unwrap();
    let out = emit::pymethods::emit(&model);
    let meta = if inspect::ENABLED {
        inspect::items::pymethods(&model)
    } else {
        TokenStream::new()
    };
    Ok(quote! { #block #out #meta })
}

/// `#[derive(FromPyObject)]`.
pub fn build_derive_from_pyobject(item: TokenStream) -> TokenStream {
    errors::into_tokens((|| {
        let input: syn::DeriveInput = syn::parse2(item)?;
        let model = model::derive::build(&input, model::derive::DeriveKind::From)?;
        Ok(emit::frompyobject::emit(&model))
    })())
}

/// `#[derive(IntoPyObject)]` (`by_ref = false`) and `#[derive(IntoPyObjectRef)]`.
pub fn build_derive_into_pyobject(item: TokenStream, by_ref: bool) -> TokenStream {
    errors::into_tokens((|| {
        let input: syn::DeriveInput = syn::parse2(item)?;
        let model = model::derive::build(&input, model::derive::DeriveKind::Into)?;
        Ok(emit::intopyobject::emit(&model, by_ref))
    })())
}

// The expansions are tested by running them (tests/test_macro_expansions.rs, test_pymodule.rs,
// test_pyfunction.rs, test_frompyobject.rs) and their errors by the trybuild cases in tests/ui.
