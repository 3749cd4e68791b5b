use pyo3::prelude::*;

#[pyfunction]
async fn f() {}

fn main() {}
