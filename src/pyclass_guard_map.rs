//! What [`PyClassGuard::map`](crate::PyClassGuard::map) /
//! [`PyClassGuardMut::map`](crate::PyClassGuardMut::map) return, and the extraction errors of
//! the guards.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use crate::err::CastError;
use crate::impl_::pyclass::BorrowFlag;
use crate::pycell::{PyBorrowError, PyBorrowMutError};
use crate::PyErr;

/// A shared borrow of a part `U` of a `#[pyclass]` value (from [`PyClassGuard::map`]); the
/// value stays borrowed until it is dropped.
///
/// [`PyClassGuard::map`]: crate::PyClassGuard::map
pub struct PyClassGuardMap<'a, U: ?Sized> {
    part: NonNull<U>,
    /// The borrow to release (`None` for classes that do not count borrows).
    flag: Option<&'a BorrowFlag>,
    _marker: PhantomData<&'a U>,
}

/// An exclusive borrow of a part `U` of a `#[pyclass]` value (from [`PyClassGuardMut::map`]).
///
/// [`PyClassGuardMut::map`]: crate::PyClassGuardMut::map
pub struct PyClassGuardMapMut<'a, U: ?Sized> {
    part: NonNull<U>,
    flag: &'a BorrowFlag,
    _marker: PhantomData<&'a mut U>,
}

impl<'a, U: ?Sized> PyClassGuardMap<'a, U> {
    /// # Safety
    /// `part` is valid for `'a` and `flag` holds a shared borrow of the value it lies in.
    pub(crate) unsafe fn new(part: NonNull<U>, flag: Option<&'a BorrowFlag>) -> Self {
        PyClassGuardMap {
            part,
            flag,
            _marker: PhantomData,
        }
    }
}

impl<'a, U: ?Sized> PyClassGuardMapMut<'a, U> {
    /// # Safety
    /// `part` is valid for `'a` and `flag` holds the exclusive borrow of the value it lies in.
    pub(crate) unsafe fn new(part: NonNull<U>, flag: &'a BorrowFlag) -> Self {
        PyClassGuardMapMut {
            part,
            flag,
            _marker: PhantomData,
        }
    }
}

impl<U: ?Sized> Deref for PyClassGuardMap<'_, U> {
    type Target = U;
    fn deref(&self) -> &U {
        // SAFETY: the borrow is held.
        unsafe { self.part.as_ref() }
    }
}

impl<U: ?Sized> Drop for PyClassGuardMap<'_, U> {
    fn drop(&mut self) {
        if let Some(flag) = self.flag {
            flag.release_borrow();
        }
    }
}

impl<U: ?Sized> Deref for PyClassGuardMapMut<'_, U> {
    type Target = U;
    fn deref(&self) -> &U {
        // SAFETY: the exclusive borrow is held.
        unsafe { self.part.as_ref() }
    }
}

impl<U: ?Sized> DerefMut for PyClassGuardMapMut<'_, U> {
    fn deref_mut(&mut self) -> &mut U {
        // SAFETY: the exclusive borrow is held and `&mut self` makes this the only access.
        unsafe { self.part.as_mut() }
    }
}

impl<U: ?Sized> Drop for PyClassGuardMapMut<'_, U> {
    fn drop(&mut self) {
        self.flag.release_borrow_mut();
    }
}

enum GuardErrorKind<'a, 'py, B> {
    Cast(CastError<'a, 'py>),
    Borrow(B),
}

/// Why extracting a [`PyClassGuard`](crate::PyClassGuard) failed: the object is not of the
/// class (`TypeError`), or its value is mutably borrowed (`RuntimeError`).
pub struct PyClassGuardError<'a, 'py>(GuardErrorKind<'a, 'py, PyBorrowError>);

/// Why extracting a [`PyClassGuardMut`](crate::PyClassGuardMut) failed: the object is not of
/// the class (`TypeError`), or its value is already borrowed (`RuntimeError`).
pub struct PyClassGuardMutError<'a, 'py>(GuardErrorKind<'a, 'py, PyBorrowMutError>);

impl<'a, 'py> PyClassGuardError<'a, 'py> {
    pub(crate) fn cast(e: CastError<'a, 'py>) -> Self {
        PyClassGuardError(GuardErrorKind::Cast(e))
    }
    pub(crate) fn borrow(e: PyBorrowError) -> Self {
        PyClassGuardError(GuardErrorKind::Borrow(e))
    }
}

impl<'a, 'py> PyClassGuardMutError<'a, 'py> {
    pub(crate) fn cast(e: CastError<'a, 'py>) -> Self {
        PyClassGuardMutError(GuardErrorKind::Cast(e))
    }
    pub(crate) fn borrow(e: PyBorrowMutError) -> Self {
        PyClassGuardMutError(GuardErrorKind::Borrow(e))
    }
}

impl<B: fmt::Display> fmt::Display for GuardErrorKind<'_, '_, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GuardErrorKind::Cast(e) => fmt::Display::fmt(e, f),
            GuardErrorKind::Borrow(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl<B: fmt::Debug> fmt::Debug for GuardErrorKind<'_, '_, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GuardErrorKind::Cast(e) => fmt::Debug::fmt(e, f),
            GuardErrorKind::Borrow(e) => fmt::Debug::fmt(e, f),
        }
    }
}

impl<B: Into<PyErr>> From<GuardErrorKind<'_, '_, B>> for PyErr {
    fn from(e: GuardErrorKind<'_, '_, B>) -> PyErr {
        match e {
            GuardErrorKind::Cast(e) => e.into(),
            GuardErrorKind::Borrow(e) => e.into(),
        }
    }
}

impl fmt::Display for PyClassGuardError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for PyClassGuardError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PyClassGuardError").field(&self.0).finish()
    }
}

impl From<PyClassGuardError<'_, '_>> for PyErr {
    fn from(e: PyClassGuardError<'_, '_>) -> PyErr {
        e.0.into()
    }
}

impl fmt::Display for PyClassGuardMutError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for PyClassGuardMutError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PyClassGuardMutError")
            .field(&self.0)
            .finish()
    }
}

impl From<PyClassGuardMutError<'_, '_>> for PyErr {
    fn from(e: PyClassGuardMutError<'_, '_>) -> PyErr {
        e.0.into()
    }
}
