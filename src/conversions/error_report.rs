//! What `anyhow::Error` and `eyre::Report` have in common on their way into a [`PyErr`]: both
//! are type-erased error reports that may wrap a `PyErr` and may carry a chain of causes.

use std::fmt;

use crate::exceptions::PyRuntimeError;
use crate::PyErr;

/// An error report type (`anyhow::Error`, `eyre::Report`).
pub(crate) trait ErrorReport: fmt::Debug + Sized {
    /// Whether the report has a cause below its top error (context added, or a source).
    fn has_source(&self) -> bool;

    /// The wrapped `PyErr`, if the top error is one; the report back otherwise.
    fn into_py_err(self) -> Result<PyErr, Self>;
}

/// An error that is just a Python exception (no context or cause added on top) keeps its
/// identity; anything else becomes a `RuntimeError` whose message is the report's `Debug`
/// form (message, chain of causes, backtrace if captured).
pub(crate) fn report_into_py_err<R: ErrorReport>(report: R) -> PyErr {
    if report.has_source() {
        return PyRuntimeError::new_err(format!("{report:?}"));
    }
    match report.into_py_err() {
        Ok(py_err) => py_err,
        Err(other) => PyRuntimeError::new_err(format!("{other:?}")),
    }
}
