//! Serialisation of the introspection metadata the macros emit under `experimental-inspect`.
//!
//! Each `#[pyfunction]`, `#[pyclass]`, `#[pymethods]` method, `#[pymodule]` and
//! `create_exception!` becomes one exported static byte array named
//! `PYO3_INTROSPECTION_1_<unique>` holding a JSON object. The JSON is produced at compile time
//! (the type hints are associated constants of the conversion traits, only known after type
//! checking, so the macros cannot write the text themselves): the macros build a [`Json`]
//! constant and [`json_bytes`] renders it into the array. `pyo3-introspection` reads the
//! arrays back from the built library.

use crate::inspect::{PyStaticConstant, PyStaticExpr};
use std::marker::PhantomData;

/// A JSON value built in a `const` context.
#[derive(Clone, Copy)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A string.
    Str(&'static str),
    /// An array.
    Array(&'static [Json]),
    /// An object (keys in order).
    Object(&'static [(&'static str, Json)]),
    /// A type hint, written as a JSON tree (see [`write_expr`]).
    Expr(&'static PyStaticExpr),
}

/// Writes `bytes` at `pos` if `out` has room (a zero-length `out` just measures).
const fn put(out: &mut [u8], pos: usize, bytes: &[u8]) -> usize {
    let mut i = 0;
    while i < bytes.len() {
        if pos + i < out.len() {
            out[pos + i] = bytes[i];
        }
        i += 1;
    }
    pos + bytes.len()
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `s` as a JSON string literal.
const fn put_str(out: &mut [u8], mut pos: usize, s: &str) -> usize {
    let b = s.as_bytes();
    pos = put(out, pos, b"\"");
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        pos = match c {
            b'"' => put(out, pos, b"\\\""),
            b'\\' => put(out, pos, b"\\\\"),
            b'\n' => put(out, pos, b"\\n"),
            0..=0x1f => put(
                out,
                pos,
                &[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(c >> 4) as usize],
                    HEX[(c & 0xf) as usize],
                ],
            ),
            // Multi-byte UTF-8 sequences pass through unchanged: JSON text is UTF-8.
            _ => put(out, pos, &[c]),
        };
        i += 1;
    }
    put(out, pos, b"\"")
}

const fn put_int(out: &mut [u8], pos: usize, v: i64) -> usize {
    let pos = if v < 0 { put(out, pos, b"-") } else { pos };
    put_u64(out, pos, v.unsigned_abs())
}

