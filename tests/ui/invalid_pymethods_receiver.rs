use pyo3::prelude::*;

#[pyclass]
struct A {}

#[pymethods]
impl A {
    fn by_value(self) {}

    #[staticmethod]
    fn stat(&self) {}

    fn no_receiver(x: i32) -> i32 {
        x
    }

    #[new]
    #[staticmethod]
    fn both() -> Self {
        A {}
    }
}

fn main() {}
