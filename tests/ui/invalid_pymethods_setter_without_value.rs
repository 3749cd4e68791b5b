use pyo3::prelude::*;

#[pyclass]
struct Thing {
    n: i32,
}

#[pymethods]
impl Thing {
    #[setter]
    fn set_n(&mut self) {
        self.n = 0;
    }
}

fn main() {}
