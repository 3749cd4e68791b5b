//! Reading the `PYO3_INTROSPECTION_1_*` statics of a built library and assembling the model.

use crate::model::*;
use anyhow::{anyhow, bail, Context, Result};
use goblin::Object;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

const PREFIX: &str = "PYO3_INTROSPECTION_1_";

/// Introspects the cdylib at `library_path` (built with PyO3's `experimental-inspect`) and
/// returns the module `main_module_name` it defines.
pub fn introspect_cdylib(library_path: impl AsRef<Path>, main_module_name: &str) -> Result<Module> {
    let path = library_path.as_ref();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let chunks = find_chunks(&bytes)?;
    if chunks.is_empty() {
        bail!(
            "{} holds no PyO3 introspection data: build it with pyo3's `experimental-inspect` feature",
            path.display()
        );
    }
    let items = chunks
        .iter()
        .map(|c| serde_json::from_slice(c).context("invalid introspection data"))
        .collect::<Result<Vec<Chunk>>>()?;
    assemble(items, main_module_name)
}

/// The contents of the exported statics whose names start with [`PREFIX`].
fn find_chunks(bytes: &[u8]) -> Result<Vec<&[u8]>> {
    let Object::Elf(elf) = Object::parse(bytes)? else {
        bail!("only ELF libraries (Linux and other Unix systems) are supported");
    };
    let mut out = Vec::new();
    for sym in elf.dynsyms.iter() {
        let Some(name) = elf.dynstrtab.get_at(sym.st_name) else {
            continue;
        };
        if !name.starts_with(PREFIX) || sym.st_size == 0 {
            continue;
        }
        // The symbol value is a virtual address: find the section holding it.
        let section = elf
            .section_headers
            .iter()
            .find(|s| {
                s.sh_type != goblin::elf::section_header::SHT_NOBITS
                    && s.sh_addr <= sym.st_value
                    && sym.st_value + sym.st_size <= s.sh_addr + s.sh_size
            })
            .ok_or_else(|| anyhow!("no section holds symbol {name}"))?;
        let start = (sym.st_value - section.sh_addr + section.sh_offset) as usize;
        let end = start + sym.st_size as usize;
        out.push(
            bytes
                .get(start..end)
                .ok_or_else(|| anyhow!("symbol {name} is outside the file"))?,
        );
    }
    Ok(out)
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Chunk {
    Module {
        id: String,
        name: String,
        /// The package the module is declared in (`#[pymodule(module = "pkg")]`).
        module: Option<String>,
        doc: Option<String>,
        incomplete: bool,
        members: Vec<MemberJson>,
    },
    ModuleMember {
        module: String,
        member: MemberJson,
    },
    Function(FunctionJson),
    Class(ClassJson),
}

#[derive(Deserialize, Clone)]
struct MemberJson {
    id: Option<String>,
    name: Option<String>,
    annotation: Option<ExprJson>,
    /// Absent: listed in `__all__`.
    listed: Option<bool>,
}

#[derive(Deserialize, Clone)]
struct FunctionJson {
    id: Option<String>,
    name: String,
    doc: Option<String>,
    method: String,
    parent: Option<String>,
    is_async: bool,
    args: Vec<ArgJson>,
    returns: ExprJson,
}

#[derive(Deserialize, Clone)]
struct ArgJson {
    name: String,
    kind: String,
    default: Option<String>,
    annotation: ExprJson,
}

#[derive(Deserialize, Clone)]
struct ClassJson {
    id: String,
    name: String,
    doc: Option<String>,
    class_kind: String,
    base: Option<ExprJson>,
    subclass: bool,
    fields: Vec<FieldJson>,
    variants: Vec<VariantJson>,
}

#[derive(Deserialize, Clone)]
struct FieldJson {
    name: String,
    doc: Option<String>,
    get: bool,
    set: bool,
    annotation: ExprJson,
}

#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum VariantJson {
    Simple(String),
    Complex {
        name: String,
        tuple: bool,
        fields: Vec<VariantFieldJson>,
    },
}

#[derive(Deserialize, Clone)]
struct VariantFieldJson {
    name: String,
    annotation: ExprJson,
    input: ExprJson,
}

#[derive(Deserialize, Clone)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum ExprJson {
    Constant {
        value: String,
    },
    Name {
        id: String,
    },
    Attribute {
        value: Box<ExprJson>,
        attr: String,
    },
    BinOp {
        left: Box<ExprJson>,
        right: Box<ExprJson>,
    },
    Tuple {
        elts: Vec<ExprJson>,
    },
    List {
        elts: Vec<ExprJson>,
    },
    Subscript {
        value: Box<ExprJson>,
        slice: Box<ExprJson>,
    },
    Class {
        id: String,
        expr: Box<ExprJson>,
    },
}

