//! Non-limited set APIs: the object layout from `Include/cpython/setobject.h` (the
//! `#ifndef Py_LIMITED_API` part of `setobject.h` before 3.11).

use crate::{PyObject, Py_hash_t, Py_ssize_t};

/// Number of entries of the table embedded in every set object.
pub const PySet_MINSIZE: usize = 8;

#[cfg(not(PyPy))]
/// One slot of a set's hash table.
#[repr(C)]
#[derive(Debug, Copy, Clone)]
pub struct setentry {
    /// The key, NULL (unused) or a dummy marker (deleted).
    pub key: *mut PyObject,
    /// Cached hash of `key`.
    pub hash: Py_hash_t,
}

#[cfg(not(PyPy))]
/// The `set` / `frozenset` object.
#[repr(C)]
#[derive(Debug)]
pub struct PySetObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Number of active plus dummy entries.
    pub fill: Py_ssize_t,
    /// Number of active entries.
    pub used: Py_ssize_t,
    /// Table size minus one (the table holds `mask + 1` slots).
    pub mask: Py_ssize_t,
    /// The hash table (`smalltable` for small sets).
    pub table: *mut setentry,
    /// Cached hash (frozensets only), or -1.
    pub hash: Py_hash_t,
    /// Search finger used by `pop()`.
    pub finger: Py_ssize_t,
    /// Table used while the set is small.
    pub smalltable: [setentry; PySet_MINSIZE],
    /// Weak references list.
    pub weakreflist: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Number of items of a set or frozenset, without error checking.
#[inline]
pub unsafe fn PySet_GET_SIZE(so: *mut PyObject) -> Py_ssize_t {
    #[cfg(Py_GIL_DISABLED)]
    {
        (*core::ptr::addr_of!((*so.cast::<PySetObject>()).used)
            .cast::<core::sync::atomic::AtomicIsize>())
        .load(core::sync::atomic::Ordering::Relaxed)
    }
    #[cfg(not(Py_GIL_DISABLED))]
    {
        (*so.cast::<PySetObject>()).used
    }
}

// PyPy's set objects have another layout: its headers map the macro to an exported function.
#[cfg(PyPy)]
extern "C" {
    /// Number of elements of a set, without error checking.
    #[link_name = "PyPySet_GET_SIZE"]
    pub fn PySet_GET_SIZE(so: *mut crate::PyObject) -> crate::Py_ssize_t;
}
