//! The evaluation loop interface from `Include/ceval.h` (and `eval.h` before 3.11):
//! thread state switching, recursion checks, frame and namespace access.

use crate::{PyFrameObject, PyObject, PyThreadState};
use std::ffi::{c_char, c_int, c_void};

extern "C" {
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallObjectWithKeywords")]
    pub fn PyEval_CallObjectWithKeywords(
        callable: *mut PyObject,
        args: *mut PyObject,
        kwargs: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallFunction")]
    pub fn PyEval_CallFunction(
        callable: *mut PyObject,
        format: *const c_char,
        ...
    ) -> *mut PyObject;
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallMethod")]
    pub fn PyEval_CallMethod(
        obj: *mut PyObject,
        name: *const c_char,
        format: *const c_char,
        ...
    ) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetBuiltins")]
    pub fn PyEval_GetBuiltins() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetGlobals")]
    pub fn PyEval_GetGlobals() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetLocals")]
    pub fn PyEval_GetLocals() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrame")]
    pub fn PyEval_GetFrame() -> *mut PyFrameObject;
    #[cfg_attr(PyPy, link_name = "PyPy_MakePendingCalls")]
    pub fn Py_MakePendingCalls() -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_SetRecursionLimit")]
    pub fn Py_SetRecursionLimit(arg1: c_int);
    #[cfg_attr(PyPy, link_name = "PyPy_GetRecursionLimit")]
    pub fn Py_GetRecursionLimit() -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_EnterRecursiveCall")]
    pub fn Py_EnterRecursiveCall(where_: *const c_char) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_LeaveRecursiveCall")]
    pub fn Py_LeaveRecursiveCall();
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFuncName")]
    pub fn PyEval_GetFuncName(arg1: *mut PyObject) -> *const c_char;
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFuncDesc")]
    pub fn PyEval_GetFuncDesc(arg1: *mut PyObject) -> *const c_char;
    #[cfg_attr(PyPy, link_name = "PyPyEval_EvalFrame")]
    pub fn PyEval_EvalFrame(arg1: *mut PyFrameObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_EvalFrameEx")]
    pub fn PyEval_EvalFrameEx(f: *mut PyFrameObject, exc: c_int) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_SaveThread")]
    pub fn PyEval_SaveThread() -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyEval_RestoreThread")]
    pub fn PyEval_RestoreThread(arg1: *mut PyThreadState);
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_ThreadsInitialized")]
    pub fn PyEval_ThreadsInitialized() -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyEval_InitThreads")]
    pub fn PyEval_InitThreads();
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_AcquireLock")]
    pub fn PyEval_AcquireLock();
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_ReleaseLock")]
    pub fn PyEval_ReleaseLock();
    #[cfg_attr(PyPy, link_name = "PyPyEval_AcquireThread")]
    pub fn PyEval_AcquireThread(tstate: *mut PyThreadState);
    #[cfg_attr(PyPy, link_name = "PyPyEval_ReleaseThread")]
    pub fn PyEval_ReleaseThread(tstate: *mut PyThreadState);
    #[cfg_attr(PyPy, link_name = "PyPyEval_EvalCode")]
    pub fn PyEval_EvalCode(
        arg1: *mut PyObject,
        arg2: *mut PyObject,
        arg3: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_EvalCodeEx")]
    pub fn PyEval_EvalCodeEx(
        co: *mut PyObject,
        globals: *mut PyObject,
        locals: *mut PyObject,
        args: *const *mut PyObject,
        argc: c_int,
        kwds: *const *mut PyObject,
        kwdc: c_int,
        defs: *const *mut PyObject,
        defc: c_int,
        kwdefs: *mut PyObject,
        closure: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrameBuiltins")]
    pub fn PyEval_GetFrameBuiltins() -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrameGlobals")]
    pub fn PyEval_GetFrameGlobals() -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrameLocals")]
    pub fn PyEval_GetFrameLocals() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPy_AddPendingCall")]
    pub fn Py_AddPendingCall(
        func: Option<unsafe extern "C" fn(arg: *mut c_void) -> c_int>,
        arg: *mut c_void,
    ) -> c_int;
}

/// Calls `callable` with the argument tuple `arg` (removed in 3.13).
#[cfg(not(Py_3_13))]
#[inline]
pub unsafe fn PyEval_CallObject(callable: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    #[allow(deprecated)]
    PyEval_CallObjectWithKeywords(callable, arg, std::ptr::null_mut())
}

/// Mask of the conversion bits in the `FORMAT_VALUE` opcode argument.
pub const FVC_MASK: c_int = 0x3;
/// `FORMAT_VALUE`: no conversion.
pub const FVC_NONE: c_int = 0x0;
/// `FORMAT_VALUE`: `!s` conversion.
pub const FVC_STR: c_int = 0x1;
/// `FORMAT_VALUE`: `!r` conversion.
pub const FVC_REPR: c_int = 0x2;
/// `FORMAT_VALUE`: `!a` conversion.
pub const FVC_ASCII: c_int = 0x3;
/// `FORMAT_VALUE`: mask of the "has format spec" bit.
pub const FVS_MASK: c_int = 0x4;
/// `FORMAT_VALUE`: a format spec is on the stack.
pub const FVS_HAVE_SPEC: c_int = 0x4;
