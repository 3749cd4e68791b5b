//! Generator, coroutine and async-generator objects from `cpython/genobject.h`
//! (`genobject.h` before CPython 3.11).

use crate::{PyFrameObject, PyObject, PyTypeObject};
use std::ffi::c_int;

/// One entry of a thread's (or a generator's) stack of exceptions being handled
/// (`cpython/pystate.h`), embedded in every generator object.
#[cfg(not(any(PyPy, Py_3_14)))]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct _PyErr_StackItem {
    /// Type of the exception being handled (before 3.11 the triple was stored unnormalised).
    #[cfg(not(Py_3_11))]
    pub exc_type: *mut PyObject,
    /// The exception being handled in this context, if any.
    pub exc_value: *mut PyObject,
    /// Traceback of the exception being handled.
    #[cfg(not(Py_3_11))]
    pub exc_traceback: *mut PyObject,
    /// The next entry down the stack.
    pub previous_item: *mut _PyErr_StackItem,
}

/// A generator object, as `_PyGenObject_HEAD(gi)` lays it out in CPython 3.9-3.13 (each
/// field is cfg'd to the versions whose header has it). From 3.14 on the struct lives in the
/// internal headers only, so it is opaque there.
#[cfg(not(any(PyPy, Py_3_14)))]
#[repr(C)]
pub struct PyGenObject {
    /// Object header.
    pub ob_base: PyObject,
    /// The frame being executed (NULL once the generator finished; 3.9-3.10).
    #[cfg(not(Py_3_11))]
    pub gi_frame: *mut PyFrameObject,
    /// Whether the generator is running (3.9 only).
    #[cfg(not(Py_3_10))]
    pub gi_running: std::ffi::c_char,
    /// The code object backing the generator (a `PyCodeObject *` in 3.11; removed in 3.12).
    #[cfg(not(Py_3_12))]
    pub gi_code: *mut PyObject,
    /// List of weak references.
    pub gi_weakreflist: *mut PyObject,
    /// `__name__`.
    pub gi_name: *mut PyObject,
    /// `__qualname__`.
    pub gi_qualname: *mut PyObject,
    /// The generator's own entry of the exception stack.
    pub gi_exc_state: _PyErr_StackItem,
    /// Coroutine origin, or the async generator's finalizer (3.11+).
    #[cfg(Py_3_11)]
    pub gi_origin_or_finalizer: *mut PyObject,
    /// Whether the async generator hooks were set up (3.11+).
    #[cfg(Py_3_11)]
    pub gi_hooks_inited: std::ffi::c_char,
    /// Whether the async generator was closed (3.11+).
    #[cfg(Py_3_11)]
    pub gi_closed: std::ffi::c_char,
    /// Whether an async generator's `asend`/`athrow` is running (3.11+).
    #[cfg(Py_3_11)]
    pub gi_running_async: std::ffi::c_char,
    /// State of the embedded frame (3.11+).
    #[cfg(Py_3_11)]
    pub gi_frame_state: i8,
    /// Start of the embedded interpreter frame (variable size; 3.11+).
    #[cfg(Py_3_11)]
    pub gi_iframe: [*mut PyObject; 1],
}

/// PyPy's generator object: only the header and the code object are exposed.
#[cfg(PyPy)]
#[repr(C)]
pub struct PyGenObject {
    /// Object header.
    pub ob_base: PyObject,
    /// The code object backing the generator.
    pub gi_code: *mut PyObject,
}

/// A generator object (opaque from CPython 3.14 on: its layout is in the internal headers).
#[cfg(all(not(PyPy), Py_3_14))]
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
