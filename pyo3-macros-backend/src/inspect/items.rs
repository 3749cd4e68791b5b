//! The metadata of each item kind: functions and methods, classes, modules.

use super::{emit_static, hints, id_expr, id_of, impl_id, J};
use crate::model::function::{FnModel, ParamKind};
use crate::model::module::{Export, ModuleKind, ModuleModel};
use crate::model::pyclass::{ClassKind, ClassModel, VariantFields};
use crate::model::pymethods::{MethodKind, MethodModel, MethodsModel};
use crate::signature::default_to_python;
use crate::utils::Ctx;
use proc_macro2::TokenStream;
use quote::quote;

fn param_kind(k: ParamKind) -> &'static str {
    match k {
        ParamKind::PositionalOnly => "positional_only",
        ParamKind::PositionalOrKeyword => "positional",
        ParamKind::KeywordOnly => "keyword_only",
        ParamKind::VarArgs => "var_positional",
        ParamKind::KwArgs => "var_keyword",
    }
}

/// The parameters of `f` with their hints. `positional_only`: the method is called through a
/// type slot, whose wrapper takes no keywords whatever names the Rust parameters have.
fn params(f: &FnModel, positional_only: bool, pyo3: &TokenStream) -> J {
    J::Arr(
        f.params
            .iter()
            .map(|p| {
                let arg = &f.args[p.arg];
                let given = f.annotations.iter().find(|(n, _)| *n == p.name);
                // `*args`/`**kwargs` arrive as a tuple/dict of anything, and a `from_py_with`
                // function accepts whatever it accepts: nothing more precise is known.
                let hint = if let Some((_, lit)) = given {
                    super::pyexpr::annotation(lit, pyo3)
                } else if arg.from_py_with.is_some()
                    || matches!(p.kind, ParamKind::VarArgs | ParamKind::KwArgs)
                {
                    quote!(#pyo3::inspect::hints::ANY)
                } else {
                    hints::input(&arg.ty, pyo3)
                };
                let kind = match p.kind {
                    ParamKind::PositionalOrKeyword if positional_only => ParamKind::PositionalOnly,
                    kind => kind,
                };
                J::Obj(vec![
                    ("name", J::Str(p.name.clone())),
                    ("kind", J::Str(param_kind(kind).into())),
                    (
                        "default",
                        p.default
                            .as_ref()
                            .map_or(J::Null, |d| J::Str(default_to_python(d))),
                    ),
                    ("annotation", J::Expr(hint)),
                ])
            })
            .collect(),
    )
}

/// How a function is called from Python, for its metadata.
struct Calling<'a> {
    /// `function`, `instance`, `getter`, ... (see `method_name`).
    method: &'a str,
    /// The class's id for a method, null for a module function.
    parent: J,
    /// Whether every parameter is positional-only (see [`params`]).
    positional_only: bool,
}

fn function_json(f: &FnModel, calling: Calling<'_>, returns: J, pyo3: &TokenStream) -> J {
    // `signature = (...) -> "T"` overrides the derived return hint.
    let returns = match &f.return_annotation {
        Some(lit) => J::Expr(super::pyexpr::annotation(lit, pyo3)),
        None => returns,
    };
    J::Obj(vec![
        ("kind", J::Str("function".into())),
        ("name", J::Str(f.python_name.clone())),
        ("doc", J::opt_str(f.doc.as_deref())),
        ("method", J::Str(calling.method.into())),
        ("parent", calling.parent),
        ("is_async", J::Bool(f.asyncness.is_some())),
        ("args", params(f, calling.positional_only, pyo3)),
        ("returns", returns),
    ])
}

/// `#[pyfunction]`: its metadata and its introspection id (`path::_PYO3_INTROSPECTION_ID`).
pub fn pyfunction(f: &FnModel) -> TokenStream {
    let pyo3 = Ctx::new(f.krate.as_ref()).pyo3;
    let ident = &f.rust_ident;
    let id = id_expr(&ident.to_string());
    let calling = Calling {
        method: "function",
        parent: J::Null,
        positional_only: false,
    };
    let returns = J::Expr(hints::output(f.output.as_ref(), &pyo3));
    let mut json = function_json(f, calling, returns, &pyo3);
    if let J::Obj(fields) = &mut json {
        fields.insert(0, ("id", J::StrExpr(id.clone())));
    }
    let stat = emit_static(&json, &format!("fn {}", f.python_name), &pyo3);
    quote! {
        impl #ident {
            #[doc(hidden)]
            pub const _PYO3_INTROSPECTION_ID: &'static str = #id;
        }
        #stat
    }
}

