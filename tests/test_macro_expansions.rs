#![cfg(all(feature = "macros", feature = "auto-initialize"))]
//! What the macros expand to, checked by running it: the argument description a
//! `#[pyfunction]` signature produces (positional-only / keyword-only / defaults, and the
//! errors for each kind of misuse), its `__doc__` / `__text_signature__`, and every shape of
//! `#[derive(FromPyObject)]` / `#[derive(IntoPyObject)]` (named, tuple, newtype, enum,
//! generic, `item("key")`, `default`, `annotation`). These replace unit tests in
//! pyo3-macros-backend that compared the generated token text.
//!
//! Declarative modules (`#[pymodule_export]`, nested modules, `#[pymodule_init]`) are covered
//! by tests/test_pymodule.rs, and the compile errors by tests/ui.

mod common;

use common::assert_py_raises;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// Adds.
#[pyfunction]
#[pyo3(signature = (a, b = 1, /, c = 2, *, d, e = 3))]
fn kinds(a: i32, b: i32, c: i32, d: i32, e: i32) -> (i32, i32, i32, i32, i32) {
    (a, b, c, d, e)
}

#[test]
fn signature_kinds_and_defaults() {
    Python::attach(|py| {
        let locals = PyDict::new(py);
        locals
            .set_item("f", wrap_pyfunction!(kinds, py).unwrap())
            .unwrap();
        py.run(
            c"assert f.__doc__ == 'Adds.', repr(f.__doc__)\n\
              assert f.__text_signature__ == '(a, b=1, /, c=2, *, d, e=3)', f.__text_signature__\n\
              assert f(10, d=4) == (10, 1, 2, 4, 3)\n\
              assert f(10, 20, 30, d=40, e=50) == (10, 20, 30, 40, 50)\n\
              assert f(10, c=30, d=40) == (10, 1, 30, 40, 3)\n",
            None,
            Some(&locals),
        )
        .unwrap();
        // Positional-only parameters cannot be passed by keyword.
        assert_py_raises::<PyTypeError>(
            py,
            &locals,
            c"f(a=1, d=4)",
            "kinds() got some positional-only arguments passed as keyword arguments: 'a'",
        );
        // Keyword-only parameters cannot be passed positionally, and `d` has no default.
        assert_py_raises::<PyTypeError>(
            py,
            &locals,
            c"f(1, 2, 3, 4)",
            "kinds() takes from 1 to 3 positional arguments but 4 were given",
        );
        assert_py_raises::<PyTypeError>(
            py,
            &locals,
            c"f(1)",
            "kinds() missing 1 required keyword argument: 'd'",
        );
        assert_py_raises::<PyTypeError>(
            py,
            &locals,
            c"f(d=1)",
            "kinds() missing 1 required positional argument: 'a'",
        );
    });
}

#[derive(FromPyObject, IntoPyObject, Debug, PartialEq)]
struct Named {
    a: i32,
    #[pyo3(item("k"))]
    b: i32,
}

#[derive(FromPyObject, IntoPyObject, Debug, PartialEq)]
struct Pair(i32, String);

#[derive(FromPyObject, IntoPyObject, Debug, PartialEq)]
struct Newtype(i32);

#[derive(FromPyObject, Debug, PartialEq)]
enum Either {
    A(i32),
    #[pyo3(annotation = "str")]
    B {
        s: String,
    },
    C(i32, i32),
}

#[derive(IntoPyObject)]
enum Out {
    A(i32),
    C(i32, i32),
}

#[derive(FromPyObject, Debug)]
struct WithDefault {
    #[pyo3(item("k"), default)]
    b: i32,
    // (A struct whose fields all have defaults is refused, as by PyO3.)
    #[pyo3(item("required"))]
    r: bool,
}

#[derive(FromPyObject, IntoPyObject)]
struct Generic<'py, T> {
    x: T,
    y: Bound<'py, PyAny>,
}

#[test]
fn derive_shapes_round_trip() {
    Python::attach(|py| {
        // Named fields: attribute `a`, item "k".
        let obj = py
            .eval(c"type('O', (dict,), {'a': 1})({'k': 2})", None, None)
            .unwrap();
        assert_eq!(obj.extract::<Named>().unwrap(), Named { a: 1, b: 2 });
        // Into: a dict keyed by field name (or the item key).
        let out = Named { a: 3, b: 4 }.into_pyobject(py).unwrap();
        assert_eq!(out.repr().unwrap(), "{'a': 3, 'k': 4}");

        // Tuple struct <-> tuple; newtype is transparent.
        let t = PyTuple::new(
            py,
            [
                1i32.into_pyobject(py).unwrap().into_any(),
                "s".into_pyobject(py).unwrap().into_any(),
            ],
        )
        .unwrap();
        assert_eq!(t.extract::<Pair>().unwrap(), Pair(1, "s".into()));
        let out = Pair(5, "t".into()).into_pyobject(py).unwrap();
        assert_eq!(out.repr().unwrap(), "(5, 't')");
        assert_eq!(
            7i32.into_pyobject(py)
                .unwrap()
                .extract::<Newtype>()
                .unwrap(),
            Newtype(7)
        );
        assert_eq!(Newtype(8).into_pyobject(py).unwrap().repr().unwrap(), "8");

        // Enum: first matching variant wins.
        let e = |code: &std::ffi::CStr| py.eval(code, None, None).unwrap().extract::<Either>();
        assert_eq!(e(c"1").unwrap(), Either::A(1));
        assert_eq!(e(c"(1, 2)").unwrap(), Either::C(1, 2));
        assert_eq!(
            e(c"type('S', (), {'s': 'text'})()").unwrap(),
            Either::B { s: "text".into() }
        );
        assert_eq!(Out::A(9).into_pyobject(py).unwrap().repr().unwrap(), "9");
        assert_eq!(
            Out::C(1, 2).into_pyobject(py).unwrap().repr().unwrap(),
            "(1, 2)"
        );

        // `default`: a missing key gives the field's Default.
        let d = PyDict::new(py);
        d.set_item("required", true).unwrap();
        assert_eq!(d.extract::<WithDefault>().unwrap().b, 0);
        d.set_item("k", 5).unwrap();
        let v = d.extract::<WithDefault>().unwrap();
        assert_eq!((v.b, v.r), (5, true));

        // Generic with a lifetime.
        let obj = py
            .eval(c"type('G', (), {'x': 1.5, 'y': [1]})()", None, None)
            .unwrap();
        let g: Generic<'_, f64> = obj.extract().unwrap();
        assert_eq!(g.x, 1.5);
        assert_eq!(g.y.repr().unwrap(), "[1]");
        let out = g.into_pyobject(py).unwrap();
        assert_eq!(out.repr().unwrap(), "{'x': 1.5, 'y': [1]}");
    });
}
