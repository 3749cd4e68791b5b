//! Complex number objects: declarations from `Include/complexobject.h`.

use crate::{PyObject, PyTypeObject};
use std::ffi::{c_double, c_int};

extern "C" {
    /// The `complex` type object.
    #[cfg_attr(PyPy, link_name = "PyPyComplex_Type")]
    pub static mut PyComplex_Type: PyTypeObject;
}

/// Return true if `op` is a `complex` or an instance of a subtype of `complex`.
#[inline]
pub unsafe fn PyComplex_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyComplex_Type)
}

/// Return true if `op` is exactly a `complex` (not a subtype).
#[inline]
pub unsafe fn PyComplex_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyComplex_Type)
}

extern "C" {
    /// Return a new `complex` from its real and imaginary parts.
    #[cfg_attr(PyPy, link_name = "PyPyComplex_FromDoubles")]
    pub fn PyComplex_FromDoubles(real: c_double, imag: c_double) -> *mut PyObject;
    /// Return the real part of a complex number as a C `double`.
    #[cfg_attr(PyPy, link_name = "PyPyComplex_RealAsDouble")]
    pub fn PyComplex_RealAsDouble(op: *mut PyObject) -> c_double;
    /// Return the imaginary part of a complex number as a C `double`.
    #[cfg_attr(PyPy, link_name = "PyPyComplex_ImagAsDouble")]
    pub fn PyComplex_ImagAsDouble(op: *mut PyObject) -> c_double;
}
