//! Static descriptions of Python types, used to generate type stubs (`.pyi` files).
//!
//! With the `experimental-inspect` feature, [`FromPyObject::INPUT_TYPE`](crate::FromPyObject)
//! and [`IntoPyObject::OUTPUT_TYPE`](crate::IntoPyObject) give the Python type hint of a Rust
//! type as a [`PyStaticExpr`], a constant small subset of Python's expression grammar. The
//! macros record these hints (and names, parameter kinds, defaults, docs) in the built library,
//! where the `pyo3-introspection` crate reads them back.

use std::fmt;

/// Builds the type hint naming `$name` in module `$module`; names in `"builtins"` stay bare.
///
/// ```
/// use pyo3::inspect::PyStaticExpr;
/// use pyo3::type_hint_identifier;
///
/// const D: PyStaticExpr = type_hint_identifier!("datetime", "date");
/// assert_eq!(D.to_string(), "datetime.date");
/// const I: PyStaticExpr = type_hint_identifier!("builtins", "int");
/// assert_eq!(I.to_string(), "int");
/// ```
#[macro_export]
macro_rules! type_hint_identifier {
    ("builtins", $name:expr) => {
        $crate::inspect::PyStaticExpr::Name { id: $name }
    };
    ($module:expr, $name:expr) => {
        $crate::inspect::PyStaticExpr::Attribute {
            value: &$crate::inspect::PyStaticExpr::Name { id: $module },
            attr: $name,
        }
    };
}

/// Builds the union `a | b | ...` of type hints.
///
/// ```
/// use pyo3::inspect::PyStaticExpr;
/// use pyo3::{type_hint_identifier, type_hint_union};
///
/// const T: PyStaticExpr = type_hint_union!(
///     type_hint_identifier!("builtins", "int"),
///     type_hint_identifier!("builtins", "str")
/// );
/// assert_eq!(T.to_string(), "int | str");
/// ```
#[macro_export]
macro_rules! type_hint_union {
    ($e:expr) => { $e };
    ($first:expr, $($rest:expr),+) => {
        $crate::inspect::PyStaticExpr::BinOp {
            left: &$first,
            op: $crate::inspect::PyStaticOperator::BitOr,
            right: &$crate::type_hint_union!($($rest),+),
        }
    };
}

/// Builds the subscript `value[a]` or `value[a, b, ...]` of type hints.
///
/// ```
/// use pyo3::inspect::PyStaticExpr;
/// use pyo3::{type_hint_identifier, type_hint_subscript};
///
/// const T: PyStaticExpr = type_hint_subscript!(
///     type_hint_identifier!("builtins", "dict"),
///     type_hint_identifier!("builtins", "str"),
///     type_hint_identifier!("builtins", "int")
/// );
/// assert_eq!(T.to_string(), "dict[str, int]");
/// ```
#[macro_export]
macro_rules! type_hint_subscript {
    ($value:expr, $slice:expr) => {
        $crate::inspect::PyStaticExpr::Subscript { value: &$value, slice: &$slice }
    };
    ($value:expr, $($slice:expr),+) => {
        $crate::inspect::PyStaticExpr::Subscript {
            value: &$value,
            slice: &$crate::inspect::PyStaticExpr::Tuple { elts: &[$($slice),+] },
        }
    };
}

