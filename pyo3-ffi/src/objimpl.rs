//! Object allocation and garbage collector support (`objimpl.h`).

use crate::{
    PyObject, PyTypeObject, PyType_HasFeature, PyVarObject, Py_TPFLAGS_HAVE_GC, Py_ssize_t,
};
use std::ffi::{c_int, c_void};

extern "C" {
    /// Allocates `size` bytes with the object allocator (`pymalloc`).
    #[cfg_attr(PyPy, link_name = "PyPyObject_Malloc")]
    pub fn PyObject_Malloc(size: libc::size_t) -> *mut c_void;
    /// Allocates `nelem * elsize` zeroed bytes with the object allocator.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Calloc")]
    pub fn PyObject_Calloc(nelem: libc::size_t, elsize: libc::size_t) -> *mut c_void;
    /// Resizes a block of the object allocator.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Realloc")]
    pub fn PyObject_Realloc(ptr: *mut c_void, new_size: libc::size_t) -> *mut c_void;
    /// Frees a block of the object allocator (also `PyObject_Del`).
    #[cfg_attr(PyPy, link_name = "PyPyObject_Free")]
    pub fn PyObject_Free(ptr: *mut c_void);

    /// Initializes the header of freshly allocated object memory (type and refcount 1).
    #[cfg_attr(PyPy, link_name = "PyPyObject_Init")]
    pub fn PyObject_Init(op: *mut PyObject, tp: *mut PyTypeObject) -> *mut PyObject;
    /// Like [`PyObject_Init`] and also sets `ob_size`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_InitVar")]
    pub fn PyObject_InitVar(
        op: *mut PyVarObject,
        tp: *mut PyTypeObject,
        size: Py_ssize_t,
    ) -> *mut PyVarObject;

    #[cfg_attr(PyPy, link_name = "_PyPyObject_New")]
    fn _PyObject_New(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "_PyPyObject_NewVar")]
    fn _PyObject_NewVar(tp: *mut PyTypeObject, n: Py_ssize_t) -> *mut PyVarObject;

    /// Runs a full garbage collection; returns the number of unreachable objects found.
    #[cfg(not(PyPy))]
    pub fn PyGC_Collect() -> Py_ssize_t;
    /// Enables automatic garbage collection; returns the previous state (3.10+).
    #[cfg(Py_3_10)]
    #[cfg_attr(PyPy, link_name = "PyPyGC_Enable")]
    pub fn PyGC_Enable() -> c_int;
    /// Disables automatic garbage collection; returns the previous state (3.10+).
    #[cfg(Py_3_10)]
    #[cfg_attr(PyPy, link_name = "PyPyGC_Disable")]
    pub fn PyGC_Disable() -> c_int;
    /// Whether automatic garbage collection is enabled (3.10+).
    #[cfg(Py_3_10)]
    #[cfg_attr(PyPy, link_name = "PyPyGC_IsEnabled")]
    pub fn PyGC_IsEnabled() -> c_int;
}

/// `PyObject_New(T, typeobj)`: allocates an object of `tp_basicsize` bytes with the object
/// allocator and initializes its header (refcount 1, type); the body is not initialized.
#[inline]
pub unsafe fn PyObject_New<T>(typeobj: *mut PyTypeObject) -> *mut T {
    _PyObject_New(typeobj).cast()
}

/// `PyObject_NewVar(T, typeobj, n)`: like [`PyObject_New`] for a variable-size type, with
/// room for `n` items (`ob_size` is set to `n`).
#[inline]
pub unsafe fn PyObject_NewVar<T>(typeobj: *mut PyTypeObject, n: Py_ssize_t) -> *mut T {
    _PyObject_NewVar(typeobj, n).cast()
}

/// `PyType_IS_GC(t)`: whether instances of the type support garbage collection.
#[inline]
pub unsafe fn PyType_IS_GC(t: *mut PyTypeObject) -> c_int {
    PyType_HasFeature(t, Py_TPFLAGS_HAVE_GC)
}

extern "C" {
    #[cfg(not(PyPy))]
    fn _PyObject_GC_Resize(op: *mut PyVarObject, n: Py_ssize_t) -> *mut PyVarObject;
    #[cfg_attr(PyPy, link_name = "_PyPyObject_GC_New")]
    fn _PyObject_GC_New(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "_PyPyObject_GC_NewVar")]
    fn _PyObject_GC_NewVar(tp: *mut PyTypeObject, n: Py_ssize_t) -> *mut PyVarObject;
    /// Starts tracking the object in the garbage collector.
    #[cfg(not(PyPy))]
    pub fn PyObject_GC_Track(op: *mut c_void);
    /// Stops tracking the object in the garbage collector.
    #[cfg(not(PyPy))]
    pub fn PyObject_GC_UnTrack(op: *mut c_void);
    /// Frees memory allocated by `PyObject_GC_New`/`NewVar`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GC_Del")]
    pub fn PyObject_GC_Del(op: *mut c_void);
    /// Whether the object is tracked by the garbage collector.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GC_IsTracked")]
    pub fn PyObject_GC_IsTracked(op: *mut PyObject) -> c_int;
    /// Whether the garbage collector already finalized the object.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GC_IsFinalized")]
    pub fn PyObject_GC_IsFinalized(op: *mut PyObject) -> c_int;
}

/// `PyObject_GC_New(T, typeobj)`: allocates a garbage-collected object (not yet tracked; call
/// `PyObject_GC_Track` once it is initialized).
#[inline]
pub unsafe fn PyObject_GC_New<T>(typeobj: *mut PyTypeObject) -> *mut T {
    _PyObject_GC_New(typeobj).cast()
}

/// `PyObject_GC_NewVar(T, typeobj, n)`: like [`PyObject_GC_New`] for a variable-size type,
/// with room for `n` items.
#[inline]
pub unsafe fn PyObject_GC_NewVar<T>(typeobj: *mut PyTypeObject, n: Py_ssize_t) -> *mut T {
    _PyObject_GC_NewVar(typeobj, n).cast()
}

#[cfg(not(PyPy))]
/// `PyObject_GC_Resize(T, op, n)`: resizes a garbage-collected variable-size object to `n`
/// items; returns NULL (with an exception set) on failure, leaving `op` unchanged.
#[inline]
pub unsafe fn PyObject_GC_Resize<T>(op: *mut PyObject, n: Py_ssize_t) -> *mut T {
    _PyObject_GC_Resize(op.cast(), n).cast()
}

/// `PyObject_GC_Track(op)` on PyPy: a no-op (PyPy's headers define it as an empty macro; its
/// own collector finds the objects).
#[cfg(PyPy)]
#[inline]
pub unsafe fn PyObject_GC_Track(_op: *mut c_void) {}

/// `PyObject_GC_UnTrack(op)` on PyPy: a no-op, as in PyPy's headers.
#[cfg(PyPy)]
#[inline]
pub unsafe fn PyObject_GC_UnTrack(_op: *mut c_void) {}

#[cfg(PyPy)]
extern "C" {
    // PyPy's returns `int`, not `Py_ssize_t`.
    #[link_name = "PyPyGC_Collect"]
    fn PyPyGC_Collect() -> c_int;
}

/// Runs a full garbage collection; returns the number of unreachable objects found (PyPy's
/// function returns an `int`, widened here).
#[cfg(PyPy)]
#[inline]
pub unsafe fn PyGC_Collect() -> Py_ssize_t {
    PyPyGC_Collect() as Py_ssize_t
}
