use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a: "list[int"))]
fn unclosed(a: Vec<i64>) -> usize {
    a.len()
}

#[pyfunction]
#[pyo3(signature = (a) -> "int + str")]
fn bad_return(a: i64) -> i64 {
    a
}

fn main() {}
