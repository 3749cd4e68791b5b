//! Non-limited evaluation loop declarations from `Include/cpython/ceval.h`.

#[cfg(not(Py_3_11))]
use crate::PyFrameObject;
#[cfg(Py_3_12)]
use crate::Py_ssize_t;
use crate::{freefunc, PyCompilerFlags, PyObject, PyThreadState, Py_tracefunc};
use std::ffi::c_int;

/// Opaque interpreter frame of Python 3.11+ (`struct _PyInterpreterFrame`).
#[cfg(Py_3_11)]
#[repr(C)]
pub struct _PyInterpreterFrame {
    _private: [u8; 0],
}

extern "C" {
    /// Sets the profile function of the current thread.
    #[cfg(not(PyPy))]
    pub fn PyEval_SetProfile(func: Option<Py_tracefunc>, arg: *mut PyObject);
    /// Sets the profile function of every thread (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyEval_SetProfileAllThreads(func: Option<Py_tracefunc>, arg: *mut PyObject);
    /// Sets the trace function of the current thread.
    #[cfg(not(PyPy))]
    pub fn PyEval_SetTrace(func: Option<Py_tracefunc>, arg: *mut PyObject);
    /// Sets the trace function of every thread (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyEval_SetTraceAllThreads(func: Option<Py_tracefunc>, arg: *mut PyObject);

    /// Merges the future flags of the current frame into `cf`.
    #[cfg_attr(PyPy, link_name = "PyPyEval_MergeCompilerFlags")]
    pub fn PyEval_MergeCompilerFlags(cf: *mut PyCompilerFlags) -> c_int;

    /// The default frame evaluation function (3.9 and 3.10 signature).
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn _PyEval_EvalFrameDefault(
        tstate: *mut PyThreadState,
        f: *mut PyFrameObject,
        exc: c_int,
    ) -> *mut PyObject;
    /// The default frame evaluation function (3.11+ signature).
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn _PyEval_EvalFrameDefault(
        tstate: *mut PyThreadState,
        frame: *mut _PyInterpreterFrame,
        exc: c_int,
    ) -> *mut PyObject;

    /// Reserves an index for code object extra data (exported as
    /// `_PyEval_RequestCodeExtraIndex` before 3.12).
    #[cfg_attr(not(Py_3_12), link_name = "_PyEval_RequestCodeExtraIndex")]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Eval_RequestCodeExtraIndex(func: freefunc) -> crate::Py_ssize_t;
    /// Reserves an index for code object extra data (an exported function before 3.12).
    #[cfg(not(any(Py_3_12, PyPy)))]
    pub fn _PyEval_RequestCodeExtraIndex(func: freefunc) -> crate::Py_ssize_t;
}

/// Reserves an index for code object extra data (an inline alias from 3.12).
#[cfg(Py_3_12)]
#[inline]
pub unsafe fn _PyEval_RequestCodeExtraIndex(func: freefunc) -> Py_ssize_t {
    PyUnstable_Eval_RequestCodeExtraIndex(func)
}
