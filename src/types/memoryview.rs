//! [`PyMemoryView`]: Python `memoryview` objects.

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Bound, PyErr, PyResult};

/// A Python `memoryview` object.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyBytes, PyMemoryView};
///
/// Python::attach(|py| {
///     let bytes = PyBytes::new(py, b"abc");
///     let view = PyMemoryView::from(&bytes).unwrap();
///     assert_eq!(view.call_method0("tobytes").unwrap().extract::<&[u8]>().unwrap(), b"abc");
/// });
/// ```
#[repr(transparent)]
pub struct PyMemoryView(PyAny);

crate::pyobject_native_type_core!(PyMemoryView, crate::pyobject_native_static_type_object!(ffi::PyMemoryView_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyMemoryView_Check);

impl PyMemoryView {
    /// `memoryview(src)` for an object implementing the buffer protocol.
    pub fn from<'py>(src: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyMemoryView>> {
        // SAFETY: attached.
        unsafe {
            ffi::PyMemoryView_FromObject(src.as_ptr())
                .assume_owned_or_err(src.py())
                .map(|o| o.cast_into_unchecked())
        }
    }
}

impl<'py> TryFrom<&Bound<'py, PyAny>> for Bound<'py, PyMemoryView> {
    type Error = PyErr;

    /// `memoryview(value)` ([`PyMemoryView::from`]).
    fn try_from(value: &Bound<'py, PyAny>) -> Result<Self, Self::Error> {
        PyMemoryView::from(value)
    }
}