/// A Python expression, the `expr` production of Python's `ast` grammar restricted to what type
/// hints need. Built in `const` contexts with [`type_hint_identifier!`](crate::type_hint_identifier),
/// [`type_hint_union!`](crate::type_hint_union) and
/// [`type_hint_subscript!`](crate::type_hint_subscript).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PyStaticExpr {
    /// A constant like `None` or `1`.
    Constant {
        /// The value.
        value: PyStaticConstant,
    },
    /// A name.
    Name {
        /// The identifier.
        id: &'static str,
    },
    /// `value.attr`
    Attribute {
        /// The object.
        value: &'static Self,
        /// The attribute name.
        attr: &'static str,
    },
    /// `left op right`
    BinOp {
        /// Left operand.
        left: &'static Self,
        /// The operator.
        op: PyStaticOperator,
        /// Right operand.
        right: &'static Self,
    },
    /// `(a, b, ...)`
    Tuple {
        /// The elements.
        elts: &'static [Self],
    },
    /// `[a, b, ...]`
    List {
        /// The elements.
        elts: &'static [Self],
    },
    /// `value[slice]`
    Subscript {
        /// The subscripted object.
        value: &'static Self,
        /// The index.
        slice: &'static Self,
    },
    /// A `#[pyclass]`, resolved to its importable name by the stub generator.
    PyClass(PyClassNameStaticExpr),
}

/// A constant in a [`PyStaticExpr`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PyStaticConstant {
    /// `None`
    None,
    /// `...`
    Ellipsis,
    /// `True` or `False`
    Bool(bool),
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A string literal.
    Str(&'static str),
}

/// An operator of [`PyStaticExpr::BinOp`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PyStaticOperator {
    /// `|`, the union of types.
    BitOr,
}

/// The name of a `#[pyclass]` inside a [`PyStaticExpr`]: an expression (`module.Name` or
/// `Name`) plus the class's introspection id, which links it to the class's metadata.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyClassNameStaticExpr {
    expr: &'static PyStaticExpr,
    introspection_id: &'static str,
}

impl PyClassNameStaticExpr {
    #[doc(hidden)]
    pub const fn new(expr: &'static PyStaticExpr, introspection_id: &'static str) -> Self {
        Self {
            expr,
            introspection_id,
        }
    }

    /// The class as an expression like `module.Name`, from the `name` and `module` options of
    /// `#[pyclass]` (the module may not be importable under that name).
    pub const fn expr(&self) -> &'static PyStaticExpr {
        self.expr
    }

    #[doc(hidden)]
    pub const fn introspection_id(&self) -> &'static str {
        self.introspection_id
    }
}

impl AsRef<PyStaticExpr> for PyClassNameStaticExpr {
    fn as_ref(&self) -> &PyStaticExpr {
        self.expr
    }
}

impl fmt::Display for PyStaticConstant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::None => f.write_str("None"),
            Self::Ellipsis => f.write_str("..."),
            Self::Bool(true) => f.write_str("True"),
            Self::Bool(false) => f.write_str("False"),
            Self::Int(i) => write!(f, "{i}"),
            // `{:?}` writes `1.0`, `1e100`, ...: valid Python literals when finite.
            Self::Float(x) if x.is_finite() => write!(f, "{x:?}"),
            Self::Float(x) if x.is_nan() => f.write_str("float('nan')"),
            Self::Float(x) if *x > 0.0 => f.write_str("float('inf')"),
            Self::Float(_) => f.write_str("-float('inf')"),
            Self::Str(s) => write!(f, "{s:?}"),
        }
    }
}

impl fmt::Display for PyStaticOperator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BitOr => f.write_str("|"),
        }
    }
}

fn write_elts(f: &mut fmt::Formatter<'_>, elts: &[PyStaticExpr]) -> fmt::Result {
    for (i, e) in elts.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{e}")?;
    }
    Ok(())
}

impl fmt::Display for PyStaticExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Constant { value } => write!(f, "{value}"),
            Self::Name { id } => f.write_str(id),
            Self::Attribute { value, attr } => write!(f, "{value}.{attr}"),
            Self::BinOp { left, op, right } => write!(f, "{left} {op} {right}"),
            Self::Tuple { elts } => {
                f.write_str("(")?;
                write_elts(f, elts)?;
                // A one-element tuple needs its trailing comma to stay a tuple.
                f.write_str(if elts.len() == 1 { ",)" } else { ")" })
            }
            Self::List { elts } => {
                f.write_str("[")?;
                write_elts(f, elts)?;
                f.write_str("]")
            }
            Self::Subscript { value, slice } => match slice {
                // `tuple[int, str]`, not `tuple[(int, str)]`.
                Self::Tuple { elts } if !elts.is_empty() => {
                    write!(f, "{value}[")?;
                    write_elts(f, elts)?;
                    f.write_str("]")
                }
                _ => write!(f, "{value}[{slice}]"),
            },
            Self::PyClass(c) => write!(f, "{}", c.expr),
        }
    }
}

