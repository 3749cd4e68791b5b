//! `pyo3_pytests`: one extension module that exercises the library from Python. Each Rust
//! module below covers one area and registers its items; `tests/` drives them with pytest, and
//! `tests/test_benchmarks.py` times the compute functions against pure-Python twins.

use pyo3::prelude::*;

mod buffers;
mod classes;
mod compute;
mod conversions;
mod datetime;
mod enums;
mod errors;
mod functions;
mod protocols;

#[pymodule]
fn pyo3_pytests(m: &Bound<'_, PyModule>) -> PyResult<()> {
    buffers::register(m)?;
    classes::register(m)?;
    compute::register(m)?;
    conversions::register(m)?;
    datetime::register(m)?;
    enums::register(m)?;
    errors::register(m)?;
    functions::register(m)?;
    protocols::register(m)?;
    Ok(())
}
