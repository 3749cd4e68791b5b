//! Conversions of [`rust_decimal::Decimal`] to and from Python's `decimal.Decimal` (feature
//! `rust_decimal`).
//!
//! Into Python: `decimal.Decimal(str(value))`, exact. From Python: an `int` that fits in 64
//! bits is taken directly; anything else is read through its `str()` (`Decimal`, `float`,
//! `Fraction`-like numbers whose text is a decimal), in plain or scientific notation. Values
//! `rust_decimal` cannot represent (NaN, infinities, more than 28 significant digits of
//! scale, out of range) raise `ValueError` with `rust_decimal`'s message.
//!
//! ```
//! use pyo3::prelude::*;
//! use rust_decimal::Decimal;
//! use std::str::FromStr;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let d = Decimal::from_str("123.4500").unwrap();
//!     let obj = d.into_pyobject(py)?;
//!     assert_eq!(obj.repr()?.to_string(), "Decimal('123.4500')");
//!     assert_eq!(obj.extract::<Decimal>()?, d);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::exceptions::PyValueError;
use crate::sync::PyOnceLock;
use crate::types::{PyAnyMethods, PyStringMethods, PyType};
use crate::{Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyAny, PyErr, PyResult, Python};

/// `decimal.Decimal`, imported once per interpreter.
fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DECIMAL.import(py, "decimal", "Decimal")
}

impl FromPyObject<'_, '_> for Decimal {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        if let Ok(int) = obj.extract::<i64>() {
            return Ok(Decimal::new(int, 0));
        }
        let text = obj.str()?;
        let text = text.to_cow()?;
        Decimal::from_str(&text)
            .or_else(|_| Decimal::from_scientific(&text))
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

impl<'py> IntoPyObject<'py> for Decimal {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        decimal_type(py)?.call1((self.to_string(),))
    }
}

impl<'py> IntoPyObject<'py> for &Decimal {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;

    #[test]
    fn decimal_conversions() {
        Python::attach(|py| {
            for text in [
                "0",
                "-1.5",
                "79228162514264337593543950335",
                "0.0000000000000000000000000001",
            ] {
                let d = Decimal::from_str(text).unwrap();
                let obj = (&d).into_pyobject(py).unwrap();
                let expected = decimal_type(py).unwrap().call1((text,)).unwrap();
                assert!(obj.eq(&expected).unwrap(), "{text}: {obj}");
                assert_eq!(obj.extract::<Decimal>().unwrap(), d);
            }
            let sci = py
                .eval(c"__import__('decimal').Decimal('1.5E+3')", None, None)
                .unwrap();
            assert_eq!(sci.extract::<Decimal>().unwrap(), Decimal::new(1500, 0));
            let int = 42i64.into_pyobject(py).unwrap();
            assert_eq!(int.extract::<Decimal>().unwrap(), Decimal::new(42, 0));
            let nan = py
                .eval(c"__import__('decimal').Decimal('NaN')", None, None)
                .unwrap();
            let err = nan.extract::<Decimal>().unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py));
            let too_big = py
                .eval(c"__import__('decimal').Decimal('1e40')", None, None)
                .unwrap();
            assert!(too_big
                .extract::<Decimal>()
                .unwrap_err()
                .is_instance_of::<PyValueError>(py));
        });
    }
}
