//! [`PyNotImplemented`]: the type of Python's `NotImplemented`.

use crate::types::PyAny;
use crate::{ffi, Borrowed, Bound, PyTypeInfo, Python};

/// The type of Python's `NotImplemented` singleton.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyNotImplemented;
///
/// Python::attach(|py| {
///     let e = PyNotImplemented::get(py);
///     assert!(e.is(py.NotImplemented()));
/// });
/// ```
#[repr(transparent)]
pub struct PyNotImplemented(PyAny);

// SAFETY: the type object is `type(NotImplemented)`; the check is identity with `NotImplemented`.
unsafe impl PyTypeInfo for PyNotImplemented {
    const MODULE: Option<&'static str> = Some("builtins");

    #[inline]
    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        // SAFETY: NotImplemented is always a valid object.
        unsafe { ffi::Py_TYPE(ffi::Py_NotImplemented()) }
    }

    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: pointer comparison.
        object.as_ptr() == unsafe { ffi::Py_NotImplemented() }
    }

    #[inline]
    fn is_exact_type_of(object: &Bound<'_, PyAny>) -> bool {
        Self::is_type_of(object)
    }
}

impl crate::types::DerefToPyAny for PyNotImplemented {}

impl PyNotImplemented {
    /// Returns the `NotImplemented` object.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'_, '_, PyNotImplemented> {
        // SAFETY: NotImplemented is always alive.
        unsafe { Borrowed::from_ptr(py, ffi::Py_NotImplemented()).cast_unchecked() }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::{PyAnyMethods, PyTypeMethods};

    #[test]
    fn not_implemented_identity_and_type() {
        Python::attach(|py| {
            let e = PyNotImplemented::get(py);
            assert!(e.is(py.NotImplemented()));
            assert!(e.is_instance_of::<PyNotImplemented>());
            assert!(!py.None().bind(py).is_instance_of::<PyNotImplemented>());
            assert_eq!(
                PyNotImplemented::type_object(py).name().unwrap(),
                "NotImplementedType"
            );
            assert!(e.get_type().is(PyNotImplemented::type_object(py)));
        });
    }
}
