//! Functions of every signature shape, and functions that panic or raise chained errors.

use super::*;

#[pyfunction]
pub fn one(a: i64) -> i64 {
    a
}

#[pyfunction]
#[pyo3(signature = (a, b = 1))]
pub fn two(a: i64, b: i64) -> i64 {
    a + b
}

#[pyfunction]
#[pyo3(signature = (a, /, b, *, c))]
pub fn mixed(a: i64, b: i64, c: i64) -> i64 {
    a + b + c
}

#[pyfunction]
#[pyo3(signature = (a, *args, **kwargs))]
pub fn var(a: i64, args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> usize {
    a as usize + args.len() + kwargs.map_or(0, |k| k.len())
}

#[pyfunction]
pub fn strs(s: &str, v: Vec<i64>, t: (i64, String), o: Option<f64>) -> usize {
    s.len() + v.len() + t.1.len() + o.map_or(0, |_| 1)
}

#[pyfunction]
pub fn noargs() {}

#[pyfunction]
#[pyo3(signature = (*, k))]
pub fn kwonly(k: i64) -> i64 {
    k
}

#[pyfunction]
pub fn three(a: i64, b: i64, c: i64) -> i64 {
    a + b + c
}

#[pyfunction]
pub fn small(x: u8, y: i32, z: usize) -> usize {
    x as usize + y as usize + z
}

#[pyfunction]
pub fn boolf(b: bool, c: char) -> bool {
    b || c == 'x'
}

#[pyfunction]
pub fn panicker() {
    panic!("boom here")
}

/// Panics everywhere a panic can meet Python: a function with a non-string payload, a slot,
/// a destructor.
#[pyfunction]
pub fn panic_any_payload(which: u32) {
    match which {
        0 => std::panic::panic_any(42i32),
        1 => std::panic::panic_any(String::from("owned")),
        _ => panic!("formatted {}", which),
    }
}

#[pyfunction]
pub fn chained(py: Python<'_>) -> PyResult<()> {
    let inner = pyo3::exceptions::PyKeyError::new_err("inner");
    let outer = pyo3::exceptions::PyRuntimeError::new_err("outer");
    outer.set_cause(py, Some(inner));
    Err(outer)
}
