//! Model of a `#[pyclass]`: its options, fields (with `get` / `set`) or enum variants.

use crate::attributes::{self, set_flag, set_lit_str_once, set_once, set_path_once, RawOption};
use crate::errors::Errors;
use crate::rename::RenamingRule;
use crate::utils::{self, python_name};
use proc_macro2::Span;
use syn::{Ident, LitStr, Type};

/// Options of `#[pyclass(...)]`.
#[derive(Default, Clone)]
pub struct ClassOptions {
    /// `name = "..."`
    pub name: Option<LitStr>,
    /// `module = "..."`
    pub module: Option<LitStr>,
    /// `extends = path`
    pub extends: Option<syn::Path>,
    /// `crate = "..."`
    pub krate: Option<syn::Path>,
    /// `rename_all = "..."`
    pub rename_all: Option<(RenamingRule, Span)>,
    /// Flags.
    pub frozen: bool,
    /// `subclass`
    pub subclass: bool,
    /// `dict`
    pub dict: bool,
    /// `weakref`
    pub weakref: bool,
    /// `get_all`
    pub get_all: bool,
    /// `set_all`
    pub set_all: bool,
    /// `eq`
    pub eq: bool,
    /// `ord`
    pub ord: bool,
    /// `hash`
    pub hash: Option<Span>,
    /// `str` or `str = "format"`
    pub str: Option<Option<LitStr>>,
    /// `unsendable`
    pub unsendable: bool,
    /// `from_py_object`
    pub from_py_object: bool,
    /// `skip_from_py_object` (the default)
    pub skip_from_py_object: bool,
    /// `new = "from_fields"`
    pub new_from_fields: bool,
    /// `sequence`
    pub sequence: bool,
    /// `immutable_type`
    pub immutable_type: bool,
    /// `freelist = N`
    pub freelist: Option<syn::Expr>,
    /// `mapping`: no sequence slots are derived from `__getitem__` / `__len__`.
    pub mapping: bool,
    /// `generic`: `__class_getitem__` makes `Cls[T]` a `types.GenericAlias`.
    pub generic: bool,
    /// `eq_int`: a simple enum compares equal to its discriminant.
    pub eq_int: Option<Span>,
    /// `gc` (our extension): `__traverse__` / `__clear__` derived from the fields.
    pub gc: Option<Span>,
}

/// Options `#[pyclass]` accepts.
pub const CLASS_OPTIONS: &[&str] = &[
    "name",
    "new",
    "module",
    "extends",
    "crate",
    "rename_all",
    "frozen",
    "subclass",
    "dict",
    "weakref",
    "get_all",
    "set_all",
    "eq",
    "ord",
    "hash",
    "str",
    "unsendable",
    "from_py_object",
    "skip_from_py_object",
    "freelist",
    "sequence",
    "mapping",
    "eq_int",
    "generic",
    "immutable_type",
    "gc",
];

