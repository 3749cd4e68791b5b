use pyo3::prelude::*;

#[pyclass(frozen, hash)]
#[derive(PartialEq, Hash)]
struct Key {
    id: u64,
}

fn main() {}
