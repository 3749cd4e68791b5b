use pyo3::prelude::*;

#[pymodule(bogus = 1)]
fn m(_m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }

fn main() {}
