use pyo3::prelude::*;

#[pyfunction]
async fn borrowed<'py>(obj: Bound<'py, PyAny>) -> usize {
    obj.len().unwrap_or(0)
}

fn main() {}
