//! Model of a `#[derive(FromPyObject)]` / `#[derive(IntoPyObject)]` input.

use crate::attributes::{
    self, set_flag, set_lit_str_once, set_once, set_path_once, RawOption, RawValue,
};
use crate::errors::Errors;
use crate::utils::python_name;
use syn::{Expr, Ident, LitStr, Type};

/// Which derive is being modelled (they accept slightly different options).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DeriveKind {
    /// `FromPyObject`
    From,
    /// `IntoPyObject` / `IntoPyObjectRef`
    Into,
}

/// Container (struct or variant) options.
#[derive(Default, Clone)]
pub struct ContainerOptions {
    /// `transparent`
    pub transparent: bool,
    /// `from_item_all`
    pub from_item_all: bool,
    /// `annotation = "..."` (variants)
    pub annotation: Option<LitStr>,
    /// `crate = "..."`
    pub krate: Option<syn::Path>,
    /// `rename_all = "..."`
    pub rename_all: Option<crate::rename::RenamingRule>,
}

/// How a named field is looked up.
#[derive(Clone)]
pub enum Getter {
    /// `getattr(name)`
    Attribute(String),
    /// `obj[key]`
    Item(syn::Lit),
}

/// Field options.
#[derive(Default, Clone)]
pub struct FieldOptions {
    /// `attribute` / `attribute("name")`
    pub attribute: Option<Option<LitStr>>,
    /// `item` / `item(key)`
    pub item: Option<Option<syn::Lit>>,
    /// `from_py_with = path`
    pub from_py_with: Option<syn::Path>,
    /// `into_py_with = path`
    pub into_py_with: Option<syn::Path>,
    /// `default` (None inner) / `default = expr`
    pub default: Option<Option<Expr>>,
}

/// One field.
#[derive(Clone)]
pub struct FieldModel {
    /// Named field identifier (None for tuple fields).
    pub ident: Option<Ident>,
    /// Index (tuple fields).
    pub index: usize,
    /// Type.
    pub ty: Type,
    /// Options.
    pub options: FieldOptions,
    /// Resolved getter for named fields.
    pub getter: Option<Getter>,
}

/// Shape of a container.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    /// Named fields read one by one.
    Struct,
    /// Named or tuple struct with one field, extracted directly.
    Transparent,
    /// Tuple struct with several fields.
    Tuple,
    /// Unit (only for `IntoPyObject` enum variants: rejected).
    Unit,
}

/// A struct or one enum variant.
#[derive(Clone)]
pub struct ContainerModel {
    /// Struct or variant identifier.
    pub ident: Ident,
    /// Shape.
    pub shape: Shape,
    /// Fields.
    pub fields: Vec<FieldModel>,
    /// Options.
    pub options: ContainerOptions,
    /// Whether the fields are named.
    pub named: bool,
}

/// The whole derive input.
#[derive(Clone)]
pub struct DeriveModel {
    /// Type name.
    pub ident: Ident,
    /// Generics.
    pub generics: syn::Generics,
    /// Struct (one container) or enum (several).
    pub containers: Vec<ContainerModel>,
    /// Whether the input is an enum.
    pub is_enum: bool,
    /// `crate = ...`
    pub krate: Option<syn::Path>,
}

fn parse_container_options(
    opts: &[RawOption],
    kind: DeriveKind,
    errors: &mut Errors,
) -> ContainerOptions {
    let mut o = ContainerOptions::default();
    let allowed: &[&str] = match kind {
        DeriveKind::From => &[
            "transparent",
            "from_item_all",
            "annotation",
            "crate",
            "rename_all",
        ],
        // `from_item_all` is FromPyObject's, accepted so that one struct can derive both
        // (IntoPyObject already stores named fields as dict items).
        DeriveKind::Into => &["transparent", "crate", "rename_all", "from_item_all"],
    };
    for opt in opts {
        let name = opt.name();
        if !allowed.contains(&name.as_str()) {
            attributes::unknown(opt, allowed, errors);
            continue;
        }
        match name.as_str() {
            "transparent" => set_flag(&mut o.transparent, opt, errors),
            "from_item_all" => set_flag(&mut o.from_item_all, opt, errors),
            "annotation" => {
                set_lit_str_once(&mut o.annotation, opt, errors);
            }
            "crate" => {
                set_path_once(&mut o.krate, opt, errors);
            }
            "rename_all" => {
                if let Some(lit) = errors.handle(opt.lit_str()) {
                    match crate::rename::RenamingRule::parse(&lit.value()) {
                        Some(rule) => set_once(&mut o.rename_all, rule, opt, errors),
                        None => errors.push(
                            &lit,
                            format!(
                                "unknown renaming rule, expected one of: {}",
                                crate::rename::RULES.join(", ")
                            ),
                        ),
                    }
                }
            }
            _ => unreachable!(),
        }
    }
    o
}

