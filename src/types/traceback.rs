//! [`PyTraceback`]: Python traceback objects.

use crate::types::{PyAny, PyAnyMethods, PyModule, PyStringMethods};
use crate::{ffi, Bound, PyResult};

/// A Python `int` from an `i32` (without depending on the integer conversions).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn small_int(py: crate::Python<'_>, v: i32) -> PyResult<Bound<'_, PyAny>> {
    use crate::internal::ptr_ext::FfiPtrExt;
    // SAFETY: attached; new reference or NULL with an error set.
    unsafe { ffi::PyLong_FromLong(std::ffi::c_long::from(v)).assume_owned_or_err(py) }
}

/// A Python traceback object.
#[repr(transparent)]
pub struct PyTraceback(PyAny);

crate::pyobject_native_type_core!(PyTraceback, crate::pyobject_native_static_type_object!(ffi::PyTraceBack_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyTraceBack_Check);

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
impl PyTraceback {
    /// Creates a traceback entry for `frame` (executing instruction `lasti` at line `lineno`),
    /// followed by `next` (the entries closer to where the exception was raised).
    pub fn new<'py>(
        py: crate::Python<'py>,
        next: Option<Bound<'py, PyTraceback>>,
        frame: Bound<'py, crate::types::PyFrame>,
        lasti: i32,
        lineno: i32,
    ) -> PyResult<Bound<'py, PyTraceback>> {
        let ty = py.get_type::<PyTraceback>();
        let next = next
            .map(Bound::into_any)
            .unwrap_or_else(|| py.None().into_bound(py));
        let tb = ty.call1((next, frame, small_int(py, lasti)?, small_int(py, lineno)?))?;
        // SAFETY: calling the traceback type returns a traceback.
        Ok(unsafe { tb.cast_into_unchecked() })
    }
}

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
        // Let the interpreter print the traceback (as it does for uncaught exceptions) into an
        // `io.StringIO`, then read the text back.
        let buffer = PyModule::import(py, "io")?.getattr("StringIO")?.call0()?;
        // SAFETY: attached; both pointers are live objects.
        let rc = unsafe { ffi::PyTraceBack_Print(self.as_ptr(), buffer.as_ptr()) };
        crate::internal::ptr_ext::error_on_minusone(py, rc)?;
        let text = buffer.call_method0("getvalue")?;
        let text = text.cast::<crate::types::PyString>()?;
        Ok(text.to_cow()?.into_owned())
    }
}
