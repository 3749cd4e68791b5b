use pyo3::prelude::*;

#[pyclass]
struct G<T> {
    x: T,
}

#[pyclass]
enum Empty {}

fn main() {}
