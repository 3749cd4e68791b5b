//! Conversions between Rust standard library errors and [`PyErr`].

use std::ffi::CString;
use std::io;

use crate::err::state::{PyErrState, PyErrStateLazyFnOutput};
use crate::exceptions::{
    PyBlockingIOError, PyBrokenPipeError, PyConnectionAbortedError, PyConnectionRefusedError,
    PyConnectionResetError, PyFileExistsError, PyFileNotFoundError, PyInterruptedError,
    PyIsADirectoryError, PyNotADirectoryError, PyOSError, PyPermissionError, PyTimeoutError,
    PyValueError,
};
#[cfg(not(PyPy))]
use crate::ffi;
#[cfg(not(PyPy))]
use crate::internal::ptr_ext::FfiPtrExt;
use crate::{PyErr, Python};

impl From<io::Error> for PyErr {
    /// Maps the error kind to the matching `OSError` subclass (`FileNotFoundError`,
    /// `PermissionError`, ...), with the error's message as argument. An `io::Error` that wraps
    /// a `PyErr` gives back that `PyErr`.
    fn from(err: io::Error) -> PyErr {
        if err.get_ref().is_some_and(|inner| inner.is::<PyErr>()) {
            let inner = err.into_inner().expect("checked above");
            return *inner.downcast::<PyErr>().expect("checked above");
        }
        let message = err.to_string();
        match err.kind() {
            io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
            io::ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
            io::ErrorKind::ConnectionRefused => PyConnectionRefusedError::new_err(message),
            io::ErrorKind::ConnectionReset => PyConnectionResetError::new_err(message),
            io::ErrorKind::ConnectionAborted => PyConnectionAbortedError::new_err(message),
            io::ErrorKind::BrokenPipe => PyBrokenPipeError::new_err(message),
            io::ErrorKind::AlreadyExists => PyFileExistsError::new_err(message),
            io::ErrorKind::WouldBlock => PyBlockingIOError::new_err(message),
            io::ErrorKind::TimedOut => PyTimeoutError::new_err(message),
            io::ErrorKind::Interrupted => PyInterruptedError::new_err(message),
            io::ErrorKind::IsADirectory => PyIsADirectoryError::new_err(message),
            io::ErrorKind::NotADirectory => PyNotADirectoryError::new_err(message),
            _ => PyOSError::new_err(message),
        }
    }
}

impl From<PyErr> for io::Error {
    /// Wraps the `PyErr` in an `io::Error` whose kind matches the exception type (e.g.
    /// `FileNotFoundError` -> `NotFound`, `TimeoutError` -> `TimedOut`), `Other` otherwise.
    fn from(err: PyErr) -> io::Error {
        let kind = Python::attach(|py| {
            if err.is_instance_of::<PyFileNotFoundError>(py) {
                io::ErrorKind::NotFound
            } else if err.is_instance_of::<PyPermissionError>(py) {
                io::ErrorKind::PermissionDenied
            } else if err.is_instance_of::<PyConnectionRefusedError>(py) {
                io::ErrorKind::ConnectionRefused
            } else if err.is_instance_of::<PyConnectionResetError>(py) {
                io::ErrorKind::ConnectionReset
            } else if err.is_instance_of::<PyConnectionAbortedError>(py) {
                io::ErrorKind::ConnectionAborted
            } else if err.is_instance_of::<PyBrokenPipeError>(py) {
                io::ErrorKind::BrokenPipe
            } else if err.is_instance_of::<PyFileExistsError>(py) {
                io::ErrorKind::AlreadyExists
            } else if err.is_instance_of::<PyBlockingIOError>(py) {
                io::ErrorKind::WouldBlock
            } else if err.is_instance_of::<PyTimeoutError>(py) {
                io::ErrorKind::TimedOut
            } else if err.is_instance_of::<PyInterruptedError>(py) {
                io::ErrorKind::Interrupted
            } else if err.is_instance_of::<PyIsADirectoryError>(py) {
                io::ErrorKind::IsADirectory
            } else if err.is_instance_of::<PyNotADirectoryError>(py) {
                io::ErrorKind::NotADirectory
            } else {
                io::ErrorKind::Other
            }
        });
        io::Error::new(kind, err)
    }
}

macro_rules! value_error_from {
    ($($err:ty),*) => {$(
        impl From<$err> for PyErr {
            #[doc = concat!("A `ValueError` with the message of the `", stringify!($err), "`.")]
            fn from(err: $err) -> PyErr {
                PyValueError::new_err(err.to_string())
            }
        }
    )*};
}

