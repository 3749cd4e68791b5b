#![cfg(feature = "auto-initialize")]
//! PyErr: lazy and normalized states, fetch/take/restore, causes, warnings, conversions.

mod common;

use pyo3::exceptions::{
    PyException, PyFileNotFoundError, PyOSError, PyRuntimeError, PyTypeError, PyUnicodeDecodeError,
    PyUserWarning, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};

#[test]
fn lazy_error_needs_no_interpreter_until_used() {
    // Creating a lazy error does not need an attached thread.
    let err = PyValueError::new_err("lazy");
    Python::attach(|py| {
        common::assert_err::<PyValueError>(py, &err, "lazy");
        assert!(err.is_instance_of::<PyException>(py));
        assert!(!err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).str().unwrap(), "lazy");
        assert_eq!(err.get_type(py).name().unwrap(), "ValueError");
        assert!(err.traceback(py).is_none());
    });
}

#[test]
fn arguments_tuple_unit_and_single() {
    Python::attach(|py| {
        let err = PyValueError::new_err(("a", "b"));
        assert_eq!(
            err.value(py).getattr("args").unwrap().repr().unwrap(),
            "('a', 'b')"
        );
        let err = PyValueError::new_err(());
        assert_eq!(err.value(py).getattr("args").unwrap().repr().unwrap(), "()");
        // PyO3's format keeps the separator when the message is empty.
        assert_eq!(err.to_string(), "ValueError: ");
        let err = PyErr::new::<PyTypeError, _>("single");
        assert_eq!(
            err.value(py).getattr("args").unwrap().repr().unwrap(),
            "('single',)"
        );
        assert_eq!(err.to_string(), "TypeError: single");
    });
}

#[test]
fn restore_fetch_roundtrip() {
    Python::attach(|py| {
        assert!(PyErr::take(py).is_none());
        PyRuntimeError::new_err("restored").restore(py);
        assert!(PyErr::occurred(py));
        let err = PyErr::fetch(py);
        assert!(!PyErr::occurred(py));
        assert_eq!(err.to_string(), "RuntimeError: restored");
        // Normalized errors restore too.
        let v = err.value(py).clone();
        err.restore(py);
        let again = PyErr::take(py).unwrap();
        assert!(again.value(py).is(&v));
    });
}

#[test]
#[should_panic(expected = "attempted to fetch exception but none was set")]
fn fetch_without_error_panics_in_debug() {
    Python::attach(|py| {
        let _ = PyErr::fetch(py);
    });
}

#[test]
fn traceback_and_debug() {
    Python::attach(|py| {
        let err = py
            .run(c"def f():\n    raise ValueError('tb')\nf()", None, None)
            .unwrap_err();
        let tb = err.traceback(py).expect("has traceback");
        let formatted = tb.format().unwrap();
        assert!(
            formatted.starts_with("Traceback (most recent call last):\n"),
            "{formatted}"
        );
        assert!(formatted.contains("in f"), "{formatted}");
        let dbg = format!("{err:?}");
        assert!(
            dbg.starts_with(
                "PyErr { type: <class 'ValueError'>, value: ValueError('tb'), traceback: Some("
            ),
            "{dbg}"
        );
        // into_value keeps the traceback on the instance.
        let value = err.into_value(py);
        assert!(!value.bind(py).getattr("__traceback__").unwrap().is_none());
    });
}

#[test]
fn from_value_and_from_type() {
    Python::attach(|py| {
        let exc = py.eval(c"KeyError('k')", None, None).unwrap();
        let err = PyErr::from_value(exc.clone());
        assert!(err.value(py).is(&exc));
        assert_eq!(err.to_string(), "KeyError: 'k'");

        // A type is instantiated.
        let ty = py.eval(c"IndexError", None, None).unwrap();
        let err = PyErr::from_value(ty);
        assert_eq!(err.get_type(py).name().unwrap(), "IndexError");

        // Anything else gives a TypeError.
        let err = PyErr::from_value(py.eval(c"5", None, None).unwrap());
        common::assert_err::<PyTypeError>(py, &err, "exceptions must derive from BaseException");
        assert_eq!(
            err.to_string(),
            "TypeError: exceptions must derive from BaseException"
        );

        let ty = py.get_type::<PyOSError>();
        let err = PyErr::from_type(ty, "typed");
        assert_eq!(err.to_string(), "OSError: typed");
    });
}

