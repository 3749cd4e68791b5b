//! [`Bound<'py, T>`]: an owned reference bound to an attached thread.

use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::ptr::NonNull;

use crate::err::{CastError, CastIntoError};
use crate::types::DerefToPyAny;
use crate::{ffi, Borrowed, Py, PyAny, PyErr, PyResult, PyTypeCheck, PyTypeInfo, Python};

/// An owned reference to a Python object of type `T`, valid while the thread is attached
/// (for the lifetime `'py` of the [`Python`] token it carries).
///
/// Dropping a `Bound` decrements the reference count immediately. Methods for all objects are
/// in [`PyAnyMethods`](crate::types::PyAnyMethods); typed methods are in the traits of
/// [`crate::types`]. `Bound<'py, T>` is neither `Send` nor `Sync`; use [`Bound::unbind`] to
/// get a [`Py<T>`] that can be stored and sent to other threads.
///
/// ```compile_fail
/// fn needs_send<T: Send>() {}
/// needs_send::<pyo3::Bound<'static, pyo3::PyAny>>();
/// ```
///
/// ```compile_fail
/// fn needs_sync<T: Sync>() {}
/// needs_sync::<pyo3::Bound<'static, pyo3::PyAny>>();
/// ```
#[repr(transparent)]
pub struct Bound<'py, T>(Python<'py>, ManuallyDrop<Py<T>>);

impl<'py> Bound<'py, PyAny> {
    /// Takes ownership of a new reference `ptr`.
    ///
    /// # Safety
    /// `ptr` must be a valid, non-null owned reference to a Python object.
    ///
    /// # Panics
    /// If `ptr` is null, after printing the pending Python error (if any).
    #[inline]
    #[track_caller]
    pub unsafe fn from_owned_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Self {
        match NonNull::new(ptr) {
            Some(nn) => Bound(py, ManuallyDrop::new(unsafe { Py::from_non_null(nn) })),
            None => crate::err::panic_after_error(py),
        }
    }

    /// Takes ownership of `ptr`, or returns `None` if it is null.
    ///
    /// # Safety
    /// `ptr` must be null or a valid owned reference.
    #[inline]
    pub unsafe fn from_owned_ptr_or_opt(py: Python<'py>, ptr: *mut ffi::PyObject) -> Option<Self> {
        NonNull::new(ptr).map(|nn| Bound(py, ManuallyDrop::new(unsafe { Py::from_non_null(nn) })))
    }

    /// Takes ownership of `ptr`, or fetches the pending Python error if it is null.
    ///
    /// # Safety
    /// `ptr` must be null (with an error set) or a valid owned reference.
    #[inline]
    pub unsafe fn from_owned_ptr_or_err(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Self> {
        match unsafe { Self::from_owned_ptr_or_opt(py, ptr) } {
            Some(b) => Ok(b),
            None => Err(PyErr::fetch(py)),
        }
    }

    /// Creates a new reference from the borrowed reference `ptr`.
    ///
    /// # Safety
    /// `ptr` must be a valid, non-null reference to a Python object.
    ///
    /// # Panics
    /// If `ptr` is null.
    #[inline]
    #[track_caller]
    pub unsafe fn from_borrowed_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Self {
        unsafe { Borrowed::from_ptr(py, ptr) }.to_owned()
    }

    /// Like [`Bound::from_borrowed_ptr`], returning `None` for null.
    ///
    /// # Safety
    /// `ptr` must be null or a valid reference.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_opt(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> Option<Self> {
        unsafe { Borrowed::from_ptr_or_opt(py, ptr) }.map(Borrowed::to_owned)
    }

    /// Like [`Bound::from_borrowed_ptr`], fetching the pending error for null.
    ///
    /// # Safety
    /// `ptr` must be null (with an error set) or a valid reference.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_err(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Self> {
        unsafe { Borrowed::from_ptr_or_err(py, ptr) }.map(Borrowed::to_owned)
    }
}

impl<'py, T> Bound<'py, T> {
    /// Builds a `Bound` from an owned `Py` (internal; no checks).
    #[inline]
    pub(crate) fn from_py(py: Python<'py>, obj: Py<T>) -> Self {
        Bound(py, ManuallyDrop::new(obj))
    }

