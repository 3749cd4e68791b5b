//! Python critical sections: per-object locks of the free-threaded build.
//!
//! With the GIL these are no-ops (as are the C macros `Py_BEGIN_CRITICAL_SECTION` /
//! `Py_END_CRITICAL_SECTION`): the closure simply runs. On free-threaded builds the object's
//! mutex is held while the closure runs; it may be released temporarily if the closure calls
//! back into the interpreter and blocks, like the C API documents.

use crate::{Bound, PyAny};

/// Runs `f` while holding the critical section of `object`.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::sync::critical_section::with_critical_section;
///
/// # Python::initialize();
/// Python::attach(|py| {
///     let obj = py.None().into_bound(py);
///     let n = with_critical_section(&obj, || 1 + 1);
///     assert_eq!(n, 2);
/// });
/// ```
#[inline]
pub fn with_critical_section<F, R>(object: &Bound<'_, PyAny>, f: F) -> R
where
    F: FnOnce() -> R,
{
    #[cfg(Py_GIL_DISABLED)]
    {
        struct Guard(crate::ffi::PyCriticalSection);
        impl Drop for Guard {
            fn drop(&mut self) {
                // SAFETY: the section was begun in this scope.
                unsafe { crate::ffi::PyCriticalSection_End(&mut self.0) }
            }
        }
        let mut guard = Guard(crate::ffi::PyCriticalSection::new());
        // SAFETY: attached (we hold a Bound); the section lives on this stack frame.
        unsafe { crate::ffi::PyCriticalSection_Begin(&mut guard.0, object.as_ptr()) };
        f()
    }
    #[cfg(not(Py_GIL_DISABLED))]
    {
        let _ = object;
        f()
    }
}

/// Runs `f` while holding the critical sections of both `a` and `b` (locked together, without
/// lock-order deadlocks).
#[inline]
pub fn with_critical_section2<F, R>(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>, f: F) -> R
where
    F: FnOnce() -> R,
{
    #[cfg(Py_GIL_DISABLED)]
    {
        struct Guard(crate::ffi::PyCriticalSection2);
        impl Drop for Guard {
            fn drop(&mut self) {
                // SAFETY: the section was begun in this scope.
                unsafe { crate::ffi::PyCriticalSection2_End(&mut self.0) }
            }
        }
        let mut guard = Guard(crate::ffi::PyCriticalSection2::new());
        // SAFETY: attached; the section lives on this stack frame.
        unsafe { crate::ffi::PyCriticalSection2_Begin(&mut guard.0, a.as_ptr(), b.as_ptr()) };
        f()
    }
    #[cfg(not(Py_GIL_DISABLED))]
    {
        let _ = (a, b);
        f()
    }
}