impl From<ExprJson> for Expr {
    fn from(e: ExprJson) -> Expr {
        match e {
            ExprJson::Constant { value } => Expr::Constant(Constant(value)),
            ExprJson::Name { id } => Expr::Name(id),
            ExprJson::Attribute { value, attr } => Expr::Attribute(Box::new((*value).into()), attr),
            ExprJson::BinOp { left, right } => Expr::BinOp(
                Box::new((*left).into()),
                Operator::BitOr,
                Box::new((*right).into()),
            ),
            ExprJson::Tuple { elts } => Expr::Tuple(elts.into_iter().map(Into::into).collect()),
            ExprJson::List { elts } => Expr::List(elts.into_iter().map(Into::into).collect()),
            ExprJson::Subscript { value, slice } => {
                Expr::Subscript(Box::new((*value).into()), Box::new((*slice).into()))
            }
            ExprJson::Class { id, expr } => Expr::Class {
                id,
                expr: Box::new((*expr).into()),
            },
        }
    }
}

fn function(f: FunctionJson) -> Result<Function> {
    let kind = match f.method.as_str() {
        "function" => FunctionKind::Function,
        "instance" => FunctionKind::Instance,
        "new" => FunctionKind::New,
        "static" => FunctionKind::Static,
        "class" => FunctionKind::Class,
        "getter" => FunctionKind::Getter,
        "setter" => FunctionKind::Setter,
        "deleter" => FunctionKind::Deleter,
        "classattr" => FunctionKind::ClassAttr,
        "slot" => FunctionKind::Slot,
        other => bail!("unknown method kind {other:?}"),
    };
    let mut arguments = Arguments::default();
    for a in f.args {
        let arg = Argument {
            name: a.name.clone(),
            default_value: a.default,
            annotation: a.annotation.clone().into(),
        };
        let var = || VariableLengthArgument {
            name: a.name.clone(),
            annotation: a.annotation.clone().into(),
        };
        match a.kind.as_str() {
            "positional_only" => arguments.positional_only_arguments.push(arg),
            "positional" => arguments.arguments.push(arg),
            "keyword_only" => arguments.keyword_only_arguments.push(arg),
            "var_positional" => arguments.vararg = Some(var()),
            "var_keyword" => arguments.kwarg = Some(var()),
            other => bail!("unknown parameter kind {other:?}"),
        }
    }
    Ok(Function {
        name: f.name,
        doc: f.doc,
        kind,
        is_async: f.is_async,
        arguments,
        returns: f.returns.into(),
    })
}

fn class(c: ClassJson, methods: Vec<Function>) -> Result<Class> {
    let kind = match c.class_kind.as_str() {
        "class" => ClassKind::Plain,
        "enum" => ClassKind::Enum,
        "complex_enum" => ClassKind::ComplexEnum,
        "exception" => ClassKind::Exception,
        other => bail!("unknown class kind {other:?}"),
    };
    Ok(Class {
        name: c.name,
        doc: c.doc.filter(|d| !d.is_empty()),
        kind,
        subclassable: c.subclass,
        base: c.base.map(Into::into),
        methods,
        fields: c
            .fields
            .into_iter()
            .map(|f| Field {
                name: f.name,
                doc: f.doc,
                get: f.get,
                set: f.set,
                annotation: f.annotation.into(),
            })
            .collect(),
        variants: c
            .variants
            .into_iter()
            .map(|v| match v {
                VariantJson::Simple(name) => Variant {
                    name,
                    tuple: false,
                    fields: Vec::new(),
                },
                VariantJson::Complex {
                    name,
                    tuple,
                    fields,
                } => Variant {
                    name,
                    tuple,
                    fields: fields
                        .into_iter()
                        .map(|f| (f.name, f.annotation.into(), f.input.into()))
                        .collect(),
                },
            })
            .collect(),
    })
}

/// A module chunk, by id in [`Index`].
struct ModuleEntry {
    name: String,
    parent: Option<String>,
    doc: Option<String>,
    incomplete: bool,
    members: Vec<MemberJson>,
}

impl ModuleEntry {
    /// The dotted name: `pkg.name` when the module says which package it is declared in.
    fn qualified_name(&self) -> String {
        match &self.parent {
            Some(p) => format!("{p}.{}", self.name),
            None => self.name.clone(),
        }
    }
}

struct Index {
    modules: HashMap<String, ModuleEntry>,
    functions: HashMap<String, FunctionJson>,
    classes: HashMap<String, ClassJson>,
    methods: HashMap<String, Vec<FunctionJson>>,
}

