//! Set and frozenset objects: declarations from `Include/setobject.h`.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::c_int;

extern "C" {
    /// The `set` type object.
    #[cfg_attr(PyPy, link_name = "PyPySet_Type")]
    pub static mut PySet_Type: PyTypeObject;
    /// The `frozenset` type object.
    #[cfg_attr(PyPy, link_name = "PyPyFrozenSet_Type")]
    pub static mut PyFrozenSet_Type: PyTypeObject;
    /// The type of set iterators.
    #[cfg(not(PyPy))]
    pub static mut PySetIter_Type: PyTypeObject;
}

extern "C" {
    /// Create a `set` from an iterable (NULL: empty).
    #[cfg_attr(PyPy, link_name = "PyPySet_New")]
    pub fn PySet_New(iterable: *mut PyObject) -> *mut PyObject;
    /// Create a `frozenset` from an iterable (NULL: empty).
    #[cfg_attr(PyPy, link_name = "PyPyFrozenSet_New")]
    pub fn PyFrozenSet_New(iterable: *mut PyObject) -> *mut PyObject;
    /// `set.add(key)`.
    #[cfg_attr(PyPy, link_name = "PyPySet_Add")]
    pub fn PySet_Add(set: *mut PyObject, key: *mut PyObject) -> c_int;
    /// `set.clear()`.
    #[cfg_attr(PyPy, link_name = "PyPySet_Clear")]
    pub fn PySet_Clear(set: *mut PyObject) -> c_int;
    /// `key in anyset`; -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPySet_Contains")]
    pub fn PySet_Contains(anyset: *mut PyObject, key: *mut PyObject) -> c_int;
    /// `set.discard(key)`: 1 if found and removed, 0 if missing, -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPySet_Discard")]
    pub fn PySet_Discard(set: *mut PyObject, key: *mut PyObject) -> c_int;
    /// `set.pop()`.
    #[cfg_attr(PyPy, link_name = "PyPySet_Pop")]
    pub fn PySet_Pop(set: *mut PyObject) -> *mut PyObject;
    /// `len(anyset)`.
    #[cfg_attr(PyPy, link_name = "PyPySet_Size")]
    pub fn PySet_Size(anyset: *mut PyObject) -> Py_ssize_t;
}

/// Return true if `ob` is exactly a `frozenset`.
#[inline]
pub unsafe fn PyFrozenSet_CheckExact(ob: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(ob, &raw mut PyFrozenSet_Type)
}

/// Return true if `ob` is a `frozenset` or an instance of a subtype.
#[inline]
pub unsafe fn PyFrozenSet_Check(ob: *mut PyObject) -> c_int {
    (crate::Py_IS_TYPE(ob, &raw mut PyFrozenSet_Type) != 0
        || crate::PyType_IsSubtype(crate::Py_TYPE(ob), &raw mut PyFrozenSet_Type) != 0) as c_int
}

/// Return true if `ob` is exactly a `set` or a `frozenset`.
#[inline]
pub unsafe fn PyAnySet_CheckExact(ob: *mut PyObject) -> c_int {
    (crate::Py_IS_TYPE(ob, &raw mut PySet_Type) != 0
        || crate::Py_IS_TYPE(ob, &raw mut PyFrozenSet_Type) != 0) as c_int
}

/// Return true if `ob` is a `set`, a `frozenset`, or an instance of a subtype of either.
#[inline]
pub unsafe fn PyAnySet_Check(ob: *mut PyObject) -> c_int {
    (PyAnySet_CheckExact(ob) != 0
        || crate::PyType_IsSubtype(crate::Py_TYPE(ob), &raw mut PySet_Type) != 0
        || crate::PyType_IsSubtype(crate::Py_TYPE(ob), &raw mut PyFrozenSet_Type) != 0) as c_int
}

/// Return true if `op` is exactly a `set` (3.10+).
#[cfg(Py_3_10)]
#[inline]
pub unsafe fn PySet_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PySet_Type)
}

/// Return true if `ob` is a `set` or an instance of a subtype of `set`.
#[inline]
pub unsafe fn PySet_Check(ob: *mut PyObject) -> c_int {
    (crate::Py_IS_TYPE(ob, &raw mut PySet_Type) != 0
        || crate::PyType_IsSubtype(crate::Py_TYPE(ob), &raw mut PySet_Type) != 0) as c_int
}
