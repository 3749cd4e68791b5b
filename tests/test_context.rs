#![cfg(feature = "auto-initialize")]
//! PyContext, PyContextVar and PyContextToken (contextvars).

mod common;

use pyo3::exceptions::{PyLookupError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    PyContext, PyContextMethods, PyContextToken, PyContextTokenMethods, PyContextVar,
    PyContextVarMethods, PyDict, PyTuple,
};

fn contextvars<'py>(py: Python<'py>) -> Bound<'py, PyModule> {
    py.import("contextvars").unwrap()
}

#[test]
fn types_match_contextvars() {
    Python::attach(|py| {
        let m = contextvars(py);
        assert!(py.get_type::<PyContext>().is(m.getattr("Context").unwrap()));
        assert!(py
            .get_type::<PyContextVar>()
            .is(m.getattr("ContextVar").unwrap()));
        assert!(py
            .get_type::<PyContextToken>()
            .is(m.getattr("Token").unwrap()));

        let ctx = m.getattr("copy_context").unwrap().call0().unwrap();
        assert!(ctx.cast::<PyContext>().is_ok());
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            ctx.cast::<PyContextVar>(),
            "'Context' object is not an instance of 'ContextVar'",
        );
        let dict = PyDict::new(py);
        let err = dict.cast::<PyContext>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'dict' object is not an instance of 'Context'"
        );
        let err: PyErr = dict
            .as_any()
            .extract::<Bound<'_, PyContextVar>>()
            .unwrap_err()
            .into();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'dict' object is not an instance of 'ContextVar'",
        );
    });
}

#[test]
fn var_default_and_lookup_error() {
    Python::attach(|py| {
        let no_default = PyContextVar::new(py, "no_default", None).unwrap();
        assert_eq!(no_default.name().unwrap(), "no_default");
        let err = no_default.get().unwrap_err();
        common::assert_err::<PyLookupError>(py, &err, &repr(&no_default));
        // As in Python, the exception's argument is the variable itself.
        let arg = err.value(py).getattr("args").unwrap().get_item(0).unwrap();
        assert!(arg.is(&no_default));

        let fallback = PyDict::new(py).into_any();
        let before = fallback.get_refcnt();
        let got = no_default.get_or(&fallback).unwrap();
        assert!(got.is(&fallback));
        assert_eq!(fallback.get_refcnt(), before + 1);
        drop(got);
        assert_eq!(fallback.get_refcnt(), before);

        let dflt = PyDict::new(py).into_any();
        let with_default = PyContextVar::new(py, "with_default", Some(&dflt)).unwrap();
        assert!(with_default.get().unwrap().is(&dflt));
        assert!(with_default.get_or(&fallback).unwrap().is(&fallback));
        // The variable keeps its default alive.
        assert_eq!(dflt.get_refcnt(), 2);
        drop(with_default);
        assert_eq!(dflt.get_refcnt(), 1);

        // Names the C API can't take (NUL) still work.
        let odd = PyContextVar::new(py, "a\0b", None).unwrap();
        assert_eq!(odd.name().unwrap(), "a\0b");
    });
}

#[test]
fn set_reset_and_tokens() {
    Python::attach(|py| {
        let var = PyContextVar::new(py, "counter", None).unwrap();
        let value = PyDict::new(py).into_any();
        let before = value.get_refcnt();
        let token = var.set(&value).unwrap();
        assert!(token.var().unwrap().is(&var));
        assert!(token.old_value().unwrap().is_none());
        assert!(var.get().unwrap().is(&value));
        assert!(value.get_refcnt() > before);

        let token2 = var.set(2i32).unwrap();
        assert!(token2.old_value().unwrap().unwrap().is(&value));
        var.reset(&token2).unwrap();
        assert!(var.get().unwrap().is(&value));
        // A used token can't be used again.
        let err = var.reset(&token2).unwrap_err();
        let used = repr(&token2).replacen("<Token var=", "<Token used var=", 1);
        common::assert_err::<PyRuntimeError>(
            py,
            &err,
            &format!("{used} has already been used once"),
        );

        // A token of another variable.
        let other = PyContextVar::new(py, "other", None).unwrap();
        let other_token = other.set(1i32).unwrap();
        let err = var.reset(&other_token).unwrap_err();
        let expected = format!(
            "{} was created by a different ContextVar",
            repr(&other_token)
        );
        common::assert_err::<PyValueError>(py, &err, &expected);
        other.reset(&other_token).unwrap();

        var.reset(&token).unwrap();
        common::assert_result_err::<PyLookupError, _>(py, var.get(), &repr(&var));
        drop((token, token2));
        assert_eq!(value.get_refcnt(), before);
    });
}

