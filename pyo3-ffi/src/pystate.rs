//! Thread and interpreter state from `Include/pystate.h`: the GIL state API, thread state
//! switching and per-interpreter module lookup.

use crate::{PyFrameObject, PyModuleDef, PyObject};
use std::ffi::{c_int, c_ulong};

/// Maximum number of extra-data slots of code objects.
pub const MAX_CO_EXTRA_USERS: c_int = 255;

/// Per-thread interpreter state (`struct _ts`); opaque here, use the accessor functions.
#[repr(C)]
pub struct PyThreadState {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

/// Per-interpreter state (`struct _is`); opaque.
#[repr(C)]
pub struct PyInterpreterState {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

/// Whether the GIL was already held when [`PyGILState_Ensure`] was called.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PyGILState_STATE {
    /// The GIL was held already.
    PyGILState_LOCKED,
    /// The GIL was acquired by the call.
    PyGILState_UNLOCKED,
}

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_New")]
    pub fn PyInterpreterState_New() -> *mut PyInterpreterState;
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_Clear")]
    pub fn PyInterpreterState_Clear(arg1: *mut PyInterpreterState);
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_Delete")]
    pub fn PyInterpreterState_Delete(arg1: *mut PyInterpreterState);
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_Get")]
    pub fn PyInterpreterState_Get() -> *mut PyInterpreterState;
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_GetDict")]
    pub fn PyInterpreterState_GetDict(arg1: *mut PyInterpreterState) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_GetID")]
    pub fn PyInterpreterState_GetID(arg1: *mut PyInterpreterState) -> i64;
    #[cfg_attr(PyPy, link_name = "PyPyState_AddModule")]
    pub fn PyState_AddModule(arg1: *mut PyObject, arg2: *mut PyModuleDef) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyState_RemoveModule")]
    pub fn PyState_RemoveModule(arg1: *mut PyModuleDef) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyState_FindModule")]
    pub fn PyState_FindModule(arg1: *mut PyModuleDef) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_New")]
    pub fn PyThreadState_New(arg1: *mut PyInterpreterState) -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Clear")]
    pub fn PyThreadState_Clear(arg1: *mut PyThreadState);
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Delete")]
    pub fn PyThreadState_Delete(arg1: *mut PyThreadState);
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Get")]
    pub fn PyThreadState_Get() -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Swap")]
    pub fn PyThreadState_Swap(arg1: *mut PyThreadState) -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_GetDict")]
    pub fn PyThreadState_GetDict() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_SetAsyncExc")]
    pub fn PyThreadState_SetAsyncExc(arg1: c_ulong, arg2: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_GetInterpreter")]
    pub fn PyThreadState_GetInterpreter(tstate: *mut PyThreadState) -> *mut PyInterpreterState;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_GetFrame")]
    pub fn PyThreadState_GetFrame(tstate: *mut PyThreadState) -> *mut PyFrameObject;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_GetID")]
    pub fn PyThreadState_GetID(tstate: *mut PyThreadState) -> u64;
    #[cfg_attr(PyPy, link_name = "PyPyGILState_Ensure")]
    pub fn PyGILState_Ensure() -> PyGILState_STATE;
    #[cfg_attr(PyPy, link_name = "PyPyGILState_Release")]
    pub fn PyGILState_Release(arg1: PyGILState_STATE);
    #[cfg_attr(PyPy, link_name = "PyPyGILState_GetThisThreadState")]
    pub fn PyGILState_GetThisThreadState() -> *mut PyThreadState;
}

/// The current thread state (the C macro `PyThreadState_GET`).
#[inline]
pub unsafe fn PyThreadState_GET() -> *mut PyThreadState {
    PyThreadState_Get()
}
