//! Field accessors of several types, pyclass values as arguments and results (by value, by
//! reference, in containers), and a three-level inheritance chain built with
//! `PyClassInitializer`. Calls in `cases_more.py`.

use super::*;
use pyo3::PyClassInitializer;
use std::collections::HashMap;

#[pyclass(from_py_object)]
#[derive(Clone)]
pub struct Fields {
    #[pyo3(get, set)]
    opt: Option<i64>,
    #[pyo3(get, set)]
    names: Vec<String>,
    #[pyo3(get, set)]
    map: HashMap<String, i64>,
    #[pyo3(get, set)]
    pair: (i64, String),
    #[pyo3(get, set)]
    obj: Option<Py<PyAny>>,
    #[pyo3(get, set, name = "renamed")]
    inner: f64,
    #[pyo3(get)]
    small: u8,
}

#[pymethods]
impl Fields {
    #[new]
    fn new() -> Self {
        Fields {
            opt: None,
            names: vec!["a".into()],
            map: HashMap::from([("k".to_string(), 1)]),
            pair: (1, "one".into()),
            obj: None,
            inner: 0.5,
            small: 7,
        }
    }
}

#[pyfunction]
pub fn by_value(f: Fields) -> usize {
    f.names.len()
}

#[pyfunction]
pub fn by_ref(f: &Fields) -> i64 {
    f.pair.0
}

#[pyfunction]
pub fn opt_ref(f: Option<PyRef<'_, Fields>>) -> bool {
    f.is_some()
}

#[pyfunction]
pub fn many(fs: Vec<Py<Fields>>) -> usize {
    fs.len()
}

#[pyfunction]
pub fn make_many(n: usize) -> Vec<Fields> {
    (0..n).map(|_| Fields::new()).collect()
}

#[pyfunction]
pub fn make_opt(some: bool) -> Option<Fields> {
    some.then(Fields::new)
}

#[pyclass(subclass)]
pub struct Level1 {
    #[pyo3(get)]
    a: i64,
}

#[pyclass(extends = Level1, subclass)]
pub struct Level2 {
    #[pyo3(get)]
    b: i64,
}

#[pyclass(extends = Level2)]
pub struct Level3 {
    #[pyo3(get)]
    c: i64,
}

#[pymethods]
impl Level1 {
    #[new]
    fn new(a: i64) -> Self {
        Level1 { a }
    }
    fn who(&self) -> &'static str {
        "level1"
    }
}

#[pymethods]
impl Level2 {
    #[new]
    fn new(a: i64, b: i64) -> PyClassInitializer<Self> {
        PyClassInitializer::from(Level1 { a }).add_subclass(Level2 { b })
    }
}

#[pymethods]
impl Level3 {
    #[new]
    fn new(a: i64, b: i64, c: i64) -> PyResult<PyClassInitializer<Self>> {
        if c < 0 {
            return Err(pyo3::exceptions::PyValueError::new_err("c < 0"));
        }
        Ok(Level2::new(a, b).add_subclass(Level3 { c }))
    }
    fn sum(slf: PyRef<'_, Self>) -> i64 {
        let c = slf.c;
        let l2 = slf.into_super();
        let b = l2.b;
        let l1 = l2.into_super();
        l1.a + b + c
    }
    fn who(&self) -> &'static str {
        "level3"
    }
    fn bump_a(mut slf: PyRefMut<'_, Self>) -> i64 {
        let l1: &mut Level1 = slf.as_super().as_super();
        l1.a += 1;
        l1.a
    }
}

pub fn register(m: &Bound<'_, pyo3::types::PyModule>) -> PyResult<()> {
    m.add_class::<Fields>()?;
    m.add_class::<Level1>()?;
    m.add_class::<Level2>()?;
    m.add_class::<Level3>()?;
    for f in [
        wrap_pyfunction!(by_value, m)?,
        wrap_pyfunction!(by_ref, m)?,
        wrap_pyfunction!(opt_ref, m)?,
        wrap_pyfunction!(many, m)?,
        wrap_pyfunction!(make_many, m)?,
        wrap_pyfunction!(make_opt, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}
