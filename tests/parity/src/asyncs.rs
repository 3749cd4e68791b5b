//! `async fn` bodies (`experimental-async`, part of `--features full`): coroutines of
//! functions and methods, their results, errors, names and cancellation.

use pyo3::prelude::*;

#[pyfunction]
async fn add_later(a: i64, b: i64) -> i64 {
    a + b
}

#[pyfunction]
async fn fails_later() -> PyResult<()> {
    Err(pyo3::exceptions::PyValueError::new_err("async failure"))
}

#[pyfunction]
async fn panics_later() {
    panic!("async panic")
}

#[pyclass]
pub struct Waiter {
    n: i64,
}

#[pymethods]
impl Waiter {
    #[new]
    fn new(n: i64) -> Self {
        Waiter { n }
    }
    async fn get(&self) -> i64 {
        self.n
    }
    async fn add(&self, x: i64) -> i64 {
        self.n + x
    }
    async fn bump(&mut self) -> i64 {
        self.n += 1;
        self.n
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add_later, m)?)?;
    m.add_function(wrap_pyfunction!(fails_later, m)?)?;
    m.add_function(wrap_pyfunction!(panics_later, m)?)?;
    m.add_class::<Waiter>()
}
