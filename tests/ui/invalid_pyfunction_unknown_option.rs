use pyo3::prelude::*;

#[pyfunction(foo)]
fn f() {}

fn main() {}
