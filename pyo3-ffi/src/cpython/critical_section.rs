//! Per-object critical sections (3.13+, `Include/cpython/critical_section.h`).
//!
//! In free-threaded builds these lock the per-object mutex(es); with the GIL the C macros
//! `Py_BEGIN_CRITICAL_SECTION` / `Py_END_CRITICAL_SECTION` do nothing, but the functions are
//! still exported and harmless to call.

#[cfg(Py_3_13)]
use crate::{PyMutex, PyObject};

/// `PyCriticalSection`: a critical section over one object, kept on the caller's stack.
///
/// The fields are private to CPython (the layout is that of free-threaded builds; C code
/// compiled with the GIL only sees an incomplete type).
#[cfg(Py_3_13)]
#[repr(C)]
#[derive(Debug)]
pub struct PyCriticalSection {
    /// Tagged pointer to the enclosing active critical section (or 0).
    _cs_prev: libc::uintptr_t,
    /// The mutex held.
    _cs_mutex: *mut PyMutex,
}

/// `PyCriticalSection2`: a critical section over two objects.
#[cfg(Py_3_13)]
#[repr(C)]
#[derive(Debug)]
pub struct PyCriticalSection2 {
    /// The first object's section.
    _cs_base: PyCriticalSection,
    /// The second mutex held.
    _cs_mutex2: *mut PyMutex,
}

#[cfg(Py_3_13)]
impl PyCriticalSection {
    /// An unused critical section, to be passed to [`PyCriticalSection_Begin`].
    pub const fn new() -> Self {
        PyCriticalSection {
            _cs_prev: 0,
            _cs_mutex: std::ptr::null_mut(),
        }
    }
}

#[cfg(Py_3_13)]
impl Default for PyCriticalSection {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(Py_3_13)]
impl PyCriticalSection2 {
    /// An unused critical section, to be passed to [`PyCriticalSection2_Begin`].
    pub const fn new() -> Self {
        PyCriticalSection2 {
            _cs_base: PyCriticalSection::new(),
            _cs_mutex2: std::ptr::null_mut(),
        }
    }
}

#[cfg(Py_3_13)]
impl Default for PyCriticalSection2 {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(Py_3_13)]
extern "C" {
    /// Begins a critical section on `op` (`Py_BEGIN_CRITICAL_SECTION`).
    pub fn PyCriticalSection_Begin(c: *mut PyCriticalSection, op: *mut PyObject);
    /// Ends a critical section (`Py_END_CRITICAL_SECTION`).
    pub fn PyCriticalSection_End(c: *mut PyCriticalSection);
    /// Begins a critical section on two objects (`Py_BEGIN_CRITICAL_SECTION2`).
    pub fn PyCriticalSection2_Begin(c: *mut PyCriticalSection2, a: *mut PyObject, b: *mut PyObject);
    /// Ends a two-object critical section (`Py_END_CRITICAL_SECTION2`).
    pub fn PyCriticalSection2_End(c: *mut PyCriticalSection2);
}
