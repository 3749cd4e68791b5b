//! Argument handling: defaults, `*args`, keyword-only arguments, `**kwargs`, positional-only.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// Reports what each parameter received, so the tests can check the binding rules.
#[pyfunction]
#[pyo3(signature = (a, b = 10, *args, c = None, **kwargs))]
fn describe_args(
    a: i64,
    b: i64,
    args: &Bound<'_, PyTuple>,
    c: Option<&str>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let mut names: Vec<String> = match kwargs {
        Some(kw) => kw
            .keys()
            .iter()
            .map(|k| k.extract())
            .collect::<PyResult<_>>()?,
        None => Vec::new(),
    };
    names.sort();
    Ok(format!(
        "a={a} b={b} args={} c={} kwargs=[{}]",
        args.len(),
        c.unwrap_or("-"),
        names.join(",")
    ))
}

/// Positional-only `x`, keyword-only `scale`.
#[pyfunction]
#[pyo3(signature = (x, /, *, scale = 1.0))]
fn scaled(x: f64, scale: f64) -> f64 {
    x * scale
}

/// Calls back into Python: `f` applied to every item.
#[pyfunction]
fn apply<'py>(
    f: &Bound<'py, PyAny>,
    items: Vec<Bound<'py, PyAny>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    items.into_iter().map(|item| f.call1((item,))).collect()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(describe_args, m)?)?;
    m.add_function(wrap_pyfunction!(scaled, m)?)?;
    m.add_function(wrap_pyfunction!(apply, m)?)?;
    Ok(())
}
