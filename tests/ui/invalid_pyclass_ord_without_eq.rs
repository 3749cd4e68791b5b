use pyo3::prelude::*;

#[pyclass(ord)]
#[derive(PartialEq, PartialOrd)]
struct Version {
    major: u32,
}

fn main() {}
