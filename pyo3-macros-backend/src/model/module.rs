//! Model of a `#[pymodule]` (function form or declarative `mod` form).

use crate::attributes::{self, set_lit_str_once, set_once, set_path_once, RawOption};
use crate::errors::Errors;
use crate::utils::{self, python_name};
use proc_macro2::Span;
use syn::{Ident, LitStr};

/// Options of `#[pymodule(...)]` / `#[pyo3(...)]` on a module.
#[derive(Default, Clone)]
pub struct ModuleOptions {
    /// `name = "..."`
    pub name: Option<LitStr>,
    /// `crate = "..."`
    pub krate: Option<syn::Path>,
    /// `module = "parent.path"`
    pub module: Option<LitStr>,
    /// `submodule`: no `PyInit_` symbol.
    pub submodule: Option<Span>,
    /// `gil_used = bool`
    pub gil_used: Option<bool>,
}

/// Options `#[pymodule]` accepts.
pub const MODULE_OPTIONS: &[&str] = &["name", "crate", "module", "submodule", "gil_used"];

impl ModuleOptions {
    /// Adds the options of one list.
    pub fn add(&mut self, opts: &[RawOption], errors: &mut Errors) {
        for opt in opts {
            match opt.name().as_str() {
                "name" => {
                    set_lit_str_once(&mut self.name, opt, errors);
                }
                "crate" => {
                    set_path_once(&mut self.krate, opt, errors);
                }
                "module" => {
                    set_lit_str_once(&mut self.module, opt, errors);
                }
                "submodule" => {
                    if let Err(e) = opt.expect_flag() {
                        errors.add(e);
                    }
                    set_once(&mut self.submodule, opt.span(), opt, errors);
                }
                "gil_used" => {
                    if let Some(v) = errors.handle(opt.bool()) {
                        set_once(&mut self.gil_used, v, opt, errors);
                    }
                }
                _ => attributes::unknown(opt, MODULE_OPTIONS, errors),
            }
        }
    }
}

/// How a module initializer (the `#[pymodule]` function or a `#[pymodule_init]` function)
/// receives each of its arguments.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InitArg {
    /// `py: Python<'_>`
    Python,
    /// `m: &Bound<'_, PyModule>`
    ModuleRef,
    /// `m: Bound<'_, PyModule>` (by value)
    ModuleOwned,
}

/// The arguments of a module initializer, in order.
pub type InitArgs = Vec<InitArg>;

/// Classifies the parameters of a module initializer.
pub fn init_args(sig: &syn::Signature) -> InitArgs {
    sig.inputs
        .iter()
        .map(|input| match input {
            syn::FnArg::Typed(pt) if utils::is_python(&pt.ty) => InitArg::Python,
            syn::FnArg::Typed(pt)
                if !matches!(utils::unwrap_group(&pt.ty), syn::Type::Reference(_)) =>
            {
                InitArg::ModuleOwned
            }
            _ => InitArg::ModuleRef,
        })
        .collect()
}

/// One exported item of a declarative module.
#[derive(Clone)]
pub enum Export {
    /// Something named by a path with a `_PYO3_DEF` (function, module, type).
    Def(syn::Path),
    /// A constant: `module.add(name, value)`.
    Const(Ident),
    /// An export under the `#[cfg(...)]` attributes of its item.
    Cfg(Vec<syn::Attribute>, Box<Export>),
}

/// Body of the module.
#[derive(Clone)]
pub enum ModuleKind {
    /// `#[pymodule] fn name(...)`.
    Function(InitArgs),
    /// `#[pymodule] mod name { ... }`.
    Declarative {
        /// Exported items.
        exports: Vec<Export>,
        /// `#[pymodule_init]` function and its arguments.
        init: Option<(Ident, InitArgs)>,
    },
}

/// Full module model.
#[derive(Clone)]
pub struct ModuleModel {
    /// Rust identifier.
    pub ident: Ident,
    /// Python name.
    pub python_name: String,
    /// Visibility.
    pub vis: syn::Visibility,
    /// Docs.
    pub doc: Option<String>,
    /// Options.
    pub options: ModuleOptions,
    /// Kind.
    pub kind: ModuleKind,
}

impl ModuleModel {
    /// Fully qualified Python name (with the parent path if known).
    pub fn full_name(&self) -> String {
        match &self.options.module {
            Some(parent) => format!("{}.{}", parent.value(), self.python_name),
            None => self.python_name.clone(),
        }
    }
}

