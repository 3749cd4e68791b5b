use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;

#[pyfunction]
fn not_async(#[pyo3(cancel_handle)] _cancel: CancelHandle) {}

#[pyfunction]
async fn twice(
    #[pyo3(cancel_handle)] _a: CancelHandle,
    #[pyo3(cancel_handle)] _b: CancelHandle,
) {
}

#[pyfunction]
async fn with_value(#[pyo3(cancel_handle = true)] _a: CancelHandle) {}

#[pyfunction]
async fn wrong_type(#[pyo3(cancel_handle)] _a: String) {}

fn main() {}
