use pyo3::prelude::*;

#[pyclass]
struct Twice {}

#[pymethods]
impl Twice {
    #[new]
    fn new() -> Self {
        Twice {}
    }

    #[new]
    fn other() -> Self {
        Twice {}
    }
}

fn main() {}
