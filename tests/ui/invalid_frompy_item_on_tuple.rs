use pyo3::prelude::*;

#[derive(FromPyObject)]
struct S(#[pyo3(item)] bool, bool);

fn main() {}
