//! Non-limited thread and interpreter state API from `Include/cpython/pystate.h`.

#[cfg(Py_3_11)]
use crate::_PyInterpreterFrame;
#[cfg(not(Py_3_11))]
use crate::PyFrameObject;
use crate::{PyInterpreterState, PyObject, PyThreadState};
use std::ffi::c_int;

/// Signature of profile and trace functions (`sys.setprofile` / `sys.settrace` at C level).
pub type Py_tracefunc = unsafe extern "C" fn(
    obj: *mut PyObject,
    frame: *mut crate::PyFrameObject,
    what: c_int,
    arg: *mut PyObject,
) -> c_int;

/// Trace event: a function call.
pub const PyTrace_CALL: c_int = 0;
/// Trace event: an exception was raised.
pub const PyTrace_EXCEPTION: c_int = 1;
/// Trace event: a new line is executed.
pub const PyTrace_LINE: c_int = 2;
/// Trace event: a function returns.
pub const PyTrace_RETURN: c_int = 3;
/// Trace event: a C function is called.
pub const PyTrace_C_CALL: c_int = 4;
/// Trace event: a C function raised.
pub const PyTrace_C_EXCEPTION: c_int = 5;
/// Trace event: a C function returned.
pub const PyTrace_C_RETURN: c_int = 6;
/// Trace event: a new opcode is executed.
pub const PyTrace_OPCODE: c_int = 7;

/// Frame evaluation function installed with `_PyInterpreterState_SetEvalFrameFunc` (3.9/3.10).
#[cfg(not(Py_3_11))]
pub type _PyFrameEvalFunction = unsafe extern "C" fn(
    tstate: *mut PyThreadState,
    frame: *mut PyFrameObject,
    exc: c_int,
) -> *mut PyObject;

/// Frame evaluation function installed with `_PyInterpreterState_SetEvalFrameFunc` (3.11+).
#[cfg(Py_3_11)]
pub type _PyFrameEvalFunction = unsafe extern "C" fn(
    tstate: *mut PyThreadState,
    frame: *mut _PyInterpreterFrame,
    exc: c_int,
) -> *mut PyObject;

extern "C" {
    /// Whether the current thread holds the GIL.
    #[cfg_attr(PyPy, link_name = "PyPyGILState_Check")]
    pub fn PyGILState_Check() -> c_int;

    /// The main interpreter.
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_Main() -> *mut PyInterpreterState;
    /// First interpreter of the list of all interpreters.
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_Head")]
    pub fn PyInterpreterState_Head() -> *mut PyInterpreterState;
    /// Next interpreter after `interp`.
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_Next")]
    pub fn PyInterpreterState_Next(interp: *mut PyInterpreterState) -> *mut PyInterpreterState;
    /// First thread state of `interp`.
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_ThreadHead(interp: *mut PyInterpreterState) -> *mut PyThreadState;
    /// Next thread state of the same interpreter.
    #[cfg(not(PyPy))]
    pub fn PyThreadState_Next(tstate: *mut PyThreadState) -> *mut PyThreadState;
    /// Destroys the current thread state and releases the GIL.
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_DeleteCurrent")]
    pub fn PyThreadState_DeleteCurrent();

    /// Suspends tracing and profiling in `tstate` (3.11+).
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_EnterTracing")]
    pub fn PyThreadState_EnterTracing(tstate: *mut PyThreadState);
    /// Resumes tracing and profiling in `tstate` (3.11+).
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_LeaveTracing")]
    pub fn PyThreadState_LeaveTracing(tstate: *mut PyThreadState);

    /// The current thread state, or NULL, without a fatal error (3.13+).
    #[cfg(Py_3_13)]
    pub fn PyThreadState_GetUnchecked() -> *mut PyThreadState;
    /// The current thread state, or NULL (private name before 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "_PyPyThreadState_UncheckedGet")]
    pub fn _PyThreadState_UncheckedGet() -> *mut PyThreadState;

    /// The `__main__` module of `interp` (3.13 only: removed in 3.14).
    #[cfg(all(Py_3_13, not(Py_3_14)))]
    pub fn PyUnstable_InterpreterState_GetMainModule(
        interp: *mut PyInterpreterState,
    ) -> *mut PyObject;

    /// Current frame evaluation function of `interp`.
    #[cfg(not(PyPy))]
    pub fn _PyInterpreterState_GetEvalFrameFunc(
        interp: *mut PyInterpreterState,
    ) -> _PyFrameEvalFunction;
    /// Installs a frame evaluation function in `interp`.
    #[cfg(not(PyPy))]
    pub fn _PyInterpreterState_SetEvalFrameFunc(
        interp: *mut PyInterpreterState,
        eval_frame: _PyFrameEvalFunction,
    );
}

/// The current thread state, or NULL (the 3.13 alias of `PyThreadState_GetUnchecked`).
#[cfg(Py_3_13)]
#[inline]
pub unsafe fn _PyThreadState_UncheckedGet() -> *mut PyThreadState {
    PyThreadState_GetUnchecked()
}