impl ClassOptions {
    /// Adds the options of one list.
    pub fn add(&mut self, opts: &[RawOption], errors: &mut Errors) {
        for opt in opts {
            match opt.name().as_str() {
                "name" => {
                    set_lit_str_once(&mut self.name, opt, errors);
                }
                "module" => {
                    set_lit_str_once(&mut self.module, opt, errors);
                }
                "extends" => {
                    set_path_once(&mut self.extends, opt, errors);
                }
                "crate" => {
                    set_path_once(&mut self.krate, opt, errors);
                }
                "rename_all" => {
                    if let Some(v) = errors.handle(opt.lit_str()) {
                        match RenamingRule::parse(&v.value()) {
                            Some(r) => set_once(&mut self.rename_all, (r, v.span()), opt, errors),
                            None => errors.push(&v, "unknown renaming rule"),
                        }
                    }
                }
                "frozen" => set_flag(&mut self.frozen, opt, errors),
                "subclass" => set_flag(&mut self.subclass, opt, errors),
                "dict" => set_flag(&mut self.dict, opt, errors),
                "weakref" => set_flag(&mut self.weakref, opt, errors),
                "get_all" => set_flag(&mut self.get_all, opt, errors),
                "set_all" => set_flag(&mut self.set_all, opt, errors),
                "eq" => set_flag(&mut self.eq, opt, errors),
                "ord" => set_flag(&mut self.ord, opt, errors),
                "hash" => {
                    if let Err(e) = opt.expect_flag() {
                        errors.add(e);
                    }
                    set_once(&mut self.hash, opt.span(), opt, errors);
                }
                "str" => {
                    let v = match &opt.value {
                        attributes::RawValue::Flag => Some(None),
                        _ => errors.handle(opt.lit_str()).map(Some),
                    };
                    if let Some(v) = v {
                        set_once(&mut self.str, v, opt, errors);
                    }
                }
                "unsendable" => set_flag(&mut self.unsendable, opt, errors),
                "from_py_object" => set_flag(&mut self.from_py_object, opt, errors),
                "skip_from_py_object" => set_flag(&mut self.skip_from_py_object, opt, errors),
                "new" => {
                    if let Some(v) = errors.handle(opt.lit_str()) {
                        if v.value() == "from_fields" {
                            self.new_from_fields = true;
                        } else {
                            errors.push(&v, "expected `new = \"from_fields\"`");
                        }
                    }
                }
                // Accepted, no effect in this implementation.
                "sequence" => set_flag(&mut self.sequence, opt, errors),
                "immutable_type" => set_flag(&mut self.immutable_type, opt, errors),
                "eq_int" => {
                    if let Err(e) = opt.expect_flag() {
                        errors.add(e);
                    }
                    set_once(&mut self.eq_int, opt.span(), opt, errors);
                }
                "mapping" => set_flag(&mut self.mapping, opt, errors),
                "gc" => {
                    if let Err(e) = opt.expect_flag() {
                        errors.add(e);
                    }
                    set_once(&mut self.gc, opt.span(), opt, errors);
                }
                "generic" => set_flag(&mut self.generic, opt, errors),
                "freelist" => match &opt.value {
                    attributes::RawValue::Assign(e, _) => {
                        set_once(&mut self.freelist, e.clone(), opt, errors)
                    }
                    _ => errors.push_span(opt.span(), "expected `freelist = N`"),
                },
                _ => attributes::unknown(opt, CLASS_OPTIONS, errors),
            }
        }
    }
}

/// A field of a struct class.
#[derive(Clone)]
pub struct FieldModel {
    /// Rust access (`x` or `0`).
    pub member: syn::Member,
    /// Python name.
    pub python_name: String,
    /// Type.
    pub ty: Type,
    /// `get`
    pub get: bool,
    /// `set`
    pub set: bool,
    /// Doc.
    pub doc: Option<String>,
    /// Span for errors.
    pub span: Span,
    /// The field's `#[cfg(...)]` attributes (repeated on its accessors).
    pub cfg_attrs: Vec<syn::Attribute>,
    /// `#[pyo3(traverse)]`: `#[pyclass(gc)]` visits it through `GcTraverse` whatever its type.
    pub traverse: bool,
}

/// The `#[cfg(...)]` attributes among `attrs`.
pub fn cfg_attrs(attrs: &[syn::Attribute]) -> Vec<syn::Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .cloned()
        .collect()
}

/// A variant of an enum class.
#[derive(Clone)]
pub struct VariantModel {
    /// Rust name.
    pub ident: Ident,
    /// Python name.
    pub python_name: String,
    /// Its fields (only complex enums have any).
    pub fields: VariantFields,
    /// `#[pyo3(constructor = (...))]`: the signature of the variant class's constructor.
    pub constructor: Option<proc_macro2::TokenStream>,
    /// The variant's `#[cfg(...)]` attributes (repeated on what is generated for it).
    pub cfg_attrs: Vec<syn::Attribute>,
}

/// The fields of an enum variant.
#[derive(Clone)]
pub enum VariantFields {
    /// `V`
    Unit,
    /// `V { a: T, .. }`: Rust name, Python name, type.
    Named(Vec<(Ident, String, Type)>),
    /// `V(T, ..)`: types (Python names `_0`, `_1`, ...).
    Unnamed(Vec<Type>),
}

/// The kind of class.
#[derive(Clone)]
pub enum ClassKind {
    /// A struct with its fields.
    Struct(Vec<FieldModel>),
    /// A fieldless enum.
    Enum(Vec<VariantModel>),
    /// An enum with struct or tuple variants: each variant is a subclass `E.V`.
    ComplexEnum(Vec<VariantModel>),
}

/// The model of a `#[pyclass]`.
#[derive(Clone)]
pub struct ClassModel {
    /// Rust type name.
    pub ident: Ident,
    /// Python name.
    pub python_name: String,
    /// Options.
    pub options: ClassOptions,
    /// Doc text.
    pub doc: Option<String>,
    /// Fields or variants.
    pub kind: ClassKind,
    /// The item's visibility (given to helper types other macros name).
    pub vis: syn::Visibility,
    /// The integer type of a simple enum's discriminants (`#[repr(u8)]`, ...; `isize` by
    /// default).
    pub repr: Type,
}

