//! Set-up shared by the integration tests that embed an interpreter (each test file is its own
//! crate and includes this module with `mod common;`).

use pyo3_ffi::*;
use std::sync::Once;

static INIT: Once = Once::new();

/// Runs `f` attached to the interpreter, initializing it on first use, and checks that `f`
/// left no exception set.
pub fn with_gil<R>(f: impl FnOnce() -> R) -> R {
    INIT.call_once(|| unsafe {
        if Py_IsInitialized() == 0 {
            Py_InitializeEx(0);
            // Release the GIL so that every test thread can take it.
            PyEval_SaveThread();
        }
    });
    unsafe {
        let state = PyGILState_Ensure();
        let result = f();
        assert!(PyErr_Occurred().is_null(), "test left an exception set");
        PyGILState_Release(state);
        result
    }
}
