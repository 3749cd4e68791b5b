//! `decorator`: a class used as a decorator. `@Counter` wraps a function; calling the wrapper
//! (through `__call__`, with any positional and keyword arguments) counts the call and then
//! calls the wrapped function, which may recurse through the wrapper.

use std::sync::atomic::{AtomicU64, Ordering};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// Counts the calls of the function it decorates.
#[pyclass(frozen)]
struct Counter {
    // An atomic, not `&mut self`: the wrapped function may call the wrapper again (recursion)
    // while this call is running, and `frozen` classes are shared without a borrow flag.
    count: AtomicU64,
    wraps: Py<PyAny>,
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (wraps: "collections.abc.Callable[..., typing.Any]"))]
    fn new(wraps: Py<PyAny>) -> Self {
        Counter {
            count: AtomicU64::new(0),
            wraps,
        }
    }

    /// How many times the wrapper has been called.
    #[getter]
    fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }

    /// The wrapped function's `__name__`, so the wrapper reads like the function.
    #[getter]
    fn __name__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.wraps.bind(py).getattr("__name__")?.unbind())
    }

    #[pyo3(signature = (*args, **kwargs))]
    fn __call__(
        &self,
        py: Python<'_>,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        self.count.fetch_add(1, Ordering::Relaxed);
        Ok(self.wraps.bind(py).call(args, kwargs)?.unbind())
    }
}

#[pymodule]
fn decorator(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Counter>()
}
