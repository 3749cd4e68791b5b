use pyo3::prelude::*;

#[pyfunction(pass_module)]
fn f() {}

fn main() {}
