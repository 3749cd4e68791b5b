#![cfg(feature = "auto-initialize")]
//! Exception types and the create_exception! / import_exception! macros.

mod common;

use pyo3::exceptions::{self, PyBaseException, PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};
use pyo3::{create_exception, import_exception, PyTypeInfo};

create_exception!(mymodule, CustomError, PyException, "A custom error.");
create_exception!(mymodule, PlainError, PyValueError);
import_exception!(socket, gaierror);

#[test]
fn builtin_types_match_builtins() {
    Python::attach(|py| {
        let builtins = py.import("builtins").unwrap();
        macro_rules! check {
            ($($t:ident => $n:literal),*) => {$(
                assert!(exceptions::$t::type_object(py).is(&builtins.getattr($n).unwrap()), $n);
                assert_eq!(exceptions::$t::type_object(py).name().unwrap(), $n);
            )*};
        }
        check!(PyBaseException => "BaseException", PyException => "Exception",
            PyValueError => "ValueError", PyTypeError => "TypeError", PyKeyError => "KeyError",
            PyOSError => "OSError", PyStopIteration => "StopIteration",
            PyTimeoutError => "TimeoutError", PyUserWarning => "UserWarning",
            PyDeprecationWarning => "DeprecationWarning", PyRecursionError => "RecursionError",
            PyUnicodeDecodeError => "UnicodeDecodeError", PyKeyboardInterrupt => "KeyboardInterrupt",
            PyIOError => "OSError", PyEnvironmentError => "OSError");
        #[cfg(Py_3_10)]
        check!(PyEncodingWarning => "EncodingWarning");
        #[cfg(Py_3_11)]
        check!(PyBaseExceptionGroup => "BaseExceptionGroup");
    });
}

#[test]
fn new_err_and_cast() {
    Python::attach(|py| {
        let err = exceptions::PyKeyError::new_err("missing");
        let value = err.value(py);
        assert!(value.cast::<exceptions::PyKeyError>().is_ok());
        assert!(value.cast::<exceptions::PyLookupError>().is_ok());
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            value.cast::<exceptions::PyValueError>(),
            "'KeyError' object is not an instance of 'ValueError'",
        );
        let _: &Bound<'_, PyBaseException> = value;
    });
}

#[test]
fn custom_exception() {
    Python::attach(|py| {
        let ty = CustomError::type_object(py);
        assert_eq!(ty.name().unwrap(), "CustomError");
        assert_eq!(ty.module().unwrap(), "mymodule");
        assert_eq!(ty.fully_qualified_name().unwrap(), "mymodule.CustomError");
        assert_eq!(
            ty.getattr("__doc__").unwrap().str().unwrap(),
            "A custom error."
        );
        assert!(ty.is_subclass_of::<PyException>().unwrap());
        // Same type object every time.
        assert!(ty.is(CustomError::type_object(py)));
        let err = CustomError::new_err("boom");
        assert_eq!(err.to_string(), "CustomError: boom");
        // Usable from Python.
        let globals = PyDict::new(py);
        globals.set_item("CustomError", &ty).unwrap();
        let r = py
            .run(c"raise CustomError('py')", Some(&globals), None)
            .unwrap_err();
        assert!(r.is_instance_of::<CustomError>(py));

        let plain = PlainError::type_object(py);
        assert!(plain.is_subclass_of::<PyValueError>().unwrap());
        assert!(plain.getattr("__doc__").unwrap().is_none());
    });
}

#[test]
fn imported_exception() {
    let _serial = common::stdlib_import_lock();
    Python::attach(|py| {
        let ty = gaierror::type_object(py);
        let socket = py.import("socket").unwrap();
        assert!(ty.is(socket.getattr("gaierror").unwrap()));
        let err = gaierror::new_err("dns");
        common::assert_err::<gaierror>(py, &err, "dns");
        assert!(err.is_instance_of::<exceptions::PyOSError>(py));
        let _: Bound<'_, PyType> = ty;
    });
}

#[test]
fn module_exceptions_are_the_modules_classes() {
    use pyo3::exceptions::{asyncio, socket};
    let _serial = common::stdlib_import_lock();
    Python::attach(|py| {
        macro_rules! check {
            ($module:literal: $($t:ty => $n:literal),*) => {$(
                let module = py.import($module).unwrap();
                assert!(<$t>::type_object(py).is(&module.getattr($n).unwrap()), $n);
            )*};
        }
        check!("asyncio": asyncio::CancelledError => "CancelledError",
            asyncio::InvalidStateError => "InvalidStateError",
            asyncio::TimeoutError => "TimeoutError",
            asyncio::IncompleteReadError => "IncompleteReadError",
            asyncio::LimitOverrunError => "LimitOverrunError",
            asyncio::QueueEmpty => "QueueEmpty", asyncio::QueueFull => "QueueFull");
        check!("socket": socket::herror => "herror", socket::gaierror => "gaierror",
            socket::timeout => "timeout");
        let err = asyncio::QueueFull::new_err("no room");
        assert_eq!(err.to_string(), "QueueFull: no room");
        let raised = py
            .run(
                c"import asyncio\nraise asyncio.QueueEmpty('empty')",
                None,
                None,
            )
            .unwrap_err();
        assert!(raised.is_instance_of::<asyncio::QueueEmpty>(py));
        assert!(!raised.is_instance_of::<asyncio::QueueFull>(py));
    });
}
