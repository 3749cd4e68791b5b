#![cfg(feature = "macros")]
//! Defaults of `Option<T>` parameters: a bare `T` is wrapped in `Some`, an `Option<T>` is kept.

use pyo3::prelude::*;
use pyo3::py_run;

const NOTHING: Option<u8> = None;

type Defaults = (Option<u8>, Option<u8>, Option<u8>, Option<u8>, Option<bool>);

#[pyfunction(signature = (a = 1, b = Some(2), c = None, d = NOTHING, e = true))]
fn defaults(
    a: Option<u8>,
    b: Option<u8>,
    c: Option<u8>,
    d: Option<u8>,
    e: Option<bool>,
) -> Defaults {
    (a, b, c, d, e)
}

#[test]
fn option_defaults() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(defaults, py).unwrap();
        py_run!(
            py,
            f,
            r#"
assert f() == (1, 2, None, None, True)
assert f(None, None, 3, 4, False) == (None, None, 3, 4, False)
"#
        );
    });
}
