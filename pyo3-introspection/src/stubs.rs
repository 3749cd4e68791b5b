//! Writing `.pyi` text from the model.

use crate::model::*;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use std::path::PathBuf;

/// The stub files of `module`: its own in `__init__.pyi`, each submodule's in
/// `<sub>/__init__.pyi` (recursively), keyed by path relative to the package directory.
pub fn module_stub_files(module: &Module) -> HashMap<PathBuf, String> {
    let mut classes = HashMap::new();
    collect_classes(module, &module.name, &mut classes);
    let mut out = HashMap::new();
    write_module(module, &module.name, PathBuf::new(), &classes, &mut out);
    out
}

/// Class id -> (dotted module path, name); ids are not in the model, so the names are
/// matched through `Expr::Class` ids when rendering (see [`Renderer::expr`]).
fn collect_classes(m: &Module, path: &str, out: &mut HashMap<String, (String, String)>) {
    for c in &m.classes {
        out.entry(c.name.clone())
            .or_insert_with(|| (path.to_string(), c.name.clone()));
    }
    for sub in &m.modules {
        collect_classes(sub, &format!("{path}.{}", sub.name), out);
    }
}

fn write_module(
    m: &Module,
    path: &str,
    dir: PathBuf,
    classes: &HashMap<String, (String, String)>,
    out: &mut HashMap<PathBuf, String>,
) {
    let mut r = Renderer {
        module_path: path.to_string(),
        classes,
        imports: BTreeSet::new(),
    };
    let body = r.module_body(m);
    let mut imports = String::new();
    for i in &r.imports {
        let _ = writeln!(imports, "import {i}");
    }
    if m.incomplete {
        imports.push_str("from _typeshed import Incomplete\n");
    }
    // The docstring, the imports and the body, one blank line between each two.
    let mut text = m.doc.as_deref().map_or(String::new(), |d| docstring(d, ""));
    if !imports.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&imports);
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&body);
    out.insert(dir.join("__init__.pyi"), text);
    for sub in &m.modules {
        write_module(
            sub,
            &format!("{path}.{}", sub.name),
            dir.join(&sub.name),
            classes,
            out,
        );
    }
}

struct Renderer<'a> {
    module_path: String,
    classes: &'a HashMap<String, (String, String)>,
    imports: BTreeSet<String>,
}

/// A Python string literal holding `s` as a docstring. Its lines after the first are indented
/// like the literal, as a docstring written by hand would be (`inspect.cleandoc` removes that
/// indentation again).
fn docstring(s: &str, indent: &str) -> String {
    // A quote just before the closing `"""` would end the literal early: it is escaped.
    let (s, quote_last) = s.strip_suffix('"').map_or((s, false), |s| (s, true));
    let escaped = s.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    let mut lines = escaped.split('\n');
    let mut text = lines.next().unwrap_or_default().to_string();
    for line in lines {
        text.push('\n');
        if !line.is_empty() {
            text.push_str(indent);
        }
        text.push_str(line);
    }
    if quote_last {
        text.push_str("\\\"");
    }
    format!("{indent}\"\"\"{text}\"\"\"\n")
}

