//! Model of a `#[pymethods]` block: each method's kind, receiver and (reused) function model.

use crate::errors::Errors;
use crate::model::function::{self, FnModel, PyFunctionOptions};
use crate::utils;
use proc_macro2::Span;
use syn::visit_mut::VisitMut;

/// How the method receives the instance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Receiver {
    /// No receiver (static, class, new, classattr).
    None,
    /// `&self`
    Ref,
    /// `&mut self`
    RefMut,
    /// `slf: PyRef<'_, Self>`
    PyRef,
    /// `slf: PyRefMut<'_, Self>`
    PyRefMut,
    /// `slf: &Bound<'_, Self>`
    BoundRef,
    /// `slf: Bound<'_, Self>`
    Bound,
    /// `slf: Py<Self>`
    Py,
    /// `slf: PyClassGuard<'_, Self>`
    Guard,
    /// `slf: PyClassGuardMut<'_, Self>`
    GuardMut,
}

/// How the class argument of a `#[classmethod]` is passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClsPass {
    /// `cls: &Bound<'_, PyType>`
    Ref,
    /// `cls: Bound<'_, PyType>`
    Bound,
    /// `cls: Py<PyType>`
    Py,
}

impl ClsPass {
    fn of(arg: Option<&syn::FnArg>) -> Self {
        match arg {
            Some(syn::FnArg::Typed(pt)) => match crate::utils::unwrap_group(&pt.ty) {
                syn::Type::Reference(_) => ClsPass::Ref,
                ty => match crate::utils::last_segment(ty) {
                    Some(seg) if seg.ident == "Py" => ClsPass::Py,
                    _ => ClsPass::Bound,
                },
            },
            _ => ClsPass::Ref,
        }
    }
}

/// What a method is in Python.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// Instance method.
    Instance,
    /// `#[new]`
    New,
    /// `#[staticmethod]`
    Static,
    /// `#[classmethod]`
    Class,
    /// `#[getter]` (Python name)
    Getter(String),
    /// `#[setter]` (Python name)
    Setter(String),
    /// `#[deleter]` (Python name)
    Deleter(String),
    /// `#[classattr]`
    ClassAttr,
    /// A magic method mapped to a type slot (its name).
    Slot(String),
}

/// One method.
#[derive(Clone)]
pub struct MethodModel {
    /// Kind.
    pub kind: MethodKind,
    /// Receiver.
    pub receiver: Receiver,
    /// The function model (receiver and `cls` removed, `Self` replaced by the class type).
    pub func: FnModel,
    /// A `#[classattr]` on an associated constant (no call).
    pub is_const: bool,
    /// Whether the first Rust argument is the class (`#[classmethod]`, also with `#[new]`).
    pub takes_cls: bool,
    /// How that argument is passed: `&Bound<PyType>`, `Bound<PyType>` or `Py<PyType>`.
    pub cls_pass: ClsPass,
    /// The method's `#[cfg(...)]` attributes, repeated on everything generated for it.
    pub cfg_attrs: Vec<syn::Attribute>,
    /// Span of the method name.
    pub span: Span,
}

/// The model of a `#[pymethods]` block.
pub struct MethodsModel {
    /// The class type.
    pub self_ty: syn::Type,
    /// `crate = ...`
    pub krate: Option<syn::Path>,
    /// Methods.
    pub methods: Vec<MethodModel>,
    /// `const __hash__: Option<Py<PyAny>> = None;` (instances unhashable).
    pub hash_none: bool,
}

struct ReplaceSelf(syn::Type);

