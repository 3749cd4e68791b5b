//! Conversions of [`ordered_float::OrderedFloat`] and [`ordered_float::NotNan`] (over `f32`
//! and `f64`) to and from Python's `float` (feature `ordered-float`).
//!
//! Extraction works like the plain float's (anything with `__float__`); extracting a `NotNan`
//! from a NaN raises `ValueError: NotNan constructed with NaN`.
//!
//! ```
//! use ordered_float::{NotNan, OrderedFloat};
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let obj = OrderedFloat(2.5f64).into_pyobject(py)?;
//!     assert_eq!(obj.extract::<NotNan<f64>>()?.into_inner(), 2.5);
//!     let nan = f64::NAN.into_pyobject(py)?;
//!     assert!(nan.extract::<NotNan<f64>>().is_err());
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use ordered_float::{NotNan, OrderedFloat};

use crate::exceptions::PyValueError;
use crate::types::PyFloat;
use crate::{Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, Python};

macro_rules! float_conversions {
    ($float:ty) => {
        impl FromPyObject<'_, '_> for OrderedFloat<$float> {
            type Error = PyErr;

            fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
                Ok(OrderedFloat(obj.extract::<$float>()?))
            }
        }

        impl FromPyObject<'_, '_> for NotNan<$float> {
            type Error = PyErr;

            fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
                // The message is ordered_float's own (`FloatIsNan`'s), as PyO3 raises it.
                NotNan::new(obj.extract::<$float>()?)
                    .map_err(|e| PyValueError::new_err(e.to_string()))
            }
        }

        impl<'py> IntoPyObject<'py> for OrderedFloat<$float> {
            type Target = PyFloat;
            type Output = Bound<'py, PyFloat>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                self.into_inner().into_pyobject(py)
            }
        }

        impl<'py> IntoPyObject<'py> for &OrderedFloat<$float> {
            type Target = PyFloat;
            type Output = Bound<'py, PyFloat>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }

        impl<'py> IntoPyObject<'py> for NotNan<$float> {
            type Target = PyFloat;
            type Output = Bound<'py, PyFloat>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                self.into_inner().into_pyobject(py)
            }
        }

        impl<'py> IntoPyObject<'py> for &NotNan<$float> {
            type Target = PyFloat;
            type Output = Bound<'py, PyFloat>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
    };
}

float_conversions!(f32);
float_conversions!(f64);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn ordered_and_not_nan() {
        Python::attach(|py| {
            let nan = OrderedFloat(f64::NAN).into_pyobject(py).unwrap();
            assert!(nan.extract::<OrderedFloat<f64>>().unwrap().is_nan());
            let err = nan.extract::<NotNan<f32>>().unwrap_err();
            assert_eq!(err.to_string(), "ValueError: NotNan constructed with NaN");
            let one = NotNan::new(1.0f32).unwrap();
            let obj = (&one).into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<NotNan<f32>>().unwrap(), one);
            let int = 3i32.into_pyobject(py).unwrap();
            assert_eq!(
                int.extract::<OrderedFloat<f32>>().unwrap(),
                OrderedFloat(3.0)
            );
        });
    }
}