fn list_arg<T: syn::parse::Parse>(opt: &RawOption, errors: &mut Errors) -> Option<Option<T>> {
    match &opt.value {
        RawValue::Flag => Some(None),
        RawValue::List(tokens, _) => errors.handle(syn::parse2::<T>(tokens.clone())).map(Some),
        RawValue::Assign(..) => {
            errors.push_span(
                opt.span(),
                format!("expected `{0}` or `{0}(...)`", opt.name()),
            );
            None
        }
    }
}

fn parse_field_options(opts: &[RawOption], kind: DeriveKind, errors: &mut Errors) -> FieldOptions {
    let mut o = FieldOptions::default();
    let allowed: &[&str] = match kind {
        // Each derive also accepts the other's converter option, so that a field of a type
        // deriving both can name both converters in one `#[pyo3(...)]`; each derive only
        // uses its own.
        DeriveKind::From => &[
            "attribute",
            "item",
            "from_py_with",
            "into_py_with",
            "default",
        ],
        DeriveKind::Into => &["item", "into_py_with", "from_py_with"],
    };
    for opt in opts {
        let name = opt.name();
        if !allowed.contains(&name.as_str()) {
            attributes::unknown(opt, allowed, errors);
            continue;
        }
        match name.as_str() {
            "attribute" => {
                if let Some(v) = list_arg::<LitStr>(opt, errors) {
                    if let Some(l) = &v {
                        if l.value().is_empty() {
                            errors.push(l, "expected a non-empty string literal");
                        }
                    }
                    set_once(&mut o.attribute, v, opt, errors);
                }
            }
            "item" => {
                if let Some(v) = list_arg::<syn::Lit>(opt, errors) {
                    set_once(&mut o.item, v, opt, errors);
                }
            }
            "from_py_with" => {
                set_path_once(&mut o.from_py_with, opt, errors);
            }
            "into_py_with" => {
                set_path_once(&mut o.into_py_with, opt, errors);
            }
            "default" => {
                let v = match &opt.value {
                    RawValue::Flag => Some(None),
                    RawValue::Assign(e, _) => Some(Some(e.clone())),
                    RawValue::List(_, span) => {
                        errors.push_span(*span, "expected `default` or `default = expr`");
                        None
                    }
                };
                if let Some(v) = v {
                    set_once(&mut o.default, v, opt, errors);
                }
            }
            _ => unreachable!(),
        }
    }
    o
}

fn build_container(
    ident: &Ident,
    fields: &syn::Fields,
    attrs: &[syn::Attribute],
    kind: DeriveKind,
    is_variant: bool,
    inherited_rename: Option<crate::rename::RenamingRule>,
    errors: &mut Errors,
) -> ContainerModel {
    let raw = attributes::read_pyo3_options(attrs, errors);
    let mut options = parse_container_options(&raw, kind, errors);
    if options.rename_all.is_none() {
        options.rename_all = inherited_rename;
    }
    if !is_variant {
        if let Some(a) = &options.annotation {
            errors.push(a, "`annotation` is only allowed on enum variants");
        }
    } else if let Some(k) = &options.krate {
        errors.push(k, "`crate` is only allowed on the type, not on variants");
    }
    let mut models = Vec::new();
    for (index, f) in fields.iter().enumerate() {
        let raw = attributes::read_pyo3_options(&f.attrs, errors);
        let fo = parse_field_options(&raw, kind, errors);
        models.push(FieldModel {
            ident: f.ident.clone(),
            index,
            ty: f.ty.clone(),
            options: fo,
            getter: None,
        });
    }
    let named = matches!(fields, syn::Fields::Named(_));
    let shape = match fields {
        syn::Fields::Unit => Shape::Unit,
        _ if options.transparent => Shape::Transparent,
        syn::Fields::Unnamed(_) if models.len() == 1 => Shape::Transparent,
        syn::Fields::Unnamed(_) => Shape::Tuple,
        syn::Fields::Named(_) => Shape::Struct,
    };
    if shape == Shape::Struct {
        for f in &mut models {
            let raw_name = python_name(f.ident.as_ref().unwrap());
            let fname = match options.rename_all {
                Some(rule) => rule.apply(&raw_name),
                None => raw_name,
            };
            f.getter = Some(match (&f.options.attribute, &f.options.item) {
                (Some(Some(n)), _) => Getter::Attribute(n.value()),
                (Some(None), _) => Getter::Attribute(fname),
                (None, Some(Some(k))) => Getter::Item(k.clone()),
                (None, Some(None)) => Getter::Item(syn::Lit::Str(LitStr::new(
                    &fname,
                    proc_macro2::Span::call_site(),
                ))),
                (None, None) if options.from_item_all => Getter::Item(syn::Lit::Str(LitStr::new(
                    &fname,
                    proc_macro2::Span::call_site(),
                ))),
                (None, None) => match kind {
                    DeriveKind::From => Getter::Attribute(fname),
                    DeriveKind::Into => Getter::Item(syn::Lit::Str(LitStr::new(
                        &fname,
                        proc_macro2::Span::call_site(),
                    ))),
                },
            });
        }
    }
    ContainerModel {
        ident: ident.clone(),
        shape,
        fields: models,
        options,
        named,
    }
}

