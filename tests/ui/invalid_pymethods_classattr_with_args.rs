use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Thing {
    #[classattr]
    fn answer(base: i32) -> i32 {
        base + 42
    }
}

fn main() {}