/// Builds the model of a function-form module.
pub fn build_function(
    func: &mut syn::ItemFn,
    mut options: ModuleOptions,
) -> syn::Result<ModuleModel> {
    let mut errors = Errors::new();
    let opts = attributes::take_pyo3_options(&mut func.attrs, &mut errors);
    options.add(&opts, &mut errors);
    crate::check::check_module_fn(func, &mut errors);
    take_pyfns(func, options.krate.as_ref(), &mut errors);
    let init = init_args(&func.sig);
    let python_name = options
        .name
        .as_ref()
        .map(LitStr::value)
        .unwrap_or_else(|| python_name(&func.sig.ident));
    errors.finish(ModuleModel {
        ident: func.sig.ident.clone(),
        python_name,
        vis: func.vis.clone(),
        doc: utils::get_doc(&func.attrs),
        options,
        kind: ModuleKind::Function(init),
    })
}

/// `#[pyfn(m, options...)]` on functions declared at the top of a `#[pymodule]` function: each
/// becomes a `#[pyfunction(options...)]` added to `m` when the module function starts.
fn take_pyfns(func: &mut syn::ItemFn, krate: Option<&syn::Path>, errors: &mut Errors) {
    let pyo3 = crate::utils::Ctx::new(krate).pyo3;
    let mut adds = Vec::new();
    for stmt in func.block.stmts.iter_mut() {
        let syn::Stmt::Item(syn::Item::Fn(f)) = stmt else {
            continue;
        };
        let Some(pos) = f.attrs.iter().position(|a| a.path().is_ident("pyfn")) else {
            continue;
        };
        let attr = f.attrs.remove(pos);
        let parsed = attr.parse_args_with(|input: syn::parse::ParseStream<'_>| {
            let m: syn::Ident = input.parse()?;
            let rest = if input.is_empty() {
                proc_macro2::TokenStream::new()
            } else {
                input.parse::<syn::Token![,]>()?;
                input.parse()?
            };
            Ok((m, rest))
        });
        let (m, rest) = match parsed {
            Ok(v) => v,
            Err(e) => {
                errors.add(e);
                continue;
            }
        };
        f.attrs
            .insert(0, syn::parse_quote!(#[#pyo3::pyfunction(#rest)]));
        let ident = &f.sig.ident;
        adds.push(syn::parse_quote! {
            #pyo3::impl_::pymodule::add_pyfn(&#m, #ident::_PYO3_DEF)?;
        });
    }
    if !adds.is_empty() {
        adds.append(&mut func.block.stmts);
        func.block.stmts = adds;
    }
}

/// Gives a `#[pyclass]` declared in a declarative module that module as its `__module__`,
/// unless it names one itself.
fn set_class_module(attrs: &mut [syn::Attribute], full_name: &str) {
    let names_module = |tokens: &proc_macro2::TokenStream| {
        tokens
            .to_string()
            .split(',')
            .any(|o| o.trim().starts_with("module"))
    };
    let explicit = attrs.iter().any(|a| match &a.meta {
        syn::Meta::List(l)
            if a.path().is_ident("pyo3")
                || a.path()
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "pyclass") =>
        {
            names_module(&l.tokens)
        }
        _ => false,
    });
    if explicit {
        return;
    }
    for a in attrs.iter_mut() {
        if a.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "pyclass")
        {
            let path = a.path().clone();
            let mut inner = match &a.meta {
                syn::Meta::List(l) => l.tokens.clone(),
                _ => proc_macro2::TokenStream::new(),
            };
            if !inner.is_empty() {
                inner.extend(quote::quote!(,));
            }
            inner.extend(quote::quote!(module = #full_name));
            *a = syn::parse_quote!(#[#path(#inner)]);
            return;
        }
    }
}

fn has_attr(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident(name)
            || a.path()
                .segments
                .last()
                .is_some_and(|s| s.ident == name && a.path().segments.len() > 1)
    })
}

fn remove_attr(attrs: &mut Vec<syn::Attribute>, name: &str) -> bool {
    let before = attrs.len();
    attrs.retain(|a| !a.path().is_ident(name));
    before != attrs.len()
}

