//! A test extension whose functions and classes cover every kind of argument and slot the
//! macros generate, so that `tests/` can throw hostile inputs at them from Python (a fixed
//! corpus plus hypothesis): each must return or raise the exception PyO3 documents, never
//! crash or leak, and a panic anywhere must surface as `PanicException`.

use pyo3::prelude::*;

mod args;
mod slots;

#[pymodule]
fn hostile(m: &Bound<'_, PyModule>) -> PyResult<()> {
    args::register(m)?;
    slots::register(m)?;
    Ok(())
}
