//! Walk pyo3-ffi's sources the way rustc would for this configuration and collect the
//! `#[repr(C)]` structs/unions and the `extern` functions/statics that are compiled in.

use crate::attrs::{active, effective, is_repr_c, name_value};
use crate::target::Target;
use std::path::{Path, PathBuf};
use syn::ext::IdentExt;
use syn::{Fields, ForeignItem, Item, Stmt, Type, UseTree, Visibility};

/// One named field of a struct or union.
pub struct FieldDef {
    /// Identifier as written in Rust (`r#type` stays raw), usable in `offset_of!`.
    pub rust_ident: String,
    /// Identifier without `r#`.
    pub name: String,
    /// `pub` (so reachable from the test crate).
    pub public: bool,
    /// `[T; 0]`, `PhantomData`, `PhantomPinned`: no C counterpart.
    pub zero_sized: bool,
}

/// Shape of a struct's fields.
#[derive(PartialEq, Eq)]
pub enum Shape {
    Named,
    Tuple,
    Unit,
}

/// A struct or union definition that is active for the target.
pub struct StructDef {
    pub name: String,
    /// Path from the test crate (`pyo3_ffi::X`), `None` if not publicly reachable.
    pub rust_path: Option<String>,
    /// Source file relative to `pyo3-ffi/src`.
    pub file: String,
    pub is_union: bool,
    pub repr_c: bool,
    pub generic: bool,
    pub shape: Shape,
    pub fields: Vec<FieldDef>,
}

/// An `extern` function or static that is active for the target.
pub struct SymbolDef {
    /// The symbol the linker will look for (`link_name` or the Rust name).
    pub link_name: String,
    pub rust_name: String,
    pub file: String,
    pub is_static: bool,
    pub variadic: bool,
}

/// An integer `const` that is active for the target (compared with the C macro/enum value).
pub struct ConstDef {
    pub name: String,
    /// Path from the test crate, `None` if not publicly reachable.
    pub rust_path: Option<String>,
    pub file: String,
}

/// Everything collected from the crate.
#[derive(Default)]
pub struct Collected {
    pub structs: Vec<StructDef>,
    pub symbols: Vec<SymbolDef>,
    pub consts: Vec<ConstDef>,
    /// Files read (for `rerun-if-changed` and the report).
    pub files: Vec<PathBuf>,
    /// Macro invocations at item level, which the harness does not expand: (file, macro).
    pub macros: Vec<(String, String)>,
}

struct Walker<'a> {
    target: &'a Target,
    src_root: PathBuf,
    out: Collected,
}

/// Parse `src_root/lib.rs` and every module file it (transitively) declares.
pub fn collect(src_root: &Path, target: &Target) -> Collected {
    let mut w = Walker {
        target,
        src_root: src_root.to_path_buf(),
        out: Collected::default(),
    };
    let lib = src_root.join("lib.rs");
    w.walk_file(&lib, src_root, Some("pyo3_ffi".to_string()));
    w.out
}

