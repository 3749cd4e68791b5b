//! Emits `#[pymodule]` definitions (multi-phase init) for both module forms.

use crate::model::module::{Export, InitArg, ModuleKind, ModuleModel};
use crate::utils::{c_str_lit, Ctx};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

/// The definition items shared by both forms; `init_body` is the body of
/// `fn __pyo3_init(__pyo3_module: &Bound<'_, PyModule>) -> PyResult<()>` (a name no user
/// function has: a `#[pymodule] fn module` is called from it).
fn definition(model: &ModuleModel, init_body: TokenStream, ctx: &Ctx) -> TokenStream {
    // `gl`: `__p` in the function form's block, the full glue path in a declarative module
    // (whose content should not gain a `use`).
    let gl = &ctx.p;
    let name = c_str_lit(&model.python_name, Span::call_site());
    let full_name = model.full_name();
    // A module without docs (or with `#[doc(hidden)]` only) has `__doc__ == ''`, as in PyO3.
    let doc = {
        let d: String = model
            .doc
            .as_deref()
            .unwrap_or("")
            .chars()
            .filter(|&c| c != '\0')
            .collect();
        let lit = c_str_lit(&d, Span::call_site());
        quote!(#gl::Some(#lit))
    };
    let gil_used = model.options.gil_used.unwrap_or(false);
    // A top-level module's `PyInit_<name>` is the init function itself.
    let export = if model.options.submodule.is_none() {
        let symbol = format!("PyInit_{}", model.python_name);
        quote!(#[unsafe(export_name = #symbol)])
    } else {
        TokenStream::new()
    };
    // The declarative form's items are in the user's module (hidden there; its body imports
    // a trait for its exports); the function form's are in an anonymous block.
    let (init_allow, hidden) = match model.kind {
        ModuleKind::Function(_) => (TokenStream::new(), TokenStream::new()),
        _ => (
            quote!(#[allow(unused_imports, non_snake_case, clippy::all)]),
            quote!(#[doc(hidden)] pub),
        ),
    };
    // (public when exported: the symbol of a cdylib's entry point)
    let pyinit_vis = if hidden.is_empty() && !export.is_empty() {
        quote!(pub)
    } else {
        hidden.clone()
    };
    quote! {
        #init_allow
        fn __pyo3_init(__pyo3_module: &#gl::Bound<'_, #gl::PyModule>) -> #gl::PyResult<()> {
            #init_body
        }

        #hidden static __PYO3_MODULE_DEF: #gl::ModuleDef = #gl::ModuleDef::new(
            #name,
            #full_name,
            #doc,
            __pyo3_exec,
            __pyo3_pyinit,
            #gl::ModuleInitializer(__pyo3_init),
            #gil_used,
        );

        unsafe extern "C" fn __pyo3_exec(module: *mut #gl::PyObject) -> #gl::c_int {
            __PYO3_MODULE_DEF.exec(module)
        }

        #export
        #pyinit_vis unsafe extern "C" fn __pyo3_pyinit() -> *mut #gl::PyObject {
            __PYO3_MODULE_DEF.init_multi_phase()
        }

        fn __pyo3_get_def() -> &'static #gl::ModuleDef {
            &__PYO3_MODULE_DEF
        }
    }
}

/// The statement adding one export to `module`.
fn export_stmt(e: &Export, pyo3: &TokenStream) -> TokenStream {
    match e {
        Export::Def(path) => quote! {
            {
                use #pyo3::impl_::pymodule::AddTypeToModule as _;
                #path::_PYO3_DEF.add_to_module(__pyo3_module)?;
            }
        },
        Export::Const(ident) => {
            let name = crate::utils::python_name(ident);
            quote! {
                #pyo3::impl_::pymodule::add_constant(__pyo3_module, #name, #ident)?;
            }
        }
        Export::Cfg(cfgs, inner) => {
            let inner = export_stmt(inner, pyo3);
            quote!(#(#cfgs)* { #inner })
        }
    }
}

/// The arguments passed to a module initializer, from `__pyo3_module: &Bound<PyModule>`.
fn init_call_args(args: &[InitArg]) -> Vec<TokenStream> {
    args.iter()
        .map(|a| match a {
            InitArg::Python => quote!(__pyo3_module.py()),
            InitArg::ModuleRef => quote!(__pyo3_module),
            InitArg::ModuleOwned => quote!(::core::clone::Clone::clone(__pyo3_module)),
        })
        .collect()
}

/// Emits a function-form module (the function itself is emitted by the caller).
pub fn emit_function(model: &ModuleModel) -> TokenStream {
    let ctx = Ctx::new(model.options.krate.as_ref());
    let glue = ctx.glue_use();
    let ctx = ctx.in_glue_block();
    let gl = &ctx.p;
    let ident = &model.ident;
    let vis = &model.vis;
    let args = match &model.kind {
        ModuleKind::Function(args) => init_call_args(args),
        _ => Vec::new(),
    };
    let body = quote! {
        #gl::module_init_result(#ident(#(#args),*))
    };
    let def = definition(model, body, &ctx);
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types, dead_code)]
        #vis struct #ident {}

        const _: () = {
            #glue
            #def

            // (the struct is hidden, and so is its impl)
            impl #ident {
                pub const _PYO3_DEF: #gl::ModuleDefRef = #gl::ModuleDefRef(__pyo3_get_def);
            }
        };
    }
}

/// Items appended to the content of a declarative module.
pub fn emit_declarative_items(model: &ModuleModel) -> TokenStream {
    let ctx = Ctx::new(model.options.krate.as_ref());
    let pyo3 = &ctx.pyo3;
    let ModuleKind::Declarative { exports, init } = &model.kind else {
        unreachable!()
    };
    // Functions, classes, `use` exports and submodules first, then the constants, each group
    // in source order: the order PyO3 fills `__all__` in.
    let is_const = |e: &&Export| {
        let mut e = *e;
        while let Export::Cfg(_, inner) = e {
            e = inner;
        }
        matches!(e, Export::Const(_))
    };
    let adds = exports
        .iter()
        .filter(|e| !is_const(e))
        .chain(exports.iter().filter(is_const))
        .map(|e| export_stmt(e, pyo3));
    let init_call = init.iter().map(|(i, args)| {
        let args = init_call_args(args);
        quote!(#pyo3::impl_::pymodule::module_init_result(#i(#(#args),*))?;)
    });
    let body = quote! {
        #(#adds)*
        #(#init_call)*
        ::core::result::Result::Ok(())
    };
    let def = definition(model, body, &ctx);
    let get_def = format_ident!("__pyo3_get_def");
    quote! {
        #def

        #[doc(hidden)]
        pub const _PYO3_DEF: #pyo3::impl_::pymodule::ModuleDefRef =
            #pyo3::impl_::pymodule::ModuleDefRef(#get_def);
    }
}
