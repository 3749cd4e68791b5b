//! Helpers shared by the integration tests (`mod common;` in each test file that uses them).
//!
//! Every error test checks the exact exception type *and* the exact message through
//! [`assert_err`], so a test cannot pass because some unrelated error of the right family (or
//! any error at all) happened. Refcount checks around failure paths go through
//! [`assert_refcounts_unchanged`].
#![allow(dead_code)] // each test binary uses a subset

use pyo3::prelude::*;
use pyo3::PyTypeInfo;

/// Serialises tests that import standard-library modules whose first imports race.
///
/// CPython 3.13.0's `collections/abc.py` replaces itself in `sys.modules` after importing
/// `_collections_abc`; a second thread importing it in that window (say `socket` on one test
/// thread and `asyncio` on another) gets the half-initialised module and fails with
/// `cannot import name 'Mapping' from 'collections.abc'`. Plain Python threads show the same
/// failure, so it is the interpreter's race, not ours. Take this lock *before*
/// `Python::attach` (never while attached, so no thread holds the GIL while waiting).
pub fn stdlib_import_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Asserts that `err` is exactly an `E` (not a subclass, not a parent) and that `str(err)` is
/// exactly `message`. On failure prints what was raised, as `Type: message`.
#[track_caller]
pub fn assert_err<E: PyTypeInfo>(py: Python<'_>, err: &PyErr, message: &str) {
    let ty = err.get_type(py);
    let actual_name = ty
        .qualname()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "<unnamed>".into());
    let actual_message = err
        .value(py)
        .str()
        .map(|s| s.to_string())
        .unwrap_or_else(|e| format!("<str() failed: {e}>"));
    if std::env::var_os("PYO3_TEST_RECORD").is_some() {
        let at = std::panic::Location::caller();
        println!(
            "RECORD {}:{} {actual_name}\t{actual_message}",
            at.file(),
            at.line()
        );
        return;
    }
    let expected = E::type_object(py);
    let expected_name = expected
        .qualname()
        .map(|n| n.to_string())
        .unwrap_or_default();
    assert!(
        ty.is(&expected) && actual_message == message,
        "expected {expected_name}: {message:?}\n     got {actual_name}: {actual_message:?}"
    );
}

/// [`assert_err`] on the error of `result`, which must be an `Err`.
#[track_caller]
pub fn assert_result_err<E: PyTypeInfo, T>(
    py: Python<'_>,
    result: Result<T, impl Into<PyErr>>,
    message: &str,
) {
    match result {
        Ok(_) => panic!("expected an error {message:?}, got Ok"),
        Err(e) => assert_err::<E>(py, &e.into(), message),
    }
}

/// Runs Python source `code` (statements) with `locals`, and asserts that it raises exactly `E`
/// with exactly `message`.
#[track_caller]
pub fn assert_py_raises<E: PyTypeInfo>(
    py: Python<'_>,
    locals: &Bound<'_, pyo3::types::PyDict>,
    code: &std::ffi::CStr,
    message: &str,
) {
    let result = py.run(code, None, Some(locals));
    assert_result_err::<E, ()>(py, result, message);
}

/// The message CPython itself gives when `code` (statements) raises: for expectations that
/// differ between Python versions (syntax errors, some builtins' wording), the test states
/// "the same error as Python's own" instead of one version's text.
#[track_caller]
pub fn python_message(py: Python<'_>, code: &std::ffi::CStr) -> String {
    let globals = pyo3::types::PyDict::new(py);
    match py.run(code, Some(&globals), None) {
        Ok(()) => panic!("{code:?} did not raise"),
        Err(e) => e.value(py).str().unwrap().to_string(),
    }
}

/// The payload of a caught panic as text (`&str` or `String` payloads).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "<non-string panic payload>".into())
}

/// Runs `f` and asserts that it panics with exactly `message`.
#[track_caller]
pub fn assert_panics_with<R>(message: &str, f: impl FnOnce() -> R) {
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    match caught {
        Ok(_) => panic!("expected a panic {message:?}, but the closure returned"),
        Err(payload) => assert_eq!(panic_message(&*payload), message),
    }
}

/// Records the reference count of each of `objects`, runs `f` (which must drop everything it
/// creates, including any `PyErr`, before returning), then asserts every count is back where
/// it was: a failure path that leaks or over-releases a reference shows up here.
///
/// Use fresh (mortal) objects: immortal ones (small ints, `None`, interned strings on 3.12+)
/// do not count references.
#[track_caller]
pub fn assert_refcounts_unchanged(objects: &[&Bound<'_, PyAny>], f: impl FnOnce()) {
    let before: Vec<isize> = objects.iter().map(|o| o.get_refcnt()).collect();
    f();
    let after: Vec<isize> = objects.iter().map(|o| o.get_refcnt()).collect();
    for (i, obj) in objects.iter().enumerate() {
        assert_eq!(
            before[i],
            after[i],
            "refcount of object #{i} ({}) changed",
            obj.repr().map(|r| r.to_string()).unwrap_or_default()
        );
    }
}
