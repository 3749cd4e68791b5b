//! Classes with fields, accessors and protocol slots (some only half defined), frozen and
//! constructor-less classes, simple and complex enums, panicking slots and destructors.

use super::*;

#[pyclass]
pub struct C {
    #[pyo3(get, set)]
    pub field: i64,
    #[pyo3(get)]
    ro: i64,
    v: i64,
}

#[pymethods]
impl C {
    #[new]
    fn new(field: i64) -> Self {
        C { field, ro: 0, v: 0 }
    }
    #[getter]
    fn get_v(&self) -> i64 {
        self.v
    }
    #[setter]
    fn set_v(&mut self, v: i64) {
        self.v = v;
    }
    #[setter]
    fn set_wo(&mut self, v: i64) {
        self.v = v;
    }
    fn bump(&mut self, x: i64) {
        self.v += x;
    }
    #[staticmethod]
    fn st(x: i64) -> i64 {
        x
    }
    #[classmethod]
    fn cm(_cls: &Bound<'_, pyo3::types::PyType>, x: i64) -> i64 {
        x
    }
    fn __getitem__(&self, i: i64) -> i64 {
        i
    }
    fn __len__(&self) -> usize {
        3
    }
    fn __add__(&self, o: i64) -> i64 {
        o
    }
    fn __richcmp__(&self, other: i64, op: pyo3::basic::CompareOp) -> bool {
        let _ = op;
        other == 0
    }
}

#[pyclass]
pub struct D {
    x: i64,
}

#[pymethods]
impl D {
    #[new]
    fn new() -> Self {
        D { x: 1 }
    }
    #[getter(x)]
    fn get_x(&self) -> i64 {
        self.x
    }
    #[deleter(x)]
    fn del_x(&mut self) {
        self.x = 0;
    }
    fn __setitem__(&mut self, k: i64, v: i64) {
        self.x = k + v;
    }
    fn __delitem__(&mut self, k: i64) {
        self.x = k;
    }
    fn __call__(&self, a: i64) -> i64 {
        a
    }
    fn __hash__(&self) -> isize {
        -1
    }
    fn __len__(&self) -> usize {
        usize::MAX
    }
    fn __bool__(&self) -> PyResult<bool> {
        Err(pyo3::exceptions::PyValueError::new_err("no bool"))
    }
}

#[pyclass(frozen)]
pub struct F {
    #[pyo3(get)]
    x: i64,
}

#[pyclass]
pub struct NoNew {}

#[pyclass(eq, eq_int)]
#[derive(PartialEq, Clone)]
pub enum E {
    A,
    B,
}

#[pyclass]
pub enum CE {
    S { x: i64 },
    T(i64, String),
}

/// Numeric, container and attribute protocols, partially defined.
#[pyclass]
pub struct N {
    pub v: i64,
}

#[pymethods]
impl N {
    #[new]
    fn new(v: i64) -> Self {
        N { v }
    }
    fn __add__(&self, o: i64) -> i64 {
        self.v + o
    }
    fn __radd__(&self, o: i64) -> i64 {
        o + self.v
    }
    fn __iadd__(&mut self, o: i64) {
        self.v += o;
    }
    fn __pow__(&self, e: u32, m: Option<i64>) -> i64 {
        let r = self.v.pow(e);
        m.map_or(r, |m| r % m)
    }
    fn __neg__(&self) -> i64 {
        -self.v
    }
    fn __truediv__(&self, o: i64) -> PyResult<f64> {
        if o == 0 {
            Err(pyo3::exceptions::PyZeroDivisionError::new_err(
                "division by zero",
            ))
        } else {
            Ok(self.v as f64 / o as f64)
        }
    }
    fn __getitem__(&self, i: isize) -> PyResult<i64> {
        if i < 0 || i >= 3 {
            Err(pyo3::exceptions::PyIndexError::new_err(
                "N index out of range",
            ))
        } else {
            Ok(self.v + i as i64)
        }
    }
    fn __contains__(&self, x: i64) -> bool {
        x == self.v
    }
    fn __setattr__(&mut self, name: &str, value: i64) -> PyResult<()> {
        if name == "v" {
            self.v = value;
            Ok(())
        } else {
            Err(pyo3::exceptions::PyAttributeError::new_err(format!(
                "no {name}"
            )))
        }
    }
    fn __getattr__(&self, name: &str) -> PyResult<String> {
        if name.starts_with("dyn_") {
            Ok(name.to_uppercase())
        } else {
            Err(pyo3::exceptions::PyAttributeError::new_err(
                name.to_string(),
            ))
        }
    }
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self) -> Option<i64> {
        if self.v > 0 {
            self.v -= 1;
            Some(self.v)
        } else {
            None
        }
    }
    fn __call__(&self, a: i64, b: Option<&str>) -> String {
        format!("{a}{b:?}")
    }
}

/// The other halves: `__delattr__` and `__setitem__` alone.
#[pyclass]
pub struct O {}

#[pymethods]
impl O {
    #[new]
    fn new() -> Self {
        O {}
    }
    fn __delattr__(&mut self, name: &str) -> PyResult<()> {
        Err(pyo3::exceptions::PyAttributeError::new_err(format!(
            "del {name}"
        )))
    }
    fn __setitem__(&mut self, k: i64, v: i64) {
        let _ = (k, v);
    }
}

/// `__delitem__` and `__setattr__` alone.
#[pyclass]
pub struct Q {
    #[pyo3(get, set)]
    p: i64,
}

#[pymethods]
impl Q {
    #[new]
    fn new() -> Self {
        Q { p: 0 }
    }
    fn __delitem__(&mut self, k: i64) {
        self.p = k;
    }
    fn __setattr__(&mut self, name: &str, v: i64) {
        let _ = name;
        self.p = v;
    }
}

#[pyclass]
pub struct Panicky {}

#[pymethods]
impl Panicky {
    #[new]
    fn new() -> Self {
        Panicky {}
    }
    fn __repr__(&self) -> String {
        panic!("repr panicked")
    }
    fn __len__(&self) -> usize {
        panic!("len panicked")
    }
}

#[pyclass]
pub struct DropPanics {}

impl Drop for DropPanics {
    fn drop(&mut self) {
        panic!("drop panicked")
    }
}

#[pymethods]
impl DropPanics {
    #[new]
    fn new() -> Self {
        DropPanics {}
    }
}
