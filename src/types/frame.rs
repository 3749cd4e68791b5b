//! [`PyFrame`]: Python frame objects (not available with the limited API).

use std::ffi::CStr;

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyCode, PyDict};
use crate::{ffi, Bound, PyResult, Python};

/// A Python frame object (`types.FrameType`).
#[repr(transparent)]
pub struct PyFrame(PyAny);

crate::pyobject_native_type_core!(PyFrame, crate::pyobject_native_static_type_object!(ffi::PyFrame_Type), #module = ::std::option::Option::Some("types"), #checkfunction = ffi::PyFrame_Check);

impl PyFrame {
    /// Creates a new frame executing an empty code object named `func_name` in `file_name`,
    /// at line `line_number`, with fresh globals and locals. Useful to add synthetic entries to
    /// tracebacks.
    pub fn new<'py>(
        py: Python<'py>,
        file_name: &CStr,
        func_name: &CStr,
        line_number: i32,
    ) -> PyResult<Bound<'py, PyFrame>> {
        let code = PyCode::empty(py, file_name, func_name, line_number)?;
        let globals = PyDict::new(py);
        let locals = PyDict::new(py);
        // SAFETY: attached, so the current thread state is this thread's; returns a new frame
        // or NULL with an error set.
        unsafe {
            let tstate = ffi::PyThreadState_Get();
            ffi::PyFrame_New(
                tstate,
                code.as_ptr().cast(),
                globals.as_ptr(),
                locals.as_ptr(),
            )
            .cast::<ffi::PyObject>()
            .assume_owned_or_err(py)
            .map(|f| f.cast_into_unchecked())
        }
    }
}

/// Methods of [`PyFrame`], implemented for `Bound<'py, PyFrame>`.
pub trait PyFrameMethods<'py>: sealed::Sealed {
    /// The line number the frame is currently executing.
    fn line_number(&self) -> i32;
    /// The next outer frame (the caller), if any.
    fn outer(&self) -> Option<Bound<'py, PyFrame>>;
    /// The frame's code object.
    fn code(&self) -> Bound<'py, PyCode>;
    /// The value of the variable `name` in the frame (`NameError` if it has none).
    #[cfg(Py_3_12)]
    fn var(&self, name: &CStr) -> PyResult<Bound<'py, PyAny>>;
    /// The frame's `f_builtins`.
    #[cfg(Py_3_11)]
    fn builtins(&self) -> Bound<'py, PyDict>;
    /// The frame's `f_globals`.
    #[cfg(Py_3_11)]
    fn globals(&self) -> Bound<'py, PyDict>;
    /// The frame's `f_locals` (a dict, or a write-through proxy for function frames on 3.13+).
    #[cfg(Py_3_11)]
    fn locals(&self) -> Bound<'py, PyAny>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyFrame> {}
}

impl<'py> PyFrameMethods<'py> for Bound<'py, PyFrame> {
    fn line_number(&self) -> i32 {
        // SAFETY: attached; `self` is a frame.
        unsafe { ffi::PyFrame_GetLineNumber(self.as_ptr().cast()) }
    }

    fn outer(&self) -> Option<Bound<'py, PyFrame>> {
        // SAFETY: attached; returns a new reference or NULL (no error).
        unsafe {
            ffi::PyFrame_GetBack(self.as_ptr().cast())
                .cast::<ffi::PyObject>()
                .assume_owned_or_opt(self.py())
                .map(|f| f.cast_into_unchecked())
        }
    }

    fn code(&self) -> Bound<'py, PyCode> {
        // SAFETY: attached; never NULL for a frame, new reference.
        unsafe {
            ffi::PyFrame_GetCode(self.as_ptr().cast())
                .cast::<ffi::PyObject>()
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    #[cfg(Py_3_12)]
    fn var(&self, name: &CStr) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: attached; new reference or NULL with NameError set.
        unsafe {
            ffi::PyFrame_GetVarString(self.as_ptr().cast(), name.as_ptr())
                .assume_owned_or_err(self.py())
        }
    }

    #[cfg(Py_3_11)]
    fn builtins(&self) -> Bound<'py, PyDict> {
        // SAFETY: attached; new reference to a dict, never NULL.
        unsafe {
            ffi::PyFrame_GetBuiltins(self.as_ptr().cast())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    #[cfg(Py_3_11)]
    fn globals(&self) -> Bound<'py, PyDict> {
        // SAFETY: attached; new reference to a dict, never NULL.
        unsafe {
            ffi::PyFrame_GetGlobals(self.as_ptr().cast())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    #[cfg(Py_3_11)]
    fn locals(&self) -> Bound<'py, PyAny> {
        // SAFETY: attached; new reference, never NULL.
        unsafe { ffi::PyFrame_GetLocals(self.as_ptr().cast()).assume_owned(self.py()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn new_frame() {
        Python::attach(|py| {
            let frame = PyFrame::new(py, c"file.py", c"func", 17).unwrap();
            assert!(frame.is_instance_of::<PyFrame>());
            assert_eq!(frame.line_number(), 17);
            let code = frame.code();
            assert_eq!(
                code.getattr("co_name")
                    .unwrap()
                    .extract::<crate::Bound<'_, crate::types::PyString>>()
                    .unwrap(),
                "func"
            );
        });
    }
}
