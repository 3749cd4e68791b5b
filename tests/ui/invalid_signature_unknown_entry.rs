use pyo3::prelude::*;

#[pyfunction(signature = (a, c))]
fn f(a: bool) -> bool { a }

fn main() {}
