//! Conversions from raw `*mut ffi::PyObject` results of C API calls to smart pointers.

use std::os::raw::c_int;

use crate::{ffi, Borrowed, Bound, PyAny, PyErr, PyResult, Python};

/// Turns raw object pointers returned by the C API into [`Bound`] / [`Borrowed`].
pub(crate) trait FfiPtrExt: Sized {
    /// A new reference, or an error set by the C API if NULL.
    unsafe fn assume_owned_or_err(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
    /// A new reference, or `None` if NULL (no error expected).
    unsafe fn assume_owned_or_opt(self, py: Python<'_>) -> Option<Bound<'_, PyAny>>;
    /// A new reference that is known not to be NULL.
    unsafe fn assume_owned(self, py: Python<'_>) -> Bound<'_, PyAny>;
    /// A borrowed reference, or an error set by the C API if NULL.
    unsafe fn assume_borrowed_or_err<'a>(self, py: Python<'_>)
        -> PyResult<Borrowed<'a, '_, PyAny>>;
    /// A borrowed reference that is known not to be NULL.
    unsafe fn assume_borrowed<'a>(self, py: Python<'_>) -> Borrowed<'a, '_, PyAny>;
    /// A borrowed reference that the C API guarantees not to be NULL, taken without a check
    /// (for loops where the check would be paid per item, e.g. what `PyDict_Next` returned).
    unsafe fn assume_borrowed_unchecked<'a>(self, py: Python<'_>) -> Borrowed<'a, '_, PyAny>;
}

impl FfiPtrExt for *mut ffi::PyObject {
    #[inline]
    unsafe fn assume_owned_or_err(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        unsafe { Bound::from_owned_ptr_or_err(py, self) }
    }
    #[inline]
    unsafe fn assume_owned_or_opt(self, py: Python<'_>) -> Option<Bound<'_, PyAny>> {
        unsafe { Bound::from_owned_ptr_or_opt(py, self) }
    }
    #[inline]
    unsafe fn assume_owned(self, py: Python<'_>) -> Bound<'_, PyAny> {
        unsafe { Bound::from_owned_ptr(py, self) }
    }
    #[inline]
    unsafe fn assume_borrowed_or_err<'a>(
        self,
        py: Python<'_>,
    ) -> PyResult<Borrowed<'a, '_, PyAny>> {
        unsafe { Borrowed::from_ptr_or_err(py, self) }
    }
    #[inline]
    unsafe fn assume_borrowed<'a>(self, py: Python<'_>) -> Borrowed<'a, '_, PyAny> {
        unsafe { Borrowed::from_ptr(py, self) }
    }
    #[inline]
    unsafe fn assume_borrowed_unchecked<'a>(self, py: Python<'_>) -> Borrowed<'a, '_, PyAny> {
        debug_assert!(!self.is_null());
        // SAFETY: the caller guarantees that `self` is not NULL.
        unsafe {
            Borrowed::from_non_null(
                py,
                std::ptr::NonNull::new_unchecked(self),
                Default::default(),
            )
        }
    }
}

/// Maps a C API status of `-1` to the pending Python error.
#[inline]
pub(crate) fn error_on_minusone(py: Python<'_>, result: c_int) -> PyResult<()> {
    if result == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(())
    }
}

/// Maps a C API truth value (`1`/`0`/`-1` on error) to a `bool`.
#[inline]
pub(crate) fn truth_or_err(py: Python<'_>, result: c_int) -> PyResult<bool> {
    if result == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(result != 0)
    }
}
