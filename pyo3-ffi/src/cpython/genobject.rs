//! Generator, coroutine and async-generator objects from `cpython/genobject.h`
//! (`genobject.h` before CPython 3.11).

use crate::{PyFrameObject, PyObject, PyTypeObject};
use std::ffi::c_int;

/// A generator object (opaque: its layout is an interpreter implementation detail).
#[repr(C)]
pub struct PyGenObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

extern "C" {
    /// The `generator` type.
    #[cfg(not(PyPy))]
    pub static mut PyGen_Type: PyTypeObject;
    /// The `coroutine` type.
    #[cfg(not(PyPy))]
    pub static mut PyCoro_Type: PyTypeObject;
    /// The `async_generator` type.
    #[cfg(not(PyPy))]
    pub static mut PyAsyncGen_Type: PyTypeObject;
}

#[cfg(not(PyPy))]
/// Returns 1 if `op` is a generator (or a subclass instance).
#[inline]
pub unsafe fn PyGen_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyGen_Type)
}

#[cfg(not(PyPy))]
/// Returns 1 if `op` is exactly a generator.
#[inline]
pub unsafe fn PyGen_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyGen_Type)
}

#[cfg(not(PyPy))]
/// Returns 1 if `op` is exactly a coroutine.
#[inline]
pub unsafe fn PyCoro_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyCoro_Type)
}

#[cfg(not(PyPy))]
/// Returns 1 if `op` is exactly an asynchronous generator.
#[inline]
pub unsafe fn PyAsyncGen_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyAsyncGen_Type)
}

extern "C" {
    /// Creates a generator from a frame (steals the frame reference).
    #[cfg(not(PyPy))]
    pub fn PyGen_New(frame: *mut PyFrameObject) -> *mut PyObject;
    /// Like `PyGen_New` with an explicit name and qualified name.
    #[cfg(not(PyPy))]
    pub fn PyGen_NewWithQualName(
        frame: *mut PyFrameObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    /// Creates a coroutine from a frame.
    #[cfg(not(PyPy))]
    pub fn PyCoro_New(
        frame: *mut PyFrameObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    /// Creates an asynchronous generator from a frame.
    #[cfg(not(PyPy))]
    pub fn PyAsyncGen_New(
        frame: *mut PyFrameObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    /// Returns a strong reference to the code object of a generator (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyGen_GetCode(gen: *mut PyGenObject) -> *mut crate::PyCodeObject;
}
