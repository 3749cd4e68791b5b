//! Non-limited thread declarations from `Include/cpython/pythread.h` (`pythread.h` before
//! 3.11): the layout of `Py_tss_t`.

use std::ffi::{c_int, c_ulong};

/// Value returned for an invalid thread identifier.
pub const PYTHREAD_INVALID_THREAD_ID: c_ulong = c_ulong::MAX;

/// Native key type of the thread-specific storage implementation.
#[cfg(not(windows))]
pub type NATIVE_TSS_KEY_T = libc::pthread_key_t;
/// Native key type of the thread-specific storage implementation.
#[cfg(windows)]
pub type NATIVE_TSS_KEY_T = c_ulong;

/// Thread-specific storage key; initialize statically with [`Py_tss_NEEDS_INIT`].
#[repr(C)]
#[derive(Debug)]
pub struct Py_tss_t {
    /// Whether the key has been created.
    pub _is_initialized: c_int,
    /// Native key.
    pub _key: NATIVE_TSS_KEY_T,
}

/// Initial value of a statically allocated [`Py_tss_t`].
pub const Py_tss_NEEDS_INIT: Py_tss_t = Py_tss_t {
    _is_initialized: 0,
    _key: 0,
};

#[cfg(Py_3_13)]
extern "C" {
    /// Largest timeout accepted by `PyThread_acquire_lock_timed` (a variable from 3.13).
    pub static PY_TIMEOUT_MAX: std::ffi::c_longlong;
}
