use pyo3::prelude::*;

#[pyclass]
struct Thing {
    n: i32,
}

#[pymethods]
impl Thing {
    #[getter]
    fn n(&self, scale: i32) -> i32 {
        self.n * scale
    }
}

fn main() {}
