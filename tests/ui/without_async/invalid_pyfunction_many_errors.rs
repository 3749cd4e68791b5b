use pyo3::prelude::*;

#[pyfunction(signature = (x, y), bogus)]
async fn f<T>(a: T) {}

fn main() {}