#[test]
fn token_from_another_context() {
    Python::attach(|py| {
        let var = PyContextVar::new(py, "elsewhere", None).unwrap();
        let ctx = PyContext::new(py).unwrap();
        let token = ctx
            .run(var.getattr("set").unwrap(), (1,))
            .unwrap()
            .cast_into::<PyContextToken>()
            .unwrap();
        let err = var.reset(&token).unwrap_err();
        let expected = format!("{} was created in a different Context", repr(&token));
        common::assert_err::<PyValueError>(py, &err, &expected);
        assert!(err.to_string().contains("different Context"), "{err}");
        // Inside its own context, the token works.
        ctx.run(var.getattr("reset").unwrap(), (&token,)).unwrap();
        assert!(ctx.get(&var).unwrap().is_none());
    });
}

#[test]
fn context_run_copy_get() {
    Python::attach(|py| {
        let var = PyContextVar::new(py, "x", None).unwrap();
        let ctx = PyContext::new(py).unwrap();
        assert_eq!(ctx.len().unwrap(), 0);
        assert!(ctx.get(&var).unwrap().is_none());

        let result = ctx.run(var.getattr("set").unwrap(), (10,)).unwrap();
        assert!(result.cast::<PyContextToken>().is_ok());
        assert_eq!(
            ctx.get(&var).unwrap().unwrap().extract::<i32>().unwrap(),
            10
        );
        assert!(ctx.contains(&var).unwrap());
        // The current context is unaffected.
        common::assert_result_err::<PyLookupError, _>(py, var.get(), &repr(&var));
        assert!(PyContext::copy_current(py)
            .unwrap()
            .get(&var)
            .unwrap()
            .is_none());

        let copy = ctx.copy().unwrap();
        assert!(!copy.is(&ctx));
        copy.run(var.getattr("set").unwrap(), (11,)).unwrap();
        assert_eq!(
            ctx.get(&var).unwrap().unwrap().extract::<i32>().unwrap(),
            10
        );
        assert_eq!(
            copy.get(&var).unwrap().unwrap().extract::<i32>().unwrap(),
            11
        );

        // `run` with no arguments and returning the callable's result.
        let got = ctx
            .run(var.getattr("get").unwrap(), PyTuple::empty(py))
            .unwrap();
        assert_eq!(got.extract::<i32>().unwrap(), 10);

        // Errors from the callable propagate.
        let err = ctx.run(var.getattr("reset").unwrap(), (1,)).unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "expected an instance of Token, got 1");

        // Re-entering a context that is already entered.
        let err = ctx
            .run(ctx.getattr("run").unwrap(), (py.None(),))
            .unwrap_err();
        common::assert_err::<PyRuntimeError>(
            py,
            &err,
            &format!("cannot enter context: {} is already entered", repr(&ctx)),
        );
    });
}

#[test]
fn copy_current_sees_current_values() {
    Python::attach(|py| {
        let var = PyContextVar::new(py, "current", None).unwrap();
        let token = var.set(5i32).unwrap();
        let snapshot = PyContext::copy_current(py).unwrap();
        var.reset(&token).unwrap();
        assert_eq!(
            snapshot
                .get(&var)
                .unwrap()
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            5
        );
        let before = snapshot.get_refcnt();
        let copy = snapshot.copy().unwrap();
        assert_eq!(snapshot.get_refcnt(), before);
        drop(copy);
    });
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[test]
fn scope_runs_rust_code_in_context() {
    Python::attach(|py| {
        let var = PyContextVar::new(py, "scoped", None).unwrap();
        let ctx = PyContext::new(py).unwrap();
        let out = ctx
            .scope(|| {
                var.set(1i32).unwrap();
                var.get().unwrap().extract::<i32>().unwrap()
            })
            .unwrap();
        assert_eq!(out, 1);
        common::assert_result_err::<PyLookupError, _>(py, var.get(), &repr(&var));
        assert_eq!(ctx.get(&var).unwrap().unwrap().extract::<i32>().unwrap(), 1);

        // Nested entry of the same context is refused without running the closure.
        let err = ctx
            .scope(|| ctx.scope(|| unreachable!()).unwrap_err())
            .unwrap();
        common::assert_err::<PyRuntimeError>(
            py,
            &err,
            &format!("cannot enter context: {} is already entered", repr(&ctx)),
        );

        // A panic leaves the context, so it can be entered again.
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            ctx.scope(|| panic!("boom")).unwrap()
        }));
        assert_eq!(common::panic_message(&*panicked.unwrap_err()), "boom");
        common::assert_result_err::<PyLookupError, _>(py, var.get(), &repr(&var));
        assert_eq!(ctx.scope(|| 3).unwrap(), 3);
    });
}

/// `repr(obj)`: CPython's context errors embed the reprs (with addresses) of the objects.
fn repr(obj: &Bound<'_, impl Sized>) -> String {
    obj.as_any().repr().unwrap().to_string()
}
