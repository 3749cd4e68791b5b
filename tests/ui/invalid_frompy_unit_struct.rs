use pyo3::prelude::*;

#[derive(FromPyObject)]
struct S;

fn main() {}
