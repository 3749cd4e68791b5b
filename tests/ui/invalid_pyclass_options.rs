use pyo3::prelude::*;

#[pyclass(nonsense)]
struct A {}

#[pyclass(hash)]
struct B {}

#[pyclass(frozen)]
struct C {
    #[pyo3(set)]
    x: i32,
    #[pyo3(get, bogus)]
    y: i32,
}

fn main() {}
