use pyo3::prelude::*;

#[pyfunction(signature = (a = true, b))]
fn f(a: bool, b: bool) -> bool { a && b }

fn main() {}
