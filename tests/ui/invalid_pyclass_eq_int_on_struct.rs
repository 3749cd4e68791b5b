use pyo3::prelude::*;

#[pyclass(eq_int)]
struct NotAnEnum {}

fn main() {}
