//! Classes: `Trap` implements every kind of slot and method and panics in the one named by
//! its `panic_in` argument; `Reentrant` calls back into Python while `self` is borrowed.

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

#[pyclass]
struct Trap {
    panic_in: String,
    items: Vec<i64>,
    pos: usize,
    value: i64,
}

impl Trap {
    /// Panics if this instance was told to panic in `slot`.
    fn check(&self, slot: &str) {
        if self.panic_in == slot {
            panic!("panic in {slot}");
        }
    }

    fn index(&self, i: isize) -> PyResult<usize> {
        let len = self.items.len() as isize;
        let j = if i < 0 { i + len } else { i };
        if (0..len).contains(&j) {
            Ok(j as usize)
        } else {
            Err(PyIndexError::new_err("Trap index out of range"))
        }
    }
}

#[pymethods]
impl Trap {
    #[new]
    #[pyo3(signature = (panic_in = String::new(), items = vec![1, 2, 3]))]
    fn new(panic_in: String, items: Vec<i64>) -> Self {
        if panic_in == "__new__" {
            panic!("panic in __new__");
        }
        Trap {
            panic_in,
            items,
            pos: 0,
            value: 0,
        }
    }

    fn __repr__(&self) -> String {
        self.check("__repr__");
        "Trap()".into()
    }

    fn __str__(&self) -> String {
        self.check("__str__");
        "trap".into()
    }

    fn __hash__(&self) -> u64 {
        self.check("__hash__");
        7
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        self.check("__eq__");
        other.is_instance_of::<Trap>()
    }

    fn __len__(&self) -> usize {
        self.check("__len__");
        self.items.len()
    }

    fn __getitem__(&self, i: isize) -> PyResult<i64> {
        self.check("__getitem__");
        Ok(self.items[self.index(i)?])
    }

    fn __setitem__(&mut self, i: isize, v: i64) -> PyResult<()> {
        self.check("__setitem__");
        let j = self.index(i)?;
        self.items[j] = v;
        Ok(())
    }

    fn __delitem__(&mut self, i: isize) -> PyResult<()> {
        self.check("__delitem__");
        let j = self.index(i)?;
        self.items.remove(j);
        Ok(())
    }

    fn __contains__(&self, v: i64) -> bool {
        self.check("__contains__");
        self.items.contains(&v)
    }

    fn __iter__(mut slf: PyRefMut<'_, Self>) -> PyRefMut<'_, Self> {
        slf.check("__iter__");
        slf.pos = 0;
        slf
    }

    fn __next__(&mut self) -> Option<i64> {
        self.check("__next__");
        let item = self.items.get(self.pos).copied();
        self.pos += 1;
        item
    }

    #[pyo3(signature = (*args))]
    fn __call__(&self, args: &Bound<'_, PyTuple>) -> usize {
        self.check("__call__");
        args.len()
    }

    fn __bool__(&self) -> bool {
        self.check("__bool__");
        !self.items.is_empty()
    }

    fn __add__(&self, other: i64) -> i64 {
        self.check("__add__");
        self.items.iter().sum::<i64>().wrapping_add(other)
    }

    #[getter]
    fn value(&self) -> i64 {
        self.check("getter");
        self.value
    }

    #[setter]
    fn set_value(&mut self, v: i64) {
        self.check("setter");
        self.value = v;
    }

    fn method(&self, x: i64) -> i64 {
        self.check("method");
        x
    }

    #[staticmethod]
    fn static_method(panic: bool) -> bool {
        if panic {
            panic!("panic in staticmethod");
        }
        panic
    }

    #[classmethod]
    fn class_method(cls: &Bound<'_, PyType>, panic: bool) -> PyResult<String> {
        if panic {
            panic!("panic in classmethod");
        }
        Ok(cls.name()?.to_string())
    }
}

#[pyclass]
struct Reentrant {
    count: i64,
}

#[pymethods]
impl Reentrant {
    #[new]
    fn new() -> Self {
        Reentrant { count: 0 }
    }

    fn bump(&mut self) -> i64 {
        self.count += 1;
        self.count
    }

    /// Calls `callback` while `self` is mutably borrowed.
    fn with_callback(&mut self, callback: &Bound<'_, PyAny>) -> PyResult<i64> {
        self.count += 100;
        callback.call0()?;
        Ok(self.count)
    }

    /// Calls `callback` while `self` is borrowed (shared).
    fn read_with_callback(&self, callback: &Bound<'_, PyAny>) -> PyResult<i64> {
        callback.call0()?;
        Ok(self.count)
    }

    #[getter]
    fn count(&self) -> i64 {
        self.count
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Trap>()?;
    m.add_class::<Reentrant>()?;
    Ok(())
}
