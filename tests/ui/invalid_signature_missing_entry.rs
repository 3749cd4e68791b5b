use pyo3::prelude::*;

#[pyfunction(signature = (a))]
fn f(a: bool, b: bool) -> bool { a && b }

fn main() {}