impl VisitMut for ReplaceSelf {
    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        if let syn::Type::Path(p) = ty {
            if p.qself.is_none() && p.path.is_ident("Self") {
                *ty = self.0.clone();
                return;
            }
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        if path.segments.len() > 1 && path.segments[0].ident == "Self" {
            let ty = &self.0;
            let rest: Vec<_> = path.segments.iter().skip(1).cloned().collect();
            *path = syn::parse_quote!(#ty);
            if let syn::Type::Path(_) = ty {
                for seg in rest {
                    path.segments.push(seg);
                }
            }
        }
        syn::visit_mut::visit_path_mut(self, path);
    }
}

fn take_marker(attrs: &mut Vec<syn::Attribute>, name: &str) -> Option<syn::Attribute> {
    let pos = attrs.iter().position(|a| a.path().is_ident(name))?;
    Some(attrs.remove(pos))
}

fn is_self_wrapper(ty: &syn::Type, wrapper: &str, self_name: &str) -> bool {
    let ty = match utils::unwrap_group(ty) {
        syn::Type::Reference(r) if wrapper == "&Bound" => &*r.elem,
        syn::Type::Reference(_) => return false,
        // `&Bound` needs the reference: `Bound<Self>` by value is its own receiver kind.
        _ if wrapper == "&Bound" => return false,
        t => t,
    };
    let name = wrapper.trim_start_matches('&');
    match utils::last_segment(ty) {
        Some(seg) if seg.ident == name => {
            if let syn::PathArguments::AngleBracketed(a) = &seg.arguments {
                a.args.iter().any(|g| match g {
                    syn::GenericArgument::Type(syn::Type::Path(p)) => {
                        p.path.is_ident("Self")
                            || p.path.segments.last().is_some_and(|s| s.ident == self_name)
                    }
                    _ => false,
                })
            } else {
                false
            }
        }
        _ => false,
    }
}

/// Builds the model; removes the PyO3 attributes from the block.
pub fn build(block: &mut syn::ItemImpl, krate: Option<syn::Path>) -> syn::Result<MethodsModel> {
    let mut errors = Errors::new();
    if let Some((_, path, _)) = &block.trait_ {
        errors.push(path, "#[pymethods] cannot be used on trait impl blocks");
    }
    if !block.generics.params.is_empty() {
        errors.push(
            &block.generics,
            "#[pymethods] cannot be used with lifetime parameters or generics",
        );
    }
    let self_ty = (*block.self_ty).clone();
    let self_name = utils::last_segment(&self_ty)
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    let mut methods = Vec::new();
    let mut hash_none = false;
    for item in block.items.iter_mut() {
        let syn::ImplItem::Fn(f) = item else {
            if let syn::ImplItem::Const(c) = item {
                if c.ident == "__hash__" {
                    hash_none = true;
                }
                if let Some(a) = take_marker(&mut c.attrs, "classattr") {
                    let _ = a;
                    let ident = &c.ident;
                    let ty = &c.ty;
                    let mut func: syn::ItemFn = syn::parse_quote! {
                        fn #ident() -> #ty { <#self_ty>::#ident }
                    };
                    func.attrs = c.attrs.clone();
                    if let Some(m) =
                        errors.handle(function::build(&mut func, PyFunctionOptions::default()))
                    {
                        methods.push(MethodModel {
                            kind: MethodKind::ClassAttr,
                            receiver: Receiver::None,
                            func: m,
                            takes_cls: false,
                            cls_pass: ClsPass::Ref,
                            cfg_attrs: Vec::new(),
                            is_const: true,
                            span: c.ident.span(),
                        });
                    }
                    c.attrs.retain(|a| !a.path().is_ident("pyo3"));
                }
            }
            continue;
        };
        let new = take_marker(&mut f.attrs, "new");
        let stat = take_marker(&mut f.attrs, "staticmethod");
        let class = take_marker(&mut f.attrs, "classmethod");
        let getter = take_marker(&mut f.attrs, "getter");
        let setter = take_marker(&mut f.attrs, "setter");
        let classattr = take_marker(&mut f.attrs, "classattr");
        let deleter = take_marker(&mut f.attrs, "deleter");
        let n_markers = [&new, &stat, &class, &getter, &setter, &classattr, &deleter]
            .iter()
            .filter(|a| a.is_some())
            .count();
        let new_with_cls = new.is_some() && class.is_some();
        let n_markers = if new_with_cls {
            n_markers - 1
        } else {
            n_markers
        };
        if n_markers > 1 {
            errors.push(&f.sig.ident, "only one of `#[new]`, `#[staticmethod]`, `#[classmethod]`, `#[getter]`, `#[setter]`, `#[deleter]`, `#[classattr]` may be used");
        }
        let rust_name = utils::python_name(&f.sig.ident);
        let attr_name = |a: &syn::Attribute| -> Option<String> {
            match &a.meta {
                // `#[getter(r#type)]` names the attribute `type`.
                syn::Meta::List(l) => syn::parse2::<syn::Ident>(l.tokens.clone())
                    .ok()
                    .map(|i| utils::python_name(&i))
                    .or_else(|| {
                        syn::parse2::<syn::LitStr>(l.tokens.clone())
                            .ok()
                            .map(|s| s.value())
                    }),
                _ => None,
            }
        };
        // As in PyO3, the Python name decides whether a method is a slot: `#[pyo3(name =
        // "__len__")] fn length` fills `__len__`, `#[pyo3(name = "foo")] fn __hash__` is a
        // plain method `foo`.
        let slot_name = python_name_option(&f.attrs).unwrap_or_else(|| rust_name.clone());
        let is_slot = crate::slots::is_slot(&slot_name)
            && new.is_none()
            && class.is_none()
            && getter.is_none()
            && setter.is_none()
            && classattr.is_none()
            && deleter.is_none();
        let kind = if new.is_some() {
            MethodKind::New
        } else if is_slot {
            MethodKind::Slot(slot_name.clone())
        } else if stat.is_some() {
            MethodKind::Static
        } else if class.is_some() {
            MethodKind::Class
        } else if let Some(a) = &getter {
            MethodKind::Getter(attr_name(a).unwrap_or_else(|| {
                rust_name
                    .strip_prefix("get_")
                    .unwrap_or(&rust_name)
                    .to_string()
            }))
        } else if let Some(a) = &setter {
            MethodKind::Setter(attr_name(a).unwrap_or_else(|| {
                rust_name
                    .strip_prefix("set_")
                    .unwrap_or(&rust_name)
                    .to_string()
            }))
        } else if let Some(a) = &deleter {
            MethodKind::Deleter(attr_name(a).unwrap_or_else(|| {
                rust_name
                    .strip_prefix("delete_")
                    .or_else(|| rust_name.strip_prefix("del_"))
                    .unwrap_or(&rust_name)
                    .to_string()
            }))
        } else if classattr.is_some() {
            MethodKind::ClassAttr
        } else if crate::slots::is_slot(&slot_name) {
            MethodKind::Slot(slot_name.clone())
        } else {
            MethodKind::Instance
        };
        // A copy of the function without receiver, with `Self` replaced.
        let mut func = syn::ItemFn {
            attrs: f.attrs.clone(),
            vis: syn::Visibility::Inherited,
            sig: f.sig.clone(),
            block: Box::new(syn::parse_quote!({})),
        };
        // The original keeps docs etc. but loses `#[pyo3]` (on the method and its arguments).
        f.attrs.retain(|a| !a.path().is_ident("pyo3"));
        for input in f.sig.inputs.iter_mut() {
            if let syn::FnArg::Typed(pt) = input {
                pt.attrs.retain(|a| !a.path().is_ident("pyo3"));
            }
        }
        let mut receiver = Receiver::None;
        let first = func.sig.inputs.first().cloned();
        let instance_like = matches!(
            kind,
            MethodKind::Instance
                | MethodKind::Getter(_)
                | MethodKind::Setter(_)
                | MethodKind::Deleter(_)
                | MethodKind::Slot(_)
        );
        match first {
            Some(syn::FnArg::Typed(_)) | None if instance_like && stat.is_some() => {}
            Some(syn::FnArg::Receiver(r)) => {
                if r.reference.is_none() {
                    errors.push(&r, "Python methods cannot take `self` by value; use `&self`, `&mut self` or `slf: PyRef<'_, Self>`");
                }
                receiver = if r.mutability.is_some() {
                    Receiver::RefMut
                } else {
                    Receiver::Ref
                };
                if !instance_like {
                    errors.push(&r, "static methods, class methods, constructors and class attributes cannot take `self`");
                }
            }
            Some(syn::FnArg::Typed(pt)) if instance_like => {
                let ty = &*pt.ty;
                receiver = if is_self_wrapper(ty, "PyRef", &self_name) {
                    Receiver::PyRef
                } else if is_self_wrapper(ty, "PyRefMut", &self_name) {
                    Receiver::PyRefMut
                } else if is_self_wrapper(ty, "&Bound", &self_name) {
                    Receiver::BoundRef
                } else if is_self_wrapper(ty, "Bound", &self_name) {
                    Receiver::Bound
                } else if is_self_wrapper(ty, "Py", &self_name) {
                    Receiver::Py
                } else if is_self_wrapper(ty, "PyClassGuard", &self_name) {
                    Receiver::Guard
                } else if is_self_wrapper(ty, "PyClassGuardMut", &self_name) {
                    Receiver::GuardMut
                } else {
                    Receiver::None
                };
                if receiver == Receiver::None {
                    errors.push(&f.sig.ident, "instance methods need a receiver (`&self`, `&mut self`, `slf: PyRef<'_, Self>`, `slf: &Bound<'_, Self>`, ...); use `#[staticmethod]` otherwise");
                }
            }
            None if instance_like => {
                errors.push(&f.sig.ident, "instance methods need a receiver (`&self`, `&mut self`, `slf: PyRef<'_, Self>`, ...); use `#[staticmethod]` otherwise");
            }
            _ => {}
        }
        let takes_cls = kind == MethodKind::Class || new_with_cls;
        let cls_pass = ClsPass::of(func.sig.inputs.first());
        if receiver != Receiver::None || takes_cls {
            if takes_cls && func.sig.inputs.is_empty() {
                errors.push(
                    &f.sig.ident,
                    "`#[classmethod]` needs a first argument `cls: &Bound<'_, PyType>`",
                );
            }
            let rest: Vec<syn::FnArg> = func.sig.inputs.iter().skip(1).cloned().collect();
            func.sig.inputs = rest.into_iter().collect();
        }
        ReplaceSelf(self_ty.clone()).visit_item_fn_mut(&mut func);
        // Slots and accessors ignore `name`; the model keeps the Rust name.
        let span = f.sig.ident.span();
        if let Some(m) = errors.handle(function::build(&mut func, PyFunctionOptions::default())) {
            crate::coroutine::check_method_kind(&kind, &m, &mut errors);
            let kind = match kind {
                MethodKind::Getter(_) if m.python_name != rust_name => {
                    MethodKind::Getter(m.python_name.clone())
                }
                MethodKind::Deleter(_) if m.python_name != rust_name => {
                    MethodKind::Deleter(m.python_name.clone())
                }
                MethodKind::Setter(_) if m.python_name != rust_name => {
                    MethodKind::Setter(m.python_name.clone())
                }
                k => k,
            };
            methods.push(MethodModel {
                kind,
                receiver,
                func: m,
                takes_cls,
                cls_pass,
                cfg_attrs: f
                    .attrs
                    .iter()
                    .filter(|a| a.path().is_ident("cfg"))
                    .cloned()
                    .collect(),
                is_const: false,
                span,
            });
            if let Some(last) = methods.last() {
                crate::model::method_checks::check(last, &mut errors);
            }
        }
    }
    crate::model::method_checks::check_block(&methods, &mut errors);
    errors.finish(MethodsModel {
        self_ty,
        krate,
        hash_none,
        methods,
    })
}

/// The value of a `#[pyo3(name = "...")]` option among `attrs`, read without consuming them
/// (malformed options are reported when the function model takes them).
fn python_name_option(attrs: &[syn::Attribute]) -> Option<String> {
    let mut attrs = attrs.to_vec();
    let options = crate::attributes::take_pyo3_options(&mut attrs, &mut Errors::new());
    options
        .iter()
        .filter(|o| o.name() == "name")
        .find_map(|o| o.lit_str().ok())
        .map(|n| utils::unraw(n.value()))
}
