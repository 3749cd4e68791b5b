use pyo3::prelude::*;

#[derive(FromPyObject)]
enum E {}

fn main() {}
