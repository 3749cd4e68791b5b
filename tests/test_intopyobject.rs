//! `#[derive(IntoPyObject)]` / `#[derive(IntoPyObjectRef)]` through the interpreter.
#![cfg(all(feature = "macros", feature = "auto-initialize"))]

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use pyo3::{IntoPyObjectExt, IntoPyObjectRef};

fn check(py: Python<'_>, obj: Bound<'_, PyAny>, expected: &str) {
    let locals = PyDict::new(py);
    locals.set_item("obj", obj).unwrap();
    let code = std::ffi::CString::new(format!("assert obj == {expected}, repr(obj)")).unwrap();
    if let Err(e) = py.run(&code, None, Some(&locals)) {
        e.print(py);
        panic!("{e}");
    }
}

#[derive(IntoPyObject, IntoPyObjectRef)]
struct Point {
    x: bool,
    #[pyo3(item("why"))]
    y: String,
}

#[derive(IntoPyObject, IntoPyObjectRef)]
struct Wrapper(String);

#[derive(IntoPyObject)]
#[pyo3(transparent)]
struct Named {
    inner: bool,
}

#[derive(IntoPyObject, IntoPyObjectRef)]
struct Pair(bool, String);

fn custom<'py>(v: Cow<'_, bool>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    (!*v).into_bound_py_any(py)
}

#[derive(IntoPyObject)]
struct WithCustom {
    #[pyo3(into_py_with = custom)]
    v: bool,
}

#[derive(IntoPyObject, IntoPyObjectRef)]
enum Shape {
    Flag(bool),
    Pair(bool, bool),
    Named { name: String },
}

#[derive(IntoPyObject)]
struct Generic<T> {
    value: T,
}

#[test]
fn structs() {
    Python::attach(|py| {
        let p = Point {
            x: true,
            y: "a".into(),
        };
        check(
            py,
            (&p).into_pyobject(py).unwrap().into_any(),
            "{'x': True, 'why': 'a'}",
        );
        let d: Bound<'_, PyDict> = p.into_pyobject(py).unwrap();
        check(py, d.into_any(), "{'x': True, 'why': 'a'}");
        let w = Wrapper("s".into());
        check(py, (&w).into_pyobject(py).unwrap().into_any(), "'s'");
        check(py, w.into_pyobject(py).unwrap().into_any(), "'s'");
        check(
            py,
            Named { inner: false }
                .into_pyobject(py)
                .unwrap()
                .to_owned()
                .into_any(),
            "False",
        );
        let t: Bound<'_, PyTuple> = Pair(true, "b".into()).into_pyobject(py).unwrap();
        check(py, t.into_any(), "(True, 'b')");
        check(
            py,
            WithCustom { v: true }.into_pyobject(py).unwrap().into_any(),
            "{'v': False}",
        );
        check(
            py,
            Generic { value: true }
                .into_pyobject(py)
                .unwrap()
                .into_any(),
            "{'value': True}",
        );
    });
}

#[test]
fn enums() {
    Python::attach(|py| {
        check(py, Shape::Flag(true).into_pyobject(py).unwrap(), "True");
        check(
            py,
            Shape::Pair(true, false).into_pyobject(py).unwrap(),
            "(True, False)",
        );
        let n = Shape::Named { name: "n".into() };
        check(py, (&n).into_pyobject(py).unwrap(), "{'name': 'n'}");
        check(py, n.into_pyobject(py).unwrap(), "{'name': 'n'}");
    });
}

#[derive(IntoPyObject)]
#[pyo3(rename_all = "SCREAMING_SNAKE_CASE")]
struct RenamedOut {
    some_field: bool,
}

#[test]
fn rename_all() {
    Python::attach(|py| {
        check(
            py,
            RenamedOut { some_field: true }
                .into_pyobject(py)
                .unwrap()
                .into_any(),
            "{'SOME_FIELD': True}",
        );
    });
}
