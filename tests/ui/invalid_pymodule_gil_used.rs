use pyo3::prelude::*;

#[pymodule(gil_used = "yes")]
fn m(_m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }

fn main() {}
