use pyo3::prelude::*;

#[pyclass(frozen, eq, hash)]
#[derive(PartialEq)]
struct Key {
    id: u64,
}

fn main() {}