impl Walker<'_> {
    fn rel(&self, file: &Path) -> String {
        file.strip_prefix(&self.src_root)
            .unwrap_or(file)
            .display()
            .to_string()
    }

    /// `dir` is where child module files of this file live.
    fn walk_file(&mut self, file: &Path, dir: &Path, access: Option<String>) {
        let text = std::fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let parsed = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("cannot parse {}: {e}", file.display()));
        self.out.files.push(file.to_path_buf());
        let rel = self.rel(file);
        self.walk_items(&parsed.items, &rel, dir, access);
    }

    fn walk_items(&mut self, items: &[Item], file: &str, dir: &Path, access: Option<String>) {
        let t = self.target;
        // Modules glob re-exported from here: their public items are reachable at `access`.
        let mut globbed = Vec::new();
        for item in items {
            if let Item::Use(u) = item {
                if matches!(u.vis, Visibility::Public(_)) && active(&effective(&u.attrs, t), t) {
                    glob_modules(&u.tree, &mut globbed);
                }
            }
        }
        for item in items {
            match item {
                Item::Mod(m) => {
                    let metas = effective(&m.attrs, t);
                    if !active(&metas, t) {
                        continue;
                    }
                    let name = m.ident.unraw().to_string();
                    let child_access = if globbed.contains(&name) {
                        access.clone()
                    } else if matches!(m.vis, Visibility::Public(_)) {
                        access.as_ref().map(|a| format!("{a}::{}", m.ident))
                    } else {
                        None
                    };
                    if let Some((_, content)) = &m.content {
                        self.walk_items(content, file, &dir.join(&name), child_access);
                        continue;
                    }
                    let path = match name_value(&metas, "path") {
                        Some(p) => dir.join(p),
                        None => {
                            let flat = dir.join(format!("{name}.rs"));
                            if flat.exists() {
                                flat
                            } else {
                                dir.join(&name).join("mod.rs")
                            }
                        }
                    };
                    let child_dir = dir.join(&name);
                    self.walk_file(&path, &child_dir, child_access);
                }
                Item::Struct(s) => {
                    let metas = effective(&s.attrs, t);
                    if !active(&metas, t) {
                        continue;
                    }
                    let (shape, fields) = match &s.fields {
                        Fields::Named(n) => (Shape::Named, self.fields(n.named.iter())),
                        Fields::Unnamed(_) => (Shape::Tuple, Vec::new()),
                        Fields::Unit => (Shape::Unit, Vec::new()),
                    };
                    self.push_struct(
                        s.ident.to_string(),
                        &s.vis,
                        &access,
                        file,
                        &metas,
                        false,
                        !s.generics.params.is_empty(),
                        shape,
                        fields,
                    );
                }
                Item::Union(u) => {
                    let metas = effective(&u.attrs, t);
                    if !active(&metas, t) {
                        continue;
                    }
                    let fields = self.fields(u.fields.named.iter());
                    self.push_struct(
                        u.ident.to_string(),
                        &u.vis,
                        &access,
                        file,
                        &metas,
                        true,
                        !u.generics.params.is_empty(),
                        Shape::Named,
                        fields,
                    );
                }
                Item::Const(c) if is_integer_type(&c.ty) && active(&effective(&c.attrs, t), t) => {
                    let name = c.ident.unraw().to_string();
                    let rust_path = match (&c.vis, &access) {
                        (Visibility::Public(_), Some(a)) => Some(format!("{a}::{}", c.ident)),
                        _ => None,
                    };
                    self.out.consts.push(ConstDef {
                        name,
                        rust_path,
                        file: file.to_string(),
                    });
                }
                Item::ForeignMod(fm) if active(&effective(&fm.attrs, t), t) => {
                    self.foreign(fm, file);
                }
                // `extern` blocks inside function bodies still need their symbols.
                Item::Fn(f) if active(&effective(&f.attrs, t), t) => {
                    self.walk_block(&f.block.stmts, file);
                }
                Item::Macro(m) if active(&effective(&m.attrs, t), t) => {
                    let name = m
                        .mac
                        .path
                        .segments
                        .last()
                        .map(|s| s.ident.to_string())
                        .unwrap_or_default();
                    self.out.macros.push((file.to_string(), name));
                }
                _ => {}
            }
        }
    }

    fn walk_block(&mut self, stmts: &[Stmt], file: &str) {
        let t = self.target;
        for s in stmts {
            if let Stmt::Item(item) = s {
                match item {
                    Item::ForeignMod(fm) if active(&effective(&fm.attrs, t), t) => {
                        self.foreign(fm, file)
                    }
                    Item::Fn(f) if active(&effective(&f.attrs, t), t) => {
                        self.walk_block(&f.block.stmts, file)
                    }
                    _ => {}
                }
            }
        }
    }

    fn fields<'f>(&self, fields: impl Iterator<Item = &'f syn::Field>) -> Vec<FieldDef> {
        let t = self.target;
        let mut out = Vec::new();
        for f in fields {
            if !active(&effective(&f.attrs, t), t) {
                continue;
            }
            let ident = f.ident.as_ref().expect("named field");
            out.push(FieldDef {
                rust_ident: ident.to_string(),
                name: ident.unraw().to_string(),
                public: matches!(f.vis, Visibility::Public(_)),
                zero_sized: is_zero_sized(&f.ty),
            });
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn push_struct(
        &mut self,
        name: String,
        vis: &Visibility,
        access: &Option<String>,
        file: &str,
        metas: &[syn::Meta],
        is_union: bool,
        generic: bool,
        shape: Shape,
        fields: Vec<FieldDef>,
    ) {
        let rust_path = match (vis, access) {
            (Visibility::Public(_), Some(a)) => Some(format!("{a}::{name}")),
            _ => None,
        };
        self.out.structs.push(StructDef {
            name,
            rust_path,
            file: file.to_string(),
            is_union,
            repr_c: is_repr_c(metas),
            generic,
            shape,
            fields,
        });
    }

    fn foreign(&mut self, fm: &syn::ItemForeignMod, file: &str) {
        let t = self.target;
        for fi in &fm.items {
            let (attrs, ident, is_static, variadic) = match fi {
                ForeignItem::Fn(f) => (&f.attrs, &f.sig.ident, false, f.sig.variadic.is_some()),
                ForeignItem::Static(s) => (&s.attrs, &s.ident, true, false),
                _ => continue,
            };
            let metas = effective(attrs, t);
            if !active(&metas, t) {
                continue;
            }
            let rust_name = ident.unraw().to_string();
            let link_name = name_value(&metas, "link_name").unwrap_or_else(|| rust_name.clone());
            self.out.symbols.push(SymbolDef {
                link_name,
                rust_name,
                file: file.to_string(),
                is_static,
                variadic,
            });
        }
    }
}

/// Names of modules glob re-exported by a `use` tree: `self::x::*`, `x::*`, `{x::*, y::*}`.
fn glob_modules(tree: &UseTree, out: &mut Vec<String>) {
    match tree {
        UseTree::Path(p) if p.ident == "self" => glob_modules(&p.tree, out),
        UseTree::Path(p) => {
            if let UseTree::Glob(_) = &*p.tree {
                out.push(p.ident.unraw().to_string());
            }
        }
        UseTree::Group(g) => g.items.iter().for_each(|i| glob_modules(i, out)),
        _ => {}
    }
}

fn is_zero_sized(ty: &Type) -> bool {
    match ty {
        Type::Array(a) => matches!(&a.len, syn::Expr::Lit(l)
            if matches!(&l.lit, syn::Lit::Int(i) if i.base10_digits() == "0")),
        Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "PhantomData" || s.ident == "PhantomPinned"),
        Type::Tuple(t) => t.elems.is_empty(),
        _ => false,
    }
}

/// Integer types (by name) whose constants can be compared numerically with C.
fn is_integer_type(ty: &Type) -> bool {
    const INTS: &[&str] = &[
        "c_char",
        "c_schar",
        "c_uchar",
        "c_short",
        "c_ushort",
        "c_int",
        "c_uint",
        "c_long",
        "c_ulong",
        "c_longlong",
        "c_ulonglong",
        "i8",
        "i16",
        "i32",
        "i64",
        "u8",
        "u16",
        "u32",
        "u64",
        "isize",
        "usize",
        "Py_ssize_t",
        "Py_hash_t",
        "Py_uhash_t",
        "Py_UCS4",
        "Py_UCS2",
        "Py_UCS1",
        "size_t",
        "ssize_t",
    ];
    match ty {
        Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| INTS.contains(&s.ident.to_string().as_str())),
        _ => false,
    }
}
