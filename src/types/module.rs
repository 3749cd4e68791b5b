//! Python module objects ([`PyModule`]).

use std::ffi::CStr;

use crate::conversion::{BoundObject, IntoPyObject};
use crate::exceptions::PyAttributeError;
use crate::impl_::callback::IntoPyCallbackOutput;
use crate::internal::ptr_ext::{error_on_minusone, FfiPtrExt};
use crate::types::{PyAny, PyAnyMethods, PyCFunction, PyDict, PyList, PyString, PyStringMethods};
use crate::{ffi, Borrowed, Bound, Py, PyErr, PyResult, Python};

/// A Python module object.
///
/// ```
/// use pyo3::prelude::*;
///
/// Python::attach(|py| -> PyResult<()> {
///     let module = PyModule::new(py, "my_module")?;
///     module.add("greeting", "hello")?;
///     assert_eq!(module.name()?.to_string(), "my_module");
///     assert_eq!(module.getattr("greeting")?.to_string(), "hello");
///     Ok(())
/// })
/// # .unwrap();
/// ```
#[repr(transparent)]
pub struct PyModule(PyAny);

crate::pyobject_native_type_core!(PyModule, crate::pyobject_native_static_type_object!(ffi::PyModule_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyModule_Check);

impl PyModule {
    /// Creates a new, empty module whose `__name__` is `name`.
    pub fn new<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyModule>> {
        let name = PyString::new(py, name);
        // SAFETY: attached; returns a new module or NULL.
        unsafe {
            ffi::PyModule_NewObject(name.as_ptr())
                .assume_owned_or_err(py)
                .map(|m| m.cast_into_unchecked())
        }
    }

    /// Imports a module, as `import name` (returning the named module itself, also for dotted
    /// names such as `"collections.abc"`).
    ///
    /// ```
    /// use pyo3::prelude::*;
    ///
    /// Python::attach(|py| {
    ///     let os_path = PyModule::import(py, "os.path").unwrap();
    ///     assert_eq!(os_path.getattr("__name__").unwrap().to_string().ends_with("path"), true);
    /// });
    /// ```
    pub fn import<'py, N>(py: Python<'py>, name: N) -> PyResult<Bound<'py, PyModule>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        let name = name.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        // SAFETY: attached; PyImport_Import returns a module or NULL.
        unsafe {
            ffi::PyImport_Import(name.as_ptr())
                .assume_owned_or_err(py)
                .map(|m| m.cast_into_unchecked())
        }
    }

    /// Compiles `code` as a file named `file_name`, executes it as the body of a new module
    /// named `module_name` (registered in `sys.modules`) and returns that module.
    ///
    /// Errors are those of compiling (e.g. `SyntaxError`) or running the code.
    ///
    /// ```
    /// use pyo3::prelude::*;
    ///
    /// Python::attach(|py| -> PyResult<()> {
    ///     let module = PyModule::from_code(
    ///         py,
    ///         c"def double(x):\n    return x * 2\n",
    ///         c"double.py",
    ///         c"double",
    ///     )?;
    ///     let result = module.getattr("double")?.call1(("ab",))?;
    ///     assert_eq!(result.to_string(), "abab");
    ///     Ok(())
    /// })
    /// # .unwrap();
    /// ```
    pub fn from_code<'py>(
        py: Python<'py>,
        code: &CStr,
        file_name: &CStr,
        module_name: &CStr,
    ) -> PyResult<Bound<'py, PyModule>> {
        let file_name = if file_name.is_empty() {
            c"<string>"
        } else {
            file_name
        };
        // SAFETY: attached; all strings are NUL-terminated and outlive the calls.
        unsafe {
            let code = ffi::Py_CompileString(code.as_ptr(), file_name.as_ptr(), ffi::Py_file_input)
                .assume_owned_or_err(py)?;
            ffi::PyImport_ExecCodeModuleEx(module_name.as_ptr(), code.as_ptr(), file_name.as_ptr())
                .assume_owned_or_err(py)?
                .cast_into::<PyModule>()
                .map_err(Into::into)
        }
    }
}