/// Builds (and checks) the model of a derive input; all errors are reported together.
pub fn build(input: &syn::DeriveInput, kind: DeriveKind) -> syn::Result<DeriveModel> {
    let mut errors = Errors::new();
    let (containers, is_enum, krate) = match &input.data {
        syn::Data::Struct(s) => {
            let c = build_container(
                &input.ident,
                &s.fields,
                &input.attrs,
                kind,
                false,
                None,
                &mut errors,
            );
            let krate = c.options.krate.clone();
            (vec![c], false, krate)
        }
        syn::Data::Enum(e) => {
            let raw = attributes::read_pyo3_options(&input.attrs, &mut errors);
            let top = parse_container_options(&raw, kind, &mut errors);
            if top.transparent {
                errors.push(
                    &input.ident,
                    "`transparent` is not supported on enums; put it on variants",
                );
            }
            if top.from_item_all {
                errors.push(
                    &input.ident,
                    "`from_item_all` is not supported on enums; put it on variants",
                );
            }
            if let Some(a) = &top.annotation {
                errors.push(a, "`annotation` is only allowed on enum variants");
            }
            let cs = e
                .variants
                .iter()
                .map(|v| {
                    build_container(
                        &v.ident,
                        &v.fields,
                        &v.attrs,
                        kind,
                        true,
                        top.rename_all,
                        &mut errors,
                    )
                })
                .collect::<Vec<_>>();
            if cs.is_empty() {
                let what = match kind {
                    DeriveKind::From => "FromPyObject",
                    DeriveKind::Into => "IntoPyObject",
                };
                errors.push(&input.ident, format!("cannot derive {what} for empty enum"));
            }
            (cs, true, top.krate)
        }
        syn::Data::Union(u) => {
            errors.push(
                u.union_token,
                "#[derive] for `FromPyObject`/`IntoPyObject` is not supported for unions",
            );
            (Vec::new(), false, None)
        }
    };
    let model = DeriveModel {
        ident: input.ident.clone(),
        generics: input.generics.clone(),
        containers,
        is_enum,
        krate,
    };
    crate::check::check_derive(&model, kind, &mut errors);
    errors.finish(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(kind: DeriveKind, ts: proc_macro2::TokenStream) -> syn::Result<DeriveModel> {
        build(&syn::parse2(ts).unwrap(), kind)
    }

    #[test]
    fn getters() {
        let m = model(
            DeriveKind::From,
            quote::quote! {
                #[pyo3(rename_all = "camelCase")]
                struct S {
                    plain_field: i32,
                    #[pyo3(item)]
                    by_item: i32,
                    #[pyo3(attribute("x"))]
                    named: i32,
                }
            },
        )
        .unwrap();
        let g: Vec<String> = m.containers[0]
            .fields
            .iter()
            .map(|f| match f.getter.as_ref().unwrap() {
                Getter::Attribute(a) => format!("attr:{a}"),
                Getter::Item(syn::Lit::Str(s)) => format!("item:{}", s.value()),
                Getter::Item(_) => "item:?".into(),
            })
            .collect();
        assert_eq!(g, ["attr:plainField", "item:byItem", "attr:x"]);
        assert_eq!(m.containers[0].shape, Shape::Struct);
    }

    #[test]
    fn shapes_and_errors() {
        let m = model(
            DeriveKind::From,
            quote::quote!(
                struct N(i32);
            ),
        )
        .unwrap();
        assert_eq!(m.containers[0].shape, Shape::Transparent);
        let m = model(
            DeriveKind::Into,
            quote::quote!(
                struct T(i32, i32);
            ),
        )
        .unwrap();
        assert_eq!(m.containers[0].shape, Shape::Tuple);
        let e = model(
            DeriveKind::From,
            quote::quote! {
                enum E {
                    #[pyo3(transparent)]
                    A(i32, i32),
                    B,
                    #[pyo3(rename_all = "nope")]
                    C { x: i32 },
                }
            },
        )
        .err()
        .unwrap();
        let msgs: Vec<String> = e.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "unknown renaming rule, expected one of: camelCase, kebab-case, lowercase, \
                 PascalCase, SCREAMING-KEBAB-CASE, SCREAMING_SNAKE_CASE, snake_case, UPPERCASE",
                "transparent structs and variants can only have 1 field",
                "cannot derive FromPyObject for empty structs and variants",
            ]
        );
    }
}