impl Renderer<'_> {
    fn module_body(&mut self, m: &Module) -> String {
        let mut s = String::new();
        // Every `add*` call of a module lists the name in `__all__` (`setattr` does not); an
        // incomplete module's list is not known.
        if !m.incomplete {
            let mut names: Vec<&str> = m
                .attributes
                .iter()
                .filter(|a| a.listed)
                .map(|a| a.name.as_str())
                .collect();
            names.extend(m.modules.iter().map(|x| x.name.as_str()));
            names.extend(m.classes.iter().map(|x| x.name.as_str()));
            names.extend(m.functions.iter().map(|x| x.name.as_str()));
            names.sort_unstable();
            if !names.is_empty() {
                let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
                let _ = writeln!(s, "__all__ = [{}]\n", quoted.join(", "));
            }
        }
        let mut attrs = m.attributes.clone();
        attrs.sort_by(|a, b| a.name.cmp(&b.name));
        for a in &attrs {
            let t = self.expr(&a.annotation);
            let _ = writeln!(s, "{}: {t}", a.name);
        }
        if !attrs.is_empty() {
            s.push('\n');
        }
        for sub in &m.modules {
            // `import pkg.sub` would bind `pkg`; a submodule stub is found by its file, and
            // this makes `pkg.sub` known as an attribute of `pkg`.
            let _ = writeln!(s, "from . import {} as {}", sub.name, sub.name);
        }
        if !m.modules.is_empty() {
            s.push('\n');
        }
        let mut classes: Vec<&Class> = m.classes.iter().collect();
        classes.sort_by(|a, b| a.name.cmp(&b.name));
        for c in classes {
            s.push_str(&self.class(c, ""));
            s.push('\n');
        }
        let mut functions: Vec<&Function> = m.functions.iter().collect();
        functions.sort_by(|a, b| a.name.cmp(&b.name));
        for f in functions {
            s.push_str(&self.function(f, ""));
        }
        if m.incomplete {
            s.push_str("def __getattr__(name: str) -> Incomplete: ...\n");
        }
        while s.ends_with("\n\n") {
            s.pop();
        }
        s
    }

    fn class(&mut self, c: &Class, indent: &str) -> String {
        let mut s = String::new();
        // PyO3 classes have their own instance layout (a disjoint base, PEP 800) and cannot
        // be subclassed without `#[pyclass(subclass)]`; exceptions are plain heap types.
        // (`@final` implies the former, and stubtest rejects both together.)
        if c.kind != ClassKind::Exception {
            if c.subclassable {
                self.imports.insert("typing_extensions".into());
                let _ = writeln!(s, "{indent}@typing_extensions.disjoint_base");
            } else {
                self.imports.insert("typing".into());
                let _ = writeln!(s, "{indent}@typing.final");
            }
        }
        let base = c.base.as_ref().map(|b| self.expr(b));
        match base.as_deref() {
            Some(b) if b != "typing.Any" => {
                let _ = writeln!(s, "{indent}class {}({b}):", c.name);
            }
            _ => {
                let _ = writeln!(s, "{indent}class {}:", c.name);
            }
        }
        let inner = format!("{indent}    ");
        let mut body = String::new();
        if let Some(d) = &c.doc {
            body.push_str(&docstring(d, &inner));
        }
        for v in &c.variants {
            if c.kind == ClassKind::Enum {
                let _ = writeln!(body, "{inner}{}: typing.ClassVar[{}]", v.name, c.name);
                self.imports.insert("typing".into());
            }
        }
        for f in &c.fields {
            let t = self.expr(&f.annotation);
            if f.get && f.set {
                let _ = writeln!(body, "{inner}{}: {t}", f.name);
            } else {
                let _ = writeln!(
                    body,
                    "{inner}@property\n{inner}def {}(self) -> {t}: ...",
                    f.name
                );
                if f.set {
                    let _ = writeln!(
                        body,
                        "{inner}@{0}.setter\n{inner}def {0}(self, value: {t}) -> None: ...",
                        f.name
                    );
                }
            }
        }
        body.push_str(&self.methods(c, &inner));
        if c.kind == ClassKind::ComplexEnum {
            for v in &c.variants {
                body.push_str(&self.variant(c, v, &inner));
            }
        }
        if body.is_empty() {
            body = format!("{inner}...\n");
        }
        s.push_str(&body);
        s
    }

    fn variant(&mut self, c: &Class, v: &Variant, indent: &str) -> String {
        let inner = format!("{indent}    ");
        self.imports.insert("typing".into());
        let mut s = format!(
            "{indent}@typing.final\n{indent}class {}({}):\n",
            v.name, c.name
        );
        let mut params = Vec::new();
        let names: Vec<String> = v.fields.iter().map(|(n, _, _)| format!("{n:?}")).collect();
        if !names.is_empty() {
            let trailing = if names.len() == 1 { "," } else { "" };
            let _ = writeln!(
                s,
                "{inner}__match_args__ = ({}{trailing})",
                names.join(", ")
            );
        }
        for (name, out, input) in &v.fields {
            let t = self.expr(out);
            let _ = writeln!(s, "{inner}@property\n{inner}def {name}(self) -> {t}: ...");
            params.push(format!("{name}: {}", self.expr(input)));
        }
        let _ = writeln!(
            s,
            "{inner}def __new__(cls, {}) -> {}.{}: ...",
            params.join(", "),
            c.name,
            v.name
        );
        s.replace("(cls, )", "(cls)")
    }

    fn methods(&mut self, c: &Class, inner: &str) -> String {
        let mut s = String::new();
        let setters: HashMap<&str, &Function> = c
            .methods
            .iter()
            .filter(|m| m.kind == FunctionKind::Setter)
            .map(|m| (m.name.as_str(), m))
            .collect();
        let getters: BTreeSet<&str> = c
            .methods
            .iter()
            .filter(|m| m.kind == FunctionKind::Getter)
            .map(|m| m.name.as_str())
            .collect();
        // The metadata comes in symbol order: `__new__` first, then by name, for stable output.
        let mut methods: Vec<&Function> = c.methods.iter().collect();
        methods.sort_by_key(|m| (m.kind != FunctionKind::New, m.name.clone()));
        for m in methods {
            match m.kind {
                FunctionKind::ClassAttr => {
                    self.imports.insert("typing".into());
                    let t = self.expr(&m.returns);
                    let _ = writeln!(s, "{inner}{}: typing.ClassVar[{t}]", m.name);
                }
                FunctionKind::Getter => {
                    let t = self.expr(&m.returns);
                    let _ = writeln!(s, "{inner}@property");
                    s.push_str(&self.def(&m.name, "self", m, &t, inner));
                    if let Some(set) = setters.get(m.name.as_str()) {
                        let _ = writeln!(s, "{inner}@{}.setter", m.name);
                        s.push_str(&self.def(&m.name, "self", set, "None", inner));
                    }
                }
                FunctionKind::Setter if !getters.contains(m.name.as_str()) => {
                    // A write-only property still needs a getter for the setter to attach to;
                    // reading it raises at run time.
                    let t = m
                        .arguments
                        .arguments
                        .first()
                        .map_or("typing.Any".to_string(), |a| self.expr(&a.annotation));
                    let _ = writeln!(
                        s,
                        "{inner}@property\n{inner}def {}(self) -> {t}: ...",
                        m.name
                    );
                    let _ = writeln!(s, "{inner}@{}.setter", m.name);
                    s.push_str(&self.def(&m.name, "self", m, "None", inner));
                }
                FunctionKind::Setter => {}
                FunctionKind::Deleter => {
                    let _ = writeln!(s, "{inner}@{}.deleter", m.name);
                    s.push_str(&self.def(&m.name, "self", m, "None", inner));
                }
                FunctionKind::Static => {
                    let _ = writeln!(s, "{inner}@staticmethod");
                    let t = self.expr(&m.returns);
                    s.push_str(&self.def(&m.name, "", m, &t, inner));
                }
                FunctionKind::Class => {
                    let _ = writeln!(s, "{inner}@classmethod");
                    let t = self.expr(&m.returns);
                    s.push_str(&self.def(&m.name, "cls", m, &t, inner));
                }
                FunctionKind::New => {
                    let t = self.expr(&m.returns);
                    s.push_str(&self.def("__new__", "cls", m, &t, inner));
                }
                FunctionKind::Instance | FunctionKind::Slot | FunctionKind::Function => {
                    let t = self.expr(&m.returns);
                    s.push_str(&self.def(&m.name, "self", m, &t, inner));
                }
            }
        }
        s
    }

    fn function(&mut self, f: &Function, indent: &str) -> String {
        let t = self.expr(&f.returns);
        self.def(&f.name, "", f, &t, indent)
    }

    /// `def name(first, params) -> ret:` with the docstring or `...` as body.
    fn def(&mut self, name: &str, first: &str, f: &Function, ret: &str, indent: &str) -> String {
        let mut params: Vec<String> = Vec::new();
        if !first.is_empty() {
            params.push(first.to_string());
        }
        let a = &f.arguments;
        for p in &a.positional_only_arguments {
            params.push(self.param(p));
        }
        if !a.positional_only_arguments.is_empty() {
            params.push("/".into());
        }
        for p in &a.arguments {
            params.push(self.param(p));
        }
        match &a.vararg {
            Some(v) => params.push(format!("*{}: {}", v.name, self.expr(&v.annotation))),
            None if !a.keyword_only_arguments.is_empty() => params.push("*".into()),
            None => {}
        }
        for p in &a.keyword_only_arguments {
            params.push(self.param(p));
        }
        if let Some(k) = &a.kwarg {
            params.push(format!("**{}: {}", k.name, self.expr(&k.annotation)));
        }
        let asyn = if f.is_async { "async " } else { "" };
        let head = format!("{indent}{asyn}def {name}({}) -> {ret}:", params.join(", "));
        match &f.doc {
            Some(d) if !d.is_empty() => {
                format!("{head}\n{}", docstring(d, &format!("{indent}    ")))
            }
            _ => format!("{head} ...\n"),
        }
    }

    fn param(&mut self, p: &Argument) -> String {
        let t = self.expr(&p.annotation);
        match &p.default_value {
            Some(d) => format!("{}: {t} = {d}", p.name),
            None => format!("{}: {t}", p.name),
        }
    }

    /// The Python source of `e`, recording the imports it needs.
    fn expr(&mut self, e: &Expr) -> String {
        match e {
            Expr::Constant(c) => match c.0.strip_prefix("float:").map(str::parse::<u64>) {
                Some(Ok(bits)) => {
                    let x = f64::from_bits(bits);
                    // A stub has no expression for NaN or infinities.
                    if x.is_finite() {
                        format!("{x:?}")
                    } else {
                        "...".into()
                    }
                }
                _ => c.0.clone(),
            },
            Expr::Name(n) => n.clone(),
            Expr::Attribute(value, attr) => {
                let v = self.expr_no_import(value);
                self.imports.insert(v.clone());
                format!("{v}.{attr}")
            }
            Expr::BinOp(l, Operator::BitOr, r) => format!("{} | {}", self.expr(l), self.expr(r)),
            Expr::Tuple(elts) => {
                let items: Vec<String> = elts.iter().map(|e| self.expr(e)).collect();
                if items.len() == 1 {
                    format!("({},)", items[0])
                } else {
                    format!("({})", items.join(", "))
                }
            }
            Expr::List(elts) => {
                let items: Vec<String> = elts.iter().map(|e| self.expr(e)).collect();
                format!("[{}]", items.join(", "))
            }
            Expr::Subscript(value, slice) => {
                let v = self.expr(value);
                let s = match &**slice {
                    Expr::Tuple(elts) if !elts.is_empty() => {
                        let items: Vec<String> = elts.iter().map(|e| self.expr(e)).collect();
                        items.join(", ")
                    }
                    other => self.expr(other),
                };
                format!("{v}[{s}]")
            }
            Expr::Class { expr, .. } => {
                let name = match &**expr {
                    Expr::Name(n) => n.clone(),
                    Expr::Attribute(_, n) => n.clone(),
                    _ => String::new(),
                };
                match self.classes.get(&name) {
                    Some((module, n)) if *module == self.module_path => n.clone(),
                    Some((module, n)) => {
                        self.imports.insert(module.clone());
                        format!("{module}.{n}")
                    }
                    // Not exported by any module of the library: nothing to name it by.
                    None => {
                        self.imports.insert("typing".into());
                        "typing.Any".into()
                    }
                }
            }
        }
    }

    /// A dotted module path (`collections.abc`) without recording it as an import itself.
    fn expr_no_import(&mut self, e: &Expr) -> String {
        match e {
            Expr::Name(n) => n.clone(),
            Expr::Attribute(v, a) => format!("{}.{a}", self.expr_no_import(v)),
            other => self.expr(other),
        }
    }
}

