#![cfg(not(feature = "auto-initialize"))]
//! Without `auto-initialize`: attaching before `Python::initialize` fails clearly.

use pyo3::prelude::*;

#[test]
fn attach_without_initialization() {
    assert!(Python::try_attach(|_py| ()).is_none());
    let err = std::panic::catch_unwind(|| Python::attach(|_py| ())).unwrap_err();
    let msg = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    // The whole message: it names both fixes (the call and the feature).
    assert_eq!(
        msg,
        "The Python interpreter is not initialized and the `auto-initialize` feature is not \
         enabled.\n\nCall `Python::initialize()` before using Python APIs from Rust, or enable \
         the `auto-initialize` feature."
    );
    Python::initialize();
    assert_eq!(Python::attach(|py| py.version_info().major), 3);
    assert_eq!(Python::try_attach(|_py| 1), Some(1));
}
