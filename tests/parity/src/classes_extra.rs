//! Class shapes not in `classes.rs`/`classes_more.rs`: `get_all`/`set_all` fields of several
//! types, `str = "..."`, enums with discriminants and ordering, complex enum constructors,
//! class attributes, renamed accessors, conversion and comparison slots, an iterator class,
//! a `dict` subclass and a descriptor. Calls in `cases_more.py`.

use super::*;
use pyo3::basic::CompareOp;
use pyo3::types::{PySlice, PyType};

#[pyclass(get_all, set_all, str = "All({n}, {s})")]
pub struct All {
    n: i64,
    s: String,
    o: Option<i64>,
    v: Vec<i64>,
}

#[pymethods]
impl All {
    #[new]
    #[pyo3(signature = (n = 0, s = String::new()))]
    fn new(n: i64, s: String) -> Self {
        All {
            n,
            s,
            o: None,
            v: vec![],
        }
    }

    #[classattr]
    const LIMIT: i64 = 10;

    #[classattr]
    fn names() -> Vec<&'static str> {
        vec!["n", "s"]
    }

    #[getter(total)]
    fn get_total(&self) -> i64 {
        self.n + self.v.iter().sum::<i64>()
    }

    #[setter(label)]
    fn set_label(&mut self, value: Option<String>) -> PyResult<()> {
        match value {
            Some(s) => {
                self.s = s;
                Ok(())
            }
            None => Err(pyo3::exceptions::PyAttributeError::new_err(
                "label cannot be deleted",
            )),
        }
    }

    #[pyo3(name = "renamed")]
    fn original(&self) -> i64 {
        self.n
    }

    fn copy_me(&self) -> Self {
        All {
            n: self.n,
            s: self.s.clone(),
            o: self.o,
            v: self.v.clone(),
        }
    }

    #[staticmethod]
    fn make(py: Python<'_>, n: i64) -> PyResult<Py<All>> {
        Py::new(py, All::new(n, "made".into()))
    }

    #[classmethod]
    fn kind(cls: &Bound<'_, PyType>) -> PyResult<String> {
        Ok(cls.name()?.to_string())
    }
}

#[pyclass(eq, eq_int, ord)]
#[derive(PartialEq, PartialOrd, Clone)]
pub enum Disc {
    A = 5,
    B = -1,
    C = 100,
}

#[pyclass]
pub enum Shape2 {
    #[pyo3(constructor = (w, h = 2))]
    Rect { w: i64, h: i64 },
    Circle(f64),
    Empty {},
}

#[pymethods]
impl Shape2 {
    fn area(&self) -> f64 {
        match self {
            Shape2::Rect { w, h } => (w * h) as f64,
            Shape2::Circle(r) => 3.0 * r * r,
            Shape2::Empty {} => 0.0,
        }
    }
}

#[pyclass]
pub struct Num {
    v: i64,
}

#[pymethods]
impl Num {
    #[new]
    fn new(v: i64) -> Self {
        Num { v }
    }
    fn __index__(&self) -> i64 {
        self.v
    }
    fn __int__(&self) -> i64 {
        self.v * 10
    }
    fn __float__(&self) -> f64 {
        self.v as f64 + 0.5
    }
    fn __complex__<'py>(&self, py: Python<'py>) -> Bound<'py, pyo3::types::PyComplex> {
        pyo3::types::PyComplex::from_doubles(py, self.v as f64, 1.0)
    }
    fn __lt__(&self, other: i64) -> bool {
        self.v < other
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.extract::<i64>().map_or(false, |o| o == self.v)
    }
    fn __hash__(&self) -> u64 {
        self.v as u64
    }
    fn __len__(&self) -> PyResult<usize> {
        if self.v < 0 {
            Err(pyo3::exceptions::PyValueError::new_err("negative"))
        } else {
            Ok(self.v as usize)
        }
    }
    fn __getitem__(&self, key: &Bound<'_, PyAny>) -> PyResult<String> {
        if let Ok(slice) = key.cast::<PySlice>() {
            let idx = slice.indices(self.v as isize)?;
            Ok(format!("slice {} {} {}", idx.start, idx.stop, idx.step))
        } else {
            let i: isize = key.extract()?;
            Ok(format!("item {i}"))
        }
    }
    fn __round__(&self, ndigits: Option<i64>) -> i64 {
        self.v + ndigits.unwrap_or(0)
    }
    fn __repr__(&self) -> PyResult<String> {
        if self.v == 13 {
            Err(pyo3::exceptions::PyRuntimeError::new_err("unlucky"))
        } else {
            Ok(format!("Num({})", self.v))
        }
    }
}

