use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Thing {
    #[new]
    fn new(&self) -> Self {
        Thing {}
    }
}

fn main() {}
