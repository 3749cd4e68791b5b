//! [`PyCode`]: Python code objects, [`PyCode::compile`] and [`PyCodeMethods::run`].

use std::ffi::CStr;

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyAnyMethods, PyDict, PyModuleMethods};
use crate::{ffi, Bound, PyResult, Python};

/// A Python code object (`types.CodeType`).
#[repr(transparent)]
pub struct PyCode(PyAny);

#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_native_type_core!(PyCode, crate::pyobject_native_static_type_object!(ffi::PyCode_Type), #module = ::std::option::Option::Some("types"), #checkfunction = ffi::PyCode_Check);

#[cfg(any(Py_LIMITED_API, PyPy))]
crate::pyobject_native_type_core!(PyCode, |py| {
    use crate::types::PyTypeMethods;
    static TYPE: crate::sync::PyOnceLock<crate::Py<crate::types::PyType>> =
        crate::sync::PyOnceLock::new();
    TYPE.import(py, "types", "CodeType")
        .expect("failed to import types.CodeType")
        .as_type_ptr()
}, #module = ::std::option::Option::Some("types"));

/// The grammar [`PyCode::compile`] parses its input with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PyCodeInput {
    /// A single expression (like `eval()`); running the code returns its value.
    Eval,
    /// A sequence of statements (like a module or `exec()`); running the code returns `None`.
    File,
}

impl PyCode {
    /// Compiles `code`, with `filename` as the file name shown in tracebacks.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyCode, PyCodeInput, PyCodeMethods};
    ///
    /// # Python::initialize();
    /// Python::attach(|py| -> PyResult<()> {
    ///     let code = PyCode::compile(py, c"6 * 7", c"<answer>", PyCodeInput::Eval)?;
    ///     assert_eq!(code.run(None, None)?.extract::<i64>()?, 42);
    ///     Ok(())
    /// })
    /// # .unwrap();
    /// ```
    pub fn compile<'py>(
        py: Python<'py>,
        code: &CStr,
        filename: &CStr,
        input: PyCodeInput,
    ) -> PyResult<Bound<'py, PyCode>> {
        let start = match input {
            PyCodeInput::Eval => ffi::Py_eval_input,
            PyCodeInput::File => ffi::Py_file_input,
        };
        // SAFETY: attached; returns a new code object or NULL with an error set.
        unsafe {
            ffi::Py_CompileString(code.as_ptr(), filename.as_ptr(), start)
                .assume_owned_or_err(py)
                .map(|c| c.cast_into_unchecked())
        }
    }

    /// An empty code object (used for synthetic frames).
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    pub(crate) fn empty<'py>(
        py: Python<'py>,
        file_name: &CStr,
        func_name: &CStr,
        first_line: i32,
    ) -> PyResult<Bound<'py, PyCode>> {
        // SAFETY: attached; returns a new reference or NULL with an error set.
        unsafe {
            ffi::PyCode_NewEmpty(file_name.as_ptr(), func_name.as_ptr(), first_line)
                .cast::<ffi::PyObject>()
                .assume_owned_or_err(py)
                .map(|c| c.cast_into_unchecked())
        }
    }
}

/// Methods of [`PyCode`], implemented for `Bound<'py, PyCode>`.
pub trait PyCodeMethods<'py>: sealed::Sealed {
    /// Runs the code object.
    ///
    /// `globals` defaults to the dictionary of the `__main__` module and `locals` to
    /// `globals`. `__builtins__` is added to `globals` if missing, as `exec` does.
    fn run(
        &self,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyCode> {}
}

impl<'py> PyCodeMethods<'py> for Bound<'py, PyCode> {
    fn run(
        &self,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py();
        let globals = match globals {
            Some(g) => g.clone(),
            None => py.import("__main__")?.dict(),
        };
        let builtins_key = crate::intern!(py, "__builtins__");
        if !globals.as_any().contains(builtins_key)? {
            // SAFETY: attached; PyEval_GetBuiltins returns a borrowed dict (or NULL).
            let builtins = unsafe { ffi::PyEval_GetBuiltins().assume_borrowed_or_err(py)? };
            globals.as_any().set_item(builtins_key, builtins)?;
        }
        let locals = locals.unwrap_or(&globals);
        // SAFETY: attached; all pointers are valid for the call.
        unsafe {
            ffi::PyEval_EvalCode(self.as_ptr(), globals.as_ptr(), locals.as_ptr())
                .assume_owned_or_err(py)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compile_and_run_file_input() {
        Python::attach(|py| {
            let code = PyCode::compile(py, c"x = 1 + 1", c"<test>", PyCodeInput::File).unwrap();
            assert!(code.is_instance_of::<PyCode>());
            let globals = PyDict::new(py);
            assert!(code.run(Some(&globals), None).unwrap().is_none());
            assert_eq!(
                globals
                    .as_any()
                    .get_item("x")
                    .unwrap()
                    .extract::<i64>()
                    .unwrap(),
                2
            );
        });
    }

    #[test]
    fn syntax_error() {
        Python::attach(|py| {
            let err = PyCode::compile(py, c"1 +", c"<test>", PyCodeInput::Eval).unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PySyntaxError>(py));
        });
    }
}
