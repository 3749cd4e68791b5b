//! Conversions of [`either::Either`] (feature `either`).
//!
//! `Either<L, R>` converts to Python as whichever value it holds. Extraction tries `L` first,
//! then `R`; when neither fits it raises `TypeError: failed to convert the value to
//! 'Union[L, R]'` (with the Rust type names of `L` and `R`).
//!
//! ```
//! use either::Either;
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let n = 5i32.into_pyobject(py)?;
//!     assert_eq!(n.extract::<Either<i32, String>>()?, Either::Left(5));
//!     let s = "five".into_pyobject(py)?;
//!     let v: Either<i32, String> = s.extract()?;
//!     assert_eq!(v, Either::Right("five".to_owned()));
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use either::Either;

use crate::conversion::{BoundObject, FromPyObjectOwned, IntoPyObject};
use crate::exceptions::PyTypeError;
use crate::types::PyAnyMethods;
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, Python};

impl<'py, L, R> IntoPyObject<'py> for Either<L, R>
where
    L: IntoPyObject<'py>,
    R: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self {
            Either::Left(l) => l
                .into_pyobject(py)
                .map(|o| o.into_any().into_bound())
                .map_err(Into::into),
            Either::Right(r) => r
                .into_pyobject(py)
                .map(|o| o.into_any().into_bound())
                .map_err(Into::into),
        }
    }
}

impl<'a, 'py, L, R> IntoPyObject<'py> for &'a Either<L, R>
where
    &'a L: IntoPyObject<'py>,
    &'a R: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.as_ref().into_pyobject(py)
    }
}

impl<'py, L, R> FromPyObject<'_, 'py> for Either<L, R>
where
    L: FromPyObjectOwned<'py>,
    R: FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        if let Ok(l) = obj.extract::<L>() {
            return Ok(Either::Left(l));
        }
        if let Ok(r) = obj.extract::<R>() {
            return Ok(Either::Right(r));
        }
        Err(PyTypeError::new_err(format!(
            "failed to convert the value to 'Union[{}, {}]'",
            std::any::type_name::<L>(),
            std::any::type_name::<R>()
        )))
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::PyTypeError;

    #[test]
    fn either_both_directions() {
        Python::attach(|py| {
            let l: Either<i32, String> = Either::Left(7);
            let obj = l.into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<i32>().unwrap(), 7);
            let r: Either<i32, String> = Either::Right("x".to_owned());
            let obj = (&r).into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<Either<i32, String>>().unwrap(), r);
            // f64 is tried only after i64 fails: an int stays Left.
            let obj = 3i32.into_pyobject(py).unwrap();
            assert_eq!(
                obj.extract::<Either<i64, f64>>().unwrap(),
                Either::Left(3i64)
            );
            let none = py.None().into_bound(py);
            let err = none.extract::<Either<i32, String>>().unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py));
            assert_eq!(
                err.value(py).to_string(),
                "failed to convert the value to 'Union[i32, alloc::string::String]'"
            );
        });
    }
}
