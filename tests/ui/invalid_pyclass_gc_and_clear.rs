use pyo3::prelude::*;

#[pyclass(gc)]
struct Node {
    next: Option<Py<Node>>,
}

#[pymethods]
impl Node {
    fn __clear__(&mut self) {
        self.next = None;
    }
}

fn main() {}
