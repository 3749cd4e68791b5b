use pyo3::prelude::*;

#[pyclass]
struct Thing {
    n: i32,
}

#[pymethods]
impl Thing {
    #[setter]
    fn set_n(&mut self, a: i32, b: i32) {
        self.n = a + b;
    }
}

fn main() {}
