use pyo3::prelude::*;

#[pyclass]
struct Thing {}

trait Describe {
    fn describe(&self) -> String;
}

#[pymethods]
impl Describe for Thing {
    fn describe(&self) -> String {
        "thing".into()
    }
}

fn main() {}
