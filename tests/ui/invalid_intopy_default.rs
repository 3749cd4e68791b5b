use pyo3::prelude::*;

#[derive(IntoPyObject)]
struct S {
    #[pyo3(default)]
    a: bool,
}

fn main() {}
