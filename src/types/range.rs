//! [`PyRange`]: Python `range` objects.

use crate::types::{PyAny, PyAnyMethods};
use crate::{ffi, Bound, PyResult, PyTypeInfo, Python};

/// A Python `range` object.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyRange, PyRangeMethods};
///
/// Python::attach(|py| {
///     let r = PyRange::new_with_step(py, 1, 10, 3).unwrap();
///     assert_eq!((r.start().unwrap(), r.stop().unwrap(), r.step().unwrap()), (1, 10, 3));
///     assert_eq!(r.extract::<Vec<i64>>().unwrap(), vec![1, 4, 7]);
/// });
/// ```
#[repr(transparent)]
pub struct PyRange(PyAny);

crate::pyobject_native_type!(
    PyRange,
    "builtins",
    "range",
    |_py| unsafe { &raw mut ffi::PyRange_Type },
    #checkfunction = ffi::PyRange_Check
);

impl<'py> PyRange {
    /// `range(start, stop)`.
    pub fn new(py: Python<'py>, start: isize, stop: isize) -> PyResult<Bound<'py, PyRange>> {
        Self::new_with_step(py, start, stop, 1)
    }

    /// `range(start, stop, step)` (a `ValueError` if `step` is 0).
    pub fn new_with_step(
        py: Python<'py>,
        start: isize,
        stop: isize,
        step: isize,
    ) -> PyResult<Bound<'py, PyRange>> {
        let range = PyRange::type_object(py).call1((start, stop, step))?;
        // SAFETY: calling the range type returns a range.
        Ok(unsafe { range.cast_into_unchecked() })
    }
}

/// Methods of [`PyRange`], implemented for `Bound<'py, PyRange>`.
pub trait PyRangeMethods<'py>: sealed::Sealed {
    /// `self.start`.
    fn start(&self) -> PyResult<isize>;
    /// `self.stop`.
    fn stop(&self) -> PyResult<isize>;
    /// `self.step`.
    fn step(&self) -> PyResult<isize>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyRange> {}
}

impl<'py> PyRangeMethods<'py> for Bound<'py, PyRange> {
    fn start(&self) -> PyResult<isize> {
        self.getattr(crate::intern!(self.py(), "start"))?.extract()
    }

    fn stop(&self) -> PyResult<isize> {
        self.getattr(crate::intern!(self.py(), "stop"))?.extract()
    }

    fn step(&self) -> PyResult<isize> {
        self.getattr(crate::intern!(self.py(), "step"))?.extract()
    }
}
