//! The evaluation loop interface from `Include/ceval.h` (and `eval.h` before 3.11):
//! thread state switching, recursion checks, frame and namespace access.

use crate::{PyFrameObject, PyObject, PyThreadState};
use std::ffi::{c_char, c_int, c_void};

extern "C" {
    /// Calls `callable(*args, **kwargs)` (deprecated; removed in 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallObjectWithKeywords")]
    pub fn PyEval_CallObjectWithKeywords(
        callable: *mut PyObject,
        args: *mut PyObject,
        kwargs: *mut PyObject,
    ) -> *mut PyObject;
    /// Calls `callable` with a `Py_BuildValue` format (deprecated; removed in 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallFunction")]
    pub fn PyEval_CallFunction(
        callable: *mut PyObject,
        format: *const c_char,
        ...
    ) -> *mut PyObject;
    /// Calls method `name` of `obj` with a `Py_BuildValue` format (deprecated; removed in 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallMethod")]
    pub fn PyEval_CallMethod(
        obj: *mut PyObject,
        name: *const c_char,
        format: *const c_char,
        ...
    ) -> *mut PyObject;
    /// Builtins of the current frame (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetBuiltins")]
    pub fn PyEval_GetBuiltins() -> *mut PyObject;
    /// Globals of the current frame (borrowed), or NULL.
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetGlobals")]
    pub fn PyEval_GetGlobals() -> *mut PyObject;
    /// Locals of the current frame (borrowed), or NULL.
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetLocals")]
    pub fn PyEval_GetLocals() -> *mut PyObject;
    /// The current frame (borrowed), or NULL.
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrame")]
    pub fn PyEval_GetFrame() -> *mut PyFrameObject;
    /// Runs pending calls; -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPy_MakePendingCalls")]
    pub fn Py_MakePendingCalls() -> c_int;
    /// Sets the recursion limit.
    #[cfg_attr(PyPy, link_name = "PyPy_SetRecursionLimit")]
    pub fn Py_SetRecursionLimit(new_limit: c_int);
    /// The recursion limit.
    #[cfg_attr(PyPy, link_name = "PyPy_GetRecursionLimit")]
    pub fn Py_GetRecursionLimit() -> c_int;
    /// Recursion check; -1 (with `RecursionError`) if the limit is exceeded.
    #[cfg_attr(PyPy, link_name = "PyPy_EnterRecursiveCall")]
    pub fn Py_EnterRecursiveCall(where_: *const c_char) -> c_int;
    /// Ends a `Py_EnterRecursiveCall` section.
    #[cfg_attr(PyPy, link_name = "PyPy_LeaveRecursiveCall")]
    pub fn Py_LeaveRecursiveCall();
    /// Name of `func`.
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFuncName")]
    pub fn PyEval_GetFuncName(func: *mut PyObject) -> *const c_char;
    /// Description suffix of `func` (e.g. `"()"`).
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFuncDesc")]
    pub fn PyEval_GetFuncDesc(func: *mut PyObject) -> *const c_char;
    /// Evaluates frame `f`.
    #[cfg(not(PyPy))]
    pub fn PyEval_EvalFrame(f: *mut PyFrameObject) -> *mut PyObject;
    /// Evaluates frame `f`; `exc` requests raising immediately.
    #[cfg(not(PyPy))]
    pub fn PyEval_EvalFrameEx(f: *mut PyFrameObject, exc: c_int) -> *mut PyObject;
    /// Releases the GIL and returns the thread state.
    #[cfg_attr(PyPy, link_name = "PyPyEval_SaveThread")]
    pub fn PyEval_SaveThread() -> *mut PyThreadState;
    /// Re-acquires the GIL and restores `tstate`.
    #[cfg_attr(PyPy, link_name = "PyPyEval_RestoreThread")]
    pub fn PyEval_RestoreThread(tstate: *mut PyThreadState);
    /// Whether the GIL exists (always 1 since 3.7; removed in 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_ThreadsInitialized")]
    pub fn PyEval_ThreadsInitialized() -> c_int;
    /// No-op since 3.9 (deprecated).
    #[cfg_attr(PyPy, link_name = "PyPyEval_InitThreads")]
    pub fn PyEval_InitThreads();
    /// Acquires the GIL (deprecated; removed in 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn PyEval_AcquireLock();
    /// Releases the GIL (deprecated; removed in 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn PyEval_ReleaseLock();
    /// Acquires the GIL and makes `tstate` current.
    #[cfg_attr(PyPy, link_name = "PyPyEval_AcquireThread")]
    pub fn PyEval_AcquireThread(tstate: *mut PyThreadState);
    /// Resets the current thread state and releases the GIL.
    #[cfg_attr(PyPy, link_name = "PyPyEval_ReleaseThread")]
    pub fn PyEval_ReleaseThread(tstate: *mut PyThreadState);
    /// Evaluates code object `co` with `globals` and `locals`.
    #[cfg_attr(PyPy, link_name = "PyPyEval_EvalCode")]
    pub fn PyEval_EvalCode(
        co: *mut PyObject,
        globals: *mut PyObject,
        locals: *mut PyObject,
    ) -> *mut PyObject;
    /// Evaluates code object `co` with explicit arguments, defaults and closure.
    #[cfg(not(PyPy))]
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
    /// Builtins of the current frame (new reference; 3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrameBuiltins")]
    pub fn PyEval_GetFrameBuiltins() -> *mut PyObject;
    /// Globals of the current frame (new reference; 3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrameGlobals")]
    pub fn PyEval_GetFrameGlobals() -> *mut PyObject;
    /// Locals of the current frame (new reference; 3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrameLocals")]
    pub fn PyEval_GetFrameLocals() -> *mut PyObject;
    /// Schedules `func(arg)` to run in the main thread.
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
