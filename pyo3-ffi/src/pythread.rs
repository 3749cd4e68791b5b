//! Threads, locks and thread-specific storage from `Include/pythread.h`.

use crate::PyObject;
#[cfg(not(Py_LIMITED_API))]
use crate::Py_tss_t;
use std::ffi::{c_int, c_longlong, c_ulong, c_void};
#[cfg(Py_LIMITED_API)]
use std::marker::{PhantomData, PhantomPinned};

/// Opaque lock handle returned by [`PyThread_allocate_lock`].
pub type PyThread_type_lock = *mut c_void;

/// Result of [`PyThread_acquire_lock_timed`].
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PyLockStatus {
    /// The lock was not acquired.
    PY_LOCK_FAILURE = 0,
    /// The lock was acquired.
    PY_LOCK_ACQUIRED = 1,
    /// The wait was interrupted by a signal.
    PY_LOCK_INTR,
}

/// `waitflag` for [`PyThread_acquire_lock`]: block until the lock is available.
pub const WAIT_LOCK: c_int = 1;
/// `waitflag` for [`PyThread_acquire_lock`]: do not block.
pub const NOWAIT_LOCK: c_int = 0;

/// Timeout type of [`PyThread_acquire_lock_timed`] (microseconds).
pub type PY_TIMEOUT_T = c_longlong;

/// Largest timeout accepted by [`PyThread_acquire_lock_timed`] (a macro before 3.13).
#[cfg(all(not(Py_3_13), not(windows)))]
pub const PY_TIMEOUT_MAX: PY_TIMEOUT_T = c_longlong::MAX / 1000;
/// Largest timeout accepted by [`PyThread_acquire_lock_timed`] (a macro before 3.13).
#[cfg(all(not(Py_3_11), windows))]
pub const PY_TIMEOUT_MAX: PY_TIMEOUT_T = 0xFFFFFFFF * 1000;
/// Largest timeout accepted by [`PyThread_acquire_lock_timed`] (a macro before 3.13).
#[cfg(all(Py_3_11, not(Py_3_13), windows))]
pub const PY_TIMEOUT_MAX: PY_TIMEOUT_T = 0xFFFFFFFE * 1000;

/// Thread-specific storage key (opaque in the limited API; see `PyThread_tss_alloc`).
#[cfg(Py_LIMITED_API)]
#[repr(C)]
pub struct Py_tss_t {
    _private: [u8; 0],
    _marker: PhantomData<(*mut u8, PhantomPinned)>,
}

