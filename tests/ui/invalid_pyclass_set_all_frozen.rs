use pyo3::prelude::*;

#[pyclass(frozen, set_all)]
struct Fixed {
    n: i32,
}

fn main() {}
