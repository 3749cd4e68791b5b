//! [`PySuper`]: Python `super` objects.

#[cfg(not(PyPy))]
use crate::ffi;
use crate::types::{PyAny, PyAnyMethods, PyType};
use crate::{Bound, PyResult, PyTypeInfo};

/// A Python `super` object.
#[repr(transparent)]
pub struct PySuper(PyAny);

#[cfg(not(PyPy))]
crate::pyobject_native_type_core!(
    PySuper,
    crate::pyobject_native_static_type_object!(ffi::PySuper_Type)
);
// PyPy does not export `PySuper_Type`: the class is looked up once, and the cell keeps it alive
// for the returned pointer.
#[cfg(PyPy)]
crate::pyobject_native_type_core!(PySuper, |py| {
    use crate::types::PyTypeMethods;
    static SUPER: crate::sync::PyOnceLock<crate::Py<PyType>> = crate::sync::PyOnceLock::new();
    SUPER
        .import(py, "builtins", "super")
        .expect("builtins.super exists")
        .as_type_ptr()
});

impl PySuper {
    /// `super(ty, obj)`.
    pub fn new<'py>(
        ty: &Bound<'py, PyType>,
        obj: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PySuper>> {
        PySuper::type_object(ty.py())
            .as_any()
            .call1((ty, obj))
            .map(|s| unsafe { s.cast_into_unchecked() })
    }
}
