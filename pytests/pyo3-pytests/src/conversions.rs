//! Conversions both ways: collections, tuples, `Option`, paths, and the derives.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use pyo3::prelude::*;

/// Keys become values and values keys; a `BTreeMap` comes back as a `dict` in key order.
#[pyfunction]
fn invert(map: HashMap<String, i64>) -> BTreeMap<i64, String> {
    map.into_iter().map(|(k, v)| (v, k)).collect()
}

#[pyfunction]
fn swap(pair: (i64, String)) -> (String, i64) {
    (pair.1, pair.0)
}

#[pyfunction]
fn halve(value: Option<f64>) -> Option<f64> {
    value.map(|v| v / 2.0)
}

/// The distinct values, sorted (a `set` or any iterable of ints in; a `list` out).
#[pyfunction]
fn distinct_sorted(values: HashSet<i64>) -> Vec<i64> {
    let mut v: Vec<i64> = values.into_iter().collect();
    v.sort_unstable();
    v
}

/// `str`, `pathlib.Path` or any `os.PathLike` in; `pathlib.Path` out.
#[pyfunction]
fn with_suffix(path: PathBuf, suffix: &str) -> PathBuf {
    path.with_extension(suffix)
}

#[pyfunction]
fn parent(path: PathBuf) -> Option<PathBuf> {
    path.parent().map(PathBuf::from)
}

/// Read from a mapping's items (`#[pyo3(item)]`).
#[derive(FromPyObject)]
struct Order {
    #[pyo3(item)]
    item: String,
    #[pyo3(item)]
    quantity: u32,
    #[pyo3(item("unit price"))]
    unit_price: f64,
}

/// Written as a `dict` with the field names as keys.
#[derive(IntoPyObject)]
struct Invoice {
    item: String,
    total: f64,
}

#[pyfunction]
fn invoice(order: Order) -> Invoice {
    Invoice {
        total: f64::from(order.quantity) * order.unit_price,
        item: order.item,
    }
}

/// One of several shapes of input (the derive on an enum tries each variant in order).
#[derive(FromPyObject)]
enum Number {
    Int(i64),
    Float(f64),
    Text(String),
}

#[pyfunction]
fn classify(value: Number) -> String {
    match value {
        Number::Int(i) => format!("int {i}"),
        Number::Float(f) => format!("float {f}"),
        Number::Text(s) => format!("text {s}"),
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(invert, m)?)?;
    m.add_function(wrap_pyfunction!(swap, m)?)?;
    m.add_function(wrap_pyfunction!(halve, m)?)?;
    m.add_function(wrap_pyfunction!(distinct_sorted, m)?)?;
    m.add_function(wrap_pyfunction!(with_suffix, m)?)?;
    m.add_function(wrap_pyfunction!(parent, m)?)?;
    m.add_function(wrap_pyfunction!(invoice, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    Ok(())
}
