//! [`PySlice`]: Python `slice` objects, and [`PySliceIndices`].

use std::convert::Infallible;

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Bound, IntoPyObject, PyErr, PyResult, Python};

/// A Python `slice` object.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PySlice, PySliceMethods};
///
/// Python::attach(|py| {
///     let slice = PySlice::new(py, 1, -1, 2);
///     let indices = slice.indices(10).unwrap();
///     assert_eq!((indices.start, indices.stop, indices.step), (1, 9, 2));
///     assert_eq!(indices.slicelength, 4);
/// });
/// ```
#[repr(transparent)]
pub struct PySlice(PyAny);

crate::pyobject_native_type_core!(PySlice, crate::pyobject_native_static_type_object!(ffi::PySlice_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PySlice_Check);
#[cfg(not(Py_LIMITED_API))]
crate::pyobject_native_type_sized!(PySlice, ffi::PySliceObject);

/// The concrete indices of a slice applied to a sequence of some length (see
/// [`PySliceMethods::indices`]).
#[derive(Debug, Eq, PartialEq)]
pub struct PySliceIndices {
    /// The first index.
    pub start: isize,
    /// The end index (exclusive).
    pub stop: isize,
    /// The step.
    pub step: isize,
    /// The number of elements selected.
    pub slicelength: usize,
}

impl PySliceIndices {
    /// Indices with the given bounds and a `slicelength` of 0.
    pub const fn new(start: isize, stop: isize, step: isize) -> PySliceIndices {
        PySliceIndices {
            start,
            stop,
            step,
            slicelength: 0,
        }
    }
}

impl PySlice {
    /// `slice(start, stop, step)`.
    pub fn new(py: Python<'_>, start: isize, stop: isize, step: isize) -> Bound<'_, PySlice> {
        // SAFETY: attached; PySlice_New does not steal its arguments.
        unsafe {
            let start = ffi::PyLong_FromSsize_t(start).assume_owned(py);
            let stop = ffi::PyLong_FromSsize_t(stop).assume_owned(py);
            let step = ffi::PyLong_FromSsize_t(step).assume_owned(py);
            ffi::PySlice_New(start.as_ptr(), stop.as_ptr(), step.as_ptr())
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// `slice(None)`, i.e. `[:]`.
    pub fn full(py: Python<'_>) -> Bound<'_, PySlice> {
        // SAFETY: attached; NULL arguments mean `None`.
        unsafe {
            ffi::PySlice_New(
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
            .assume_owned(py)
            .cast_into_unchecked()
        }
    }
}

/// Methods of [`PySlice`], implemented for `Bound<'py, PySlice>`.
pub trait PySliceMethods<'py>: sealed::Sealed {
    /// The start, stop, step and length of this slice applied to a sequence of `length`
    /// elements (Python's `slice.indices`, plus the resulting length).
    fn indices(&self, length: isize) -> PyResult<PySliceIndices>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PySlice> {}
}

impl<'py> PySliceMethods<'py> for Bound<'py, PySlice> {
    fn indices(&self, length: isize) -> PyResult<PySliceIndices> {
        let mut start: ffi::Py_ssize_t = 0;
        let mut stop: ffi::Py_ssize_t = 0;
        let mut step: ffi::Py_ssize_t = 0;
        // SAFETY: attached; a slice; valid out-pointers.
        unsafe {
            if ffi::PySlice_Unpack(self.as_ptr(), &mut start, &mut stop, &mut step) < 0 {
                return Err(PyErr::fetch(self.py()));
            }
            let slicelength = ffi::PySlice_AdjustIndices(length, &mut start, &mut stop, step);
            Ok(PySliceIndices {
                start,
                stop,
                step,
                slicelength: slicelength as usize,
            })
        }
    }
}

impl<'py> IntoPyObject<'py> for PySliceIndices {
    type Target = PySlice;
    type Output = Bound<'py, PySlice>;
    type Error = Infallible;

    /// `slice(start, stop, step)`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PySlice::new(py, self.start, self.stop, self.step))
    }
}

impl<'py> IntoPyObject<'py> for &PySliceIndices {
    type Target = PySlice;
    type Output = Bound<'py, PySlice>;
    type Error = Infallible;

    /// `slice(start, stop, step)`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PySlice::new(py, self.start, self.stop, self.step))
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn indices() {
        Python::attach(|py| {
            let full = PySlice::full(py);
            assert_eq!(full.to_string(), "slice(None, None, None)");
            let i = full.indices(5).unwrap();
            assert_eq!(
                i,
                PySliceIndices {
                    start: 0,
                    stop: 5,
                    step: 1,
                    slicelength: 5
                }
            );
            let rev = PySlice::new(py, -1, -10, -2);
            let i = rev.indices(5).unwrap();
            assert_eq!((i.start, i.stop, i.step, i.slicelength), (4, -1, -2, 3));
            let zero = PySlice::new(py, 0, 1, 0);
            let err = zero.indices(3).unwrap_err();
            assert_eq!(err.to_string(), "ValueError: slice step cannot be zero");
            let back = PySliceIndices::new(1, 2, 3).into_pyobject(py).unwrap();
            assert_eq!(back.to_string(), "slice(1, 2, 3)");
            assert!(back.is_instance_of::<PySlice>());
        });
    }
}
