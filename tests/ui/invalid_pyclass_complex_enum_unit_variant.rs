use pyo3::prelude::*;

#[pyclass]
enum Shape {
    Circle { r: f64 },
    Nothing,
}

fn main() {}
