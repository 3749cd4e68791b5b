use pyo3::prelude::*;

#[derive(FromPyObject)]
#[pyo3(transparent)]
struct S {
    a: bool,
    b: bool,
}

fn main() {}