    /// The [`Python`] token this reference is bound to.
    #[inline]
    pub fn py(&self) -> Python<'py> {
        self.0
    }

    /// The raw pointer (borrowed; the reference count is unchanged).
    #[inline]
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.1.as_ptr()
    }

    /// Gives up ownership and returns the raw pointer (an owned reference).
    #[inline]
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        ManuallyDrop::new(self).as_ptr()
    }

    /// Views this as a reference to `PyAny`.
    #[inline]
    pub fn as_any(&self) -> &Bound<'py, PyAny> {
        // SAFETY: same layout; every object is a PyAny.
        unsafe { &*(self as *const Self).cast::<Bound<'py, PyAny>>() }
    }

    /// Converts this into a reference to `PyAny`.
    #[inline]
    pub fn into_any(self) -> Bound<'py, PyAny> {
        // SAFETY: same layout; every object is a PyAny.
        unsafe { std::mem::transmute::<Bound<'py, T>, Bound<'py, PyAny>>(self) }
    }

    /// A [`Borrowed`] view of this reference.
    #[inline]
    pub fn as_borrowed<'a>(&'a self) -> Borrowed<'a, 'py, T> {
        // SAFETY: `self` keeps the object alive for 'a.
        unsafe { Borrowed::from_non_null(self.py(), self.1 .0, PhantomData) }
    }

    /// Detaches this reference from the thread, giving a [`Py<T>`].
    #[inline]
    pub fn unbind(self) -> Py<T> {
        let this = ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped, so the reference moves into the result.
        unsafe { std::ptr::read(&*this.1) }
    }

    /// A view of this reference as `&Py<T>`, without changing the reference count.
    #[inline]
    pub fn as_unbound(&self) -> &Py<T> {
        &self.1
    }

    /// Casts to `U`, checking the type with [`PyTypeCheck::type_check`] (an `isinstance`
    /// check, subclasses accepted).
    #[inline]
    pub fn cast<U: PyTypeCheck>(&self) -> Result<&Bound<'py, U>, CastError<'_, 'py>> {
        if U::type_check(self.as_any()) {
            // SAFETY: checked.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(
                self.as_any().as_borrowed(),
                U::classinfo_object(self.py()),
            ))
        }
    }

    /// Like [`Bound::cast`], consuming `self`; on failure the object is returned inside the
    /// [`CastIntoError`].
    #[inline]
    pub fn cast_into<U: PyTypeCheck>(self) -> Result<Bound<'py, U>, CastIntoError<'py>> {
        if U::type_check(self.as_any()) {
            // SAFETY: checked.
            Ok(unsafe { self.cast_into_unchecked() })
        } else {
            let py = self.py();
            Err(CastIntoError::new(self.into_any(), U::classinfo_object(py)))
        }
    }

    /// Casts to `U` only if the object's type is exactly `U` (subclasses are rejected).
    #[inline]
    pub fn cast_exact<U: PyTypeInfo>(&self) -> Result<&Bound<'py, U>, CastError<'_, 'py>> {
        if U::is_exact_type_of(self.as_any()) {
            // SAFETY: checked.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(
                self.as_any().as_borrowed(),
                U::type_object(self.py()).into_any(),
            ))
        }
    }

    /// Like [`Bound::cast_exact`], consuming `self`.
    #[inline]
    pub fn cast_into_exact<U: PyTypeInfo>(self) -> Result<Bound<'py, U>, CastIntoError<'py>> {
        if U::is_exact_type_of(self.as_any()) {
            // SAFETY: checked.
            Ok(unsafe { self.cast_into_unchecked() })
        } else {
            let py = self.py();
            Err(CastIntoError::new(
                self.into_any(),
                U::type_object(py).into_any(),
            ))
        }
    }

    /// Casts to `U` without any check.
    ///
    /// # Safety
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_unchecked<U>(&self) -> &Bound<'py, U> {
        unsafe { &*(self as *const Self).cast::<Bound<'py, U>>() }
    }

    /// Casts to `U` without any check, consuming `self`.
    ///
    /// # Safety
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_into_unchecked<U>(self) -> Bound<'py, U> {
        unsafe { std::mem::transmute::<Bound<'py, T>, Bound<'py, U>>(self) }
    }

    /// The current reference count of the object.
    #[inline]
    pub fn get_refcnt(&self) -> isize {
        // SAFETY: attached, valid object.
        unsafe { refcnt(self.as_ptr()) }
    }
}

/// Reads an object's reference count.
#[inline]
pub(crate) unsafe fn refcnt(ptr: *mut ffi::PyObject) -> isize {
    unsafe { ffi::Py_REFCNT(ptr) }
}

impl<T> Drop for Bound<'_, T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: attached (we hold a token) and we own one reference.
        unsafe { ffi::Py_DECREF(self.as_ptr()) }
    }
}

impl<T> Clone for Bound<'_, T> {
    /// A new reference to the same object (increments the reference count).
    #[inline]
    fn clone(&self) -> Self {
        // SAFETY: attached; the new Bound owns the added reference.
        unsafe {
            ffi::Py_INCREF(self.as_ptr());
            Bound(self.0, ManuallyDrop::new(Py::from_non_null(self.1 .0)))
        }
    }
}

impl<'py, T: DerefToPyAny> Deref for Bound<'py, T> {
    type Target = Bound<'py, PyAny>;
    #[inline]
    fn deref(&self) -> &Bound<'py, PyAny> {
        self.as_any()
    }
}

impl<'py, T> AsRef<Bound<'py, PyAny>> for Bound<'py, T> {
    #[inline]
    fn as_ref(&self) -> &Bound<'py, PyAny> {
        self.as_any()
    }
}

impl<T> AsRef<Py<PyAny>> for Bound<'_, T> {
    #[inline]
    fn as_ref(&self) -> &Py<PyAny> {
        self.as_any().as_unbound()
    }
}

impl<T> From<Bound<'_, T>> for Py<T> {
    #[inline]
    fn from(other: Bound<'_, T>) -> Self {
        other.unbind()
    }
}

impl<T> From<&Bound<'_, T>> for Py<T> {
    /// A new strong reference to the same object.
    #[inline]
    fn from(other: &Bound<'_, T>) -> Self {
        other.clone().unbind()
    }
}

impl<'py, T> From<&Bound<'py, T>> for Bound<'py, T> {
    /// A new strong reference to the same object (as `clone`).
    #[inline]
    fn from(other: &Bound<'py, T>) -> Self {
        other.clone()
    }
}

impl<T> From<Borrowed<'_, '_, T>> for Py<T> {
    /// A new strong reference to the borrowed object.
    #[inline]
    fn from(other: Borrowed<'_, '_, T>) -> Self {
        other.to_owned().unbind()
    }
}

impl<'py, T: DerefToPyAny> From<Bound<'py, T>> for Bound<'py, PyAny> {
    #[inline]
    fn from(other: Bound<'py, T>) -> Self {
        other.into_any()
    }
}

impl<'py, T> From<Borrowed<'_, 'py, T>> for Bound<'py, T> {
    #[inline]
    fn from(other: Borrowed<'_, 'py, T>) -> Self {
        other.to_owned()
    }
}
