//! `datetime` objects through the C API, and `std::time::Duration` <-> `timedelta`.

use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateAccess, PyDateTime, PyDelta, PyTimeAccess};

#[pyfunction]
fn make_date(py: Python<'_>, year: i32, month: u8, day: u8) -> PyResult<Bound<'_, PyDate>> {
    PyDate::new(py, year, month, day)
}

/// The fields of a `datetime`, read through the C API's accessors.
#[pyfunction]
fn datetime_fields(dt: &Bound<'_, PyDateTime>) -> (i32, u8, u8, u8, u8, u8, u32) {
    (
        dt.get_year(),
        dt.get_month(),
        dt.get_day(),
        dt.get_hour(),
        dt.get_minute(),
        dt.get_second(),
        dt.get_microsecond(),
    )
}

/// `dt + days`, computed by Python's own `datetime.__add__`.
#[pyfunction]
fn add_days<'py>(dt: &Bound<'py, PyDateTime>, days: i32) -> PyResult<Bound<'py, PyAny>> {
    dt.add(PyDelta::new(dt.py(), days, 0, 0, true)?)
}

#[pyfunction]
fn double_duration(d: Duration) -> Duration {
    d * 2
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(make_date, m)?)?;
    m.add_function(wrap_pyfunction!(datetime_fields, m)?)?;
    m.add_function(wrap_pyfunction!(add_days, m)?)?;
    m.add_function(wrap_pyfunction!(double_duration, m)?)?;
    Ok(())
}
