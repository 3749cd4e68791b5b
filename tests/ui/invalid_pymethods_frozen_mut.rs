use pyo3::prelude::*;

#[pyclass(frozen)]
struct F {
    x: i32,
}

#[pymethods]
impl F {
    fn set(&mut self, x: i32) {
        self.x = x;
    }
}

fn main() {}
