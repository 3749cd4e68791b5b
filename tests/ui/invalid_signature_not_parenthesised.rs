use pyo3::prelude::*;

#[pyfunction(signature = a)]
fn f(a: bool) -> bool { a }

fn main() {}
