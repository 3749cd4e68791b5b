//! Ordering and hashing from Rust traits, an exception subclass, renamed fields, `eq`-only,
//! `sequence` and `mapping` classes, a base with `dict`/`weakref` and its Rust subclass.

use super::*;

/// Ordering, hashing and `str` from Rust traits; a subclassable base; an exception subclass.
#[pyclass(eq, ord, hash, str, frozen, subclass)]
#[derive(PartialEq, PartialOrd, Hash)]
pub struct Ord3 {
    #[pyo3(get)]
    v: i64,
}

impl std::fmt::Display for Ord3 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ord3<{}>", self.v)
    }
}

#[pymethods]
impl Ord3 {
    #[new]
    fn new(v: i64) -> Self {
        Ord3 { v }
    }
    #[classattr]
    fn zero() -> i64 {
        0
    }
}

#[pyclass(extends = pyo3::exceptions::PyException)]
pub struct RichError {
    #[pyo3(get)]
    code: i32,
}

#[pymethods]
impl RichError {
    #[new]
    fn new(code: i32) -> Self {
        RichError { code }
    }
}

#[pyclass(
    get_all,
    set_all,
    rename_all = "camelCase",
    name = "Renamed",
    module = "mymod"
)]

pub struct SnakeCase {
    some_field: i64,
    other_field: String,
}

#[pymethods]
impl SnakeCase {
    #[new]
    #[pyo3(signature = (some_field = 1, other_field = String::from("o")))]
    fn new(some_field: i64, other_field: String) -> Self {
        SnakeCase {
            some_field,
            other_field,
        }
    }
    /// Does a thing.
    #[pyo3(text_signature = "(self, x)")]
    fn thing(&self, x: i64) -> i64 {
        x
    }
    /// Documented method.
    fn documented(&self, a: i64, b: Option<i64>) -> i64 {
        a + b.unwrap_or(0)
    }
}

/// `eq` without `hash`, a sequence class, a mapping class, a class with `dict` and `weakref`,
/// an unsendable one, a subclassable base with a Rust subclass.
#[pyclass(eq)]
#[derive(PartialEq)]
pub struct EqOnly {
    v: i64,
}

#[pymethods]
impl EqOnly {
    #[new]
    fn new(v: i64) -> Self {
        EqOnly { v }
    }
}

#[pyclass(sequence)]
pub struct Seq {
    items: Vec<i64>,
}

#[pymethods]
impl Seq {
    #[new]
    fn new(items: Vec<i64>) -> Self {
        Seq { items }
    }
    fn __len__(&self) -> usize {
        self.items.len()
    }
    fn __getitem__(&self, i: isize) -> PyResult<i64> {
        let n = self.items.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            Err(pyo3::exceptions::PyIndexError::new_err(
                "Seq index out of range",
            ))
        } else {
            Ok(self.items[j as usize])
        }
    }
}

#[pyclass(mapping)]
pub struct Map {}

#[pymethods]
impl Map {
    #[new]
    fn new() -> Self {
        Map {}
    }
    fn __len__(&self) -> usize {
        1
    }
    fn __getitem__(&self, k: &str) -> PyResult<i64> {
        if k == "a" {
            Ok(1)
        } else {
            Err(pyo3::exceptions::PyKeyError::new_err(k.to_string()))
        }
    }
}

#[pyclass(dict, weakref, subclass)]
pub struct Base2 {
    #[pyo3(get)]
    b: i64,
}

#[pymethods]
impl Base2 {
    #[new]
    fn new(b: i64) -> Self {
        Base2 { b }
    }
    fn who(&self) -> &'static str {
        "base"
    }
}

#[pyclass(extends = Base2, subclass)]
pub struct Sub2 {
    #[pyo3(get)]
    s: i64,
}

#[pymethods]
impl Sub2 {
    #[new]
    fn new(b: i64, s: i64) -> (Self, Base2) {
        (Sub2 { s }, Base2 { b })
    }
    fn who(&self) -> &'static str {
        "sub"
    }
    fn base_b(slf: PyRef<'_, Self>) -> i64 {
        slf.as_super().b
    }
}
