//! [`PyNone`]: the type of Python's `None`.

use crate::types::PyAny;
use crate::{ffi, Borrowed, Bound, PyTypeInfo, Python};

/// The type of Python's `None` singleton.
#[repr(transparent)]
pub struct PyNone(PyAny);

// SAFETY: the type object is `type(None)` and the check is identity with `None`.
unsafe impl PyTypeInfo for PyNone {
    const MODULE: Option<&'static str> = Some("builtins");

    #[inline]
    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        // SAFETY: None is always a valid object.
        unsafe { ffi::Py_TYPE(ffi::Py_None()) }
    }

    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: pointer comparison.
        object.as_ptr() == unsafe { ffi::Py_None() }
    }

    #[inline]
    fn is_exact_type_of(object: &Bound<'_, PyAny>) -> bool {
        Self::is_type_of(object)
    }
}

impl crate::types::DerefToPyAny for PyNone {}

impl PyNone {
    /// Returns the `None` object.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'_, '_, PyNone> {
        // SAFETY: None is immortal / always alive.
        unsafe { Borrowed::from_ptr(py, ffi::Py_None()).cast_unchecked() }
    }
}