#[pyclass]
pub struct Countdown {
    left: u32,
}

#[pymethods]
impl Countdown {
    #[new]
    fn new(left: u32) -> Self {
        Countdown { left }
    }
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self) -> PyResult<Option<u32>> {
        match self.left {
            0 => Ok(None),
            99 => Err(pyo3::exceptions::PyValueError::new_err("broken")),
            n => {
                self.left = n - 1;
                Ok(Some(n))
            }
        }
    }
    fn __reversed__(&self) -> Vec<u32> {
        (1..=self.left).collect()
    }
    /// The Python name decides: this fills the `__len__` slot.
    #[pyo3(name = "__len__")]
    fn length(&self) -> usize {
        self.left as usize
    }
    /// ... and this is a plain method `not_hash`, not the `__hash__` slot.
    #[pyo3(name = "not_hash")]
    fn __hash__(&self) -> u64 {
        5
    }
}

#[pyclass(extends = PyDict)]
pub struct DictSub {
    #[pyo3(get)]
    tag: String,
}

#[pymethods]
impl DictSub {
    #[new]
    #[pyo3(signature = (tag, *_args, **_kwargs))]
    fn new(
        tag: String,
        _args: &Bound<'_, PyTuple>,
        _kwargs: Option<&Bound<'_, PyDict>>,
    ) -> Self {
        DictSub { tag }
    }
    fn size(slf: &Bound<'_, Self>) -> usize {
        slf.as_super().len()
    }
}

#[pyclass]
pub struct Desc {
    v: i64,
}

#[pymethods]
impl Desc {
    #[new]
    fn new(v: i64) -> Self {
        Desc { v }
    }
    fn __get__(
        &self,
        obj: Option<&Bound<'_, PyAny>>,
        _owner: Option<&Bound<'_, PyAny>>,
    ) -> String {
        match obj {
            Some(_) => format!("bound {}", self.v),
            None => format!("class {}", self.v),
        }
    }
    fn __set__(&mut self, _obj: &Bound<'_, PyAny>, value: i64) {
        self.v = value;
    }
}

#[pyclass]
pub struct Cmp {
    v: i64,
}

#[pymethods]
impl Cmp {
    #[new]
    fn new(v: i64) -> Self {
        Cmp { v }
    }
    fn __richcmp__(&self, other: PyRef<'_, Cmp>, op: CompareOp) -> PyResult<bool> {
        match op {
            CompareOp::Lt => Ok(self.v < other.v),
            CompareOp::Eq => Ok(self.v == other.v),
            _ => Err(pyo3::exceptions::PyNotImplementedError::new_err(
                "not this one",
            )),
        }
    }
    fn __bool__(&self) -> bool {
        self.v != 0
    }
}

#[pyclass]
pub struct DelOnly;

#[pymethods]
impl DelOnly {
    #[new]
    fn new() -> Self {
        DelOnly
    }
    fn __get__(&self, _obj: Option<&Bound<'_, PyAny>>, _owner: Option<&Bound<'_, PyAny>>) -> i64 {
        1
    }
    fn __delete__(&self, _obj: &Bound<'_, PyAny>) -> PyResult<()> {
        Err(pyo3::exceptions::PyKeyError::new_err("deleted"))
    }
}

pub fn register(m: &Bound<'_, pyo3::types::PyModule>) -> PyResult<()> {
    m.add_class::<All>()?;
    m.add_class::<Disc>()?;
    m.add_class::<Shape2>()?;
    m.add_class::<Num>()?;
    m.add_class::<Countdown>()?;
    m.add_class::<DictSub>()?;
    m.add_class::<Desc>()?;
    m.add_class::<Cmp>()?;
    m.add_class::<DelOnly>()?;
    Ok(())
}
