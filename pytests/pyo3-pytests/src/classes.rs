//! A class with a constructor, properties and methods; a Rust subclass of it (`extends`);
//! Python subclasses of it (`subclass`); and a picklable class.

use pyo3::prelude::*;
use pyo3::types::PyType;

#[pyclass(subclass, module = "pyo3_pytests")]
pub struct Counter {
    count: u64,
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (start = 0))]
    fn new(start: u64) -> Self {
        Counter { count: start }
    }

    /// Adds one and returns the new count.
    fn increment(&mut self) -> u64 {
        self.count += 1;
        self.count
    }

    #[getter]
    fn count(&self) -> u64 {
        self.count
    }

    #[setter]
    fn set_count(&mut self, value: u64) {
        self.count = value;
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        // The Python-level class name, so a Python subclass shows its own name.
        let name = slf.get_type().qualname()?;
        Ok(format!("{}({})", name, slf.borrow().count))
    }
}

/// A Rust subclass: counts in steps, and still is a `Counter` for Python.
#[pyclass(extends = Counter, module = "pyo3_pytests")]
pub struct StepCounter {
    step: u64,
}

#[pymethods]
impl StepCounter {
    #[new]
    #[pyo3(signature = (step, start = 0))]
    fn new(step: u64, start: u64) -> (Self, Counter) {
        (StepCounter { step }, Counter::new(start))
    }

    fn increment(mut slf: PyRefMut<'_, Self>) -> u64 {
        let step = slf.step;
        let base = slf.as_super();
        base.count += step;
        base.count
    }

    #[getter]
    fn step(&self) -> u64 {
        self.step
    }
}

/// Pickled through `__reduce__`: the class and the constructor arguments.
#[pyclass(module = "pyo3_pytests", eq, frozen)]
#[derive(PartialEq)]
pub struct Point {
    #[pyo3(get)]
    x: f64,
    #[pyo3(get)]
    y: f64,
}

#[pymethods]
impl Point {
    #[new]
    fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, (f64, f64)) {
        let p = slf.get();
        (slf.get_type(), (p.x, p.y))
    }

    fn __repr__(&self) -> String {
        // `{:?}` keeps the `.0` of whole floats, as Python's repr does.
        format!("Point({:?}, {:?})", self.x, self.y)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Counter>()?;
    m.add_class::<StepCounter>()?;
    m.add_class::<Point>()?;
    Ok(())
}
