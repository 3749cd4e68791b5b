//! Conversion of [`eyre::Report`] into [`PyErr`](crate::PyErr) (feature `eyre`).
//!
//! With this feature a `#[pyfunction]` may return `eyre::Result<T>`: the error becomes a
//! Python exception. An error that is just a [`PyErr`](crate::PyErr) (created with `?` on a `PyResult`, or
//! `From`, with no context added) gives back that exception unchanged; any
//! other error becomes a `RuntimeError` whose message is the error's `Debug` form: the
//! message, then its chain of causes (and a backtrace, when one was captured).
//!
//! ```
//! use pyo3::prelude::*;
//! use pyo3::exceptions::PyRuntimeError;
//!
//! fn parse(s: &str) -> eyre::Result<u32> {
//!     Ok(s.parse::<u32>()?)
//! }
//!
//! # Python::initialize();
//! Python::attach(|py| {
//!     let err: PyErr = parse("x").unwrap_err().into();
//!     assert!(err.is_instance_of::<PyRuntimeError>(py));
//!     // The message is the error's `Debug` form (plus a backtrace if one was captured).
//!     assert!(err.value(py).to_string().starts_with("invalid digit found in string"));
//! });
//! ```

super::error_report::impl_from_error_report!(eyre::Report);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use crate::exceptions::{PyRuntimeError, PyValueError};
    use crate::{PyErr, Python};

    #[test]
    fn plain_error_is_runtime_error_with_chain() {
        Python::attach(|py| {
            use eyre::WrapErr;
            let err = Err::<(), _>(eyre::eyre!("inner"))
                .wrap_err("outer")
                .unwrap_err();
            let py_err = PyErr::from(err);
            assert!(py_err.is_instance_of::<PyRuntimeError>(py));
            let msg = py_err.value(py).to_string();
            assert!(msg.starts_with("outer"), "{msg}");
            assert!(msg.contains("inner"), "{msg}");
        });
    }

    #[test]
    fn wrapped_pyerr_is_returned_unchanged() {
        Python::attach(|py| {
            let original = PyValueError::new_err("bad value");
            let err = eyre::Report::from(original);
            let py_err = PyErr::from(err);
            assert!(py_err.is_instance_of::<PyValueError>(py));
            assert_eq!(py_err.value(py).to_string(), "bad value");
        });
    }
}
