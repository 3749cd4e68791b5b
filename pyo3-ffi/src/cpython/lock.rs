//! `PyMutex` (3.13+, `Include/cpython/lock.h`): a one-byte lock.

#[cfg(Py_3_13)]
use std::sync::atomic::{AtomicU8, Ordering};

/// `PyMutex`: a lightweight lock occupying one byte; zero-initialized means unlocked.
///
/// It must not be moved while in use (the runtime may park threads on its address).
#[cfg(Py_3_13)]
#[repr(C)]
#[derive(Debug)]
pub struct PyMutex {
    _bits: AtomicU8,
}

#[cfg(Py_3_13)]
impl PyMutex {
    /// A new, unlocked mutex.
    pub const fn new() -> PyMutex {
        PyMutex {
            _bits: AtomicU8::new(0),
        }
    }
}

#[cfg(Py_3_13)]
impl Default for PyMutex {
    fn default() -> Self {
        PyMutex::new()
    }
}

#[cfg(Py_3_13)]
const _Py_UNLOCKED: u8 = 0;
#[cfg(Py_3_13)]
const _Py_LOCKED: u8 = 1;

#[cfg(Py_3_13)]
extern "C" {
    #[link_name = "PyMutex_Lock"]
    fn PyMutex_Lock_slow(m: *mut PyMutex);
    #[link_name = "PyMutex_Unlock"]
    fn PyMutex_Unlock_slow(m: *mut PyMutex);
}

/// `PyMutex_Lock(m)`: locks the mutex, blocking (and releasing the GIL/detaching) if needed.
#[cfg(Py_3_13)]
#[inline]
pub unsafe fn PyMutex_Lock(m: *mut PyMutex) {
    if (*m)
        ._bits
        .compare_exchange(_Py_UNLOCKED, _Py_LOCKED, Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        PyMutex_Lock_slow(m);
    }
}

/// `PyMutex_Unlock(m)`: unlocks the mutex, waking a waiter if there is one.
#[cfg(Py_3_13)]
#[inline]
pub unsafe fn PyMutex_Unlock(m: *mut PyMutex) {
    if (*m)
        ._bits
        .compare_exchange(_Py_LOCKED, _Py_UNLOCKED, Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        PyMutex_Unlock_slow(m);
    }
}

#[cfg(Py_3_14)]
extern "C" {
    /// 1 if the mutex is locked, else 0 (3.14+).
    pub fn PyMutex_IsLocked(m: *mut PyMutex) -> std::ffi::c_int;
}
