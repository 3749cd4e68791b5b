//! Object header and type-object declarations from `object.h`.
//! (Bootstrap subset; the object-model work completes this file.)
#[cfg(not(Py_LIMITED_API))]
pub use crate::cpython::object::PyTypeObject;
use crate::pyport::Py_ssize_t;

#[repr(C)]
#[derive(Debug)]
pub struct PyObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut PyTypeObject,
}

#[repr(C)]
#[derive(Debug)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: Py_ssize_t,
}

#[cfg(Py_LIMITED_API)]
#[repr(C)]
pub struct PyTypeObject {
    _opaque: [u8; 0],
}
