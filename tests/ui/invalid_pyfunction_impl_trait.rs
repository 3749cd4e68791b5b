use pyo3::prelude::*;

#[pyfunction]
fn f(_x: impl Into<i32>) {}

fn main() {}
