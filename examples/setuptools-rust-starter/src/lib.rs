//! `thermo._native`: the Rust extension of a setuptools-rust package. setuptools-rust builds
//! it with cargo when `pip install .` runs, and installs it inside the pure-Python package
//! `thermo` (python/thermo), which re-exports it.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    thermo,
    TemperatureError,
    PyValueError,
    "A temperature below absolute zero."
);

/// Absolute zero, in degrees Celsius.
const ABSOLUTE_ZERO: f64 = -273.15;

fn checked(celsius: f64) -> PyResult<f64> {
    if celsius.is_nan() || celsius < ABSOLUTE_ZERO {
        Err(TemperatureError::new_err(format!(
            "{celsius} °C is below absolute zero"
        )))
    } else {
        Ok(celsius)
    }
}

/// Converts each temperature of `celsius` (a sequence of numbers) to degrees Fahrenheit.
#[pyfunction]
fn to_fahrenheit(celsius: Vec<f64>) -> PyResult<Vec<f64>> {
    celsius
        .into_iter()
        .map(|c| checked(c).map(|c| c * 9.0 / 5.0 + 32.0))
        .collect()
}

/// A temperature read at a named place.
#[pyclass(frozen, eq, module = "thermo")]
#[derive(PartialEq)]
struct Reading {
    #[pyo3(get)]
    place: String,
    #[pyo3(get)]
    celsius: f64,
}

#[pymethods]
impl Reading {
    #[new]
    fn new(place: String, celsius: f64) -> PyResult<Self> {
        Ok(Reading {
            place,
            celsius: checked(celsius)?,
        })
    }

    #[getter]
    fn fahrenheit(&self) -> f64 {
        self.celsius * 9.0 / 5.0 + 32.0
    }

    fn __repr__(&self) -> String {
        format!("Reading({:?}, {})", self.place, self.celsius)
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(to_fahrenheit, m)?)?;
    m.add_class::<Reading>()?;
    m.add("TemperatureError", m.py().get_type::<TemperatureError>())?;
    Ok(())
}