#[test]
fn matches_and_is_instance() {
    Python::attach(|py| {
        let err = PyValueError::new_err("x");
        assert!(err.matches(py, py.get_type::<PyValueError>()).unwrap());
        let tuple = PyTuple::new(
            py,
            [py.get_type::<PyTypeError>(), py.get_type::<PyValueError>()],
        )
        .unwrap();
        assert!(err.matches(py, tuple).unwrap());
        assert!(!err.matches(py, py.get_type::<PyTypeError>()).unwrap());
        assert!(err.is_instance(py, py.get_type::<PyException>().as_any()));
    });
}

#[test]
fn cause_and_clone_ref() {
    Python::attach(|py| {
        let err = PyValueError::new_err("outer");
        assert!(err.cause(py).is_none());
        err.set_cause(py, Some(PyTypeError::new_err("inner")));
        let cause = err.cause(py).unwrap();
        assert_eq!(cause.to_string(), "TypeError: inner");
        let clone = err.clone_ref(py);
        assert!(clone.value(py).is(err.value(py)));
        err.set_cause(py, None);
        assert!(err.cause(py).is_none());
    });
}

#[test]
fn new_type_and_print() {
    Python::attach(|py| {
        let base = py.get_type::<PyException>();
        let ty = PyErr::new_type(py, c"mymod.MyError", Some(c"docs"), Some(&base), None).unwrap();
        let ty = ty.bind(py);
        assert_eq!(ty.name().unwrap(), "MyError");
        assert_eq!(ty.module().unwrap(), "mymod");
        assert_eq!(ty.getattr("__doc__").unwrap().str().unwrap(), "docs");
        let err = PyErr::from_type(ty.clone(), "m");
        assert_eq!(err.to_string(), "MyError: m");
        err.print(py);
        err.display(py);
        assert!(!PyErr::occurred(py));
    });
}

#[test]
fn warnings() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            c"import warnings\nwarnings.simplefilter('error')",
            Some(&globals),
            None,
        )
        .unwrap();
        let category = py.get_type::<PyUserWarning>();
        let err = PyErr::warn(py, &category, c"careful", 0).unwrap_err();
        common::assert_err::<PyUserWarning>(py, &err, "careful");
        assert_eq!(err.to_string(), "UserWarning: careful");
        let err = PyErr::warn_explicit(py, &category, c"explicit", c"file.py", 3, None, None)
            .unwrap_err();
        assert_eq!(err.to_string(), "UserWarning: explicit");
        py.run(c"warnings.simplefilter('ignore')", Some(&globals), None)
            .unwrap();
        assert!(PyErr::warn(py, &category, c"quiet", 0).is_ok());
        py.run(c"warnings.resetwarnings()", Some(&globals), None)
            .unwrap();
    });
}

#[test]
fn write_unraisable() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(c"import sys\nseen = []\nsys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, u.object))", Some(&globals), None).unwrap();
        let obj = py.eval(c"'context'", None, None).unwrap();
        PyRuntimeError::new_err("unraisable").write_unraisable(py, Some(&obj));
        assert_eq!(
            globals.get_item("seen").unwrap().unwrap().repr().unwrap(),
            "[('RuntimeError', 'context')]"
        );
        py.run(
            c"sys.unraisablehook = sys.__unraisablehook__",
            Some(&globals),
            None,
        )
        .unwrap();
    });
}

#[test]
fn io_error_conversions() {
    Python::attach(|py| {
        let err: PyErr = std::io::Error::new(std::io::ErrorKind::NotFound, "gone").into();
        common::assert_err::<PyFileNotFoundError>(py, &err, "gone");
        assert_eq!(err.to_string(), "FileNotFoundError: gone");
        let cases = [
            (std::io::ErrorKind::PermissionDenied, "PermissionError"),
            (
                std::io::ErrorKind::ConnectionRefused,
                "ConnectionRefusedError",
            ),
            (std::io::ErrorKind::ConnectionReset, "ConnectionResetError"),
            (
                std::io::ErrorKind::ConnectionAborted,
                "ConnectionAbortedError",
            ),
            (std::io::ErrorKind::BrokenPipe, "BrokenPipeError"),
            (std::io::ErrorKind::AlreadyExists, "FileExistsError"),
            (std::io::ErrorKind::WouldBlock, "BlockingIOError"),
            (std::io::ErrorKind::TimedOut, "TimeoutError"),
            (std::io::ErrorKind::Interrupted, "InterruptedError"),
            (std::io::ErrorKind::Other, "OSError"),
        ];
        for (kind, name) in cases {
            let err: PyErr = std::io::Error::new(kind, "m").into();
            assert_eq!(err.get_type(py).name().unwrap(), name);
            assert!(err.is_instance_of::<PyOSError>(py));
            assert_eq!(err.value(py).str().unwrap(), "m");
        }
        // Round trip through io::Error keeps the PyErr.
        let original = PyValueError::new_err("inner");
        let v = original.value(py).clone();
        let io: std::io::Error = original.into();
        assert_eq!(io.kind(), std::io::ErrorKind::Other);
        let back: PyErr = io.into();
        assert!(back.value(py).is(&v));
        let io: std::io::Error = PyFileNotFoundError::new_err("x").into();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    });
}

