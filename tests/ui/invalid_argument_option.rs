use pyo3::prelude::*;

#[pyfunction]
fn f(#[pyo3(bogus)] a: bool) -> bool { a }

fn main() {}