/// Builds the model of a struct or enum, removing `#[pyo3]` attributes from the item.
pub fn build(item: &mut syn::Item, mut options: ClassOptions) -> syn::Result<ClassModel> {
    let mut errors = Errors::new();
    let (attrs, ident, generics, vis) = match item {
        syn::Item::Struct(s) => (
            &mut s.attrs,
            s.ident.clone(),
            s.generics.clone(),
            s.vis.clone(),
        ),
        syn::Item::Enum(e) => (
            &mut e.attrs,
            e.ident.clone(),
            e.generics.clone(),
            e.vis.clone(),
        ),
        other => {
            return Err(syn::Error::new_spanned(
                other,
                "#[pyclass] only supports structs and enums",
            ))
        }
    };
    let opts = attributes::take_pyo3_options(attrs, &mut errors);
    let repr = enum_repr(attrs);
    options.add(&opts, &mut errors);
    let doc = utils::get_doc(attrs);
    if !generics.params.is_empty() {
        errors.push(
            &generics,
            "#[pyclass] cannot have generic parameters. For an explanation, see https://pyo3.rs/latest/class.html#no-generic-parameters",
        );
    }
    let class_name = options
        .name
        .as_ref()
        .map(LitStr::value)
        .unwrap_or_else(|| python_name(&ident));
    let kind = match item {
        syn::Item::Struct(s) => {
            let mut fields = Vec::new();
            for (i, field) in s.fields.iter_mut().enumerate() {
                let fopts = attributes::take_pyo3_options(&mut field.attrs, &mut errors);
                let mut get = false;
                let mut set = false;
                let mut name: Option<LitStr> = None;
                let mut traverse = false;
                for o in &fopts {
                    match o.name().as_str() {
                        "get" => set_flag(&mut get, o, &mut errors),
                        "set" => set_flag(&mut set, o, &mut errors),
                        "traverse" => {
                            set_flag(&mut traverse, o, &mut errors);
                            if options.gc.is_none() {
                                errors.push_span(
                                    o.span(),
                                    "`#[pyo3(traverse)]` requires `#[pyclass(gc)]` on the struct",
                                );
                            }
                        }
                        "name" => {
                            if let Some(v) = errors.handle(o.lit_str()) {
                                set_once(&mut name, v, o, &mut errors);
                            }
                        }
                        _ => {
                            attributes::unknown(o, &["get", "set", "name", "traverse"], &mut errors)
                        }
                    }
                }
                let span = syn::spanned::Spanned::span(&*field);
                let get = get || options.get_all;
                let set = set || options.set_all;
                let (member, default_name) = match &field.ident {
                    Some(id) => (syn::Member::Named(id.clone()), Some(python_name(id))),
                    None => (syn::Member::Unnamed(syn::Index::from(i)), None),
                };
                let python_name = match (&name, default_name) {
                    (Some(n), _) => n.value(),
                    (None, Some(n)) => match &options.rename_all {
                        Some((rule, _)) => rule.apply(&n),
                        None => n,
                    },
                    (None, None) => {
                        if get || set {
                            errors.push_span(
                                span,
                                "`get` and `set` with tuple struct fields require `name`",
                            );
                        }
                        String::new()
                    }
                };
                if set && options.frozen {
                    errors.push_span(span, "cannot use `#[pyo3(set)]` on a `frozen` class");
                }
                fields.push(FieldModel {
                    member,
                    python_name,
                    ty: field.ty.clone(),
                    get,
                    set,
                    doc: utils::get_doc(&field.attrs),
                    span,
                    cfg_attrs: cfg_attrs(&field.attrs),
                    traverse,
                });
            }
            ClassKind::Struct(fields)
        }
        syn::Item::Enum(e) => build_enum(e, &options, &mut errors),
        _ => unreachable!(),
    };
    if let (Some(Some(fmt)), false) = (&options.str, matches!(kind, ClassKind::Struct(_))) {
        errors.push(
            fmt,
            "the format string of `str = \"...\"` can only name struct fields; use `str` with a `Display` impl for enums",
        );
    }
    if let (Some(span), false) = (options.gc, matches!(kind, ClassKind::Struct(_))) {
        errors.push_span(
            span,
            "`gc` can only be used on structs (enum variants' fields are not traversed)",
        );
    }
    if let (Some(span), false) = (options.eq_int, matches!(kind, ClassKind::Enum(_))) {
        errors.push_span(span, "`eq_int` can only be used on simple enums.");
    }
    if options.ord && !options.eq {
        errors.push(&ident, "The `ord` option requires the `eq` option.");
    }
    if let Some(span) = options.hash {
        if !options.frozen && matches!(kind, ClassKind::Struct(_)) {
            errors.push_span(span, "The `hash` option requires the `frozen` option.");
        }
        if !options.eq && matches!(kind, ClassKind::Struct(_)) {
            errors.push_span(span, "The `hash` option requires the `eq` option.");
        }
    }
    errors.finish(ClassModel {
        ident,
        python_name: class_name,
        options,
        doc,
        kind,
        vis,
        repr,
    })
}

