//! `getitem`: a class implementing the sequence protocol by hand, whose `__getitem__`,
//! `__setitem__` and `__delitem__` take either an integer (negative counts from the end) or a
//! slice (with any step), as Python's own `list` does.

use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PySlice, PySliceMethods};

/// An index or a slice, as Python passes it to `__getitem__`.
enum Key {
    Index(isize),
    Slice(Vec<usize>),
}

/// A growable vector of integers.
#[pyclass(sequence)]
struct IntVector {
    items: Vec<i64>,
}

impl IntVector {
    /// Turns what Python passed into positions of `self.items`.
    fn key(&self, key: &Bound<'_, PyAny>) -> PyResult<Key> {
        if let Ok(slice) = key.cast::<PySlice>() {
            let ind = slice.indices(self.items.len() as isize)?;
            let positions = (0..ind.slicelength)
                .map(|i| (ind.start + i as isize * ind.step) as usize)
                .collect();
            return Ok(Key::Slice(positions));
        }
        match key.extract::<isize>() {
            Ok(i) => Ok(Key::Index(i)),
            Err(_) => Err(PyTypeError::new_err(format!(
                "IntVector indices must be integers or slices, not {}",
                key.get_type().name()?
            ))),
        }
    }

    /// The position of an integer index, or `IndexError`.
    fn position(&self, index: isize) -> PyResult<usize> {
        let len = self.items.len() as isize;
        let pos = if index < 0 { index + len } else { index };
        if (0..len).contains(&pos) {
            Ok(pos as usize)
        } else {
            Err(PyIndexError::new_err("IntVector index out of range"))
        }
    }
}

#[pymethods]
impl IntVector {
    #[new]
    #[pyo3(signature = (items = Vec::new()))]
    fn new(items: Vec<i64>) -> Self {
        IntVector { items }
    }

    fn __len__(&self) -> usize {
        self.items.len()
    }

    /// `v[i]` gives an int, `v[a:b:c]` a new `IntVector`.
    // (Magic methods take no `signature`, as in PyO3, so the stub types `key` and the result
    // from the Rust types: any Python object.)
    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        match self.key(key)? {
            Key::Index(i) => Ok(self.items[self.position(i)?]
                .into_pyobject(py)?
                .into_any()
                .unbind()),
            Key::Slice(positions) => {
                let items = positions.into_iter().map(|p| self.items[p]).collect();
                Ok(Py::new(py, IntVector { items })?.into_any())
            }
        }
    }

    /// `v[i] = n`, or `v[a:b:c] = iterable` with as many values as the slice selects.
    fn __setitem__(&mut self, key: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        match self.key(key)? {
            Key::Index(i) => {
                let pos = self.position(i)?;
                self.items[pos] = value.extract()?;
            }
            Key::Slice(positions) => {
                let values: Vec<i64> = value.extract()?;
                if values.len() != positions.len() {
                    return Err(PyValueError::new_err(format!(
                        "attempt to assign sequence of size {} to slice of size {}",
                        values.len(),
                        positions.len()
                    )));
                }
                for (p, v) in positions.into_iter().zip(values) {
                    self.items[p] = v;
                }
            }
        }
        Ok(())
    }

    /// `del v[i]` or `del v[a:b:c]`.
    fn __delitem__(&mut self, key: &Bound<'_, PyAny>) -> PyResult<()> {
        match self.key(key)? {
            Key::Index(i) => {
                let pos = self.position(i)?;
                self.items.remove(pos);
            }
            Key::Slice(mut positions) => {
                positions.sort_unstable();
                for p in positions.into_iter().rev() {
                    self.items.remove(p);
                }
            }
        }
        Ok(())
    }

    fn append(&mut self, value: i64) {
        self.items.push(value);
    }

    fn to_list(&self) -> Vec<i64> {
        self.items.clone()
    }

    fn __repr__(&self) -> String {
        format!("IntVector({:?})", self.items)
    }
}

/// A sequence class indexed by integers and slices.
#[pymodule]
mod getitem {
    #[pymodule_export]
    use super::IntVector;
}
