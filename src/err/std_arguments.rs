//! Standard library errors as exception arguments ([`PyErrArguments`]: the error's message,
//! formatted only when the exception is created) and the `PyErr` conversions of the errors
//! that have none elsewhere.

use crate::exceptions::{PyOSError, PyValueError};
use crate::types::PyString;
use crate::{Py, PyAny, PyErr, PyErrArguments, Python};

/// Implements [`PyErrArguments`] as the `Display` text of the error.
macro_rules! display_arguments {
    ($($err:ty),* $(,)?) => {$(
        impl PyErrArguments for $err {
            fn arguments(self, py: Python<'_>) -> Py<PyAny> {
                PyString::new(py, &self.to_string()).into_any().unbind()
            }
        }
    )*};
}

display_arguments!(
    std::io::Error,
    std::ffi::NulError,
    std::ffi::IntoStringError,
    std::string::FromUtf8Error,
    std::num::ParseIntError,
    std::num::ParseFloatError,
    std::num::TryFromIntError,
    std::time::TryFromFloatSecsError,
    std::str::ParseBoolError,
    std::char::ParseCharError,
    std::char::CharTryFromError,
    std::net::AddrParseError,
    std::env::JoinPathsError,
    std::path::StripPrefixError,
    std::time::SystemTimeError,
    std::array::TryFromSliceError,
);

impl<W: Send + Sync> PyErrArguments for std::io::IntoInnerError<W> {
    fn arguments(self, py: Python<'_>) -> Py<PyAny> {
        PyString::new(py, &self.to_string()).into_any().unbind()
    }
}

/// `From<$err> for PyErr`: a lazily created `$exc` whose argument is the error's message.
macro_rules! lazy_error_from {
    ($exc:ident: $($err:ty),* $(,)?) => {$(
        impl From<$err> for PyErr {
            #[doc = concat!("A `", stringify!($exc), "` with the message of the error.")]
            fn from(err: $err) -> PyErr {
                $exc::new_err(err)
            }
        }
    )*};
}

lazy_error_from!(PyValueError:
    std::ffi::IntoStringError,
    std::char::CharTryFromError,
    std::net::AddrParseError,
    std::env::JoinPathsError,
    std::path::StripPrefixError,
    std::time::SystemTimeError,
    std::time::TryFromFloatSecsError,
    std::array::TryFromSliceError,
);

impl<W: Send + Sync + 'static> From<std::io::IntoInnerError<W>> for PyErr {
    /// An `OSError` with the message of the underlying I/O error.
    fn from(err: std::io::IntoInnerError<W>) -> PyErr {
        PyOSError::new_err(err)
    }
}