const fn put_u64(out: &mut [u8], pos: usize, n: u64) -> usize {
    let mut digits = [0u8; 20];
    let mut n = n;
    let mut len = 0;
    loop {
        digits[19 - len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut pos = pos;
    let mut i = 20 - len;
    while i < 20 {
        pos = put(out, pos, &[digits[i]]);
        i += 1;
    }
    pos
}

/// `{"kind": kind, ` followed by the caller's fields.
const fn open_expr(out: &mut [u8], pos: usize, kind: &str) -> usize {
    let pos = put(out, pos, b"{\"kind\":");
    put_str(out, pos, kind)
}

const fn put_elts(out: &mut [u8], mut pos: usize, elts: &[PyStaticExpr]) -> usize {
    pos = put(out, pos, b"[");
    let mut i = 0;
    while i < elts.len() {
        if i > 0 {
            pos = put(out, pos, b",");
        }
        pos = write_expr(out, pos, &elts[i]);
        i += 1;
    }
    put(out, pos, b"]")
}

/// Writes a type hint as `{"kind": ..., ...}`: `name` (`id`), `attribute` (`value`, `attr`),
/// `bin_op` (`left`, `op`, `right`), `tuple`/`list` (`elts`), `subscript` (`value`, `slice`),
/// `constant` (`value` as Python source) and `class` (`id`, `expr`).
pub const fn write_expr(out: &mut [u8], mut pos: usize, e: &PyStaticExpr) -> usize {
    match e {
        PyStaticExpr::Constant { value } => {
            pos = open_expr(out, pos, "constant");
            pos = put(out, pos, b",\"value\":");
            pos = match value {
                PyStaticConstant::None => put_str(out, pos, "None"),
                PyStaticConstant::Ellipsis => put_str(out, pos, "..."),
                PyStaticConstant::Bool(true) => put_str(out, pos, "True"),
                PyStaticConstant::Bool(false) => put_str(out, pos, "False"),
                PyStaticConstant::Int(i) => {
                    pos = put(out, pos, b"\"");
                    pos = put_int(out, pos, *i);
                    put(out, pos, b"\"")
                }
                // The bits: const code cannot format a float; the reader writes the literal.
                PyStaticConstant::Float(x) => {
                    pos = put(out, pos, b"\"float:");
                    pos = put_u64(out, pos, x.to_bits());
                    put(out, pos, b"\"")
                }
                PyStaticConstant::Str(s) => {
                    // The Python literal, itself JSON-escaped: `"'abc'"`.
                    pos = put(out, pos, b"\"'");
                    pos = put_python_str_body(out, pos, s);
                    put(out, pos, b"'\"")
                }
            };
        }
        PyStaticExpr::Name { id } => {
            pos = open_expr(out, pos, "name");
            pos = put(out, pos, b",\"id\":");
            pos = put_str(out, pos, id);
        }
        PyStaticExpr::Attribute { value, attr } => {
            pos = open_expr(out, pos, "attribute");
            pos = put(out, pos, b",\"value\":");
            pos = write_expr(out, pos, value);
            pos = put(out, pos, b",\"attr\":");
            pos = put_str(out, pos, attr);
        }
        PyStaticExpr::BinOp { left, op: _, right } => {
            pos = open_expr(out, pos, "bin_op");
            pos = put(out, pos, b",\"left\":");
            pos = write_expr(out, pos, left);
            pos = put(out, pos, b",\"op\":\"|\",\"right\":");
            pos = write_expr(out, pos, right);
        }
        PyStaticExpr::Tuple { elts } => {
            pos = open_expr(out, pos, "tuple");
            pos = put(out, pos, b",\"elts\":");
            pos = put_elts(out, pos, elts);
        }
        PyStaticExpr::List { elts } => {
            pos = open_expr(out, pos, "list");
            pos = put(out, pos, b",\"elts\":");
            pos = put_elts(out, pos, elts);
        }
        PyStaticExpr::Subscript { value, slice } => {
            pos = open_expr(out, pos, "subscript");
            pos = put(out, pos, b",\"value\":");
            pos = write_expr(out, pos, value);
            pos = put(out, pos, b",\"slice\":");
            pos = write_expr(out, pos, slice);
        }
        PyStaticExpr::PyClass(c) => {
            pos = open_expr(out, pos, "class");
            pos = put(out, pos, b",\"id\":");
            pos = put_str(out, pos, c.introspection_id());
            pos = put(out, pos, b",\"expr\":");
            pos = write_expr(out, pos, c.expr());
        }
    }
    put(out, pos, b"}")
}

/// The body of a single-quoted Python string literal, JSON-escaped.
const fn put_python_str_body(out: &mut [u8], mut pos: usize, s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        pos = match b[i] {
            // Python escape `\'` then JSON escape of the backslash.
            b'\'' => put(out, pos, b"\\\\'"),
            b'\\' => put(out, pos, b"\\\\\\\\"),
            b'"' => put(out, pos, b"\\\""),
            c @ 0..=0x1f => {
                let p = put(out, pos, b"\\\\x");
                put(out, p, &[HEX[(c >> 4) as usize], HEX[(c & 0xf) as usize]])
            }
            c => put(out, pos, &[c]),
        };
        i += 1;
    }
    pos
}

/// Writes `v` as JSON at `pos`; returns the position after it.
pub const fn write_json(out: &mut [u8], mut pos: usize, v: &Json) -> usize {
    match v {
        Json::Null => put(out, pos, b"null"),
        Json::Bool(true) => put(out, pos, b"true"),
        Json::Bool(false) => put(out, pos, b"false"),
        Json::Str(s) => put_str(out, pos, s),
        Json::Expr(e) => write_expr(out, pos, e),
        Json::Array(items) => {
            pos = put(out, pos, b"[");
            let mut i = 0;
            while i < items.len() {
                if i > 0 {
                    pos = put(out, pos, b",");
                }
                pos = write_json(out, pos, &items[i]);
                i += 1;
            }
            put(out, pos, b"]")
        }
        Json::Object(fields) => {
            pos = put(out, pos, b"{");
            let mut i = 0;
            while i < fields.len() {
                if i > 0 {
                    pos = put(out, pos, b",");
                }
                pos = put_str(out, pos, fields[i].0);
                pos = put(out, pos, b":");
                pos = write_json(out, pos, &fields[i].1);
                i += 1;
            }
            put(out, pos, b"}")
        }
    }
}

/// The length in bytes of the JSON text of `v`.
pub const fn json_len(v: &Json) -> usize {
    write_json(&mut [], 0, v)
}

/// The JSON text of `v`; `N` must be [`json_len`]`(v)`.
pub const fn json_bytes<const N: usize>(v: &Json) -> [u8; N] {
    let mut out = [0u8; N];
    let end = write_json(&mut out, 0, v);
    assert!(end == N, "json_bytes: N is not json_len(v)");
    out
}

/// `InputHint::<T>::HINT` is `T`'s `FromPyObject::INPUT_TYPE` when `T` implements
/// `FromPyObject`, and `typing.Any` (from [`HintFallback`], which must be in scope) otherwise:
/// an inherent associated const whose bounds do not hold gives way to the trait's. The macros
/// use these so that a parameter extracted some other way (`PyVisit` of `__traverse__`, ...)
/// still compiles.
pub struct InputHint<T: ?Sized>(PhantomData<T>);
/// `IntoPyObject::OUTPUT_TYPE` of `T`, or `typing.Any` (see [`InputHint`]).
pub struct OutputHint<T: ?Sized>(PhantomData<T>);
/// `PyTypeCheck::TYPE_HINT` of `T`, or `typing.Any` (see [`InputHint`]).
pub struct TypeInfoHint<T: ?Sized>(PhantomData<T>);

impl<T: crate::FromPyObject<'static, 'static>> InputHint<T> {
    /// The hint.
    pub const HINT: PyStaticExpr = T::INPUT_TYPE;
}

impl<T: crate::IntoPyObject<'static>> OutputHint<T> {
    /// The hint.
    pub const HINT: PyStaticExpr = T::OUTPUT_TYPE;
}

