//! Floating point (`float`) objects: declarations from `Include/floatobject.h`.

use crate::{PyObject, PyTypeObject};
use std::ffi::{c_double, c_int};

/// Opaque `PyFloatObject`: the layout of a `float` is not part of the limited API (the full API's
/// struct is in `cpython`). Only usable behind a pointer; it has no size to build on.
#[cfg(Py_LIMITED_API)]
#[repr(C)]
pub struct PyFloatObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

extern "C" {
    /// The `float` type object.
    #[cfg_attr(PyPy, link_name = "PyPyFloat_Type")]
    pub static mut PyFloat_Type: PyTypeObject;
}

/// Return true if `op` is a `float` or an instance of a subtype of `float`.
#[inline]
pub unsafe fn PyFloat_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyFloat_Type)
}

/// Return true if `op` is exactly a `float` (not a subtype).
#[inline]
pub unsafe fn PyFloat_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyFloat_Type)
}

extern "C" {
    /// Largest finite `float` (`DBL_MAX`).
    #[cfg(not(PyPy))]
    pub fn PyFloat_GetMax() -> c_double;
    /// Smallest normalized positive `float` (`DBL_MIN`).
    #[cfg(not(PyPy))]
    pub fn PyFloat_GetMin() -> c_double;
    /// Return a struct sequence describing the `float` representation (`sys.float_info`).
    #[cfg(not(PyPy))]
    pub fn PyFloat_GetInfo() -> *mut PyObject;
    /// Parse a `float` from a `str` (or bytes-like) object.
    #[cfg_attr(PyPy, link_name = "PyPyFloat_FromString")]
    pub fn PyFloat_FromString(str: *mut PyObject) -> *mut PyObject;
    /// Return a new `float` from a C `double`.
    #[cfg_attr(PyPy, link_name = "PyPyFloat_FromDouble")]
    pub fn PyFloat_FromDouble(v: c_double) -> *mut PyObject;
    /// Convert an object to a C `double` (using `__float__`/`__index__`); -1.0 on error.
    #[cfg_attr(PyPy, link_name = "PyPyFloat_AsDouble")]
    pub fn PyFloat_AsDouble(op: *mut PyObject) -> c_double;
}
