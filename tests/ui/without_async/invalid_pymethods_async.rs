use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    async fn m(&self) {}
}

fn main() {}
