use pyo3::prelude::*;

#[pyclass]
fn not_a_type() {}

fn main() {}
