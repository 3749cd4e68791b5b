//! [`PySuper`]: Python `super` objects.

use crate::types::{PyAny, PyAnyMethods, PyType};
use crate::{ffi, Bound, PyResult, PyTypeInfo};

/// A Python `super` object.
#[repr(transparent)]
pub struct PySuper(PyAny);

crate::pyobject_native_type_core!(
    PySuper,
    crate::pyobject_native_static_type_object!(ffi::PySuper_Type)
);

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
