//! What `anyhow::Error` and `eyre::Report` have in common on their way into a [`PyErr`]: both
//! are type-erased error reports that may wrap a `PyErr` and may carry a chain of causes.

use std::fmt;

use crate::exceptions::PyRuntimeError;
use crate::PyErr;

/// An error that is just a Python exception (no context or cause added on top) keeps its
/// identity; anything else becomes a `RuntimeError` whose message is the report's `Debug`
/// form (message, chain of causes, backtrace if captured). `into_py_err` gives the wrapped
/// `PyErr` if the top error is one, the report back otherwise.
pub(crate) fn report_into_py_err<R: fmt::Debug>(
    report: R,
    has_source: bool,
    into_py_err: impl FnOnce(R) -> Result<PyErr, R>,
) -> PyErr {
    if has_source {
        return PyRuntimeError::new_err(format!("{report:?}"));
    }
    match into_py_err(report) {
        Ok(py_err) => py_err,
        Err(other) => PyRuntimeError::new_err(format!("{other:?}")),
    }
}

/// `impl From<$report> for PyErr` through [`report_into_py_err`], for a report type with
/// `source()` (through `Deref` to `dyn Error`) and `downcast::<E>() -> Result<E, Self>`.
macro_rules! impl_from_error_report {
    ($report:ty) => {
        impl From<$report> for $crate::PyErr {
            fn from(error: $report) -> Self {
                let has_source = error.source().is_some();
                $crate::conversions::error_report::report_into_py_err(error, has_source, |e| {
                    e.downcast::<$crate::PyErr>()
                })
            }
        }
    };
}
pub(crate) use impl_from_error_report;
