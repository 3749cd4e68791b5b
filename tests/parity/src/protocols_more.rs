//! Protocol slots not in the other files: a `sequence` class with item assignment, concat and
//! repeat; the remaining numeric slots (`__pow__`/`__rpow__`/`__ipow__` with modulo,
//! `__matmul__`, `__divmod__`, shifts, in-place forms, `__bool__` raising); an unsendable
//! class used from another thread. Calls in `cases_more.py`.

use super::*;

#[pyclass(sequence)]
pub struct Seq2 {
    items: Vec<i64>,
}

#[pymethods]
impl Seq2 {
    #[new]
    fn new(items: Vec<i64>) -> Self {
        Seq2 { items }
    }
    fn __len__(&self) -> usize {
        self.items.len()
    }
    fn __getitem__(&self, i: isize) -> PyResult<i64> {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.items.get(i).copied())
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(format!("bad index {i}")))
    }
    fn __setitem__(&mut self, i: isize, v: i64) -> PyResult<()> {
        let slot = usize::try_from(i)
            .ok()
            .and_then(|i| self.items.get_mut(i))
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(format!("bad index {i}")))?;
        *slot = v;
        Ok(())
    }
    fn __concat__(&self, other: PyRef<'_, Seq2>) -> Seq2 {
        Seq2 {
            items: self.items.iter().chain(&other.items).copied().collect(),
        }
    }
    fn __repeat__(&self, n: isize) -> Seq2 {
        let n = n.max(0) as usize;
        Seq2 {
            items: self.items.repeat(n),
        }
    }
    fn __inplace_concat__(mut slf: PyRefMut<'_, Self>, other: Vec<i64>) -> PyRefMut<'_, Self> {
        slf.items.extend(other);
        slf
    }
    fn to_list(&self) -> Vec<i64> {
        self.items.clone()
    }
}

#[pyclass]
pub struct Num2 {
    v: i64,
}

#[pymethods]
impl Num2 {
    #[new]
    fn new(v: i64) -> Self {
        Num2 { v }
    }
    fn __pow__(&self, e: u32, m: Option<i64>) -> i64 {
        match m {
            Some(m) => self.v.pow(e) % m,
            None => self.v.pow(e),
        }
    }
    fn __rpow__(&self, base: i64, m: Option<i64>) -> String {
        format!("rpow {base} {m:?}")
    }
    fn __ipow__(&mut self, e: u32, _m: Option<i64>) {
        self.v = self.v.pow(e);
    }
    fn __matmul__(&self, o: i64) -> i64 {
        self.v * o * 100
    }
    fn __divmod__(&self, o: i64) -> (i64, i64) {
        (self.v / o, self.v % o)
    }
    fn __lshift__(&self, o: u32) -> i64 {
        self.v << o
    }
    fn __rrshift__(&self, o: i64) -> String {
        format!("rrshift {o}")
    }
    fn __isub__(&mut self, o: i64) {
        self.v -= o;
    }
    fn __imul__(&mut self, o: i64) -> PyResult<()> {
        if o == 0 {
            Err(pyo3::exceptions::PyValueError::new_err("zero"))
        } else {
            self.v *= o;
            Ok(())
        }
    }
    fn __bool__(&self) -> PyResult<bool> {
        if self.v == 7 {
            Err(pyo3::exceptions::PyRuntimeError::new_err("no truth"))
        } else {
            Ok(self.v != 0)
        }
    }
    fn __invert__(&self) -> i64 {
        !self.v
    }
    fn __abs__(&self) -> u64 {
        self.v.unsigned_abs()
    }
    fn __floordiv__(&self, o: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        Ok(o.py().NotImplemented())
    }
    #[getter]
    fn v(&self) -> i64 {
        self.v
    }
}

#[pyclass(unsendable)]
pub struct Local {
    v: std::rc::Rc<i64>,
    #[pyo3(get)]
    w: i64,
}

#[pymethods]
impl Local {
    #[new]
    fn new(v: i64) -> Self {
        Local {
            v: std::rc::Rc::new(v),
            w: v + 1,
        }
    }
    fn get(&self) -> i64 {
        *self.v
    }
}

pub fn register(m: &Bound<'_, pyo3::types::PyModule>) -> PyResult<()> {
    m.add_class::<Seq2>()?;
    m.add_class::<Num2>()?;
    m.add_class::<Local>()?;
    Ok(())
}
