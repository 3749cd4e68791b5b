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
    /// Creates an interpreter state.
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_New() -> *mut PyInterpreterState;
    /// Resets `interp`.
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_Clear(interp: *mut PyInterpreterState);
    /// Destroys `interp`.
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_Delete(interp: *mut PyInterpreterState);
    /// The current interpreter.
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_Get() -> *mut PyInterpreterState;
    /// Per-interpreter storage dict (borrowed).
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_GetDict(interp: *mut PyInterpreterState) -> *mut PyObject;
    /// Unique ID of `interp`.
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_GetID")]
    pub fn PyInterpreterState_GetID(interp: *mut PyInterpreterState) -> i64;
    /// Registers `module` for `def` in the current interpreter.
    #[cfg_attr(PyPy, link_name = "PyPyState_AddModule")]
    pub fn PyState_AddModule(module: *mut PyObject, def: *mut PyModuleDef) -> c_int;
    /// Unregisters the module of `def`.
    #[cfg_attr(PyPy, link_name = "PyPyState_RemoveModule")]
    pub fn PyState_RemoveModule(def: *mut PyModuleDef) -> c_int;
    /// The module created from `def` in this interpreter (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyState_FindModule")]
    pub fn PyState_FindModule(def: *mut PyModuleDef) -> *mut PyObject;
    /// Creates a thread state for `interp`.
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_New")]
    pub fn PyThreadState_New(interp: *mut PyInterpreterState) -> *mut PyThreadState;
    /// Resets `tstate`.
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Clear")]
    pub fn PyThreadState_Clear(tstate: *mut PyThreadState);
    /// Destroys `tstate`.
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Delete")]
    pub fn PyThreadState_Delete(tstate: *mut PyThreadState);
    /// The current thread state (fatal error if none).
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Get")]
    pub fn PyThreadState_Get() -> *mut PyThreadState;
    /// Makes `tstate` current and returns the previous one.
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Swap")]
    pub fn PyThreadState_Swap(tstate: *mut PyThreadState) -> *mut PyThreadState;
    /// Per-thread storage dict (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_GetDict")]
    pub fn PyThreadState_GetDict() -> *mut PyObject;
    /// Raises `exc` asynchronously in thread `id`.
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_SetAsyncExc")]
    pub fn PyThreadState_SetAsyncExc(id: c_ulong, exc: *mut PyObject) -> c_int;
    /// Interpreter of `tstate`.
    pub fn PyThreadState_GetInterpreter(tstate: *mut PyThreadState) -> *mut PyInterpreterState;
    /// Current frame of `tstate` (new reference).
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_GetFrame")]
    pub fn PyThreadState_GetFrame(tstate: *mut PyThreadState) -> *mut PyFrameObject;
    /// Unique ID of `tstate`.
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_GetID")]
    pub fn PyThreadState_GetID(tstate: *mut PyThreadState) -> u64;
    /// Ensures the current thread holds the GIL.
    #[cfg_attr(PyPy, link_name = "PyPyGILState_Ensure")]
    pub fn PyGILState_Ensure() -> PyGILState_STATE;
    /// Releases what [`PyGILState_Ensure`] acquired.
    #[cfg_attr(PyPy, link_name = "PyPyGILState_Release")]
    pub fn PyGILState_Release(state: PyGILState_STATE);
    /// Thread state of the current thread for the GIL state API.
    #[cfg_attr(PyPy, link_name = "PyPyGILState_GetThisThreadState")]
    pub fn PyGILState_GetThisThreadState() -> *mut PyThreadState;
}

/// The current thread state (the C macro `PyThreadState_GET`).
#[inline]
pub unsafe fn PyThreadState_GET() -> *mut PyThreadState {
    PyThreadState_Get()
}
