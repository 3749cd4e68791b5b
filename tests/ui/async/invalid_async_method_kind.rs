use pyo3::prelude::*;

#[pyclass]
struct S {
    x: i32,
}

#[pymethods]
impl S {
    #[new]
    async fn new() -> Self {
        S { x: 0 }
    }

    #[getter]
    async fn x(&self) -> i32 {
        self.x
    }

    async fn __repr__(&self) -> String {
        String::new()
    }

    #[classattr]
    async fn attr() -> i32 {
        1
    }
}

fn main() {}
