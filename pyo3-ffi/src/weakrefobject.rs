//! Weak references (`weakrefobject.h`).

use crate::{PyObject, PyObject_TypeCheck, PyTypeObject, Py_IS_TYPE};
use std::ffi::c_int;
use std::ptr;

#[cfg(not(PyPy))]
/// `PyWeakReference`: the layout of weak reference objects (`struct _PyWeakReference`).
#[cfg(not(Py_LIMITED_API))]
pub type PyWeakReference = crate::_PyWeakReference;

#[cfg(not(PyPy))]
/// `PyWeakReference` is opaque in the limited API.
#[cfg(Py_LIMITED_API)]
#[repr(C)]
pub struct _PyWeakReference {
    _private: [u8; 0],
}

/// `PyWeakReference`: opaque in the limited API.
#[cfg(Py_LIMITED_API)]
pub type PyWeakReference = _PyWeakReference;

extern "C" {
    /// The type of `weakref.ref`.
    #[cfg(not(PyPy))]
    pub static mut _PyWeakref_RefType: PyTypeObject;
    #[cfg(not(PyPy))]
    static mut _PyWeakref_ProxyType: PyTypeObject;
    #[cfg(not(PyPy))]
    static mut _PyWeakref_CallableProxyType: PyTypeObject;
}

#[cfg(not(PyPy))]
/// `PyWeakref_CheckRef(op)`: whether `op` is a `weakref.ref` (or subtype instance).
#[inline]
pub unsafe fn PyWeakref_CheckRef(op: *mut PyObject) -> c_int {
    PyObject_TypeCheck(op, ptr::addr_of_mut!(_PyWeakref_RefType))
}

#[cfg(not(PyPy))]
/// `PyWeakref_CheckRefExact(op)`: whether `op` is exactly a `weakref.ref`.
#[inline]
pub unsafe fn PyWeakref_CheckRefExact(op: *mut PyObject) -> c_int {
    Py_IS_TYPE(op, ptr::addr_of_mut!(_PyWeakref_RefType))
}

#[cfg(not(PyPy))]
/// `PyWeakref_CheckProxy(op)`: whether `op` is a weak proxy (callable or not).
#[inline]
pub unsafe fn PyWeakref_CheckProxy(op: *mut PyObject) -> c_int {
    (Py_IS_TYPE(op, ptr::addr_of_mut!(_PyWeakref_ProxyType)) != 0
        || Py_IS_TYPE(op, ptr::addr_of_mut!(_PyWeakref_CallableProxyType)) != 0) as c_int
}

#[cfg(not(PyPy))]
/// `PyWeakref_Check(op)`: whether `op` is a weak reference or proxy.
#[inline]
pub unsafe fn PyWeakref_Check(op: *mut PyObject) -> c_int {
    (PyWeakref_CheckRef(op) != 0 || PyWeakref_CheckProxy(op) != 0) as c_int
}

extern "C" {
    /// Creates a weak reference to `ob`, with an optional callback.
    #[cfg_attr(PyPy, link_name = "PyPyWeakref_NewRef")]
    pub fn PyWeakref_NewRef(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject;
    /// Creates a weak proxy to `ob`, with an optional callback.
    #[cfg_attr(PyPy, link_name = "PyPyWeakref_NewProxy")]
    pub fn PyWeakref_NewProxy(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject;
    /// Returns the referent (borrowed), or `None` if it is dead (deprecated in 3.13).
    #[cfg_attr(
        Py_3_13,
        deprecated(note = "deprecated since Python 3.13; use PyWeakref_GetRef")
    )]
    #[cfg_attr(PyPy, link_name = "PyPyWeakref_GetObject")]
    pub fn PyWeakref_GetObject(reference: *mut PyObject) -> *mut PyObject;
    /// Stores a strong reference to the referent in `*pobj` (NULL if dead); returns 1, 0, or
    /// -1 on error (3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyWeakref_GetRef")]
    pub fn PyWeakref_GetRef(reference: *mut PyObject, pobj: *mut *mut PyObject) -> c_int;
}

// PyPy exports the checks as functions (its headers map the names to these symbols).
#[cfg(PyPy)]
extern "C" {
    /// Whether `op` is a `weakref.ref` (or subtype instance).
    #[link_name = "PyPyWeakref_CheckRef"]
    pub fn PyWeakref_CheckRef(op: *mut PyObject) -> c_int;
    /// Whether `op` is exactly a `weakref.ref`.
    #[link_name = "PyPyWeakref_CheckRefExact"]
    pub fn PyWeakref_CheckRefExact(op: *mut PyObject) -> c_int;
    /// Whether `op` is a weak proxy (callable or not).
    #[link_name = "PyPyWeakref_CheckProxy"]
    pub fn PyWeakref_CheckProxy(op: *mut PyObject) -> c_int;
    /// Whether `op` is a weak reference or proxy.
    #[link_name = "PyPyWeakref_Check"]
    pub fn PyWeakref_Check(op: *mut PyObject) -> c_int;
}
