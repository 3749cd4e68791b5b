//! [`PyRange`]: Python `range` objects.

use crate::internal::ptr_ext::FfiPtrExt;
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

crate::pyobject_native_type_core!(PyRange, crate::pyobject_native_static_type_object!(ffi::PyRange_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyRange_Check);

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
        // SAFETY: attached; new references (PyLong_FromSsize_t only fails on memory errors).
        let (start, stop, step) = unsafe {
            (
                ffi::PyLong_FromSsize_t(start).assume_owned(py),
                ffi::PyLong_FromSsize_t(stop).assume_owned(py),
                ffi::PyLong_FromSsize_t(step).assume_owned(py),
            )
        };
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

/// Converts a range attribute (an `int`) to `isize` (an `OverflowError` if it does not fit).
fn attr_as_isize(value: Bound<'_, PyAny>) -> PyResult<isize> {
    // SAFETY: attached.
    let v = unsafe { ffi::PyLong_AsSsize_t(value.as_ptr()) };
    if v == -1 {
        if let Some(err) = crate::PyErr::take(value.py()) {
            return Err(err);
        }
    }
    Ok(v)
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyRange> {}
}

impl<'py> PyRangeMethods<'py> for Bound<'py, PyRange> {
    fn start(&self) -> PyResult<isize> {
        attr_as_isize(self.getattr(crate::intern!(self.py(), "start"))?)
    }

    fn stop(&self) -> PyResult<isize> {
        attr_as_isize(self.getattr(crate::intern!(self.py(), "stop"))?)
    }

    fn step(&self) -> PyResult<isize> {
        attr_as_isize(self.getattr(crate::intern!(self.py(), "step"))?)
    }
}

impl<'py> TryFrom<Bound<'py, PyRange>> for Bound<'py, crate::types::PySlice> {
    type Error = crate::PyErr;

    /// The slice with the range's start, stop and step (an `OverflowError` for bounds beyond
    /// `isize`).
    fn try_from(range: Bound<'py, PyRange>) -> Result<Self, Self::Error> {
        Ok(crate::types::PySlice::new(
            range.py(),
            range.start()?,
            range.stop()?,
            range.step()?,
        ))
    }
}
