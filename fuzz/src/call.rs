//! Checks for the argument parsing of a `#[pyfunction]`: the generated function is called
//! with fuzzed positional and keyword arguments, and a Python function with the same
//! signature (`support.bind`) says what binding must give.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::input::Input;
use crate::support::{err_is, support};

type Bound6<'py> = (
    i64,
    i64,
    Bound<'py, PyTuple>,
    String,
    Option<i64>,
    Option<Bound<'py, PyDict>>,
);

/// What `support.bind` returns: the arguments as Python bound them, before any conversion.
type BoundByPython<'py> = (
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
    Bound<'py, PyDict>,
);

#[pyfunction]
#[pyo3(signature = (a, b=7, *args, c, d=None, **kwargs))]
fn target<'py>(
    a: i64,
    b: i64,
    args: Bound<'py, PyTuple>,
    c: String,
    d: Option<i64>,
    kwargs: Option<Bound<'py, PyDict>>,
) -> Bound6<'py> {
    (a, b, args, c, d, kwargs)
}

/// Reads a call (positional arguments, then keyword arguments) from `input`, makes it against
/// the generated function and against `support.bind`, and compares.
pub fn check_call(py: Python<'_>, input: &mut Input<'_>) {
    let n = input.len() % 5;
    let args: Vec<_> = (0..n).map(|_| input.object(py, 1)).collect();
    let args = PyTuple::new(py, args).unwrap();
    let kwargs = PyDict::new(py);
    for _ in 0..input.len() % 5 {
        let key = input.key(py, 1);
        let value = input.object(py, 1);
        let _ = kwargs.set_item(key, value);
    }
    let func = wrap_pyfunction!(target, py).unwrap();
    let (args_rc, kwargs_rc) = (args.get_refcnt(), kwargs.get_refcnt());
    {
        let got = func.call(&args, Some(&kwargs));
        let bound = support(py)
            .getattr("bind")
            .unwrap()
            .call(&args, Some(&kwargs));
        compare(py, &args, &kwargs, bound, got);
    }
    assert_eq!(
        args_rc,
        args.get_refcnt(),
        "call{args:?} {kwargs:?}: args tuple's refcount"
    );
    assert_eq!(
        kwargs_rc,
        kwargs.get_refcnt(),
        "call{args:?} {kwargs:?}: kwargs dict's refcount"
    );
}

fn compare<'py>(
    py: Python<'py>,
    args: &Bound<'py, PyTuple>,
    kwargs: &Bound<'py, PyDict>,
    bound: PyResult<Bound<'py, PyAny>>,
    got: PyResult<Bound<'py, PyAny>>,
) {
    let type_error = py.get_type::<PyTypeError>();
    let bound = match bound {
        Ok(b) => b,
        Err(e) => {
            // Python cannot bind these arguments to the signature: ours must refuse them too.
            assert!(
                err_is(py, &e, type_error.as_any()),
                "support.bind raised {e}"
            );
            let ours = got.expect_err("bound arguments Python refuses");
            assert!(
                err_is(py, &ours, type_error.as_any()),
                "call{args:?} {kwargs:?}: {ours}"
            );
            return;
        }
    };
    let (a, b, rest, c, d, extra): BoundByPython<'py> = bound.extract().unwrap();
    // What the parameters' types make of the bound values; None where extraction must fail.
    let want_d = if d.is_none() {
        Some(None)
    } else {
        d.extract::<i64>().ok().map(Some)
    };
    let want = (|| {
        Some((
            a.extract::<i64>().ok()?,
            b.extract::<i64>().ok()?,
            c.extract::<String>().ok()?,
            want_d?,
        ))
    })();
    match (want, got) {
        (Some((a, b, c, d)), Ok(g)) => {
            let g: Bound6<'py> = g.extract().unwrap();
            assert_eq!(
                (a, b, &c, d),
                (g.0, g.1, &g.3, g.4),
                "call{args:?} {kwargs:?}"
            );
            assert!(
                g.2.eq(&rest).unwrap(),
                "*args of call{args:?} {kwargs:?}: {:?}",
                g.2
            );
            let g_extra = g.5.unwrap_or_else(|| PyDict::new(py));
            assert!(
                g_extra.eq(&extra).unwrap(),
                "**kwargs of call{args:?} {kwargs:?}: {g_extra:?}"
            );
        }
        (None, Err(_)) => {}
        (w, g) => panic!("call{args:?} {kwargs:?}: want {w:?}, got {g:?}"),
    }
}

/// The fuzz target's body: calls until the input runs out.
pub fn check_calls(py: Python<'_>, data: &[u8]) {
    let mut input = Input::new(data);
    while !input.is_empty() {
        check_call(py, &mut input);
    }
}
