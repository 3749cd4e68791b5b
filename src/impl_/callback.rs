//! Conversion of the values returned by Rust callbacks into what the C caller expects.

use crate::conversion::private::Token;
use crate::conversion::IntoPyObject;
use crate::{ffi, Py, PyAny, PyErr, PyResult, Python};

/// Converts the return value of a Rust callback into the C-level value `Target` (for example a
/// new reference `*mut ffi::PyObject`), or a Python error.
pub trait IntoPyCallbackOutput<'py, Target> {
    /// Performs the conversion.
    fn convert(self, py: Python<'py>) -> PyResult<Target>;
}

impl<'py, T, E, U> IntoPyCallbackOutput<'py, U> for Result<T, E>
where
    T: IntoPyCallbackOutput<'py, U>,
    E: Into<PyErr>,
{
    #[inline]
    fn convert(self, py: Python<'py>) -> PyResult<U> {
        match self {
            Ok(v) => v.convert(py),
            Err(e) => Err(e.into()),
        }
    }
}

impl<'py, T> IntoPyCallbackOutput<'py, *mut ffi::PyObject> for T
where
    T: IntoPyObject<'py>,
{
    #[inline]
    fn convert(self, py: Python<'py>) -> PyResult<*mut ffi::PyObject> {
        self.into_callback_output(py, Token).map(Py::into_ptr)
    }
}

impl<'py, T> IntoPyCallbackOutput<'py, Py<PyAny>> for T
where
    T: IntoPyObject<'py>,
{
    #[inline]
    fn convert(self, py: Python<'py>) -> PyResult<Py<PyAny>> {
        self.into_callback_output(py, Token)
    }
}
