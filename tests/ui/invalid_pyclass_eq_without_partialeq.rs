use pyo3::prelude::*;

#[pyclass(eq)]
struct Point {
    x: i32,
}

fn main() {}