value_error_from!(
    std::num::ParseIntError,
    std::num::TryFromIntError,
    std::num::ParseFloatError,
    std::ffi::NulError,
    std::char::ParseCharError,
    std::str::ParseBoolError,
    std::string::FromUtf16Error,
    std::char::DecodeUtf16Error
);

impl From<std::convert::Infallible> for PyErr {
    fn from(err: std::convert::Infallible) -> PyErr {
        match err {}
    }
}

/// A lazy `UnicodeDecodeError` for invalid UTF-8 in `bytes`.
fn utf8_decode_error(bytes: Vec<u8>, err: std::str::Utf8Error) -> PyErr {
    PyErr::from_state(PyErrState::lazy(Box::new(move |py: Python<'_>| {
        let start = err.valid_up_to();
        let end = start
            + err
                .error_len()
                .unwrap_or(bytes.len().saturating_sub(start))
                .max(1);
        let reason = CString::new(if err.error_len().is_some() {
            "invalid utf-8"
        } else {
            "unexpected end of data"
        })
        .expect("no NUL");
        #[cfg(PyPy)]
        let exc = {
            // PyPy lacks `PyUnicodeDecodeError_Create`: the class is called with the same
            // arguments, which is what the C function does.
            use crate::types::{PyAnyMethods, PyBytes};
            let reason = reason.to_str().expect("ASCII reason");
            py.get_type::<crate::exceptions::PyUnicodeDecodeError>()
                .call1(("utf-8", PyBytes::new(py, &bytes), start, end, reason))
        };
        #[cfg(not(PyPy))]
        // SAFETY: attached; the pointers are valid for the call.
        let exc = unsafe {
            ffi::PyUnicodeDecodeError_Create(
                c"utf-8".as_ptr(),
                bytes.as_ptr().cast(),
                bytes.len() as ffi::Py_ssize_t,
                start as ffi::Py_ssize_t,
                end as ffi::Py_ssize_t,
                reason.as_ptr(),
            )
            .assume_owned_or_err(py)
        };
        match exc {
            Ok(exc) => PyErrStateLazyFnOutput {
                ptype: exc.get_type_ptr_owned(),
                pvalue: exc.unbind(),
            },
            Err(e) => {
                let value = e.into_value(py).into_any();
                PyErrStateLazyFnOutput {
                    ptype: value.bind(py).get_type_ptr_owned(),
                    pvalue: value,
                }
            }
        }
    })))
}

trait TypeOwned {
    fn get_type_ptr_owned(&self) -> crate::Py<crate::PyAny>;
}

impl TypeOwned for crate::Bound<'_, crate::PyAny> {
    fn get_type_ptr_owned(&self) -> crate::Py<crate::PyAny> {
        use crate::types::PyAnyMethods;
        self.get_type().into_any().unbind()
    }
}

impl From<std::str::Utf8Error> for PyErr {
    /// A `UnicodeDecodeError` (`'utf-8' codec can't decode bytes in position ...`); the
    /// offending bytes are not available, so its `object` is empty.
    fn from(err: std::str::Utf8Error) -> PyErr {
        utf8_decode_error(Vec::new(), err)
    }
}

impl From<std::string::FromUtf8Error> for PyErr {
    /// A `UnicodeDecodeError` for the bytes that failed to decode.
    fn from(err: std::string::FromUtf8Error) -> PyErr {
        let utf8_error = err.utf8_error();
        utf8_decode_error(err.into_bytes(), utf8_error)
    }
}

impl<'py, T> From<crate::Bound<'py, T>> for PyErr
where
    T: crate::ToPyErr,
{
    /// The error for an exception instance (see [`PyErr::from_value`]).
    fn from(err: crate::Bound<'py, T>) -> PyErr {
        PyErr::from_value(err.into_any())
    }
}

impl<'py> crate::IntoPyObject<'py> for PyErr {
    type Target = crate::exceptions::PyBaseException;
    type Output = crate::Bound<'py, Self::Target>;
    type Error = std::convert::Infallible;

    /// The exception instance.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.into_value(py).into_bound(py))
    }
}

impl<'py> crate::IntoPyObject<'py> for &PyErr {
    type Target = crate::exceptions::PyBaseException;
    type Output = crate::Bound<'py, Self::Target>;
    type Error = std::convert::Infallible;

    /// The exception instance.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.value(py).clone())
    }
}
