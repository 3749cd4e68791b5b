use pyo3::prelude::*;

#[pyclass]
struct Sealed {}

#[pyclass(extends = Sealed)]
struct Child {}

fn main() {}