fn assemble(chunks: Vec<Chunk>, main: &str) -> Result<Module> {
    let mut index = Index {
        modules: HashMap::new(),
        functions: HashMap::new(),
        classes: HashMap::new(),
        methods: HashMap::new(),
    };
    let mut extra_members = Vec::new();
    for c in chunks {
        match c {
            Chunk::Module {
                id,
                name,
                module,
                doc,
                incomplete,
                members,
            } => {
                let entry = ModuleEntry {
                    name,
                    parent: module,
                    doc,
                    incomplete,
                    members,
                };
                index.modules.insert(id, entry);
            }
            Chunk::ModuleMember { module, member } => extra_members.push((module, member)),
            Chunk::Function(f) => match (&f.parent, &f.id) {
                (Some(p), _) => index.methods.entry(p.clone()).or_default().push(f),
                (None, Some(id)) => {
                    index.functions.insert(id.clone(), f);
                }
                (None, None) => bail!("function {} has neither id nor parent", f.name),
            },
            Chunk::Class(c) => {
                index.classes.insert(c.id.clone(), c);
            }
        }
    }
    for (module, member) in extra_members {
        if let Some(m) = index.modules.get_mut(&module) {
            m.members.push(member);
        }
    }
    // `main` is the module's name or its dotted name (`pkg._ext`).
    let mut roots: Vec<&String> = index
        .modules
        .iter()
        .filter(|(_, m)| m.name == main || m.qualified_name() == main)
        .map(|(id, _)| id)
        .collect();
    roots.sort();
    let root = match roots.as_slice() {
        [one] => (*one).clone(),
        [] => bail!("no module named {main:?} in the library"),
        _ => bail!("several modules named {main:?} in the library"),
    };
    let mut out = module(&index, &root)?;
    // The stubs name the classes of submodules from the root's dotted name: `pkg._ext.sub.C`
    // for a module installed as `pkg._ext`.
    out.name = index.modules[&root].qualified_name();
    Ok(out)
}

