use pyo3::prelude::*;

#[pyfunction(signature = (**kwargs, a))]
fn f(kwargs: Option<&Bound<'_, pyo3::types::PyDict>>, a: bool) -> bool { let _ = kwargs; a }

fn main() {}
