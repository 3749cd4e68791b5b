use pyo3::prelude::*;
use pyo3::{PyTraverseError, PyVisit};

#[pyclass(gc)]
struct Node {
    next: Option<Py<Node>>,
}

#[pymethods]
impl Node {
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.next)
    }
}

fn main() {}
