use pyo3::prelude::*;

#[pyfunction]
async fn borrowed_str(s: &str) -> usize {
    s.len()
}

fn main() {}