fn use_tree_leaves(
    tree: &syn::UseTree,
    prefix: &mut Vec<Ident>,
    out: &mut Vec<syn::Path>,
    errors: &mut Errors,
) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.clone());
            use_tree_leaves(&p.tree, prefix, out, errors);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let _ = prefix;
            out.push(syn::Path::from(n.ident.clone()));
        }
        syn::UseTree::Rename(r) => out.push(syn::Path::from(r.rename.clone())),
        syn::UseTree::Glob(g) => errors.push(
            g,
            "#[pymodule_export] cannot be used with glob imports; list the items to export",
        ),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_tree_leaves(t, prefix, out, errors);
            }
        }
    }
}

/// Builds the model of a declarative module, rewriting its content: `#[pymodule_export]` and
/// `#[pymodule_init]` markers are removed, nested `#[pymodule]`s become submodules.
pub fn build_declarative(
    module: &mut syn::ItemMod,
    mut options: ModuleOptions,
) -> syn::Result<ModuleModel> {
    let mut errors = Errors::new();
    let opts = attributes::take_pyo3_options(&mut module.attrs, &mut errors);
    options.add(&opts, &mut errors);
    let python_name = options
        .name
        .as_ref()
        .map(LitStr::value)
        .unwrap_or_else(|| python_name(&module.ident));
    let full_name = match &options.module {
        Some(parent) => format!("{}.{}", parent.value(), python_name),
        None => python_name.clone(),
    };
    let pyo3 = crate::utils::Ctx::new(options.krate.as_ref()).pyo3;
    let mut exports = Vec::new();
    let mut init = None;
    let Some((_, items)) = &mut module.content else {
        errors.push(
            &module.ident,
            "`#[pymodule]` can only be used on inline modules (`mod name { ... }`)",
        );
        return Err(errors.check().unwrap_err());
    };
    for item in items.iter_mut() {
        let exports_before = exports.len();
        let item_cfgs = match &*item {
            syn::Item::Use(i) => crate::model::pyclass::cfg_attrs(&i.attrs),
            syn::Item::Const(i) => crate::model::pyclass::cfg_attrs(&i.attrs),
            syn::Item::Fn(i) => crate::model::pyclass::cfg_attrs(&i.attrs),
            syn::Item::Mod(i) => crate::model::pyclass::cfg_attrs(&i.attrs),
            syn::Item::Struct(i) => crate::model::pyclass::cfg_attrs(&i.attrs),
            syn::Item::Enum(i) => crate::model::pyclass::cfg_attrs(&i.attrs),
            _ => Vec::new(),
        };
        match item {
            syn::Item::Use(u) if u.attrs.iter().any(|a| a.path().is_ident("pymodule_export")) => {
                remove_attr(&mut u.attrs, "pymodule_export");
                let mut leaves = Vec::new();
                use_tree_leaves(&u.tree, &mut Vec::new(), &mut leaves, &mut errors);
                exports.extend(leaves.into_iter().map(Export::Def));
            }
            syn::Item::Const(c) if c.attrs.iter().any(|a| a.path().is_ident("pymodule_export")) => {
                remove_attr(&mut c.attrs, "pymodule_export");
                exports.push(Export::Const(c.ident.clone()));
            }
            syn::Item::Fn(f) => {
                if remove_attr(&mut f.attrs, "pymodule_init") {
                    if init.is_some() {
                        errors.push(&f.sig.ident, "only one `#[pymodule_init]` may be specified");
                    }
                    init = Some((f.sig.ident.clone(), init_args(&f.sig)));
                } else if has_attr(&f.attrs, "pyfunction") {
                    // Resolve the attribute even if the module does not import it.
                    for a in f.attrs.iter_mut() {
                        if a.path().is_ident("pyfunction") {
                            let tokens = match &a.meta {
                                syn::Meta::List(l) => {
                                    let t = &l.tokens;
                                    quote::quote!((#t))
                                }
                                _ => proc_macro2::TokenStream::new(),
                            };
                            *a = syn::parse_quote!(#[#pyo3::pyfunction #tokens]);
                        }
                    }
                    exports.push(Export::Def(syn::Path::from(f.sig.ident.clone())));
                }
                if let Some(a) = f
                    .attrs
                    .iter()
                    .find(|a| a.path().is_ident("pymodule_export"))
                {
                    errors.push(
                        a,
                        "`#[pymodule_export]` may only be used on `use` statements and constants",
                    );
                }
            }
            syn::Item::Mod(m) => {
                let pos = m.attrs.iter().position(|a| {
                    a.path().is_ident("pymodule")
                        || a.path()
                            .segments
                            .last()
                            .is_some_and(|s| s.ident == "pymodule")
                });
                if let Some(pos) = pos {
                    // Nested declarative module: a submodule whose parent is this module.
                    let attr = &m.attrs[pos];
                    let mut inner = match &attr.meta {
                        syn::Meta::List(l) => l.tokens.clone(),
                        _ => proc_macro2::TokenStream::new(),
                    };
                    let has_sub = inner
                        .to_string()
                        .split(',')
                        .any(|s| s.trim() == "submodule");
                    // `module = ...` given in the attribute or in a `#[pyo3(...)]` of its own.
                    let has_module = inner.to_string().contains("module =")
                        || m.attrs.iter().any(|a| {
                            a.path().is_ident("pyo3")
                                && matches!(&a.meta, syn::Meta::List(l)
                                    if l.tokens.to_string().contains("module ="))
                        });
                    let path: syn::Path = if attr.path().is_ident("pymodule") {
                        syn::parse_quote!(#pyo3::pymodule)
                    } else {
                        attr.path().clone()
                    };
                    if !inner.is_empty() {
                        inner.extend(quote::quote!(,));
                    }
                    if !has_sub {
                        inner.extend(quote::quote!(submodule,));
                    }
                    if !has_module {
                        inner.extend(quote::quote!(module = #full_name));
                    }
                    m.attrs[pos] = syn::parse_quote!(#[#path(#inner)]);
                    exports.push(Export::Def(syn::Path::from(m.ident.clone())));
                }
            }
            syn::Item::Struct(s) if has_attr(&s.attrs, "pyclass") => {
                set_class_module(&mut s.attrs, &full_name);
                exports.push(Export::Def(syn::Path::from(s.ident.clone())));
            }
            syn::Item::Enum(e) if has_attr(&e.attrs, "pyclass") => {
                set_class_module(&mut e.attrs, &full_name);
                exports.push(Export::Def(syn::Path::from(e.ident.clone())));
            }
            _ => {}
        }
        // An item compiled out is not added either.
        if !item_cfgs.is_empty() {
            for e in &mut exports[exports_before..] {
                let inner = std::mem::replace(e, Export::Const(module.ident.clone()));
                *e = Export::Cfg(item_cfgs.clone(), Box::new(inner));
            }
        }
    }
    errors.finish(ModuleModel {
        ident: module.ident.clone(),
        python_name,
        vis: module.vis.clone(),
        doc: utils::get_doc(&module.attrs),
        options,
        kind: ModuleKind::Declarative { exports, init },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn declarative_exports() {
        let mut m: syn::ItemMod = syn::parse2(quote! {
            mod m {
                #[pymodule_export]
                use super::{a, b as c, d::e};
                #[pymodule_export]
                const X: i32 = 1;
                #[pyfunction]
                fn f() {}
                #[pymodule]
                mod sub {}
                #[pymodule_init]
                fn init(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }
            }
        })
        .unwrap();
        let model = build_declarative(&mut m, ModuleOptions::default()).unwrap();
        let ModuleKind::Declarative { exports, init } = &model.kind else {
            panic!()
        };
        assert_eq!(exports.len(), 6);
        assert_eq!(init.as_ref().unwrap().0, "init");
        // What the rewritten module does (exports, nested module names, init) is checked by
        // running it: tests/test_pymodule.rs `declarative_form`.
    }

    #[test]
    fn glob_rejected() {
        let mut m: syn::ItemMod = syn::parse2(quote! {
            mod m { #[pymodule_export] use super::*; }
        })
        .unwrap();
        let err = build_declarative(&mut m, ModuleOptions::default())
            .err()
            .expect("a glob export must be rejected");
        assert_eq!(
            err.to_string(),
            "#[pymodule_export] cannot be used with glob imports; list the items to export"
        );
    }

    #[test]
    fn function_options() {
        let mut f: syn::ItemFn = syn::parse2(quote! {
            #[pyo3(name = "x", gil_used = true)]
            fn m(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }
        })
        .unwrap();
        let model = build_function(&mut f, ModuleOptions::default()).unwrap();
        assert_eq!(model.python_name, "x");
        assert_eq!(model.options.gil_used, Some(true));
    }
}