impl<T: crate::type_object::PyTypeCheck> TypeInfoHint<T> {
    /// The hint.
    pub const HINT: PyStaticExpr = <T as crate::type_object::PyTypeCheck>::TYPE_HINT;
}

/// The `typing.Any` fallback of [`InputHint`], [`OutputHint`] and [`TypeInfoHint`].
pub trait HintFallback {
    /// `typing.Any`
    const HINT: PyStaticExpr = crate::inspect::hints::ANY;
}

impl<T: ?Sized> HintFallback for InputHint<T> {}
impl<T: ?Sized> HintFallback for OutputHint<T> {}
impl<T: ?Sized> HintFallback for TypeInfoHint<T> {}

/// Items with introspection metadata (functions, classes, exceptions, function-form
/// modules): the id other metadata links them by.
pub trait HasIntrospectionId {
    /// The id (unique in the library).
    const INTROSPECTION_ID: &'static str;
}

/// `IdOf::<T>::ID`: `T`'s introspection id, or `""` (from [`IdFallback`]) for a type without
/// metadata (a native type exported by a module), which the reader reports as unknown.
pub struct IdOf<T: ?Sized>(PhantomData<T>);

impl<T: HasIntrospectionId> IdOf<T> {
    /// The id.
    pub const ID: &'static str = T::INTROSPECTION_ID;
}

/// The `""` fallback of [`IdOf`].
pub trait IdFallback {
    /// No id.
    const ID: &'static str = "";
}

impl<T: ?Sized> IdFallback for IdOf<T> {}

/// The Python type hint of a Python type `T` (`&Bound<'_, T>`, `Py<T>`, `PyRef<'_, T>`, ...
/// arguments); `typing.Any` unless the type says otherwise.
pub const fn type_hint_of<T: crate::type_object::PyTypeInfo>() -> PyStaticExpr {
    T::TYPE_HINT
}

/// The output type hint of the value `_v` (constants exported by a declarative module).
pub const fn output_type_of<'py, T: crate::IntoPyObject<'py>>(_v: &T) -> PyStaticExpr {
    T::OUTPUT_TYPE
}

/// The Python hint of a native type, from its Rust name and module: `PyInt` in `builtins` is
/// `int`; types this table does not know are `typing.Any`, which is never wrong.
pub const fn native_type_hint(
    rust_name: &'static str,
    module: Option<&'static str>,
) -> PyStaticExpr {
    use crate::inspect::hints::ANY;
    const TABLE: &[(&str, &str)] = &[
        ("PyAny", ""),
        ("PyInt", "int"),
        ("PyFloat", "float"),
        ("PyBool", "bool"),
        ("PyString", "str"),
        ("PyBytes", "bytes"),
        ("PyByteArray", "bytearray"),
        ("PyList", "list"),
        ("PyTuple", "tuple"),
        ("PyDict", "dict"),
        ("PySet", "set"),
        ("PyFrozenSet", "frozenset"),
        ("PyType", "type"),
        ("PyComplex", "complex"),
        ("PySlice", "slice"),
        ("PyRange", "range"),
        ("PyMemoryView", "memoryview"),
    ];
    if !matches!(module, Some(m) if str_eq(m, "builtins")) {
        return ANY;
    }
    let mut i = 0;
    while i < TABLE.len() {
        if str_eq(TABLE[i].0, rust_name) {
            if TABLE[i].1.is_empty() {
                return ANY;
            }
            return PyStaticExpr::Name { id: TABLE[i].1 };
        }
        i += 1;
    }
    // The exception classes: `PyValueError` is `ValueError`.
    let b = rust_name.as_bytes();
    if b.len() > 2 && b[0] == b'P' && b[1] == b'y' && is_exception_name(b) {
        if let Ok(name) = std::str::from_utf8(b.split_at(2).1) {
            return PyStaticExpr::Name { id: name };
        }
    }
    ANY
}

