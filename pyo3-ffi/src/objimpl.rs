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

    /// `PyObject_New(type, typeobj)`: allocates and initializes an object of `tp_basicsize`
    /// bytes (C macro over `_PyObject_New`).
    #[cfg_attr(not(PyPy), link_name = "_PyObject_New")]
    #[cfg_attr(PyPy, link_name = "_PyPyObject_New")]
    pub fn PyObject_New(tp: *mut PyTypeObject) -> *mut PyObject;
    /// `PyObject_NewVar(type, typeobj, n)`: allocates and initializes a variable-size object
    /// with room for `n` items (C macro over `_PyObject_NewVar`).
    #[cfg_attr(not(PyPy), link_name = "_PyObject_NewVar")]
    #[cfg_attr(PyPy, link_name = "_PyPyObject_NewVar")]
    pub fn PyObject_NewVar(tp: *mut PyTypeObject, n: Py_ssize_t) -> *mut PyVarObject;

    /// Runs a full garbage collection; returns the number of unreachable objects found.
    #[cfg_attr(PyPy, link_name = "PyPyGC_Collect")]
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

/// `PyType_IS_GC(t)`: whether instances of the type support garbage collection.
#[inline]
pub unsafe fn PyType_IS_GC(t: *mut PyTypeObject) -> c_int {
    PyType_HasFeature(t, Py_TPFLAGS_HAVE_GC)
}

extern "C" {
    /// `PyObject_GC_Resize(type, op, n)`: resizes a GC variable-size object (C macro over
    /// `_PyObject_GC_Resize`).
    #[cfg_attr(not(PyPy), link_name = "_PyObject_GC_Resize")]
    pub fn PyObject_GC_Resize(op: *mut PyVarObject, n: Py_ssize_t) -> *mut PyVarObject;
    /// `PyObject_GC_New(type, typeobj)`: allocates a GC-managed object (C macro over
    /// `_PyObject_GC_New`).
    #[cfg_attr(not(PyPy), link_name = "_PyObject_GC_New")]
    #[cfg_attr(PyPy, link_name = "_PyPyObject_GC_New")]
    pub fn PyObject_GC_New(tp: *mut PyTypeObject) -> *mut PyObject;
    /// `PyObject_GC_NewVar(type, typeobj, n)`: allocates a GC-managed variable-size object
    /// (C macro over `_PyObject_GC_NewVar`).
    #[cfg_attr(not(PyPy), link_name = "_PyObject_GC_NewVar")]
    #[cfg_attr(PyPy, link_name = "_PyPyObject_GC_NewVar")]
    pub fn PyObject_GC_NewVar(tp: *mut PyTypeObject, n: Py_ssize_t) -> *mut PyVarObject;
    /// Starts tracking the object in the garbage collector.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GC_Track")]
    pub fn PyObject_GC_Track(op: *mut c_void);
    /// Stops tracking the object in the garbage collector.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GC_UnTrack")]
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
