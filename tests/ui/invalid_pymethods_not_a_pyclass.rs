use pyo3::prelude::*;

struct Plain {}

#[pymethods]
impl Plain {
    fn hello(&self) {}
}

fn main() {}
