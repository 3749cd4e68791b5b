//! [`PyEllipsis`]: the type of Python's `Ellipsis` (`...`).

use crate::types::PyAny;
use crate::{ffi, Borrowed, Bound, PyTypeInfo, Python};

/// The type of Python's `Ellipsis` singleton (`...`).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyEllipsis;
///
/// Python::attach(|py| {
///     let e = PyEllipsis::get(py);
///     assert!(e.is(py.Ellipsis()));
/// });
/// ```
#[repr(transparent)]
pub struct PyEllipsis(PyAny);

// SAFETY: the type object is `type(...)`; the check is identity with `Ellipsis`.
unsafe impl PyTypeInfo for PyEllipsis {
    const MODULE: Option<&'static str> = Some("builtins");

    #[inline]
    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        // SAFETY: Ellipsis is always a valid object.
        unsafe { ffi::Py_TYPE(ffi::Py_Ellipsis()) }
    }

    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: pointer comparison.
        object.as_ptr() == unsafe { ffi::Py_Ellipsis() }
    }

    #[inline]
    fn is_exact_type_of(object: &Bound<'_, PyAny>) -> bool {
        Self::is_type_of(object)
    }
}

impl crate::types::DerefToPyAny for PyEllipsis {}

impl PyEllipsis {
    /// Returns the `Ellipsis` object.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'_, '_, PyEllipsis> {
        // SAFETY: Ellipsis is always alive.
        unsafe { Borrowed::from_ptr(py, ffi::Py_Ellipsis()).cast_unchecked() }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::{PyAnyMethods, PyTypeMethods};

    #[test]
    fn ellipsis_identity_and_type() {
        Python::attach(|py| {
            let e = PyEllipsis::get(py);
            assert!(e.is(py.Ellipsis()));
            assert!(e.is_instance_of::<PyEllipsis>());
            assert!(!py.None().bind(py).is_instance_of::<PyEllipsis>());
            assert_eq!(PyEllipsis::type_object(py).name().unwrap(), "ellipsis");
            assert!(e.get_type().is(PyEllipsis::type_object(py)));
        });
    }
}
