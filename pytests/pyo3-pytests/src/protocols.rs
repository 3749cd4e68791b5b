//! The sequence protocol (`IntList`) and the mapping protocol (`Registry`), plus an iterator.

use std::collections::BTreeMap;

use pyo3::exceptions::{PyIndexError, PyKeyError};
use pyo3::prelude::*;

#[pyclass(sequence, module = "pyo3_pytests")]
pub struct IntList {
    items: Vec<i64>,
}

impl IntList {
    /// A Python index (negative counts from the end) as a position in `items`.
    fn position(&self, index: isize) -> PyResult<usize> {
        let len = self.items.len() as isize;
        let i = if index < 0 { index + len } else { index };
        if (0..len).contains(&i) {
            Ok(i as usize)
        } else {
            Err(PyIndexError::new_err("IntList index out of range"))
        }
    }
}

#[pymethods]
impl IntList {
    #[new]
    #[pyo3(signature = (items = Vec::new()))]
    fn new(items: Vec<i64>) -> Self {
        IntList { items }
    }

    fn __len__(&self) -> usize {
        self.items.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<i64> {
        Ok(self.items[self.position(index)?])
    }

    fn __setitem__(&mut self, index: isize, value: i64) -> PyResult<()> {
        let i = self.position(index)?;
        self.items[i] = value;
        Ok(())
    }

    fn __delitem__(&mut self, index: isize) -> PyResult<()> {
        let i = self.position(index)?;
        self.items.remove(i);
        Ok(())
    }

    fn __contains__(&self, value: i64) -> bool {
        self.items.contains(&value)
    }

    fn __iter__(&self) -> IntListIter {
        // A snapshot: mutating the list while iterating does not affect the iterator.
        IntListIter {
            items: self.items.clone().into_iter(),
        }
    }

    fn append(&mut self, value: i64) {
        self.items.push(value);
    }
}

#[pyclass(module = "pyo3_pytests")]
pub struct IntListIter {
    items: std::vec::IntoIter<i64>,
}

#[pymethods]
impl IntListIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<i64> {
        self.items.next()
    }
}

/// A string-keyed mapping kept in key order.
#[pyclass(mapping, module = "pyo3_pytests")]
pub struct Registry {
    entries: BTreeMap<String, i64>,
}

#[pymethods]
impl Registry {
    #[new]
    fn new() -> Self {
        Registry {
            entries: BTreeMap::new(),
        }
    }

    fn __len__(&self) -> usize {
        self.entries.len()
    }

    fn __getitem__(&self, key: &str) -> PyResult<i64> {
        self.entries
            .get(key)
            .copied()
            .ok_or_else(|| PyKeyError::new_err(key.to_owned()))
    }

    fn __setitem__(&mut self, key: String, value: i64) {
        self.entries.insert(key, value);
    }

    fn __delitem__(&mut self, key: &str) -> PyResult<()> {
        self.entries
            .remove(key)
            .map(drop)
            .ok_or_else(|| PyKeyError::new_err(key.to_owned()))
    }

    fn __contains__(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }

    /// A plain `dict` copy.
    fn to_dict(&self) -> BTreeMap<String, i64> {
        self.entries.clone()
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<IntList>()?;
    m.add_class::<IntListIter>()?;
    m.add_class::<Registry>()?;
    Ok(())
}
