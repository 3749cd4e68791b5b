use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Thing {
    #[classmethod]
    fn make() -> i32 {
        1
    }
}

fn main() {}