/// Hints shared by the conversion impls.
#[doc(hidden)]
pub mod hints {
    use super::PyStaticExpr;

    /// `typing.Any`, the hint of anything without a more precise one.
    pub const ANY: PyStaticExpr = crate::type_hint_identifier!("typing", "Any");
    /// `None`
    pub const NONE: PyStaticExpr = PyStaticExpr::Constant {
        value: super::PyStaticConstant::None,
    };
    /// `int`
    pub const INT: PyStaticExpr = crate::type_hint_identifier!("builtins", "int");
    /// `float`
    pub const FLOAT: PyStaticExpr = crate::type_hint_identifier!("builtins", "float");
    /// `bool`
    pub const BOOL: PyStaticExpr = crate::type_hint_identifier!("builtins", "bool");
    /// `str`
    pub const STR: PyStaticExpr = crate::type_hint_identifier!("builtins", "str");
    /// `bytes`
    pub const BYTES: PyStaticExpr = crate::type_hint_identifier!("builtins", "bytes");
    /// `list`
    pub const LIST: PyStaticExpr = crate::type_hint_identifier!("builtins", "list");
    /// `dict`
    pub const DICT: PyStaticExpr = crate::type_hint_identifier!("builtins", "dict");
    /// `set`
    pub const SET: PyStaticExpr = crate::type_hint_identifier!("builtins", "set");
    /// `tuple`
    pub const TUPLE: PyStaticExpr = crate::type_hint_identifier!("builtins", "tuple");
    /// `tuple[()]`, what `()` converts to (a function returning `()` returns `None`).
    pub const EMPTY_TUPLE: PyStaticExpr =
        crate::type_hint_subscript!(TUPLE, PyStaticExpr::Tuple { elts: &[] });
    /// `collections.abc.Sequence`
    pub const SEQUENCE: PyStaticExpr = PyStaticExpr::Attribute {
        value: &PyStaticExpr::Attribute {
            value: &PyStaticExpr::Name { id: "collections" },
            attr: "abc",
        },
        attr: "Sequence",
    };
}

#[cfg(test)]
mod tests {
    use super::hints::*;
    use super::*;

    #[test]
    fn display_python_syntax() {
        const OPT: PyStaticExpr = crate::type_hint_union!(INT, NONE);
        assert_eq!(OPT.to_string(), "int | None");
        const L: PyStaticExpr = crate::type_hint_subscript!(LIST, OPT);
        assert_eq!(L.to_string(), "list[int | None]");
        const T: PyStaticExpr = crate::type_hint_subscript!(TUPLE, STR, FLOAT, BOOL);
        assert_eq!(T.to_string(), "tuple[str, float, bool]");
        const E: PyStaticExpr = PyStaticExpr::Tuple { elts: &[INT] };
        assert_eq!(E.to_string(), "(int,)");
        assert_eq!(ANY.to_string(), "typing.Any");
        let fl = |x: f64| PyStaticConstant::Float(x).to_string();
        assert_eq!(
            [fl(1.0), fl(0.25), fl(1e100), fl(f64::NEG_INFINITY)],
            ["1.0", "0.25", "1e100", "-float('inf')"]
        );
        assert_eq!(SEQUENCE.to_string(), "collections.abc.Sequence");
        const C: PyStaticExpr = PyStaticExpr::Constant {
            value: PyStaticConstant::Str("a\"b"),
        };
        assert_eq!(C.to_string(), "\"a\\\"b\"");
    }
}
