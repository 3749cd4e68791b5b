use pyo3::prelude::*;

#[derive(IntoPyObject)]
enum E {
    A,
}

fn main() {}
