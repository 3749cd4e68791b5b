//! [`PanicException`]: how a Rust panic is represented in Python.

use std::any::Any;

use crate::PyErr;

crate::create_exception!(
    pyo3_runtime,
    PanicException,
    crate::exceptions::PyBaseException,
    "Raised in Python when Rust code panics.\n\nIt derives from `BaseException` (like \
     `SystemExit`) so that ordinary `except Exception:` handlers do not swallow it."
);

impl PanicException {
    /// Converts a panic payload (from `catch_unwind`) into a `PanicException` error carrying the
    /// panic message.
    pub fn from_panic_payload(payload: Box<dyn Any + Send + 'static>) -> PyErr {
        if let Some(s) = payload.downcast_ref::<String>() {
            Self::new_err((s.clone(),))
        } else if let Some(s) = payload.downcast_ref::<&str>() {
            Self::new_err((s.to_string(),))
        } else {
            Self::new_err(("panic from Rust code",))
        }
    }
}
