//! `memoryview` object layout (`Include/cpython/memoryobject.h`; `memoryobject.h` before 3.12).

use crate::{PyObject, PyVarObject, Py_buffer, Py_hash_t, Py_ssize_t};
use std::ffi::{c_int, c_void};

#[cfg(not(PyPy))]
/// `PyMemoryViewObject`: the layout of `memoryview` instances.
#[repr(C)]
#[derive(Debug)]
pub struct PyMemoryViewObject {
    /// Variable-size object header.
    pub ob_base: PyVarObject,
    /// The managed buffer (`_PyManagedBufferObject *`) shared by views of one export.
    pub mbuf: *mut c_void,
    /// Cached hash of read-only views.
    pub hash: Py_hash_t,
    /// State flags.
    pub flags: c_int,
    /// Number of buffer re-exports.
    pub exports: Py_ssize_t,
    /// Private copy of the exporter's view.
    pub view: Py_buffer,
    /// Weak references to the view.
    pub weakreflist: *mut PyObject,
    /// Storage for shape, strides and suboffsets.
    pub ob_array: [Py_ssize_t; 1],
}

#[cfg(not(PyPy))]
/// `PyMemoryView_GET_BUFFER(op)`: the view's `Py_buffer` (no checks).
#[inline]
pub unsafe fn PyMemoryView_GET_BUFFER(op: *mut PyObject) -> *mut Py_buffer {
    std::ptr::addr_of_mut!((*op.cast::<PyMemoryViewObject>()).view)
}

#[cfg(not(PyPy))]
/// `PyMemoryView_GET_BASE(op)`: the exporting object (borrowed, no checks).
#[inline]
pub unsafe fn PyMemoryView_GET_BASE(op: *mut PyObject) -> *mut PyObject {
    (*op.cast::<PyMemoryViewObject>()).view.obj
}
