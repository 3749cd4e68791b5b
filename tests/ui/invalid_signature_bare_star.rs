use pyo3::prelude::*;
use pyo3::types::PyDict;

#[pyfunction(signature = (a, *, **kw))]
fn f(a: bool, kw: Option<&Bound<'_, PyDict>>) -> bool {
    let _ = kw;
    a
}

fn main() {}
