use pyo3::prelude::*;

#[pyclass]
struct Seq {}

#[pymethods]
impl Seq {
    fn __len__(&self, extra: usize) -> usize {
        extra
    }
}

fn main() {}
