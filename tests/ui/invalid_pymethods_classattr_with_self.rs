use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Thing {
    #[classattr]
    fn answer(&self) -> i32 {
        42
    }
}

fn main() {}
