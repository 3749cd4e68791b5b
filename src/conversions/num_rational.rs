//! Conversions of [`num_rational::Ratio`] to and from Python's `fractions.Fraction` (feature
//! `num-rational`), for `Ratio<T>` with `T` one of `i8`, `i16`, `i32`, `i64`, `isize` and
//! (with `num-bigint`) `BigInt`.
//!
//! Extraction reads the `numerator` and `denominator` attributes, so it accepts `Fraction`,
//! `int` and any `numbers.Rational`; each part must fit in `T` (else `OverflowError`).
//! Objects without those attributes (such as `float`) raise `AttributeError`.
//!
//! ```
//! use num_rational::Ratio;
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let r = Ratio::new(6i64, 4);
//!     let obj = r.into_pyobject(py)?;
//!     assert_eq!(obj.to_string(), "3/2");
//!     assert_eq!(obj.extract::<Ratio<i64>>()?, Ratio::new(3, 2));
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use num_rational::Ratio;

use crate::sync::PyOnceLock;
use crate::types::{PyAnyMethods, PyType};
use crate::{
    intern, Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyAny, PyErr, PyResult, Python,
};

/// `fractions.Fraction`, imported once per interpreter.
fn fraction_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static FRACTION: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    FRACTION.import(py, "fractions", "Fraction")
}

macro_rules! ratio_conversion {
    ($int:ty) => {
        impl FromPyObject<'_, '_> for Ratio<$int> {
            type Error = PyErr;

            fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
                let py = obj.py();
                let numer: $int = obj.getattr(intern!(py, "numerator"))?.extract()?;
                let denom: $int = obj.getattr(intern!(py, "denominator"))?.extract()?;
                if denom == <$int>::default() {
                    return Err(crate::exceptions::PyZeroDivisionError::new_err(
                        "denominator is zero",
                    ));
                }
                Ok(Ratio::new(numer, denom))
            }
        }

        impl<'py> IntoPyObject<'py> for Ratio<$int> {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (&self).into_pyobject(py)
            }
        }

        impl<'py> IntoPyObject<'py> for &Ratio<$int> {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;

            /// `fractions.Fraction(numer, denom)`.
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                fraction_type(py)?.call1((self.numer(), self.denom()))
            }
        }
    };
}

ratio_conversion!(i8);
ratio_conversion!(i16);
ratio_conversion!(i32);
ratio_conversion!(i64);
ratio_conversion!(isize);
#[cfg(feature = "num-bigint")]
ratio_conversion!(num_bigint::BigInt);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::{PyAttributeError, PyOverflowError};

    #[test]
    fn ratio_conversions() {
        Python::attach(|py| {
            let r = Ratio::new(-1i8, 3);
            let obj = (&r).into_pyobject(py).unwrap();
            assert_eq!(obj.repr().unwrap().to_string(), "Fraction(-1, 3)");
            assert_eq!(obj.extract::<Ratio<i8>>().unwrap(), r);
            assert_eq!(obj.extract::<Ratio<isize>>().unwrap(), Ratio::new(-1, 3));
            let int = 5i32.into_pyobject(py).unwrap();
            assert_eq!(int.extract::<Ratio<i32>>().unwrap(), Ratio::from_integer(5));
            let big = Ratio::new(1000i32, 1).into_pyobject(py).unwrap();
            let err = big.extract::<Ratio<i8>>().unwrap_err();
            assert!(err.is_instance_of::<PyOverflowError>(py));
            let float = 0.5f64.into_pyobject(py).unwrap();
            let err = float.extract::<Ratio<i32>>().unwrap_err();
            assert!(err.is_instance_of::<PyAttributeError>(py));
        });
    }

    #[cfg(feature = "num-bigint")]
    #[test]
    fn big_ratio() {
        use num_bigint::BigInt;
        Python::attach(|py| {
            let r = Ratio::new(BigInt::from(1u8) << 100, BigInt::from(3u8));
            let obj = r.clone().into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<Ratio<BigInt>>().unwrap(), r);
        });
    }
}
