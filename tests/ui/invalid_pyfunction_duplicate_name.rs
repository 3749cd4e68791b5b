use pyo3::prelude::*;

#[pyfunction]
#[pyo3(name = "a", name = "b")]
fn f() {}

fn main() {}
