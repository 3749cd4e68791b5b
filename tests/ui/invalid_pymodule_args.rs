use pyo3::prelude::*;

#[pymodule]
fn m(_a: bool, _b: bool, _c: bool) -> PyResult<()> { Ok(()) }

fn main() {}