/// Methods of [`PyModule`], implemented for `Bound<'py, PyModule>`.
pub trait PyModuleMethods<'py>: sealed::Sealed {
    /// The module's `__dict__` (its namespace).
    fn dict(&self) -> Bound<'py, PyDict>;
    /// The module's `__all__` list, created (empty) if the module has none.
    ///
    /// An error if `__all__` exists but is not a list.
    fn index(&self) -> PyResult<Bound<'py, PyList>>;
    /// The module's `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
    /// The module's `__file__` (a `SystemError` if it has none).
    fn filename(&self) -> PyResult<Bound<'py, PyString>>;
    /// Adds `value` to the module as attribute `name` and appends `name` to `__all__`.
    fn add<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>;
    /// Adds the result of `wrapper` (e.g. `wrap_pyfunction!(f)` or `wrap_pymodule!(m)`) under
    /// its `__name__`, and lists it in `__all__`.
    fn add_wrapped<T>(&self, wrapper: &impl Fn(Python<'py>) -> T) -> PyResult<()>
    where
        T: IntoPyCallbackOutput<'py, Py<PyAny>>;
    /// Adds `module` as an attribute named after the last dotted part of its `__name__` (a
    /// submodule: `PyModule::new(py, "pkg.sub")` becomes `pkg.sub`, keeping its full
    /// `__name__`), and lists it in `__all__`.
    fn add_submodule(&self, module: &Bound<'_, PyModule>) -> PyResult<()>;
    /// Adds the class `T` (a `#[pyclass]`) under its Python name, and lists it in `__all__`.
    fn add_class<T: crate::PyClass>(&self) -> PyResult<()>;
    /// Adds a function (e.g. from `wrap_pyfunction!` or [`PyCFunction::new_closure`]) under
    /// its `__name__`, and lists it in `__all__`.
    fn add_function(&self, fun: Bound<'_, PyCFunction>) -> PyResult<()>;
    /// Declares whether the module needs the GIL (only meaningful on free-threaded builds; a
    /// no-op elsewhere).
    fn gil_used(&self, gil_used: bool) -> PyResult<()>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyModule> {}
}

impl<'py> PyModuleMethods<'py> for Bound<'py, PyModule> {
    fn dict(&self) -> Bound<'py, PyDict> {
        // SAFETY: attached; PyModule_GetDict returns a borrowed dict for modules.
        unsafe {
            ffi::PyModule_GetDict(self.as_ptr())
                .assume_borrowed(self.py())
                .to_owned()
                .cast_into_unchecked()
        }
    }

    fn index(&self) -> PyResult<Bound<'py, PyList>> {
        let py = self.py();
        let all = crate::intern!(py, "__all__");
        match self.as_any().getattr(all) {
            Ok(idx) => idx.cast_into::<PyList>().map_err(Into::into),
            Err(err) => {
                if err.is_instance_of::<PyAttributeError>(py) {
                    // SAFETY: attached; a new empty list.
                    let list = unsafe {
                        ffi::PyList_New(0)
                            .assume_owned_or_err(py)?
                            .cast_into_unchecked::<PyList>()
                    };
                    self.as_any().setattr(all, &list)?;
                    Ok(list)
                } else {
                    Err(err)
                }
            }
        }
    }

    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        #[cfg(not(PyPy))]
        // SAFETY: attached; returns a new reference or NULL.
        unsafe {
            ffi::PyModule_GetNameObject(self.as_ptr())
                .assume_owned_or_err(self.py())?
                .cast_into::<PyString>()
                .map_err(Into::into)
        }
        #[cfg(PyPy)]
        self.as_any()
            .getattr(crate::intern!(self.py(), "__name__"))?
            .cast_into::<PyString>()
            .map_err(Into::into)
    }

    fn filename(&self) -> PyResult<Bound<'py, PyString>> {
        #[cfg(not(PyPy))]
        // SAFETY: attached; returns a new reference or NULL.
        unsafe {
            ffi::PyModule_GetFilenameObject(self.as_ptr())
                .assume_owned_or_err(self.py())?
                .cast_into::<PyString>()
                .map_err(Into::into)
        }
        #[cfg(PyPy)]
        self.as_any()
            .getattr(crate::intern!(self.py(), "__file__"))?
            .cast_into::<PyString>()
            .map_err(Into::into)
    }

    fn add<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        fn inner(
            module: &Bound<'_, PyModule>,
            name: Borrowed<'_, '_, PyString>,
            value: Borrowed<'_, '_, PyAny>,
        ) -> PyResult<()> {
            let index = module.index()?;
            // SAFETY: attached; `index` is a list.
            error_on_minusone(module.py(), unsafe {
                ffi::PyList_Append(index.as_ptr(), name.as_ptr())
            })?;
            module.as_any().setattr(name, value)
        }

        let py = self.py();
        let name = name.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        let value = value.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        inner(self, name.as_borrowed(), value.into_any().as_borrowed())
    }

    fn add_wrapped<T>(&self, wrapper: &impl Fn(Python<'py>) -> T) -> PyResult<()>
    where
        T: IntoPyCallbackOutput<'py, Py<PyAny>>,
    {
        let py = self.py();
        let object = wrapper(py).convert(py)?;
        let name = object
            .bind(py)
            .getattr(crate::intern!(py, "__name__"))?
            .cast_into::<PyString>()?;
        self.add(name, object)
    }

    fn add_class<T: crate::PyClass>(&self) -> PyResult<()> {
        let py = self.py();
        let ty = <T as crate::PyTypeInfo>::type_object(py);
        self.add(<T as crate::PyClass>::NAME, ty)
    }

    fn add_submodule(&self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let full = module.name()?;
        // A nested module is named `parent.child` (so its classes and functions report the
        // full path), but it is reached as the attribute `child` of its parent.
        let last = full
            .to_cow()?
            .rsplit_once('.')
            .map(|(_, last)| PyString::new(self.py(), last));
        self.add(last.unwrap_or(full), module)
    }

    fn add_function(&self, fun: Bound<'_, PyCFunction>) -> PyResult<()> {
        let py = self.py();
        let name = fun
            .as_any()
            .getattr(crate::intern!(py, "__name__"))?
            .cast_into::<PyString>()?;
        self.add(name, fun)
    }

    fn gil_used(&self, gil_used: bool) -> PyResult<()> {
        #[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
        {
            let gil = if gil_used {
                ffi::Py_MOD_GIL_USED
            } else {
                ffi::Py_MOD_GIL_NOT_USED
            };
            // SAFETY: attached; a module.
            error_on_minusone(self.py(), unsafe {
                ffi::PyUnstable_Module_SetGIL(self.as_ptr(), gil)
            })
        }
        #[cfg(not(all(Py_GIL_DISABLED, not(Py_LIMITED_API))))]
        {
            let _ = gil_used;
            Ok(())
        }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::{PySyntaxError, PyTypeError};

    #[test]
    fn module_basics() {
        Python::attach(|py| {
            let module = PyModule::new(py, "unit_mod").unwrap();
            assert_eq!(module.name().unwrap().to_string(), "unit_mod");
            assert_eq!(module.index().unwrap().as_any().len().unwrap(), 0);
            module.add("a", "value").unwrap();
            assert_eq!(module.index().unwrap().repr().unwrap().to_string(), "['a']");
            assert!(module.dict().as_any().contains("a").unwrap());
            module.gil_used(false).unwrap();
            let sub = PyModule::new(py, "sub").unwrap();
            module.add_submodule(&sub).unwrap();
            assert!(module.getattr("sub").unwrap().is(&sub));
            let err = module.filename().unwrap_err();
            assert_eq!(err.to_string(), "SystemError: module filename missing");
        });
    }

    #[test]
    fn from_code_errors() {
        Python::attach(|py| {
            let err = PyModule::from_code(py, c"def (:", c"bad.py", c"bad").unwrap_err();
            crate::test_common::assert_err::<PySyntaxError>(
                py,
                &err,
                "invalid syntax (bad.py, line 1)",
            );
            let m = PyModule::from_code(py, c"__all__ = ()", c"t.py", c"tuple_all").unwrap();
            assert_eq!(m.filename().unwrap().to_string(), "t.py");
            let err = m.index().unwrap_err();
            crate::test_common::assert_err::<PyTypeError>(
                py,
                &err,
                "'tuple' object is not an instance of 'list'",
            );
        });
    }
}
