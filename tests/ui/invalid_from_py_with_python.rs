use pyo3::prelude::*;

#[pyfunction]
fn f(#[pyo3(from_py_with = get)] py: Python<'_>) { let _ = py; }

fn get(_: &Bound<'_, PyAny>) -> PyResult<()> { Ok(()) }

fn main() {}
