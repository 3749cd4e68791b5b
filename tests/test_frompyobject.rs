//! `#[derive(FromPyObject)]` through the interpreter.
#![cfg(all(feature = "macros", feature = "auto-initialize"))]

mod common;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, None).unwrap()
}

fn run(py: Python<'_>, code: &str) {
    let code = std::ffi::CString::new(code).unwrap();
    py.run(&code, None, None).unwrap();
}

#[derive(FromPyObject, Debug)]
struct ByAttribute<'py> {
    flag: bool,
    #[pyo3(attribute("other_name"))]
    renamed: Bound<'py, PyAny>,
    #[pyo3(default)]
    missing: Option<bool>,
    #[pyo3(attribute, default = true)]
    missing_with_default: bool,
}

#[derive(FromPyObject, Debug)]
#[pyo3(from_item_all)]
struct ByItem {
    a: bool,
    #[pyo3(item("b-key"))]
    b: bool,
    #[pyo3(attribute("real"))]
    c: Py<PyAny>,
}

#[derive(FromPyObject, Debug)]
struct MixedItem {
    #[pyo3(item)]
    x: bool,
    #[pyo3(item(true))]
    first: bool,
}

#[derive(FromPyObject, Debug, PartialEq)]
struct Newtype(bool);

#[derive(FromPyObject, Debug)]
#[pyo3(transparent)]
struct TransparentNamed {
    inner: bool,
}

#[derive(FromPyObject, Debug)]
struct Pair(bool, Option<bool>);

fn always_true(_: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(true)
}

#[derive(FromPyObject, Debug)]
struct WithFromPyWith {
    #[pyo3(item, from_py_with = always_true)]
    v: bool,
}

#[derive(FromPyObject, Debug)]
#[allow(dead_code)]
enum Choice<'py> {
    Flag(bool),
    #[pyo3(annotation = "tuple[bool, bool]")]
    Two(bool, bool),
    Named {
        flag: bool,
    },
    #[pyo3(transparent)]
    Dict(Bound<'py, PyDict>),
}

#[derive(FromPyObject, Debug)]
struct Generic<T> {
    #[pyo3(item)]
    value: T,
}

#[test]
fn named_structs() {
    Python::attach(|py| {
        run(py, "class C:\n    flag = True\n    other_name = 'x'\n");
        let v: ByAttribute<'_> = eval(py, "C()").extract().unwrap();
        assert!(v.flag);
        assert_eq!(v.renamed.str().unwrap().to_string(), "x");
        assert_eq!(v.missing, None);
        assert!(v.missing_with_default);

        let err = eval(py, "object()")
            .extract::<ByAttribute<'_>>()
            .unwrap_err();
        assert!(
            err.is_instance_of::<pyo3::exceptions::PyAttributeError>(py),
            "{err}"
        );

        run(py, "class D(dict):\n    real = 1\n");
        let v: ByItem = eval(py, "D(a=True, **{'b-key': False})").extract().unwrap();
        assert!(v.a && !v.b);
        assert_eq!(v.c.bind(py).str().unwrap().to_string(), "1");

        let v: MixedItem = eval(py, "{'x': True, True: False}").extract().unwrap();
        assert!(v.x && !v.first);

        let err = eval(py, "{'x': 1, True: False}")
            .extract::<MixedItem>()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: failed to extract field MixedItem.x"
        );
        assert!(err.cause(py).is_some());

        let v: WithFromPyWith = eval(py, "{'v': None}").extract().unwrap();
        assert!(v.v);

        let v: Generic<bool> = eval(py, "{'value': True}").extract().unwrap();
        assert!(v.value);
    });
}

