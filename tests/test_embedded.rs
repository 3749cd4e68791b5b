#![cfg(feature = "auto-initialize")]
//! Before any initialization: try_attach gives None; then an embedded interpreter's lifetime.
//! (One test in its own binary, since it needs an uninitialized interpreter.)

use pyo3::prelude::*;

#[test]
fn try_attach_then_embedded_interpreter() {
    assert!(Python::try_attach(|_py| ()).is_none());
    let result = unsafe {
        pyo3::with_embedded_python_interpreter(|py| {
            let v = py.eval(c"6 * 7", None, None).unwrap();
            // Nested attach inside the embedded interpreter is fine.
            Python::attach(|py2| assert!(v.eq(py2.eval(c"42", None, None).unwrap()).unwrap()));
            v.str().unwrap().to_cow().unwrap().into_owned()
        })
    };
    assert_eq!(result, "42");
}