/// Stub text of a single module without submodules (for tests).
#[cfg(test)]
pub(crate) fn single(m: &Module) -> String {
    module_stub_files(m)
        .remove(&PathBuf::from("__init__.pyi"))
        .unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Expr {
        Expr::Name(n.into())
    }

    #[test]
    fn function_signature_kinds() {
        let arg = |n: &str, d: Option<&str>| Argument {
            name: n.into(),
            default_value: d.map(String::from),
            annotation: name("int"),
        };
        let f = Function {
            name: "f".into(),
            doc: None,
            kind: FunctionKind::Function,
            is_async: false,
            arguments: Arguments {
                positional_only_arguments: vec![arg("a", None)],
                arguments: vec![arg("b", Some("1"))],
                vararg: None,
                keyword_only_arguments: vec![arg("c", Some("None"))],
                kwarg: Some(VariableLengthArgument {
                    name: "kw".into(),
                    annotation: Expr::Attribute(Box::new(name("typing")), "Any".into()),
                }),
            },
            returns: Expr::BinOp(
                Box::new(name("str")),
                Operator::BitOr,
                Box::new(name("None")),
            ),
        };
        let m = Module {
            name: "m".into(),
            doc: Some("Doc.".into()),
            modules: Vec::new(),
            classes: Vec::new(),
            functions: vec![f],
            attributes: Vec::new(),
            incomplete: true,
        };
        assert_eq!(
            single(&m),
            "\"\"\"Doc.\"\"\"\n\nimport typing\nfrom _typeshed import Incomplete\n\n\
             def f(a: int, /, b: int = 1, *, c: int = None, **kw: typing.Any) -> str | None: ...\n\
             def __getattr__(name: str) -> Incomplete: ...\n"
        );
    }

    #[test]
    fn attributes_set_without_add_stay_out_of_all() {
        let attr = |n: &str, listed| Attribute {
            name: n.into(),
            annotation: name("str"),
            listed,
        };
        let m = Module {
            name: "m".into(),
            doc: Some("Doc.".into()),
            modules: Vec::new(),
            classes: Vec::new(),
            functions: Vec::new(),
            attributes: vec![attr("__version__", false), attr("NAME", true)],
            incomplete: false,
        };
        // (No import: one blank line after the docstring.)
        assert_eq!(
            single(&m),
            "\"\"\"Doc.\"\"\"\n\n__all__ = [\"NAME\"]\n\nNAME: str\n__version__: str\n"
        );
    }

    #[test]
    fn classes_of_submodules_are_named_from_the_dotted_root() {
        let class = Class {
            name: "C".into(),
            doc: None,
            kind: ClassKind::Plain,
            subclassable: false,
            base: None,
            methods: Vec::new(),
            fields: Vec::new(),
            variants: Vec::new(),
        };
        let make = Function {
            name: "make".into(),
            doc: None,
            kind: FunctionKind::Function,
            is_async: false,
            arguments: Arguments::default(),
            returns: Expr::Class {
                id: "c::C".into(),
                expr: Box::new(name("C")),
            },
        };
        let module = |name: &str| Module {
            name: name.into(),
            doc: None,
            modules: Vec::new(),
            classes: Vec::new(),
            functions: Vec::new(),
            attributes: Vec::new(),
            incomplete: false,
        };
        let mut sub = module("sub");
        sub.classes.push(class);
        // The root as read from a `#[pymodule(name = "_ext", module = "pkg")]`.
        let mut root = module("pkg._ext");
        root.modules.push(sub);
        root.functions.push(make);
        let files = module_stub_files(&root);
        assert_eq!(
            files[&PathBuf::from("__init__.pyi")],
            "import pkg._ext.sub\n\n__all__ = [\"make\", \"sub\"]\n\n\
             from . import sub as sub\n\n\
             def make() -> pkg._ext.sub.C: ...\n"
        );
        assert!(files[&PathBuf::from("sub/__init__.pyi")].contains("class C:"));
    }

    #[test]
    fn docstring_lines_follow_the_indentation() {
        assert_eq!(docstring("One.", "    "), "    \"\"\"One.\"\"\"\n");
        assert_eq!(
            docstring("First\n\nthird \\ \"\"\"", "    "),
            "    \"\"\"First\n\n    third \\\\ \"\"\\\"\"\"\"\n"
        );
        assert_eq!(docstring("a\nb", ""), "\"\"\"a\nb\"\"\"\n");
        assert_eq!(docstring("Says \"hi\"", ""), "\"\"\"Says \"hi\\\"\"\"\"\n");
    }
}
