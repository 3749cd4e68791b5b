use pyo3::prelude::*;

#[pyclass(subclass)]
enum Color {
    Red,
}

#[pyclass(subclass)]
struct Base {}

#[pyclass(extends = Base)]
enum Shape {
    Dot(),
}

fn main() {}
