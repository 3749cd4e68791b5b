//! The Python helper module (`support.py`) and the checks the targets share.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

static SUPPORT: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The helper module, compiled once per process.
pub fn support(py: Python<'_>) -> &Bound<'_, PyModule> {
    SUPPORT
        .get_or_init(py, || {
            let code =
                std::ffi::CString::new(include_str!("support.py")).expect("no NUL in source");
            PyModule::from_code(py, &code, c"fuzz_support.py", c"fuzz_support")
                .expect("support.py compiles")
                .unbind()
        })
        .bind(py)
}

/// Calls `support.<name>(*args)`; the helpers never raise on the inputs the decoder builds.
pub fn call<'py>(
    py: Python<'py>,
    name: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> Bound<'py, PyAny> {
    support(py)
        .getattr(name)
        .and_then(|f| f.call1(args))
        .unwrap_or_else(|e| panic!("support.{name} raised: {e}"))
}

/// Whether `err` is an instance of the exception type `ty`.
pub fn err_is(py: Python<'_>, err: &PyErr, ty: &Bound<'_, PyAny>) -> bool {
    err.get_type(py).is(ty)
}

/// Runs `f` and checks it left the reference count of `obj` as it found it: extraction only
/// borrows its input, so any change is a leaked or stolen reference.
pub fn refcount_unchanged<'py, R>(obj: &Bound<'py, PyAny>, what: &str, f: impl FnOnce() -> R) -> R {
    let before = obj.get_refcnt();
    let out = f();
    let after = obj.get_refcnt();
    assert_eq!(
        before, after,
        "{what}: reference count of the input changed"
    );
    out
}
