use pyo3::prelude::*;

#[pyfunction(text_signature = "a, b")]
fn f() {}

fn main() {}
