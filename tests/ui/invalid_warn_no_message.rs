use pyo3::prelude::*;

#[pyfunction]
#[pyo3(warn(category = pyo3::exceptions::PyUserWarning))]
fn f() {}

fn main() {}
