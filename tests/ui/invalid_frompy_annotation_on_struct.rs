use pyo3::prelude::*;

#[derive(FromPyObject)]
#[pyo3(annotation = "x")]
struct S {
    a: bool,
}

fn main() {}
