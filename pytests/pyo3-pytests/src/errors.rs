//! Raising built-in and custom exceptions, converting Rust errors, catching Python ones.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyKeyError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    pyo3_pytests,
    InventoryError,
    PyException,
    "Raised when stock runs out."
);

#[pyfunction]
fn take(stock: u32, wanted: u32) -> PyResult<u32> {
    stock
        .checked_sub(wanted)
        .ok_or_else(|| InventoryError::new_err(format!("only {stock} left, {wanted} wanted")))
}

/// A `ParseIntError` becomes a `ValueError` through `?`.
#[pyfunction]
fn parse_int(text: &str) -> PyResult<i64> {
    Ok(text.trim().parse::<i64>()?)
}

#[pyfunction]
fn require_positive(value: i64) -> PyResult<i64> {
    if value > 0 {
        Ok(value)
    } else {
        Err(PyValueError::new_err(format!("{value} is not positive")))
    }
}

/// Calls `f`; a `KeyError` it raises is turned into a message, anything else propagates
/// unchanged.
#[pyfunction]
fn call_catching_key_error(f: &Bound<'_, PyAny>) -> PyResult<String> {
    match f.call0() {
        Ok(value) => Ok(format!("returned {}", value.repr()?)),
        Err(err) if err.is_instance_of::<PyKeyError>(f.py()) => {
            Ok(format!("caught KeyError {}", err.value(f.py()).repr()?))
        }
        Err(err) => Err(err),
    }
}

/// A panic becomes `pyo3_runtime.PanicException`.
#[pyfunction]
fn panic_with(message: &str) {
    panic!("{}", message);
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InventoryError", m.py().get_type::<InventoryError>())?;
    m.add_function(wrap_pyfunction!(take, m)?)?;
    m.add_function(wrap_pyfunction!(parse_int, m)?)?;
    m.add_function(wrap_pyfunction!(require_positive, m)?)?;
    m.add_function(wrap_pyfunction!(call_catching_key_error, m)?)?;
    m.add_function(wrap_pyfunction!(panic_with, m)?)?;
    Ok(())
}
