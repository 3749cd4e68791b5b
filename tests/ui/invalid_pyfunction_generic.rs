use pyo3::prelude::*;

#[pyfunction]
fn f<T>(_x: T) {}

fn main() {}
