//! Conversions of [`bigdecimal::BigDecimal`] to and from Python's `decimal.Decimal` (feature
//! `bigdecimal`, which enables `num-bigint`).
//!
//! Both directions are exact: into Python, `decimal.Decimal(str(value))` (scientific
//! notation for large exponents, which `Decimal` reads exactly); from Python, the `str()` of
//! the object (a `Decimal`, `int` or `float`) parsed by `BigDecimal`. `NaN` and infinities
//! have no `BigDecimal` equivalent and raise `ValueError`.
//!
//! ```
//! use bigdecimal::BigDecimal;
//! use pyo3::prelude::*;
//! use std::str::FromStr;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let d = BigDecimal::from_str("3.14159265358979323846264338327950288").unwrap();
//!     let obj = d.clone().into_pyobject(py)?;
//!     assert_eq!(obj.extract::<BigDecimal>()?, d);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use std::str::FromStr;

use bigdecimal::BigDecimal;

use crate::exceptions::PyValueError;
use crate::sync::PyOnceLock;
use crate::types::{PyAnyMethods, PyStringMethods, PyType};
use crate::{Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyAny, PyErr, PyResult, Python};

/// `decimal.Decimal`, imported once per interpreter.
fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DECIMAL.import(py, "decimal", "Decimal")
}

impl FromPyObject<'_, '_> for BigDecimal {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let text = obj.str()?;
        let text = text.to_cow()?;
        BigDecimal::from_str(&text).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

impl<'py> IntoPyObject<'py> for &BigDecimal {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        decimal_type(py)?.call1((self.to_string(),))
    }
}

impl<'py> IntoPyObject<'py> for BigDecimal {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;

    #[test]
    fn bigdecimal_conversions() {
        Python::attach(|py| {
            for text in [
                "0",
                "-12.5",
                "1e-40",
                "123456789012345678901234567890.000001",
                "7E+50",
            ] {
                let d = BigDecimal::from_str(text).unwrap();
                let obj = (&d).into_pyobject(py).unwrap();
                let dec = decimal_type(py).unwrap().call1((text,)).unwrap();
                assert!(obj.eq(&dec).unwrap(), "{text}: {obj}");
                assert_eq!(dec.extract::<BigDecimal>().unwrap(), d, "{text}");
            }
            let inf = py
                .eval(c"__import__('decimal').Decimal('-Infinity')", None, None)
                .unwrap();
            let err = inf.extract::<BigDecimal>().unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py));
        });
    }
}
