//! The Python module structure rebuilt from the metadata.

/// A module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    /// Python name; for the module read from the library, its dotted name when it is declared
    /// in a package (`#[pymodule(module = "pkg")]`: `pkg.name`).
    pub name: String,
    /// Docstring.
    pub doc: Option<String>,
    /// Submodules.
    pub modules: Vec<Module>,
    /// Classes (and exceptions).
    pub classes: Vec<Class>,
    /// Functions.
    pub functions: Vec<Function>,
    /// Attributes (constants, and other names for classes).
    pub attributes: Vec<Attribute>,
    /// Whether the module may hold more than listed (stub gets a `__getattr__` fallback).
    pub incomplete: bool,
}

/// What kind of class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassKind {
    /// A struct `#[pyclass]`.
    Plain,
    /// A fieldless enum.
    Enum,
    /// An enum with data: one subclass per variant.
    ComplexEnum,
    /// A `create_exception!` exception.
    Exception,
}

/// A class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    /// Python name.
    pub name: String,
    /// Docstring.
    pub doc: Option<String>,
    /// Kind.
    pub kind: ClassKind,
    /// Whether Python code may subclass it (`#[pyclass(subclass)]`).
    pub subclassable: bool,
    /// Base class, if not `object`.
    pub base: Option<Expr>,
    /// Methods, properties, class attributes.
    pub methods: Vec<Function>,
    /// `#[pyo3(get, set)]` fields.
    pub fields: Vec<Field>,
    /// Variants (simple enums: no fields).
    pub variants: Vec<Variant>,
}

/// A field exposed as a property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Name.
    pub name: String,
    /// Doc.
    pub doc: Option<String>,
    /// Readable.
    pub get: bool,
    /// Writable.
    pub set: bool,
    /// Type.
    pub annotation: Expr,
}

/// An enum variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Name.
    pub name: String,
    /// Tuple variant (`_0`, `_1`, ... fields).
    pub tuple: bool,
    /// Fields: name, type read, type accepted.
    pub fields: Vec<(String, Expr, Expr)>,
}

/// What a function is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionKind {
    /// A module function.
    Function,
    /// An instance method.
    Instance,
    /// `__new__`.
    New,
    /// `@staticmethod`.
    Static,
    /// `@classmethod`.
    Class,
    /// A property getter.
    Getter,
    /// A property setter.
    Setter,
    /// A property deleter.
    Deleter,
    /// A class attribute.
    ClassAttr,
    /// A magic method.
    Slot,
}

/// A function or method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// Python name.
    pub name: String,
    /// Docstring.
    pub doc: Option<String>,
    /// Kind.
    pub kind: FunctionKind,
    /// `async`.
    pub is_async: bool,
    /// Parameters.
    pub arguments: Arguments,
    /// Return type.
    pub returns: Expr,
}

/// The parameters of a function.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arguments {
    /// Before `/`.
    pub positional_only_arguments: Vec<Argument>,
    /// Regular.
    pub arguments: Vec<Argument>,
    /// `*args`.
    pub vararg: Option<VariableLengthArgument>,
    /// After `*`.
    pub keyword_only_arguments: Vec<Argument>,
    /// `**kwargs`.
    pub kwarg: Option<VariableLengthArgument>,
}

/// A parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Argument {
    /// Name.
    pub name: String,
    /// Default value as Python source (`...` when not representable).
    pub default_value: Option<String>,
    /// Type.
    pub annotation: Expr,
}

/// `*args` / `**kwargs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariableLengthArgument {
    /// Name.
    pub name: String,
    /// Type of each value.
    pub annotation: Expr,
}

/// A module attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Name.
    pub name: String,
    /// Type (`type[C]` for another name of a class).
    pub annotation: Expr,
    /// Whether the module lists it in `__all__` (not when set with `setattr`).
    pub listed: bool,
}

/// A type hint expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A constant, as Python source.
    Constant(Constant),
    /// A name.
    Name(String),
    /// `value.attr`
    Attribute(Box<Expr>, String),
    /// `left op right`
    BinOp(Box<Expr>, Operator, Box<Expr>),
    /// `(a, b)`
    Tuple(Vec<Expr>),
    /// `[a, b]`
    List(Vec<Expr>),
    /// `value[slice]`
    Subscript(Box<Expr>, Box<Expr>),
    /// A class of the introspected library: its id and declared name.
    Class {
        /// Introspection id.
        id: String,
        /// Declared name (`module.Name`).
        expr: Box<Expr>,
    },
}

/// A constant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constant(pub String);

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    /// `|`
    BitOr,
}