extern "C" {
    /// Initializes the thread support (a no-op in modern versions).
    #[cfg_attr(PyPy, link_name = "PyPyThread_init_thread")]
    pub fn PyThread_init_thread();
    /// Starts a new thread running `func(arg)`; returns its ident or `(unsigned long)-1`.
    #[cfg_attr(PyPy, link_name = "PyPyThread_start_new_thread")]
    pub fn PyThread_start_new_thread(
        func: Option<unsafe extern "C" fn(arg: *mut c_void)>,
        arg: *mut c_void,
    ) -> c_ulong;
    /// Exits the current thread.
    #[cfg_attr(PyPy, link_name = "PyPyThread_exit_thread")]
    pub fn PyThread_exit_thread() -> !;
    /// Identifier of the current thread.
    #[cfg_attr(PyPy, link_name = "PyPyThread_get_thread_ident")]
    pub fn PyThread_get_thread_ident() -> c_ulong;
    /// Native (OS) identifier of the current thread.
    #[cfg(any(
        target_os = "linux",
        target_os = "android",
        target_os = "macos",
        target_os = "ios",
        windows,
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly",
        target_os = "aix"
    ))]
    #[cfg(not(PyPy))]
    pub fn PyThread_get_thread_native_id() -> c_ulong;

    /// Allocates a new lock, or returns NULL.
    #[cfg_attr(PyPy, link_name = "PyPyThread_allocate_lock")]
    pub fn PyThread_allocate_lock() -> PyThread_type_lock;
    /// Frees a lock.
    #[cfg_attr(PyPy, link_name = "PyPyThread_free_lock")]
    pub fn PyThread_free_lock(lock: PyThread_type_lock);
    /// Acquires `lock`, blocking if `waitflag` is [`WAIT_LOCK`]; returns 1 on success.
    #[cfg_attr(PyPy, link_name = "PyPyThread_acquire_lock")]
    pub fn PyThread_acquire_lock(lock: PyThread_type_lock, waitflag: c_int) -> c_int;
    /// Acquires `lock` with a timeout in microseconds (-1: wait forever).
    #[cfg_attr(PyPy, link_name = "PyPyThread_acquire_lock_timed")]
    pub fn PyThread_acquire_lock_timed(
        lock: PyThread_type_lock,
        microseconds: PY_TIMEOUT_T,
        intr_flag: c_int,
    ) -> PyLockStatus;
    /// Releases `lock`.
    #[cfg_attr(PyPy, link_name = "PyPyThread_release_lock")]
    pub fn PyThread_release_lock(lock: PyThread_type_lock);

    /// Stack size used for new threads (0: default).
    #[cfg(not(PyPy))]
    pub fn PyThread_get_stacksize() -> usize;
    /// Sets the stack size used for new threads.
    #[cfg(not(PyPy))]
    pub fn PyThread_set_stacksize(size: usize) -> c_int;
    /// `sys.thread_info`.
    #[cfg(not(PyPy))]
    pub fn PyThread_GetInfo() -> *mut PyObject;

    /// Creates a TLS key (deprecated since 3.7: use the TSS API).
    #[deprecated(note = "deprecated since Python 3.7, use the TSS API")]
    #[cfg_attr(PyPy, link_name = "PyPyThread_create_key")]
    pub fn PyThread_create_key() -> c_int;
    /// Deletes a TLS key (deprecated since 3.7).
    #[deprecated(note = "deprecated since Python 3.7, use the TSS API")]
    #[cfg_attr(PyPy, link_name = "PyPyThread_delete_key")]
    pub fn PyThread_delete_key(key: c_int);
    /// Sets a TLS value (deprecated since 3.7).
    #[deprecated(note = "deprecated since Python 3.7, use the TSS API")]
    #[cfg_attr(PyPy, link_name = "PyPyThread_set_key_value")]
    pub fn PyThread_set_key_value(key: c_int, value: *mut c_void) -> c_int;
    /// Gets a TLS value (deprecated since 3.7).
    #[deprecated(note = "deprecated since Python 3.7, use the TSS API")]
    #[cfg_attr(PyPy, link_name = "PyPyThread_get_key_value")]
    pub fn PyThread_get_key_value(key: c_int) -> *mut c_void;
    /// Deletes the current thread's TLS value (deprecated since 3.7).
    #[deprecated(note = "deprecated since Python 3.7, use the TSS API")]
    #[cfg_attr(PyPy, link_name = "PyPyThread_delete_key_value")]
    pub fn PyThread_delete_key_value(key: c_int);
    /// Re-initializes TLS after fork (deprecated since 3.7).
    #[deprecated(note = "deprecated since Python 3.7, use the TSS API")]
    #[cfg_attr(PyPy, link_name = "PyPyThread_ReInitTLS")]
    pub fn PyThread_ReInitTLS();

    /// Allocates an uninitialized TSS key on the heap.
    pub fn PyThread_tss_alloc() -> *mut Py_tss_t;
    /// Frees a key allocated by [`PyThread_tss_alloc`] (deleting it first).
    pub fn PyThread_tss_free(key: *mut Py_tss_t);
    /// Whether `key` has been created.
    pub fn PyThread_tss_is_created(key: *mut Py_tss_t) -> c_int;
    /// Creates the key; 0 on success.
    pub fn PyThread_tss_create(key: *mut Py_tss_t) -> c_int;
    /// Deletes the key.
    pub fn PyThread_tss_delete(key: *mut Py_tss_t);
    /// Sets the current thread's value for `key`; 0 on success.
    pub fn PyThread_tss_set(key: *mut Py_tss_t, value: *mut c_void) -> c_int;
    /// The current thread's value for `key`, or NULL.
    pub fn PyThread_tss_get(key: *mut Py_tss_t) -> *mut c_void;
}