#[test]
fn tuple_and_newtype() {
    Python::attach(|py| {
        assert_eq!(
            eval(py, "True").extract::<Newtype>().unwrap(),
            Newtype(true)
        );
        let err = eval(py, "1").extract::<Newtype>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: failed to extract field Newtype.0"
        );
        let v: TransparentNamed = eval(py, "False").extract().unwrap();
        assert!(!v.inner);
        let v: Pair = eval(py, "(True, None)").extract().unwrap();
        assert!(v.0 && v.1.is_none());
        let err = eval(py, "(True,)").extract::<Pair>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: expected tuple of length 2, but got tuple of length 1"
        );
        let err = eval(py, "[True, False]").extract::<Pair>().unwrap_err();
        common::assert_err::<pyo3::exceptions::PyTypeError>(
            py,
            &err,
            "'list' object is not an instance of 'tuple'",
        );
        let _ = PyTuple::empty(py);
    });
}

#[test]
fn enums() {
    Python::attach(|py| {
        assert!(matches!(
            eval(py, "True").extract::<Choice<'_>>().unwrap(),
            Choice::Flag(true)
        ));
        assert!(matches!(
            eval(py, "(True, False)").extract::<Choice<'_>>().unwrap(),
            Choice::Two(true, false)
        ));
        run(py, "class N:\n    flag = False\n");
        assert!(matches!(
            eval(py, "N()").extract::<Choice<'_>>().unwrap(),
            Choice::Named { flag: false }
        ));
        assert!(matches!(
            eval(py, "{}").extract::<Choice<'_>>().unwrap(),
            Choice::Dict(_)
        ));
        let err = eval(py, "None").extract::<Choice<'_>>().unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("TypeError: failed to extract enum Choice ('Flag | tuple[bool, bool] | Named | Dict')"),
            "{msg}"
        );
        assert!(msg.contains("\n- variant Flag (Flag): TypeError: failed to extract field Choice::Flag.0, caused by TypeError: "), "{msg}");
        assert!(
            msg.contains("\n- variant Two (tuple[bool, bool]): TypeError: "),
            "{msg}"
        );
        assert!(
            msg.contains("\n- variant Named (Named): AttributeError: "),
            "{msg}"
        );
        assert!(
            msg.contains(
                "\n- variant Dict (Dict): TypeError: failed to extract field Choice::Dict.0"
            ),
            "{msg}"
        );
    });
}

#[derive(FromPyObject, Debug)]
#[pyo3(from_item_all, rename_all = "camelCase")]
struct Renamed {
    first_field: bool,
    #[pyo3(item("explicit"))]
    second_field: bool,
}

#[test]
fn rename_all() {
    Python::attach(|py| {
        let v: Renamed = eval(py, "{'firstField': True, 'explicit': False}")
            .extract()
            .unwrap();
        assert!(v.first_field && !v.second_field);
    });
}

#[derive(FromPyObject)]
struct BorrowsInput<'a, 'py>(Borrowed<'a, 'py, PyAny>);

#[test]
fn borrowing_lifetime() {
    Python::attach(|py| {
        let obj = eval(py, "object()");
        let v: BorrowsInput<'_, '_> = obj.extract().unwrap();
        assert!(v.0.is(&obj));
    });
}

#[derive(FromPyObject, Debug)]
struct Defaulted {
    #[pyo3(attribute("a"), default)]
    a: Option<i64>,
    #[pyo3(item("k"), default = 7)]
    k: i64,
    #[pyo3(attribute("b"))]
    b: i64,
}

/// `default` is taken whenever the lookup fails, whatever the error (as PyO3 does), not only
/// for a missing attribute or key; the required field's error is the one reported.
#[test]
fn default_is_taken_on_any_lookup_error() {
    Python::attach(|py| {
        run(
            py,
            "class Broken:\n    b = 5\n    @property\n    def a(self):\n        raise ValueError('a')\n    def __getitem__(self, k):\n        raise ValueError('k')\n",
        );
        let v: Defaulted = eval(py, "Broken()").extract().unwrap();
        assert_eq!((v.a, v.k, v.b), (None, 7, 5));
        let err = eval(py, "1").extract::<Defaulted>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "AttributeError: 'int' object has no attribute 'b'"
        );
    });
}