fn method_name(k: &MethodKind) -> &'static str {
    match k {
        MethodKind::Instance => "instance",
        MethodKind::New => "new",
        MethodKind::Static => "static",
        MethodKind::Class => "class",
        MethodKind::Getter(_) => "getter",
        MethodKind::Setter(_) => "setter",
        MethodKind::Deleter(_) => "deleter",
        MethodKind::ClassAttr => "classattr",
        MethodKind::Slot(_) => "slot",
    }
}

/// `#[pymethods]`: one metadata static per method, linked to the class by its id.
pub fn pymethods(m: &MethodsModel) -> TokenStream {
    let pyo3 = Ctx::new(m.krate.as_ref()).pyo3;
    let ty = &m.self_ty;
    let mut out = TokenStream::new();
    for method in &m.methods {
        let (name, json) = method_json(method, ty, &pyo3);
        let stat = emit_static(&json, &format!("method {} {}", quote!(#ty), name), &pyo3);
        let cfgs = &method.cfg_attrs;
        out.extend(quote!(#(#cfgs)* #stat));
    }
    out
}

/// The Python name and the metadata of one method of the class `ty`.
fn method_json(method: &MethodModel, ty: &syn::Type, pyo3: &TokenStream) -> (String, J) {
    let f = &method.func;
    let name = match &method.kind {
        MethodKind::Getter(n) | MethodKind::Setter(n) | MethodKind::Deleter(n) => n.clone(),
        _ => f.python_name.clone(),
    };
    let returns = match &method.kind {
        // `__new__` returns an instance whatever the Rust type (`Self`,
        // `PyClassInitializer<Self>`, ...).
        MethodKind::New => J::Expr(quote!(#pyo3::impl_::introspection::TypeInfoHint::<#ty>::HINT)),
        _ => J::Expr(hints::output(f.output.as_ref(), pyo3)),
    };
    let calling = Calling {
        method: method_name(&method.kind),
        parent: J::StrExpr(id_of(ty, pyo3)),
        // A slot wrapper (`__getitem__`, `__add__`, ...) takes positional arguments only;
        // `tp_call` passes the keywords on, so `__call__` keeps its declared kinds.
        positional_only: matches!(&method.kind, MethodKind::Slot(n) if n != "__call__"),
    };
    let mut json = function_json(f, calling, returns, pyo3);
    if let J::Obj(fields) = &mut json {
        fields[1].1 = J::Str(name.clone());
    }
    (name, json)
}

/// `#[pyclass]`: the class metadata, its id, and its `PyTypeInfo::TYPE_HINT` value (returned
/// separately: the class emitter puts it in its `PyTypeInfo` impl).
pub fn pyclass(c: &ClassModel) -> (TokenStream, TokenStream) {
    let pyo3 = Ctx::new(c.options.krate.as_ref()).pyo3;
    let ident = &c.ident;
    let name = &c.python_name;
    let id = id_expr(&ident.to_string());
    let module = c.options.module.as_ref().map(|m| m.value());
    let expr = match &module {
        Some(m) => quote!(#pyo3::type_hint_identifier!(#m, #name)),
        None => quote!(#pyo3::inspect::PyStaticExpr::Name { id: #name }),
    };
    let type_hint = quote! {
        const TYPE_HINT: #pyo3::inspect::PyStaticExpr = #pyo3::inspect::PyStaticExpr::PyClass(
            #pyo3::inspect::PyClassNameStaticExpr::new(&#expr, #id),
        );
    };
    let base = match &c.options.extends {
        Some(p) => J::Expr(quote!(#pyo3::impl_::introspection::TypeInfoHint::<#p>::HINT)),
        None => J::Null,
    };
    let mut fields = Vec::new();
    let mut variants = Vec::new();
    let kind = match &c.kind {
        ClassKind::Struct(fs) => {
            for f in fs.iter().filter(|f| f.get || f.set) {
                let ty = &f.ty;
                let hint = if f.get {
                    hints::output(Some(ty), &pyo3)
                } else {
                    hints::input(ty, &pyo3)
                };
                fields.push(J::Obj(vec![
                    ("name", J::Str(f.python_name.clone())),
                    ("doc", J::opt_str(f.doc.as_deref())),
                    ("get", J::Bool(f.get)),
                    ("set", J::Bool(f.set)),
                    ("annotation", J::Expr(hint)),
                ]));
            }
            "class"
        }
        ClassKind::Enum(vs) => {
            variants.extend(vs.iter().map(|v| J::Str(v.python_name.clone())));
            "enum"
        }
        ClassKind::ComplexEnum(vs) => {
            for v in vs {
                let vfields = match &v.fields {
                    VariantFields::Unit => Vec::new(),
                    VariantFields::Named(nf) => {
                        nf.iter().map(|(_, n, t)| (n.clone(), t.clone())).collect()
                    }
                    VariantFields::Unnamed(tys) => tys
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (format!("_{i}"), t.clone()))
                        .collect(),
                };
                let vfields = vfields.into_iter().map(|(n, t)| {
                    J::Obj(vec![
                        ("name", J::Str(n)),
                        ("annotation", J::Expr(hints::output(Some(&t), &pyo3))),
                        ("input", J::Expr(hints::input(&t, &pyo3))),
                    ])
                });
                variants.push(J::Obj(vec![
                    ("name", J::Str(v.python_name.clone())),
                    (
                        "tuple",
                        J::Bool(matches!(v.fields, VariantFields::Unnamed(_))),
                    ),
                    ("fields", J::Arr(vfields.collect())),
                ]));
            }
            "complex_enum"
        }
    };
    let json = J::Obj(vec![
        ("kind", J::Str("class".into())),
        ("id", J::StrExpr(id.clone())),
        ("name", J::Str(name.clone())),
        ("module", J::opt_str(module.as_deref())),
        ("doc", J::opt_str(c.doc.as_deref())),
        ("class_kind", J::Str(kind.into())),
        ("base", base),
        // A complex enum is the base of its variant classes.
        (
            "subclass",
            J::Bool(c.options.subclass || matches!(c.kind, ClassKind::ComplexEnum(_))),
        ),
        ("fields", J::Arr(fields)),
        ("variants", J::Arr(variants)),
    ]);
    let stat = emit_static(&json, &format!("class {name}"), &pyo3);
    let id_impl = impl_id(ident, &ident.to_string(), &pyo3);
    let items = quote! {
        impl #ident {
            #[doc(hidden)]
            pub const _PYO3_INTROSPECTION_ID: &'static str = #id;
        }
        #id_impl
        #stat
    };
    (items, type_hint)
}

/// One member of a module: an item with an id, or a named attribute.
pub enum Member {
    /// A class added with `add_class::<T>()`: `IdOf::<T>::ID`.
    Class(syn::Path),
    /// A function, class or submodule: `path::_PYO3_INTROSPECTION_ID`.
    Item(syn::Path),
    /// `name` bound to the type object of the class or exception `path`.
    Alias(String, syn::Path),
    /// An attribute `name` whose value has the hint `hint`; `listed`: whether it is in the
    /// module's `__all__` (`#[pymodule_export]` and `add` list it, `setattr` does not).
    Constant {
        /// Python name.
        name: String,
        /// Type hint.
        hint: TokenStream,
        /// In `__all__`.
        listed: bool,
    },
}

fn member_json(m: &Member, pyo3: &TokenStream) -> J {
    match m {
        Member::Item(p) => J::Obj(vec![("id", J::StrExpr(quote!(#p::_PYO3_INTROSPECTION_ID)))]),
        Member::Class(p) => J::Obj(vec![("id", J::StrExpr(id_of(p, pyo3)))]),
        Member::Alias(n, p) => J::Obj(vec![
            ("name", J::Str(n.clone())),
            ("id", J::StrExpr(id_of(p, pyo3))),
        ]),
        Member::Constant { name, hint, listed } => J::Obj(vec![
            ("name", J::Str(name.clone())),
            ("annotation", J::Expr(hint.clone())),
            ("listed", J::Bool(*listed)),
        ]),
    }
}

fn declarative_members(
    exports: &[Export],
    pyo3: &TokenStream,
    out: &mut Vec<(Vec<syn::Attribute>, Member)>,
    cfgs: &[syn::Attribute],
) {
    for e in exports {
        match e {
            Export::Def(p) => out.push((cfgs.to_vec(), Member::Item(p.clone()))),
            Export::Const(ident) => out.push((
                cfgs.to_vec(),
                Member::Constant {
                    name: crate::utils::python_name(ident),
                    hint: quote!(#pyo3::impl_::introspection::output_type_of(&#ident)),
                    listed: true,
                },
            )),
            Export::Cfg(c, inner) => {
                let mut all = cfgs.to_vec();
                all.extend(c.iter().cloned());
                declarative_members(std::slice::from_ref(inner), pyo3, out, &all);
            }
        }
    }
}

/// `#[pymodule]`: the module metadata (members from the declarative exports, and
/// `function_members` found in the body of the module function or `#[pymodule_init]`
/// function) and its id.
///
/// `incomplete` marks a module whose body adds things the scan does not understand: its stub
/// then ends with `def __getattr__(name: str) -> Incomplete`.
///
/// Returns the id item (`_PYO3_INTROSPECTION_ID`, beside the module's own items) and the
/// metadata statics, which may be placed inside the module function's body.
pub fn pymodule(
    m: &ModuleModel,
    function_members: Vec<Member>,
    incomplete: bool,
) -> (TokenStream, TokenStream) {
    let pyo3 = Ctx::new(m.options.krate.as_ref()).pyo3;
    let mut members: Vec<(Vec<syn::Attribute>, Member)> = Vec::new();
    match &m.kind {
        ModuleKind::Declarative { exports, .. } => {
            declarative_members(exports, &pyo3, &mut members, &[]);
        }
        ModuleKind::Function(_) => {}
    }
    members.extend(function_members.into_iter().map(|m| (Vec::new(), m)));
    let ident = &m.ident;
    let id = id_expr(&ident.to_string());
    // `#[cfg]`d-out members must not be named: one static per cfg combination would be
    // needed, so a cfg'd member is emitted in its own static, under its cfg.
    let (plain, cfgd): (Vec<_>, Vec<_>) = members.into_iter().partition(|(c, _)| c.is_empty());
    let self_id = match &m.kind {
        ModuleKind::Declarative { .. } => quote!(_PYO3_INTROSPECTION_ID),
        ModuleKind::Function(_) => quote!(#ident::_PYO3_INTROSPECTION_ID),
    };
    let json = J::Obj(vec![
        ("kind", J::Str("module".into())),
        ("id", J::StrExpr(self_id.clone())),
        ("name", J::Str(m.python_name.clone())),
        (
            "module",
            J::opt_str(m.options.module.as_ref().map(|p| p.value()).as_deref()),
        ),
        ("doc", J::opt_str(m.doc.as_deref())),
        ("incomplete", J::Bool(incomplete)),
        (
            "members",
            J::Arr(plain.iter().map(|(_, m)| member_json(m, &pyo3)).collect()),
        ),
    ]);
    let mut out = emit_static(&json, &format!("module {}", m.python_name), &pyo3);
    for (cfgs, member) in &cfgd {
        let extra = J::Obj(vec![
            ("kind", J::Str("module_member".into())),
            ("module", J::StrExpr(self_id.clone())),
            ("member", member_json(member, &pyo3)),
        ]);
        let stat = emit_static(&extra, &format!("member {}", m.python_name), &pyo3);
        out.extend(quote!(#(#cfgs)* #stat));
    }
    let id_item = match &m.kind {
        ModuleKind::Declarative { .. } => quote! {
            #[doc(hidden)]
            pub const _PYO3_INTROSPECTION_ID: &'static str = #id;
        },
        ModuleKind::Function(_) => quote! {
            impl #ident {
                #[doc(hidden)]
                pub const _PYO3_INTROSPECTION_ID: &'static str = #id;
            }
        },
    };
    (id_item, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `name: kind` of each parameter in the metadata `json` of a function.
    fn param_kinds(json: &J) -> Vec<String> {
        let field = |obj: &J, key: &str| match obj {
            J::Obj(fields) => fields
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| match v {
                    J::Str(s) => s.clone(),
                    J::Arr(_) => "[...]".into(),
                    _ => "?".into(),
                }),
            _ => None,
        };
        let J::Obj(fields) = json else {
            panic!("not an object")
        };
        let Some((_, J::Arr(args))) = fields.iter().find(|(k, _)| *k == "args") else {
            panic!("no args")
        };
        args.iter()
            .map(|a| {
                format!(
                    "{}: {}",
                    field(a, "name").unwrap(),
                    field(a, "kind").unwrap()
                )
            })
            .collect()
    }

    #[test]
    fn slot_parameters_are_positional_only() {
        let mut block: syn::ItemImpl = syn::parse_quote! {
            impl V {
                fn __getitem__(&self, key: usize) -> i64 { 0 }
                fn __setitem__(&mut self, key: usize, value: i64) {}
                #[pyo3(signature = (x, *, scale = 1))]
                fn __call__(&self, x: i64, scale: i64) -> i64 { x * scale }
                fn get(&self, key: usize) -> i64 { 0 }
            }
        };
        let model = crate::model::pymethods::build(&mut block, None).unwrap();
        let pyo3 = quote!(pyo3);
        let kinds: Vec<(String, Vec<String>)> = model
            .methods
            .iter()
            .map(|m| {
                let (name, json) = method_json(m, &model.self_ty, &pyo3);
                (name, param_kinds(&json))
            })
            .collect();
        let expected = [
            ("__getitem__", vec!["key: positional_only"]),
            (
                "__setitem__",
                vec!["key: positional_only", "value: positional_only"],
            ),
            // `tp_call` takes keywords: the declared kinds stay.
            ("__call__", vec!["x: positional", "scale: keyword_only"]),
            ("get", vec!["key: positional"]),
        ];
        let expected: Vec<(String, Vec<String>)> = expected
            .iter()
            .map(|(n, k)| (n.to_string(), k.iter().map(|s| s.to_string()).collect()))
            .collect();
        assert_eq!(kinds, expected);
    }
}
