use pyo3::prelude::*;

#[pyclass]
struct H {}

#[pymethods]
impl H {
    fn __hash__(&self) -> String {
        String::new()
    }
}

fn main() {}
