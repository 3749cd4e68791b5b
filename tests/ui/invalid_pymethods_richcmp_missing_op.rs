use pyo3::prelude::*;

#[pyclass]
struct Cmp {}

#[pymethods]
impl Cmp {
    fn __richcmp__(&self, other: &Self) -> bool {
        let _ = other;
        true
    }
}

fn main() {}
