use pyo3::prelude::*;

#[derive(FromPyObject)]
struct S {
    #[pyo3(attribute, item)]
    a: bool,
}

fn main() {}
