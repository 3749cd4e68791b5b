//! [`PyModule`]: Python module objects.

use crate::conversion::{BoundObject, IntoPyObject};
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyDict, PyString};
use crate::{ffi, Bound, PyErr, PyResult, Python};

/// A Python module object.
#[repr(transparent)]
pub struct PyModule(PyAny);

crate::pyobject_native_type!(
    PyModule,
    "builtins",
    "module",
    |_py| unsafe { &raw mut ffi::PyModule_Type },
    #checkfunction = ffi::PyModule_Check
);

impl PyModule {
    /// Creates a new, empty module named `name`.
    pub fn new<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyModule>> {
        let name = std::ffi::CString::new(name)?;
        // SAFETY: attached.
        unsafe {
            ffi::PyModule_New(name.as_ptr())
                .assume_owned_or_err(py)
                .map(|m| m.cast_into_unchecked())
        }
    }

    /// Imports a module, as `import name`.
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
}

/// Methods of [`PyModule`], implemented for `Bound<'py, PyModule>`.
pub trait PyModuleMethods<'py>: sealed::Sealed {
    /// The module's `__dict__`.
    fn dict(&self) -> Bound<'py, PyDict>;
    /// The module's `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
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

    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        // SAFETY: attached; returns a new reference or NULL.
        unsafe {
            ffi::PyModule_GetNameObject(self.as_ptr())
                .assume_owned_or_err(self.py())?
                .cast_into::<PyString>()
                .map_err(Into::into)
        }
    }
}