const fn ends_with(b: &[u8], suffix: &[u8]) -> bool {
    if b.len() < suffix.len() {
        return false;
    }
    let off = b.len() - suffix.len();
    let mut i = 0;
    while i < suffix.len() {
        if b[off + i] != suffix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether the Rust name of a `builtins` type is that of an exception class.
const fn is_exception_name(b: &[u8]) -> bool {
    ends_with(b, b"Error")
        || ends_with(b, b"Exception")
        || ends_with(b, b"Warning")
        || ends_with(b, b"Interrupt")
        || ends_with(b, b"Exit")
        || ends_with(b, b"Iteration")
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::hints::{INT, NONE};

    const OPT: PyStaticExpr = crate::type_hint_union!(INT, NONE);
    const DOC: Json = Json::Object(&[
        ("name", Json::Str("a\"b\n\u{1}é")),
        ("flags", Json::Array(&[Json::Bool(true), Json::Null])),
        ("type", Json::Expr(&OPT)),
    ]);
    const LEN: usize = json_len(&DOC);
    static BYTES: [u8; LEN] = json_bytes(&DOC);

    #[test]
    fn renders_json() {
        assert_eq!(
            std::str::from_utf8(&BYTES).unwrap(),
            concat!(
                r#"{"name":"a\"b\n\u0001é","flags":[true,null],"type":"#,
                r#"{"kind":"bin_op","left":{"kind":"name","id":"int"},"op":"|","#,
                r#""right":{"kind":"constant","value":"None"}}}"#
            )
        );
    }

    #[test]
    fn renders_constants() {
        const S: PyStaticExpr = PyStaticExpr::Constant {
            value: PyStaticConstant::Str("it's"),
        };
        const N: PyStaticExpr = PyStaticExpr::Constant {
            value: PyStaticConstant::Int(-120),
        };
        const F: PyStaticExpr = PyStaticExpr::Constant {
            value: PyStaticConstant::Float(0.5),
        };
        const J: Json = Json::Array(&[Json::Expr(&S), Json::Expr(&N), Json::Expr(&F)]);
        let b: [u8; json_len(&J)] = json_bytes(&J);
        assert_eq!(
            std::str::from_utf8(&b).unwrap(),
            concat!(
                r#"[{"kind":"constant","value":"'it\\'s'"},{"kind":"constant","value":"-120"},"#,
                r#"{"kind":"constant","value":"float:4602678819172646912"}]"#
            )
        );
    }

    struct NotConvertible;

    #[test]
    fn hint_fallbacks() {
        #[allow(unused_imports)]
        use super::HintFallback as _;
        assert_eq!(InputHint::<i32>::HINT, INT);
        assert_eq!(OutputHint::<u8>::HINT, INT);
        assert_eq!(
            InputHint::<NotConvertible>::HINT,
            crate::inspect::hints::ANY
        );
        assert_eq!(
            OutputHint::<NotConvertible>::HINT,
            crate::inspect::hints::ANY
        );
        assert_eq!(
            TypeInfoHint::<crate::types::PyList>::HINT,
            PyStaticExpr::Name { id: "list" }
        );
        assert_eq!(
            TypeInfoHint::<NotConvertible>::HINT,
            crate::inspect::hints::ANY
        );
    }

    #[test]
    fn native_names() {
        assert_eq!(
            native_type_hint("PyInt", Some("builtins")),
            PyStaticExpr::Name { id: "int" }
        );
        assert_eq!(
            native_type_hint("PyAny", Some("builtins")),
            crate::inspect::hints::ANY
        );
        assert_eq!(
            native_type_hint("PyValueError", Some("builtins")),
            PyStaticExpr::Name { id: "ValueError" }
        );
        assert_eq!(
            native_type_hint("PyDate", Some("datetime")),
            crate::inspect::hints::ANY
        );
    }
}
