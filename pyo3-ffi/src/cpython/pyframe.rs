//! Non-limited frame accessors from `cpython/pyframe.h` (and `cpython/frameobject.h` before
//! CPython 3.11).

#[cfg(Py_3_12)]
use crate::_PyInterpreterFrame;
use crate::{PyFrameObject, PyObject, PyTypeObject};
#[cfg(Py_3_12)]
use std::ffi::c_char;
use std::ffi::c_int;

extern "C" {
    /// The `frame` type.
    #[cfg_attr(PyPy, link_name = "PyPyFrame_Type")]
    pub static mut PyFrame_Type: PyTypeObject;
    /// The type of `frame.f_locals` proxies (CPython 3.13+).
    #[cfg(Py_3_13)]
    pub static mut PyFrameLocalsProxy_Type: PyTypeObject;
}

/// Returns 1 if `op` is exactly a frame object.
#[inline]
pub unsafe fn PyFrame_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyFrame_Type)
}

/// Returns 1 if `op` is exactly a frame-locals proxy.
#[cfg(Py_3_13)]
#[inline]
pub unsafe fn PyFrameLocalsProxy_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyFrameLocalsProxy_Type)
}

extern "C" {
    /// Returns a strong reference to the outer frame, or NULL.
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetBack(frame: *mut PyFrameObject) -> *mut PyFrameObject;
    /// Returns a strong reference to `frame.f_locals`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFrame_GetLocals")]
    pub fn PyFrame_GetLocals(frame: *mut PyFrameObject) -> *mut PyObject;
    /// Returns a strong reference to `frame.f_globals`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFrame_GetGlobals")]
    pub fn PyFrame_GetGlobals(frame: *mut PyFrameObject) -> *mut PyObject;
    /// Returns a strong reference to `frame.f_builtins`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFrame_GetBuiltins")]
    pub fn PyFrame_GetBuiltins(frame: *mut PyFrameObject) -> *mut PyObject;
    /// Returns a strong reference to the generator owning `frame`, or NULL.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFrame_GetGenerator")]
    pub fn PyFrame_GetGenerator(frame: *mut PyFrameObject) -> *mut PyObject;
    /// Returns `frame.f_lasti`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyFrame_GetLasti")]
    pub fn PyFrame_GetLasti(frame: *mut PyFrameObject) -> c_int;
    /// Returns the value of the variable `name` in `frame`.
    #[cfg(Py_3_12)]
    pub fn PyFrame_GetVar(frame: *mut PyFrameObject, name: *mut PyObject) -> *mut PyObject;
    /// Like `PyFrame_GetVar` with a UTF-8 C string name.
    #[cfg(Py_3_12)]
    pub fn PyFrame_GetVarString(frame: *mut PyFrameObject, name: *const c_char) -> *mut PyObject;
}

#[cfg(Py_3_12)]
extern "C" {
    /// Returns a strong reference to the code object of an interpreter frame.
    pub fn PyUnstable_InterpreterFrame_GetCode(frame: *mut _PyInterpreterFrame) -> *mut PyObject;
    /// Returns the last instruction offset of an interpreter frame.
    pub fn PyUnstable_InterpreterFrame_GetLasti(frame: *mut _PyInterpreterFrame) -> c_int;
    /// Returns the current line number of an interpreter frame.
    pub fn PyUnstable_InterpreterFrame_GetLine(frame: *mut _PyInterpreterFrame) -> c_int;
}

/// Executable kind: skip this frame.
#[cfg(Py_3_13)]
pub const PyUnstable_EXECUTABLE_KIND_SKIP: c_int = 0;
/// Executable kind: Python function.
#[cfg(Py_3_13)]
pub const PyUnstable_EXECUTABLE_KIND_PY_FUNCTION: c_int = 1;
/// Executable kind: builtin function.
#[cfg(Py_3_13)]
pub const PyUnstable_EXECUTABLE_KIND_BUILTIN_FUNCTION: c_int = 3;
/// Executable kind: method descriptor.
#[cfg(Py_3_13)]
pub const PyUnstable_EXECUTABLE_KIND_METHOD_DESCRIPTOR: c_int = 4;
/// Number of executable kinds.
#[cfg(Py_3_13)]
pub const PyUnstable_EXECUTABLE_KINDS: c_int = 5;

#[cfg(Py_3_13)]
extern "C" {
    /// Type objects indexed by executable kind.
    pub static PyUnstable_ExecutableKinds: [*const PyTypeObject; 6];
}
