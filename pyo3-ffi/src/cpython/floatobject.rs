//! Non-limited `float` APIs from `Include/cpython/floatobject.h` (part of `floatobject.h`
//! before 3.11).

use crate::PyObject;
use std::ffi::c_double;
#[cfg(Py_3_11)]
use std::ffi::{c_char, c_int};

/// The `float` object.
#[repr(C)]
#[derive(Debug)]
pub struct PyFloatObject {
    /// Object header.
    pub ob_base: PyObject,
    /// The value.
    pub ob_fval: c_double,
}

/// Return the C `double` stored in a `float` object, without error checking.
#[inline]
pub unsafe fn PyFloat_AS_DOUBLE(op: *mut PyObject) -> c_double {
    (*op.cast::<PyFloatObject>()).ob_fval
}

extern "C" {
    /// Pack `x` as an IEEE 754 binary16 into `p` (little endian if `le`); 0 or -1.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFloat_Pack2")]
    pub fn PyFloat_Pack2(x: c_double, p: *mut c_char, le: c_int) -> c_int;
    /// Pack `x` as an IEEE 754 binary32 into `p` (little endian if `le`); 0 or -1.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFloat_Pack4")]
    pub fn PyFloat_Pack4(x: c_double, p: *mut c_char, le: c_int) -> c_int;
    /// Pack `x` as an IEEE 754 binary64 into `p` (little endian if `le`); 0 or -1.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFloat_Pack8")]
    pub fn PyFloat_Pack8(x: c_double, p: *mut c_char, le: c_int) -> c_int;
    /// Unpack an IEEE 754 binary16 from `p`; -1.0 with an exception set on error.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFloat_Unpack2")]
    pub fn PyFloat_Unpack2(p: *const c_char, le: c_int) -> c_double;
    /// Unpack an IEEE 754 binary32 from `p`; -1.0 with an exception set on error.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFloat_Unpack4")]
    pub fn PyFloat_Unpack4(p: *const c_char, le: c_int) -> c_double;
    /// Unpack an IEEE 754 binary64 from `p`; -1.0 with an exception set on error.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFloat_Unpack8")]
    pub fn PyFloat_Unpack8(p: *const c_char, le: c_int) -> c_double;
}
