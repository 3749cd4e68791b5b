use pyo3::prelude::*;

#[pyclass]
struct View<'a> {
    data: &'a str,
}

fn main() {}
