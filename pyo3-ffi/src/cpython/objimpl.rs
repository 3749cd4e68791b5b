//! Allocator hooks and GC helpers outside the limited API (`Include/cpython/objimpl.h`).

use crate::{PyObject, PyTypeObject};
use std::ffi::{c_int, c_void};

#[cfg(not(PyPy))]
/// `PyObjectArenaAllocator`: the allocator used by `pymalloc` for its arenas.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyObjectArenaAllocator {
    /// User context passed as the first argument of both functions.
    pub ctx: *mut c_void,
    /// Allocates an arena of `size` bytes.
    pub alloc: Option<unsafe extern "C" fn(ctx: *mut c_void, size: libc::size_t) -> *mut c_void>,
    /// Frees an arena.
    pub free: Option<unsafe extern "C" fn(ctx: *mut c_void, ptr: *mut c_void, size: libc::size_t)>,
}

#[cfg(not(PyPy))]
impl Default for PyObjectArenaAllocator {
    #[cfg(not(PyPy))]
    fn default() -> Self {
        PyObjectArenaAllocator {
            ctx: std::ptr::null_mut(),
            alloc: None,
            free: None,
        }
    }
}

extern "C" {
    /// Reads the current arena allocator.
    #[cfg(not(PyPy))]
    pub fn PyObject_GetArenaAllocator(allocator: *mut PyObjectArenaAllocator);
    /// Replaces the arena allocator.
    #[cfg(not(PyPy))]
    pub fn PyObject_SetArenaAllocator(allocator: *mut PyObjectArenaAllocator);

    /// Whether the object is managed by the garbage collector.
    #[cfg(not(PyPy))]
    pub fn PyObject_IS_GC(obj: *mut PyObject) -> c_int;

    /// Whether instances of the type support weak references (a function since 3.11).
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn PyType_SUPPORTS_WEAKREFS(tp: *mut PyTypeObject) -> c_int;

    /// Address of the object's weak reference list pointer.
    #[cfg(not(PyPy))]
    pub fn PyObject_GET_WEAKREFS_LISTPTR(op: *mut PyObject) -> *mut *mut PyObject;

    /// Allocates a GC object with `extra_size` additional zeroed bytes (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyUnstable_Object_GC_NewWithExtraData(
        tp: *mut PyTypeObject,
        extra_size: libc::size_t,
    ) -> *mut PyObject;
}

/// `PyType_SUPPORTS_WEAKREFS(t)`: whether instances support weak references (a macro before
/// 3.11).
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn PyType_SUPPORTS_WEAKREFS(tp: *mut PyTypeObject) -> c_int {
    ((*tp).tp_weaklistoffset > 0) as c_int
}

/// `gcvisitobjects_t`: callback of [`PyUnstable_GC_VisitObjects`]; return 0 to stop (3.12+).
#[cfg(Py_3_12)]
pub type gcvisitobjects_t = unsafe extern "C" fn(obj: *mut PyObject, arg: *mut c_void) -> c_int;

#[cfg(Py_3_12)]
extern "C" {
    /// Calls `callback` on every live GC-tracked object (3.12+).
    pub fn PyUnstable_GC_VisitObjects(callback: gcvisitobjects_t, arg: *mut c_void);
}
