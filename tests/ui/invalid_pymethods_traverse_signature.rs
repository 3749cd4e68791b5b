use pyo3::prelude::*;
use pyo3::{PyTraverseError, PyVisit};

#[pyclass]
struct Node {
    next: Option<Py<PyAny>>,
}

#[pymethods]
impl Node {
    fn __traverse__(&mut self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.next)
    }
}

fn main() {}
