//! Weak reference object layout (`Include/cpython/weakrefobject.h`; `weakrefobject.h` before
//! 3.11).

#[cfg(Py_3_11)]
use crate::vectorcallfunc;
use crate::{PyObject, Py_hash_t};

#[cfg(not(PyPy))]
/// `struct _PyWeakReference`: the layout of `weakref.ref` objects.
#[repr(C)]
#[derive(Debug)]
pub struct _PyWeakReference {
    /// Object header.
    pub ob_base: PyObject,
    /// The referent (not counted), or `None` once it died.
    pub wr_object: *mut PyObject,
    /// Callback called when the referent dies, or NULL.
    pub wr_callback: *mut PyObject,
    /// Cached hash of the referent, -1 if unknown.
    pub hash: Py_hash_t,
    /// Previous weak reference to the same object.
    pub wr_prev: *mut _PyWeakReference,
    /// Next weak reference to the same object.
    pub wr_next: *mut _PyWeakReference,
    /// Vectorcall entry point (3.11+).
    #[cfg(Py_3_11)]
    pub vectorcall: Option<vectorcallfunc>,
    /// Lock used when clearing the reference (free-threaded 3.13+ builds).
    #[cfg(all(Py_3_13, Py_GIL_DISABLED))]
    pub weakrefs_lock: *mut crate::PyMutex,
}

/// `PyWeakref_GET_OBJECT(ref)`: the referent (borrowed), or `None` if it is dead (no checks).
#[inline]
#[cfg_attr(
    Py_3_13,
    deprecated(note = "deprecated since Python 3.13; use PyWeakref_GetRef")
)]
#[cfg(not(PyPy))]
pub unsafe fn PyWeakref_GET_OBJECT(ref_obj: *mut PyObject) -> *mut PyObject {
    let obj = (*ref_obj.cast::<_PyWeakReference>()).wr_object;
    if crate::Py_REFCNT(obj) > 0 {
        obj
    } else {
        crate::Py_None()
    }
}

// PyPy's weak references have another layout: its headers map the macro to an exported
// function.
#[cfg(PyPy)]
extern "C" {
    /// The referent of a weak reference (borrowed), or `None` if it is dead.
    #[link_name = "PyPyWeakref_GET_OBJECT"]
    pub fn PyWeakref_GET_OBJECT(ref_obj: *mut crate::PyObject) -> *mut crate::PyObject;
}