fn module(index: &Index, id: &str) -> Result<Module> {
    let ModuleEntry {
        name,
        doc,
        incomplete,
        members,
        ..
    } = &index.modules[id];
    let mut out = Module {
        name: name.clone(),
        doc: doc.clone().filter(|d| !d.is_empty()),
        modules: Vec::new(),
        classes: Vec::new(),
        functions: Vec::new(),
        attributes: Vec::new(),
        incomplete: *incomplete,
    };
    for m in members {
        match (&m.id, &m.name, &m.annotation) {
            // A native type (no metadata) exported under a name only its object knows.
            (Some(id), None, _) if id.is_empty() => out.incomplete = true,
            // Another name for a type without metadata: a type object all the same.
            (Some(id), Some(alias), _) if id.is_empty() => out.attributes.push(Attribute {
                name: alias.clone(),
                annotation: Expr::Name("type".into()),
                listed: true,
            }),
            (Some(id), None, _) => {
                if index.modules.contains_key(id) {
                    out.modules.push(module(index, id)?);
                } else if let Some(f) = index.functions.get(id) {
                    out.functions.push(function(f.clone())?);
                } else if let Some(c) = index.classes.get(id) {
                    let methods = index
                        .methods
                        .get(id)
                        .into_iter()
                        .flatten()
                        .map(|f| function(f.clone()))
                        .collect::<Result<Vec<_>>>()?;
                    out.classes.push(class(c.clone(), methods)?);
                } else {
                    bail!("module {name} references {id}, which has no metadata");
                }
            }
            // Another name for a class of this library (e.g. an exception).
            (Some(id), Some(alias), _) => {
                let c = index.classes.get(id).ok_or_else(|| {
                    anyhow!("module {name} references {id}, which has no metadata")
                })?;
                if &c.name == alias {
                    let methods = index
                        .methods
                        .get(id)
                        .into_iter()
                        .flatten()
                        .map(|f| function(f.clone()))
                        .collect::<Result<Vec<_>>>()?;
                    out.classes.push(class(c.clone(), methods)?);
                } else {
                    out.attributes.push(Attribute {
                        name: alias.clone(),
                        annotation: Expr::Subscript(
                            Box::new(Expr::Name("type".into())),
                            Box::new(Expr::Class {
                                id: id.clone(),
                                expr: Box::new(Expr::Name(c.name.clone())),
                            }),
                        ),
                        listed: true,
                    });
                }
            }
            (None, Some(n), Some(a)) => out.attributes.push(Attribute {
                name: n.clone(),
                annotation: a.clone().into(),
                listed: m.listed.unwrap_or(true),
            }),
            _ => bail!("malformed member of module {name}"),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(jsons: &[&str]) -> Vec<Chunk> {
        jsons
            .iter()
            .map(|j| serde_json::from_str(j).unwrap())
            .collect()
    }

    const INT: &str = r#"{"kind":"name","id":"int"}"#;

    #[test]
    fn assembles_module_tree() {
        let f = format!(
            r#"{{"id":"c::f","kind":"function","name":"f","doc":null,"method":"function","parent":null,"is_async":false,"args":[{{"name":"a","kind":"positional_only","default":null,"annotation":{INT}}},{{"name":"kw","kind":"var_keyword","default":null,"annotation":{INT}}}],"returns":{INT}}}"#
        );
        let method = format!(
            r#"{{"kind":"function","name":"get","doc":"D","method":"getter","parent":"c::C","is_async":false,"args":[],"returns":{INT}}}"#
        );
        let class = r#"{"kind":"class","id":"c::C","name":"C","module":null,"doc":"","class_kind":"class","base":null,"subclass":false,"fields":[],"variants":[]}"#;
        let sub = r#"{"kind":"module","id":"c::sub","name":"sub","doc":null,"incomplete":true,"members":[]}"#;
        let root = r#"{"kind":"module","id":"c::root","name":"root","doc":"Root.","incomplete":false,"members":[{"id":"c::f"},{"id":"c::C"},{"id":"c::sub"},{"name":"Alias","id":"c::C"}]}"#;
        let extra = format!(
            r#"{{"kind":"module_member","module":"c::root","member":{{"name":"N","annotation":{INT}}}}}"#
        );
        let unlisted = format!(
            r#"{{"kind":"module_member","module":"c::root","member":{{"name":"__v__","annotation":{INT},"listed":false}}}}"#
        );
        let all = [&f, &method, class, sub, root, &extra, &unlisted];
        let module = assemble(chunks(&all), "root").unwrap();
        assert_eq!(module.name, "root");
        assert_eq!(module.doc.as_deref(), Some("Root."));
        assert_eq!(module.functions.len(), 1);
        let f = &module.functions[0];
        assert_eq!(f.arguments.positional_only_arguments[0].name, "a");
        assert_eq!(f.arguments.kwarg.as_ref().unwrap().name, "kw");
        assert_eq!(module.classes.len(), 1);
        assert_eq!(module.classes[0].doc, None);
        assert_eq!(module.classes[0].methods[0].kind, FunctionKind::Getter);
        assert_eq!(module.modules.len(), 1);
        assert!(module.modules[0].incomplete);
        let names: Vec<(&str, bool)> = module
            .attributes
            .iter()
            .map(|a| (a.name.as_str(), a.listed))
            .collect();
        assert_eq!(names, [("Alias", true), ("N", true), ("__v__", false)]);
        assert_eq!(
            module.attributes[0].annotation,
            Expr::Subscript(
                Box::new(Expr::Name("type".into())),
                Box::new(Expr::Class {
                    id: "c::C".into(),
                    expr: Box::new(Expr::Name("C".into()))
                })
            )
        );
    }

    #[test]
    fn root_module_declared_in_a_package() {
        let root = r#"{"kind":"module","id":"c::ext","name":"_ext","module":"pkg","doc":null,"incomplete":false,"members":[{"id":"c::sub"}]}"#;
        let sub = r#"{"kind":"module","id":"c::sub","name":"sub","module":"pkg._ext","doc":null,"incomplete":false,"members":[]}"#;
        for main in ["_ext", "pkg._ext"] {
            let module = assemble(chunks(&[root, sub]), main).unwrap();
            assert_eq!(module.name, "pkg._ext");
            assert_eq!(module.modules[0].name, "sub");
        }
        let err = assemble(chunks(&[root, sub]), "other._ext").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no module named \"other._ext\" in the library"
        );
    }

    #[test]
    fn missing_module_and_dangling_reference() {
        let root = r#"{"kind":"module","id":"c::root","name":"root","doc":null,"incomplete":false,"members":[{"id":"c::nope"}]}"#;
        let err = assemble(chunks(&[root]), "other").unwrap_err();
        assert_eq!(err.to_string(), "no module named \"other\" in the library");
        let err = assemble(chunks(&[root]), "root").unwrap_err();
        assert_eq!(
            err.to_string(),
            "module root references c::nope, which has no metadata"
        );
    }

    #[test]
    fn rejects_non_pyo3_files() {
        let err = introspect_cdylib("/nonexistent/lib.so", "m").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("cannot read /nonexistent/lib.so"));
        let dir = std::env::temp_dir().join(format!("pyo3-introspection-{}", std::process::id()));
        std::fs::write(&dir, b"not an object file").unwrap();
        assert!(introspect_cdylib(&dir, "m").is_err());
        std::fs::remove_file(&dir).unwrap();
    }
}
