#![cfg(all(feature = "nightly", feature = "auto-initialize"))]
//! The `nightly` feature: `Ungil` is an auto trait, so what may cross `Python::detach` is
//! decided by whether a value holds Python data, not by `Send`.

use std::rc::Rc;

use pyo3::prelude::*;

#[test]
fn non_send_value_without_python_data_crosses_detach() {
    Python::attach(|py| {
        let shared = Rc::new(20);
        // `Rc` is not `Send` (rejected without `nightly`) but holds no Python object.
        let total = py.detach(|| *shared + 1);
        assert_eq!(total, 21);
    });
}

#[test]
fn py_crosses_detach() {
    Python::attach(|py| {
        let obj: Py<PyAny> = 5i32.into_pyobject(py).unwrap().into_any().unbind();
        let back = py.detach(move || obj);
        assert_eq!(back.extract::<i32>(py).unwrap(), 5);
    });
}
