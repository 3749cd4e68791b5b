#![cfg(feature = "auto-initialize")]
//! Panics crossing into Python: PanicException and the trampoline glue.

use pyo3::exceptions::{PyBaseException, PyException, PyValueError};
use pyo3::ffi;
use pyo3::impl_::trampoline::trampoline;
use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::PyTypeInfo;

#[test]
fn panic_exception_type() {
    Python::attach(|py| {
        let ty = PanicException::type_object(py);
        assert_eq!(
            ty.fully_qualified_name().unwrap(),
            "pyo3_runtime.PanicException"
        );
        assert!(ty.is_subclass_of::<PyBaseException>().unwrap());
        assert!(!ty.is_subclass_of::<PyException>().unwrap());
        let err = PanicException::from_panic_payload(Box::new("static msg"));
        assert_eq!(err.value(py).str().unwrap(), "static msg");
        let err = PanicException::from_panic_payload(Box::new(String::from("owned msg")));
        assert_eq!(err.value(py).str().unwrap(), "owned msg");
        let err = PanicException::from_panic_payload(Box::new(5u8));
        assert_eq!(err.value(py).str().unwrap(), "panic from Rust code");
    });
}

#[test]
fn trampoline_success_error_and_panic() {
    Python::attach(|py| {
        let ok = unsafe { trampoline(|py| Ok(PyDict::new(py).into_ptr())) };
        assert!(!ok.is_null());
        drop(unsafe { Bound::from_owned_ptr(py, ok) });

        let err: *mut ffi::PyObject =
            unsafe { trampoline(|_py| Err(PyValueError::new_err("bad"))) };
        assert!(err.is_null());
        assert_eq!(PyErr::take(py).unwrap().to_string(), "ValueError: bad");

        let status: std::os::raw::c_int =
            unsafe { trampoline(|_py| Err(PyValueError::new_err("bad"))) };
        assert_eq!(status, -1);
        assert!(PyErr::take(py).is_some());

        let status: std::os::raw::c_int = unsafe {
            trampoline(|_py| -> PyResult<std::os::raw::c_int> { panic!("trampoline panic") })
        };
        assert_eq!(status, -1);
        assert!(PyErr::occurred(py));
        // Taking a PanicException resumes the panic in Rust.
        let resumed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| PyErr::take(py)));
        let payload = resumed.unwrap_err();
        assert_eq!(
            payload.downcast_ref::<String>().map(String::as_str),
            Some("trampoline panic")
        );
        assert!(!PyErr::occurred(py));
    });
}

#[test]
fn panic_exception_seen_from_python() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        globals
            .set_item("PanicException", PanicException::type_object(py))
            .unwrap();
        py.run(
            c"try:\n    raise PanicException('from py')\nexcept Exception:\n    caught = 'exception'\nexcept BaseException as e:\n    caught = 'base: ' + str(e)",
            Some(&globals),
            None,
        )
        .unwrap();
        assert_eq!(
            globals.get_item("caught").unwrap().unwrap().str().unwrap(),
            "base: from py"
        );
    });
}
