use pyo3::prelude::*;

#[pyfunction(signature = (b, a))]
fn f(a: bool, b: bool) -> bool { a && b }

fn main() {}
