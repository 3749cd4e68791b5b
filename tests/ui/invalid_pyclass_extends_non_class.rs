use pyo3::prelude::*;

#[pyclass(extends = String)]
struct Wrapper {
    n: u8,
}

fn main() {}
