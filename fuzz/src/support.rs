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

/// Runs `f` once and checks that, once its result is dropped, the reference count of `obj` is
/// what it was: extraction only borrows its input, so any change is a leaked or stolen
/// reference. (An error may hold the object while it lives, hence the drop.) Then runs `f`
/// again for the result. The cyclic garbage collector is off meanwhile: a collection may free
/// earlier garbage that referred to `obj` (None, a small int, an interned str), which would
/// change the count for reasons that have nothing to do with `f`.
///
/// Objects shared across the interpreter (None, small ints, one-character strs: a count above
/// `SHARED`) are not checked: their counts move with interpreter activity unrelated to `f`
/// (None's count was seen to settle by some hundreds during the first thousand `getattr`s on a
/// type, with no pending decrefs of ours, then stay put).
pub fn refcount_unchanged<'py, R>(obj: &Bound<'py, PyAny>, what: &str, f: impl Fn() -> R) -> R {
    const SHARED: isize = 100;
    if obj.get_refcnt() > SHARED {
        return f();
    }
    let gc = obj.py().import("gc").expect("gc imports");
    let was_enabled: bool = gc.call_method0("isenabled").unwrap().extract().unwrap();
    gc.call_method0("disable").unwrap();
    let before = obj.get_refcnt();
    drop(f());
    let after = obj.get_refcnt();
    if was_enabled {
        gc.call_method0("enable").unwrap();
    }
    assert_eq!(
        before, after,
        "{what}: reference count of the input changed"
    );
    f()
}
