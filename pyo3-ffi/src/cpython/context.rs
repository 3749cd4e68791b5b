//! Context variables (`contextvars`) from `cpython/context.h` (`context.h` before 3.11).

use crate::{PyObject, PyTypeObject};
use std::ffi::{c_char, c_int};

extern "C" {
    /// The `contextvars.Context` type.
    #[cfg(not(PyPy))]
    pub static mut PyContext_Type: PyTypeObject;
    /// The `contextvars.ContextVar` type.
    #[cfg(not(PyPy))]
    pub static mut PyContextVar_Type: PyTypeObject;
    /// The `contextvars.Token` type.
    #[cfg(not(PyPy))]
    pub static mut PyContextToken_Type: PyTypeObject;
}

#[cfg(not(PyPy))]
/// Returns 1 if `op` is exactly a `contextvars.Context`.
#[inline]
pub unsafe fn PyContext_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyContext_Type)
}

#[cfg(not(PyPy))]
/// Returns 1 if `op` is exactly a `contextvars.ContextVar`.
#[inline]
pub unsafe fn PyContextVar_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyContextVar_Type)
}

#[cfg(not(PyPy))]
/// Returns 1 if `op` is exactly a `contextvars.Token`.
#[inline]
pub unsafe fn PyContextToken_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyContextToken_Type)
}

extern "C" {
    /// Creates a new empty context.
    #[cfg(not(PyPy))]
    pub fn PyContext_New() -> *mut PyObject;
    /// Returns a shallow copy of `ctx`.
    #[cfg(not(PyPy))]
    pub fn PyContext_Copy(ctx: *mut PyObject) -> *mut PyObject;
    /// Returns a shallow copy of the current thread's context.
    #[cfg(not(PyPy))]
    pub fn PyContext_CopyCurrent() -> *mut PyObject;
    /// Makes `ctx` the current context of the thread.
    #[cfg(not(PyPy))]
    pub fn PyContext_Enter(ctx: *mut PyObject) -> c_int;
    /// Restores the context that was current before `PyContext_Enter(ctx)`.
    #[cfg(not(PyPy))]
    pub fn PyContext_Exit(ctx: *mut PyObject) -> c_int;
    /// Creates a context variable (`default_value` may be NULL).
    #[cfg_attr(PyPy, link_name = "PyPyContextVar_New")]
    pub fn PyContextVar_New(name: *const c_char, default_value: *mut PyObject) -> *mut PyObject;
    /// Looks up `var`; stores a new reference (or NULL) in `*value`; -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPyContextVar_Get")]
    pub fn PyContextVar_Get(
        var: *mut PyObject,
        default_value: *mut PyObject,
        value: *mut *mut PyObject,
    ) -> c_int;
    /// Sets `var` in the current context and returns a token.
    #[cfg_attr(PyPy, link_name = "PyPyContextVar_Set")]
    pub fn PyContextVar_Set(var: *mut PyObject, value: *mut PyObject) -> *mut PyObject;
    /// Resets `var` to its value before the `PyContextVar_Set` that returned `token`.
    #[cfg_attr(PyPy, link_name = "PyPyContextVar_Reset")]
    pub fn PyContextVar_Reset(var: *mut PyObject, token: *mut PyObject) -> c_int;
}

/// `PyContextEvent`: what a context watcher is told about (3.14+).
#[cfg(Py_3_14)]
pub type PyContextEvent = std::ffi::c_uint;
/// The current context has changed; the callback gets the new context or `None`.
#[cfg(Py_3_14)]
pub const Py_CONTEXT_SWITCHED: PyContextEvent = 1;
/// `PyContext_WatchCallback`: returns 0, or -1 with an exception set.
#[cfg(Py_3_14)]
pub type PyContext_WatchCallback =
    unsafe extern "C" fn(event: PyContextEvent, obj: *mut PyObject) -> c_int;

#[cfg(Py_3_14)]
extern "C" {
    /// Registers a context watcher; returns its id, or -1 with an exception set.
    pub fn PyContext_AddWatcher(callback: PyContext_WatchCallback) -> c_int;
    /// Unregisters the watcher `watcher_id`: 0, or -1 with an exception set.
    pub fn PyContext_ClearWatcher(watcher_id: c_int) -> c_int;
}
