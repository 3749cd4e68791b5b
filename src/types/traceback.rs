//! [`PyTraceback`]: Python traceback objects.

use crate::types::{PyAny, PyAnyMethods, PyModule, PyStringMethods};
use crate::{ffi, Bound, PyResult};

/// A Python traceback object.
#[repr(transparent)]
pub struct PyTraceback(PyAny);

crate::pyobject_native_type!(
    PyTraceback,
    "builtins",
    "traceback",
    |_py| unsafe { &raw mut ffi::PyTraceBack_Type },
    #checkfunction = ffi::PyTraceBack_Check
);

/// Methods of [`PyTraceback`], implemented for `Bound<'py, PyTraceback>`.
pub trait PyTracebackMethods<'py>: sealed::Sealed {
    /// Formats the traceback as Python prints it, starting with
    /// `Traceback (most recent call last):`.
    fn format(&self) -> PyResult<String>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyTraceback> {}
}

impl<'py> PyTracebackMethods<'py> for Bound<'py, PyTraceback> {
    fn format(&self) -> PyResult<String> {
        let py = self.py();
        let lines = PyModule::import(py, "traceback")?.call_method1("format_tb", (self,))?;
        let joined = crate::types::PyString::new(py, "").call_method1("join", (lines,))?;
        let mut out = String::from("Traceback (most recent call last):\n");
        out.push_str(&joined.str()?.to_cow()?);
        Ok(out)
    }
}
