use pyo3::prelude::*;

#[pyclass(frozen, frozen)]
struct Twice {}

#[pyclass(name = "A", name = "B")]
struct Named {}

fn main() {}