#[test]
fn std_error_conversions() {
    Python::attach(|py| {
        let err: PyErr = "abc".parse::<i32>().unwrap_err().into();
        assert_eq!(err.to_string(), "ValueError: invalid digit found in string");
        let err: PyErr = "x".parse::<f64>().unwrap_err().into();
        assert_eq!(err.to_string(), "ValueError: invalid float literal");
        let err: PyErr = u8::try_from(300i32).unwrap_err().into();
        // PyO3 reports a failed integer `try_from` as a `ValueError` (a `#[new]` that uses `?`
        // on it raises `ValueError` in Python).
        common::assert_err::<PyValueError>(
            py,
            &err,
            "out of range integral type conversion attempted",
        );
        assert_eq!(
            err.to_string(),
            "ValueError: out of range integral type conversion attempted"
        );
        let err: PyErr = std::ffi::CString::new("a\0b").unwrap_err().into();
        common::assert_err::<PyValueError>(
            py,
            &err,
            "nul byte found in provided data at position: 1",
        );
        let bytes = vec![b'a', 0xff, b'b'];
        let err: PyErr = String::from_utf8(bytes.clone()).unwrap_err().into();
        common::assert_err::<PyUnicodeDecodeError>(
            py,
            &err,
            "'utf-8' codec can't decode byte 0xff in position 1: invalid utf-8",
        );
        assert_eq!(
            err.to_string(),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid utf-8"
        );
        let err: PyErr = std::str::from_utf8(&bytes).unwrap_err().into();
        common::assert_err::<PyUnicodeDecodeError>(
            py,
            &err,
            "'utf-8' codec can't decode bytes in position 1-1: invalid utf-8",
        );
    });
}

#[test]
fn cast_error_message() {
    Python::attach(|py| {
        let obj = py.eval(c"'text'", None, None).unwrap();
        let err: PyErr = obj.cast::<PyType>().unwrap_err().into();
        assert_eq!(
            err.to_string(),
            "TypeError: 'str' object is not an instance of 'type'"
        );
        let err = obj.extract::<bool>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'str' object is not an instance of 'bool'"
        );
    });
}

#[test]
fn error_is_send_sync_and_std_error() {
    fn check<T: Send + Sync + std::error::Error + 'static>() {}
    check::<PyErr>();
}

#[test]
fn static_message_errors_match_the_general_path() {
    // `new_err("literal")` takes an allocation-free path; it must behave exactly like a
    // message that goes through the general (boxed) path, both raised and normalized.
    Python::attach(|py| {
        let fast = PyValueError::new_err("bad value");
        let general = PyValueError::new_err(String::from("bad value"));
        assert_eq!(fast.to_string(), general.to_string());
        assert_eq!(fast.value(py).getattr("args").unwrap().len().unwrap(), 1);
        let args = fast.value(py).getattr("args").unwrap();
        assert_eq!(
            args.get_item(0).unwrap().extract::<String>().unwrap(),
            "bad value"
        );

        // Raised without normalizing first, then fetched back.
        PyValueError::new_err("raised").restore(py);
        let fetched = PyErr::take(py).unwrap();
        common::assert_err::<PyValueError>(py, &fetched, "raised");
        assert_eq!(fetched.value(py).str().unwrap(), "raised");

        // Interior NULs and non-ASCII text survive.
        let err = PyRuntimeError::new_err("a\0b \u{e9}\u{1f600}");
        assert_eq!(
            err.value(py).str().unwrap().to_cow().unwrap(),
            "a\0b \u{e9}\u{1f600}"
        );

        // A non-exception type still gives the TypeError, raised or normalized.
        let err = PyErr::new::<pyo3::types::PyString, _>("not an exception");
        common::assert_err::<PyTypeError>(py, &err, "exceptions must derive from BaseException");
        PyErr::new::<pyo3::types::PyString, _>("not an exception").restore(py);
        let err = PyErr::take(py).unwrap();
        assert_eq!(
            err.to_string(),
            "TypeError: exceptions must derive from BaseException"
        );
    });
}
