//! Non-limited complex number APIs from `Include/cpython/complexobject.h` (part of
//! `complexobject.h` before 3.11).

use crate::PyObject;
use std::ffi::c_double;

/// A C complex number.
#[repr(C)]
#[derive(Debug, Copy, Clone, PartialEq, Default)]
pub struct Py_complex {
    /// Real part.
    pub real: c_double,
    /// Imaginary part.
    pub imag: c_double,
}

/// The `complex` object.
#[repr(C)]
#[derive(Debug)]
pub struct PyComplexObject {
    /// Object header.
    pub ob_base: PyObject,
    /// The value.
    pub cval: Py_complex,
}

extern "C" {
    /// Return a new `complex` from a [`Py_complex`].
    #[cfg_attr(PyPy, link_name = "PyPyComplex_FromCComplex")]
    pub fn PyComplex_FromCComplex(v: Py_complex) -> *mut PyObject;
    /// Convert an object to a [`Py_complex`]; `{-1.0, 0.0}` with an exception set on error.
    #[cfg_attr(PyPy, link_name = "PyPyComplex_AsCComplex")]
    pub fn PyComplex_AsCComplex(op: *mut PyObject) -> Py_complex;
}
