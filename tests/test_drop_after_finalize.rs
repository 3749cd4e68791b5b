//! Values that outlive the interpreter (they escaped `with_embedded_python_interpreter`) can be
//! dropped soundly afterwards: the references are leaked, and the interpreter is not started
//! again to release them. (One test in its own binary: it needs an uninitialized interpreter.)
#![cfg(not(any(PyPy, GraalPy)))]

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

#[test]
fn drop_values_after_finalization() {
    // Everything that escapes: a `PyBuffer` (where available) and plain `Py<T>`s.
    let escaped: Vec<Box<dyn std::any::Any>> = unsafe {
        pyo3::with_embedded_python_interpreter(|py| {
            let mut escaped: Vec<Box<dyn std::any::Any>> = Vec::new();
            let bytes = PyBytes::new(py, b"0123456789");
            #[cfg(any(not(Py_LIMITED_API), Py_3_11))]
            escaped.push(Box::new(pyo3::buffer::PyBuffer::<u8>::get(&bytes).unwrap()));
            escaped.push(Box::new(PyList::new(py, [1, 2, 3]).unwrap().unbind()));
            escaped.push(Box::new(bytes.unbind()));
            escaped
        })
    };
    assert_eq!(unsafe { pyo3::ffi::Py_IsInitialized() }, 0);

    // Not attachable any more, and dropping does not bring the interpreter back.
    assert!(Python::try_attach(|_| ()).is_none());
    for value in escaped {
        drop(value);
        // Leaked, not queued: each drop finds the pool empty and the interpreter gone.
        assert_eq!(pyo3::impl_::pending_decrefs(), 0);
    }
    assert_eq!(unsafe { pyo3::ffi::Py_IsInitialized() }, 0);

    // The dead pointers were not queued for a later interpreter either: a new one starts
    // cleanly and a nested attach / detach cycle (which drains the pool) is fine.
    let n = unsafe {
        pyo3::with_embedded_python_interpreter(|py| {
            py.detach(|| Python::attach(|py| PyList::new(py, [4, 5]).unwrap().len()))
        })
    };
    assert_eq!(n, 2);
}
