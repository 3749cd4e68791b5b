use pyo3::prelude::*;

#[pyfunction]
fn f((a, b): (bool, bool)) -> bool { a && b }

fn main() {}
