use pyo3::prelude::*;

#[pyfunction(name = 5)]
fn f() {}

fn main() {}
