use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Thing {
    fn generic<T: Default>(&self) -> i32 {
        let _ = T::default();
        1
    }
}

fn main() {}
