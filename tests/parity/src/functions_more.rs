//! More function shapes: defaults of every literal kind (their `__text_signature__`),
//! `Option` parameters, `from_py_with`, renamed and `pass_module` functions, nested argument
//! types whose conversion fails, returned values of several types. Calls in `cases_more.py`.

use super::*;
use std::collections::HashMap;

#[pyfunction]
#[pyo3(signature = (a = 1, b = "x", c = None, d = vec![1, 2], e = -1, f = 1.5, g = true, h = Vec::new(), i = 'c', j = (1, 2), k = "multi word"))]
#[allow(clippy::too_many_arguments)]
pub fn defaults(
    a: i64,
    b: &str,
    c: Option<i64>,
    d: Vec<i64>,
    e: i32,
    f: f64,
    g: bool,
    h: Vec<String>,
    i: char,
    j: (i64, i64),
    k: &str,
) -> String {
    format!("{a} {b} {c:?} {d:?} {e} {f} {g} {h:?} {i} {j:?} {k}")
}

#[pyfunction]
pub fn opt_tail(a: i64, b: Option<i64>) -> String {
    format!("{a} {b:?}")
}

#[pyfunction]
#[pyo3(signature = (a, b = None, /, c = None, *, d = None))]
pub fn opt_sig(a: Option<i64>, b: Option<&str>, c: Option<Vec<i64>>, d: Option<bool>) -> String {
    format!("{a:?} {b:?} {c:?} {d:?}")
}

fn len_of(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    obj.len()
}

#[pyfunction]
pub fn with_from(#[pyo3(from_py_with = len_of)] n: usize, m: i64) -> usize {
    n + m as usize
}

#[pyfunction(name = "renamed_fn")]
#[pyo3(text_signature = "(x, /)")]
pub fn original_name(x: i64) -> i64 {
    x
}

#[pyfunction]
#[pyo3(text_signature = None)]
pub fn no_sig(x: i64) -> i64 {
    x
}

#[pyfunction]
#[pyo3(pass_module)]
pub fn with_module(module: &Bound<'_, pyo3::types::PyModule>, x: i64) -> PyResult<String> {
    Ok(format!("{} {}", module.name()?, x))
}

#[pyfunction]
pub fn nested(
    v: Vec<Vec<i64>>,
    m: HashMap<String, (i64, f64)>,
    o: Option<Vec<Option<u8>>>,
) -> String {
    format!("{v:?} {} {o:?}", m.len())
}

#[pyfunction]
pub fn refs(
    s: &str,
    b: &[u8],
    l: &Bound<'_, pyo3::types::PyList>,
    d: Bound<'_, PyDict>,
    t: Py<PyTuple>,
) -> usize {
    let _ = t;
    s.len() + b.len() + l.len() + d.len()
}

#[pyfunction]
pub fn returns(py: Python<'_>, which: u32) -> PyResult<Py<PyAny>> {
    Ok(match which {
        0 => ().into_pyobject(py)?.into_any().unbind(),
        1 => Option::<i64>::None.into_pyobject(py)?.into_any().unbind(),
        2 => (1, "two", [3u8]).into_pyobject(py)?.into_any().unbind(),
        3 => vec![(1, 2.5)].into_pyobject(py)?.into_any().unbind(),
        4 => "".into_pyobject(py)?.into_any().unbind(),
        5 => (-0.0f64).into_pyobject(py)?.into_any().unbind(),
        6 => std::borrow::Cow::Borrowed("cow").into_pyobject(py)?.into_any().unbind(),
        7 => (i64::MIN, u64::MAX).into_pyobject(py)?.into_any().unbind(),
        8 => [[1u8, 2], [3, 4]].into_pyobject(py)?.into_any().unbind(),
        9 => Vec::<u8>::new().into_pyobject(py)?.into_any().unbind(),
        _ => return Err(pyo3::exceptions::PyValueError::new_err("no such case")),
    })
}

#[pyfunction]
pub fn unit_result(fail: bool) -> PyResult<()> {
    if fail {
        Err(pyo3::exceptions::PyTypeError::new_err(("a", 1)))
    } else {
        Ok(())
    }
}

#[pyfunction]
pub fn std_result(fail: bool) -> Result<i64, std::num::ParseIntError> {
    if fail {
        "x".parse::<i64>()
    } else {
        Ok(1)
    }
}

#[pyfunction]
#[pyo3(signature = (a, *args, b = 2, **kw))]
pub fn star_mid(
    a: i64,
    args: Vec<i64>,
    b: i64,
    kw: Option<HashMap<String, i64>>,
) -> String {
    format!("{a} {args:?} {b} {:?}", kw.map(|k| k.len()))
}

/// A documented function.
///
/// With a second paragraph.
#[pyfunction]
pub fn documented(x: i64) -> i64 {
    x
}

#[pyfunction]
#[pyo3(warn(message = "old_fn is deprecated", category = pyo3::exceptions::PyDeprecationWarning))]
pub fn old_fn(x: i64) -> i64 {
    x
}

#[pyfunction]
#[pyo3(warn(message = "plain warning"))]
#[pyo3(warn(message = "second warning", category = pyo3::exceptions::PyFutureWarning))]
pub fn two_warnings() {}

#[pyclass]
pub struct Warner;

#[pymethods]
impl Warner {
    #[new]
    fn new() -> Self {
        Warner
    }
    #[pyo3(warn(message = "method warning", category = pyo3::exceptions::PyUserWarning))]
    fn method(&self) -> i64 {
        1
    }
    #[staticmethod]
    #[pyo3(warn(message = "static warning"))]
    fn stat() -> i64 {
        2
    }
}

#[pyfunction]
pub fn warn_from_rust(py: Python<'_>, stacklevel: i32) -> PyResult<()> {
    let cat = py.get_type::<pyo3::exceptions::PyRuntimeWarning>();
    PyErr::warn(py, &cat, c"warned from rust", stacklevel)
}

#[pyfunction]
pub fn closure_fn(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyCFunction>> {
    pyo3::types::PyCFunction::new_closure(
        py,
        Some(c"my_closure"),
        Some(c"A closure."),
        |args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>| -> PyResult<String> {
            Ok(format!("{} {}", args.len(), kwargs.map_or(0, |k| k.len())))
        },
    )
}
