//! The first-run example of this workspace: what a PyO3 user writes on day one.
//!
//! - `word_counts`: a `#[pyfunction]` with a signature (a keyword argument with a default) that
//!   returns a Rust `HashMap`, which arrives in Python as a `dict`;
//! - `Basket`: a `#[pyclass]` with a constructor, methods, a read-only property and `__len__`;
//! - `OutOfStock`: a Python exception class made in Rust, raised by `Basket.take`.

use std::collections::HashMap;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;

create_exception!(
    getting_started,
    OutOfStock,
    PyException,
    "Raised when a basket holds fewer items than asked for."
);

/// Counts the words of `text` (split on whitespace). With `lowercase=True` (the default),
/// `"The"` and `"the"` count as one word.
#[pyfunction]
#[pyo3(signature = (text, *, lowercase = true))]
fn word_counts(text: &str, lowercase: bool) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        let word = if lowercase {
            word.to_lowercase()
        } else {
            word.to_owned()
        };
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

/// A basket of named items with counts.
#[pyclass]
struct Basket {
    owner: String,
    items: HashMap<String, u32>,
}

#[pymethods]
impl Basket {
    #[new]
    fn new(owner: String) -> Self {
        Basket {
            owner,
            items: HashMap::new(),
        }
    }

    /// Adds `count` of `item` (a positive number).
    #[pyo3(signature = (item, count = 1))]
    fn add(&mut self, item: String, count: u32) -> PyResult<()> {
        if count == 0 {
            return Err(PyValueError::new_err("count must be positive"));
        }
        *self.items.entry(item).or_insert(0) += count;
        Ok(())
    }

    /// Takes `count` of `item` out; `OutOfStock` when there are fewer.
    #[pyo3(signature = (item, count = 1))]
    fn take(&mut self, item: &str, count: u32) -> PyResult<u32> {
        let have = self.items.get(item).copied().unwrap_or(0);
        if have < count {
            return Err(OutOfStock::new_err(format!(
                "{} has {have} {item}, not {count}",
                self.owner
            )));
        }
        let left = have - count;
        if left == 0 {
            self.items.remove(item);
        } else {
            self.items.insert(item.to_owned(), left);
        }
        Ok(left)
    }

    /// The items, sorted by name, as a list of `(name, count)` tuples.
    fn contents(&self) -> Vec<(String, u32)> {
        let mut items: Vec<_> = self.items.iter().map(|(k, v)| (k.clone(), *v)).collect();
        items.sort();
        items
    }

    /// Who the basket belongs to (read-only).
    #[getter]
    fn owner(&self) -> &str {
        &self.owner
    }

    /// The number of items of all kinds.
    fn __len__(&self) -> usize {
        self.items.values().map(|&n| n as usize).sum()
    }

    fn __repr__(&self) -> String {
        format!("Basket(owner={:?}, items={})", self.owner, self.__len__())
    }
}

/// The module: `import getting_started`.
#[pymodule]
fn getting_started(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(word_counts, m)?)?;
    m.add_class::<Basket>()?;
    m.add("OutOfStock", m.py().get_type::<OutOfStock>())?;
    Ok(())
}
