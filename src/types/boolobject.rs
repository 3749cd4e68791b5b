//! [`PyBool`]: Python `bool` objects, and `bool` conversions.

use std::convert::Infallible;

use crate::err::CastError;
use crate::types::PyAny;
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, Python};

/// A Python `bool` object (`True` or `False`).
#[repr(transparent)]
pub struct PyBool(PyAny);

crate::pyobject_native_type!(
    PyBool,
    "builtins",
    "bool",
    |_py| unsafe { &raw mut ffi::PyBool_Type },
    #checkfunction = ffi::PyBool_Check
);

impl PyBool {
    /// Returns `True` or `False`.
    #[inline]
    pub fn new(py: Python<'_>, val: bool) -> Borrowed<'_, '_, PyBool> {
        // SAFETY: True and False are always alive.
        unsafe {
            Borrowed::from_ptr(py, if val { ffi::Py_True() } else { ffi::Py_False() })
                .cast_unchecked()
        }
    }
}

/// Methods of [`PyBool`], implemented for `Bound<'py, PyBool>`.
pub trait PyBoolMethods<'py>: sealed::Sealed {
    /// Whether this is `True`.
    fn is_true(&self) -> bool;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyBool> {}
}

impl<'py> PyBoolMethods<'py> for Bound<'py, PyBool> {
    #[inline]
    fn is_true(&self) -> bool {
        // SAFETY: pointer comparison.
        self.as_ptr() == unsafe { ffi::Py_True() }
    }
}

impl<'py> IntoPyObject<'py> for bool {
    type Target = PyBool;
    type Output = Borrowed<'py, 'py, PyBool>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBool::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for &bool {
    type Target = PyBool;
    type Output = Borrowed<'py, 'py, PyBool>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBool::new(py, *self))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for bool {
    type Error = CastError<'a, 'py>;
    /// Accepts only `bool` objects.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let b = obj.cast::<PyBool>()?;
        Ok(b.is_true())
    }
}