/// The integer type named in `#[repr(...)]` (other repr hints such as `align` are skipped).
fn enum_repr(attrs: &[syn::Attribute]) -> Type {
    const INTS: &[&str] = &[
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ];
    for attr in attrs.iter().filter(|a| a.path().is_ident("repr")) {
        let mut found = None;
        let _ = attr.parse_nested_meta(|meta| {
            if let Some(id) = meta.path.get_ident() {
                if INTS.contains(&id.to_string().as_str()) {
                    found = Some(id.clone());
                }
            }
            if meta.input.peek(syn::token::Paren) {
                let _content;
                syn::parenthesized!(_content in meta.input);
            }
            Ok(())
        });
        if let Some(id) = found {
            return syn::parse_quote!(#id);
        }
    }
    syn::parse_quote!(isize)
}

/// The variants of an enum class; complex as soon as one variant has fields.
fn build_enum(e: &mut syn::ItemEnum, options: &ClassOptions, errors: &mut Errors) -> ClassKind {
    let mut variants = Vec::new();
    if e.variants.is_empty() {
        errors.push(
            &e.ident,
            "#[pyclass] can't be used on enums without any variants",
        );
    }
    let is_complex = e
        .variants
        .iter()
        .any(|v| !matches!(v.fields, syn::Fields::Unit));
    for v in e.variants.iter_mut() {
        let vopts = attributes::take_pyo3_options(&mut v.attrs, errors);
        let mut name: Option<LitStr> = None;
        let mut constructor = None;
        for o in &vopts {
            match o.name().as_str() {
                "name" => {
                    if let Some(val) = errors.handle(o.lit_str()) {
                        set_once(&mut name, val, o, errors);
                    }
                }
                "constructor" => match (&o.value, is_complex) {
                    (attributes::RawValue::Assign(_, tokens), true) => {
                        set_once(&mut constructor, tokens.clone(), o, errors)
                    }
                    (_, true) => errors.push_span(o.span(), "expected `constructor = (...)`"),
                    (_, false) => errors.push_span(
                        o.span(),
                        "`constructor` can't be used on a simple enum variant",
                    ),
                },
                _ => attributes::unknown(o, &["name", "constructor"], errors),
            }
        }
        let fields = match &v.fields {
            syn::Fields::Unit => {
                if is_complex {
                    errors.push(
                        &v.ident,
                        format!(
                            "Unit variant `{0}` is not yet supported in a complex enum\n\
                             = help: change to an empty tuple variant instead: `{0}()`\n\
                             = note: the enum is complex because of non-unit variant",
                            v.ident
                        ),
                    );
                }
                VariantFields::Unit
            }
            syn::Fields::Named(n) => VariantFields::Named(
                n.named
                    .iter()
                    .map(|f| {
                        let id = f.ident.clone().expect("named field");
                        let py = python_name(&id);
                        (id, py, f.ty.clone())
                    })
                    .collect(),
            ),
            syn::Fields::Unnamed(u) => {
                VariantFields::Unnamed(u.unnamed.iter().map(|f| f.ty.clone()).collect())
            }
        };
        let py = match (name, &options.rename_all) {
            (Some(n), _) => n.value(),
            (None, Some((rule, _))) => rule.apply(&python_name(&v.ident)),
            (None, None) => python_name(&v.ident),
        };
        variants.push(VariantModel {
            ident: v.ident.clone(),
            python_name: py,
            fields,
            constructor,
            cfg_attrs: cfg_attrs(&v.attrs),
        });
    }
    if options.subclass {
        errors.push(&e.ident, "enums can't be inherited by other classes");
    }
    if options.extends.is_some() {
        errors.push(&e.ident, "enums can't extend from other classes");
    }
    if is_complex {
        ClassKind::ComplexEnum(variants)
    } else {
        ClassKind::Enum(variants)
    }
}
