//! Type information for Rust types that represent Python types: [`PyTypeInfo`] (a concrete
//! Python type object) and [`PyTypeCheck`] (anything usable in `cast`).

use crate::types::{PyAny, PyType};
use crate::{ffi, Bound, Python};

/// `T: PyLayout<U>` states that `T` is the in-memory layout of instances of `U` (used for class
/// inheritance).
///
/// # Safety
/// Only for types that really are valid layouts of such Python objects.
pub unsafe trait PyLayout<T> {}

/// A [`PyLayout`] of fixed size (not a variable-size object).
pub trait PySizedLayout<T>: PyLayout<T> + Sized {}

/// Information about the Python type object of a Rust type (builtin types, exceptions and
/// `#[pyclass]` types).
///
/// # Safety
/// `type_object_raw` must always return the same valid, non-null type object, and instances of
/// it must really have the layout the implementing type assumes.
///
/// Only [`type_object_raw`](Self::type_object_raw) is required; names are read from the type
/// object itself when needed (for example by `PyModule::add_class` through
/// [`PyClass::NAME`](crate::PyClass::NAME)).
pub unsafe trait PyTypeInfo: Sized {
    /// The module the type is declared to live in (`Some("builtins")` for `dict`,
    /// `Some("datetime")` for `date`, the `module` option of a `#[pyclass]`), `None` when the
    /// declaration names none. This is the `module` argument of the native-type declaration
    /// macros; it is static information and need not equal the type object's `__module__`.
    #[doc(hidden)]
    const MODULE: Option<&'static str> = None;

    /// The type object (borrowed).
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject;

    /// The type object as a [`PyType`].
    #[inline]
    fn type_object(py: Python<'_>) -> Bound<'_, PyType> {
        // SAFETY: type_object_raw returns a valid type object.
        unsafe {
            Bound::from_borrowed_ptr(py, Self::type_object_raw(py).cast()).cast_into_unchecked()
        }
    }

    /// Whether `object` is an instance of this type or of a subclass.
    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached; valid pointers.
        unsafe { ffi::PyObject_TypeCheck(object.as_ptr(), Self::type_object_raw(object.py())) != 0 }
    }

    /// Whether `object`'s type is exactly this type.
    #[inline]
    fn is_exact_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached; valid pointers.
        unsafe { ffi::Py_TYPE(object.as_ptr()) == Self::type_object_raw(object.py()) }
    }
}

/// Types that objects can be checked against and cast to with [`Bound::cast`]: every
/// [`PyTypeInfo`] type, and abstract types such as sequences or mappings.
///
/// # Safety
/// `type_check` must only accept objects that have the layout `Self` assumes.
pub unsafe trait PyTypeCheck {
    /// Whether `object` is an instance of `Self` (as `isinstance`).
    fn type_check(object: &Bound<'_, PyAny>) -> bool;

    /// The object that `isinstance` would be given for this check (a type, a tuple of types,
    /// ...), used in error messages.
    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny>;
}

// SAFETY: delegates to the PyTypeInfo checks.
unsafe impl<T: PyTypeInfo> PyTypeCheck for T {
    #[inline]
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        T::is_type_of(object)
    }

    #[inline]
    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny> {
        T::type_object(py).into_any()
    }
}
