//! [`Borrowed<'a, 'py, T>`]: a borrowed reference.

use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use crate::err::CastError;
use crate::{ffi, Bound, Py, PyAny, PyErr, PyResult, PyTypeCheck, PyTypeInfo, Python};

/// A borrowed reference to a Python object of type `T`, valid for `'a` while attached for
/// `'py`.
///
/// It is `Copy` and does not touch the reference count; it derefs to [`Bound<'py, T>`] so all
/// of `Bound`'s methods are available. Use [`Borrowed::to_owned`] to get a new reference.
#[repr(transparent)]
pub struct Borrowed<'a, 'py, T>(NonNull<ffi::PyObject>, PhantomData<&'a Py<T>>, Python<'py>);

impl<'a, 'py> Borrowed<'a, 'py, PyAny> {
    /// Borrows `ptr`.
    ///
    /// # Safety
    /// `ptr` must be a valid, non-null object that stays alive for `'a`.
    ///
    /// # Panics
    /// If `ptr` is null.
    #[inline]
    #[track_caller]
    pub unsafe fn from_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Self {
        match NonNull::new(ptr) {
            Some(nn) => Borrowed(nn, PhantomData, py),
            None => crate::err::panic_after_error(py),
        }
    }

    /// Borrows `ptr`, or `None` if it is null.
    ///
    /// # Safety
    /// `ptr` must be null or a valid object that stays alive for `'a`.
    #[inline]
    pub unsafe fn from_ptr_or_opt(py: Python<'py>, ptr: *mut ffi::PyObject) -> Option<Self> {
        NonNull::new(ptr).map(|nn| Borrowed(nn, PhantomData, py))
    }

    /// Borrows `ptr`, or fetches the pending Python error if it is null.
    ///
    /// # Safety
    /// `ptr` must be null (with an error set) or a valid object that stays alive for `'a`.
    #[inline]
    pub unsafe fn from_ptr_or_err(py: Python<'py>, ptr: *mut ffi::PyObject) -> PyResult<Self> {
        match NonNull::new(ptr) {
            Some(nn) => Ok(Borrowed(nn, PhantomData, py)),
            None => Err(PyErr::fetch(py)),
        }
    }
}

impl<'a, 'py, T> Borrowed<'a, 'py, T> {
    #[inline]
    pub(crate) unsafe fn from_non_null(
        py: Python<'py>,
        ptr: NonNull<ffi::PyObject>,
        _: PhantomData<&'a Py<T>>,
    ) -> Self {
        Borrowed(ptr, PhantomData, py)
    }

    /// Extracts a Rust value from the object, as [`FromPyObject::extract`] (the result may
    /// borrow from the object for `'a`).
    ///
    /// [`FromPyObject::extract`]: crate::FromPyObject::extract
    #[inline]
    pub fn extract<O>(self) -> Result<O, O::Error>
    where
        O: crate::FromPyObject<'a, 'py>,
    {
        O::extract(self.to_any())
    }

    /// Creates a new owned reference (increments the reference count).
    #[inline]
    pub fn to_owned(self) -> Bound<'py, T> {
        (*self).clone()
    }

    /// The raw pointer.
    #[inline]
    pub fn as_ptr(self) -> *mut ffi::PyObject {
        self.0.as_ptr()
    }

    /// The [`Python`] token.
    #[inline]
    pub fn py(self) -> Python<'py> {
        self.2
    }

    #[inline]
    fn any_ref(&self) -> &Bound<'py, PyAny> {
        (**self).as_any()
    }

    /// Views this as a borrowed `PyAny`.
    #[inline]
    pub fn to_any(self) -> Borrowed<'a, 'py, PyAny> {
        Borrowed(self.0, PhantomData, self.2)
    }

    /// Casts to `U` with an `isinstance`-style check (see [`Bound::cast`]).
    #[inline]
    pub fn cast<U: PyTypeCheck>(self) -> Result<Borrowed<'a, 'py, U>, CastError<'a, 'py>> {
        if U::type_check(self.any_ref()) {
            // SAFETY: checked.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(
                self.to_any(),
                U::classinfo_object(self.py()),
            ))
        }
    }

    /// Casts to `U` only if the type is exactly `U`.
    #[inline]
    pub fn cast_exact<U: PyTypeInfo>(self) -> Result<Borrowed<'a, 'py, U>, CastError<'a, 'py>> {
        if U::is_exact_type_of(self.any_ref()) {
            // SAFETY: checked.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(
                self.to_any(),
                U::type_object(self.py()).into_any(),
            ))
        }
    }

    /// Casts to `U` without checking.
    ///
    /// # Safety
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_unchecked<U>(self) -> Borrowed<'a, 'py, U> {
        Borrowed(self.0, PhantomData, self.2)
    }
}

impl<'py, T> Deref for Borrowed<'_, 'py, T> {
    type Target = Bound<'py, T>;
    #[inline]
    fn deref(&self) -> &Bound<'py, T> {
        // SAFETY: same layout (a non-null pointer plus zero-sized markers).
        unsafe { &*(self as *const Self).cast::<Bound<'py, T>>() }
    }
}

impl<T> Clone for Borrowed<'_, '_, T> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Borrowed<'_, '_, T> {}

impl<T> AsRef<Py<PyAny>> for Borrowed<'_, '_, T> {
    /// The object as a `&Py<PyAny>` (no reference count change).
    #[inline]
    fn as_ref(&self) -> &Py<PyAny> {
        // SAFETY: `Py<PyAny>` is a transparent wrapper of the non-null pointer that is this
        // struct's first (and only non-zero-sized) field; the object lives for `'a`.
        unsafe { &*(&self.0 as *const NonNull<ffi::PyObject>).cast::<Py<PyAny>>() }
    }
}

impl<'a, 'py, T> From<&'a Bound<'py, T>> for Borrowed<'a, 'py, T> {
    #[inline]
    fn from(value: &'a Bound<'py, T>) -> Self {
        value.as_borrowed()
    }
}

impl<T> std::fmt::Debug for Borrowed<'_, '_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl<T> std::fmt::Display for Borrowed<'_, '_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&**self, f)
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use crate::types::{PyAnyMethods, PyNone, PyNotImplemented};
    use crate::Python;

    #[test]
    fn identity_with_a_borrowed_object() {
        Python::attach(|py| {
            let ni = PyNotImplemented::get(py).to_owned().into_any();
            assert!(ni.is(PyNotImplemented::get(py)));
            assert!(!ni.is(PyNone::get(py)));
        });
    }
}
