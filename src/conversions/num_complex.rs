//! Conversions of [`num_complex::Complex`] (`Complex<f32>` and `Complex<f64>`) to and from
//! Python's `complex` (feature `num-complex`).
//!
//! Extraction accepts anything Python's `complex()` would take without a string: `complex`,
//! objects with `__complex__`, and (through `__float__` / `__index__`) real numbers, whose
//! imaginary part is zero. Other objects raise `TypeError`.
//!
//! ```
//! use num_complex::Complex;
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let z = Complex::new(1.5f64, -2.0);
//!     let obj = z.into_pyobject(py)?;
//!     assert_eq!(obj.repr()?.to_string(), "(1.5-2j)");
//!     assert_eq!(obj.extract::<Complex<f64>>()?, z);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use num_complex::Complex;

use crate::types::PyComplex;
use crate::{Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, Python};

/// Reads `obj` as a C complex, following Python's protocol (`__complex__`, then `__float__` /
/// `__index__`).
fn as_c_complex(obj: Borrowed<'_, '_, PyAny>) -> Result<(f64, f64), PyErr> {
    #[cfg(not(Py_LIMITED_API))]
    {
        // SAFETY: attached; `PyComplex_AsCComplex` signals an error by real == -1.0 with an
        // exception set.
        let c = unsafe { crate::ffi::PyComplex_AsCComplex(obj.as_ptr()) };
        if c.real == -1.0 {
            if let Some(err) = PyErr::take(obj.py()) {
                return Err(err);
            }
        }
        Ok((c.real, c.imag))
    }
    #[cfg(Py_LIMITED_API)]
    {
        use crate::types::{PyAnyMethods, PyComplexMethods, PyTypeMethods};
        let py = obj.py();
        let complex = match obj.cast::<PyComplex>() {
            Ok(c) => c.to_owned(),
            // `complex(obj)` applies the same protocol; refuse strings like the C API does.
            Err(_) if obj.is_instance_of::<crate::types::PyString>() => {
                return Err(crate::exceptions::PyTypeError::new_err(format!(
                    "must be real number, not {}",
                    obj.get_type().name()?
                )))
            }
            Err(_) => py
                .get_type::<PyComplex>()
                .call1((obj,))?
                .cast_into::<PyComplex>()?,
        };
        Ok((complex.real(), complex.imag()))
    }
}

impl PyComplex {
    /// Creates a Python `complex` from a [`num_complex::Complex`].
    pub fn from_complex_bound<F: Into<std::os::raw::c_double>>(
        py: Python<'_>,
        complex: Complex<F>,
    ) -> Bound<'_, PyComplex> {
        PyComplex::from_doubles(py, complex.re.into(), complex.im.into())
    }
}

macro_rules! complex_conversion {
    ($float:ty) => {
        impl<'py> IntoPyObject<'py> for Complex<$float> {
            type Target = PyComplex;
            type Output = Bound<'py, PyComplex>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyComplex::from_doubles(py, self.re.into(), self.im.into()))
            }
        }

        impl<'py> IntoPyObject<'py> for &Complex<$float> {
            type Target = PyComplex;
            type Output = Bound<'py, PyComplex>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }

        impl FromPyObject<'_, '_> for Complex<$float> {
            type Error = PyErr;

            fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
                let (re, im) = as_c_complex(obj)?;
                // Narrowing to f32 rounds, as `as` does for f64 -> f32.
                Ok(Complex::new(re as $float, im as $float))
            }
        }
    };
}

complex_conversion!(f32);
complex_conversion!(f64);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::PyTypeError;
    use crate::types::{PyAnyMethods, PyDict, PyDictMethods};

    #[test]
    fn complex_conversions() {
        Python::attach(|py| {
            let made = PyComplex::from_complex_bound(py, Complex::new(1.0f32, -1.0));
            assert_eq!(
                made.extract::<Complex<f64>>().unwrap(),
                Complex::new(1.0, -1.0)
            );
            let z = Complex::new(3.0f32, 4.0);
            let obj = (&z).into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<Complex<f32>>().unwrap(), z);
            let from_int = 7i32.into_pyobject(py).unwrap();
            assert_eq!(
                from_int.extract::<Complex<f64>>().unwrap(),
                Complex::new(7.0, 0.0)
            );
            let locals = PyDict::new(py);
            py.run(
                c"class C:\n    def __complex__(self): return 1+2j\nc = C()",
                None,
                Some(&locals),
            )
            .unwrap();
            let c = locals.get_item("c").unwrap().unwrap();
            assert_eq!(c.extract::<Complex<f64>>().unwrap(), Complex::new(1.0, 2.0));
            let s = "1+2j".into_pyobject(py).unwrap();
            let err = s.extract::<Complex<f64>>().unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py));
        });
    }
}
