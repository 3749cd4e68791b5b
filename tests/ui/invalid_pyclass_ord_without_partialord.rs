use pyo3::prelude::*;

#[pyclass(eq, ord)]
#[derive(PartialEq)]
struct Version {
    major: u32,
}

fn main() {}
