//! [`PyIterator`]: Python iterators.

use crate::internal::ptr_ext::FfiPtrExt;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyModule, PyType};
use crate::{ffi, Bound, Py, PyErr, PyResult, PyTypeCheck, Python};

/// A Python iterator object (anything with `__next__`).
#[repr(transparent)]
pub struct PyIterator(PyAny);

impl crate::types::DerefToPyAny for PyIterator {}

// SAFETY: PyIter_Check accepts exactly the objects with `tp_iternext`.
unsafe impl PyTypeCheck for PyIterator {
    const NAME: &'static str = "Iterator";

    #[inline]
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached.
        unsafe { ffi::PyIter_Check(object.as_ptr()) != 0 }
    }

    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny> {
        static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        TYPE.get_or_init(py, || {
            PyModule::import(py, "collections.abc")
                .and_then(|m| m.getattr("Iterator"))
                .and_then(|t| t.cast_into::<PyType>().map_err(Into::into))
                .expect("failed to import collections.abc.Iterator")
                .unbind()
        })
        .bind(py)
        .clone()
        .into_any()
    }
}

impl PyIterator {
    /// `iter(obj)`.
    pub fn from_object<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyIterator>> {
        // SAFETY: attached; PyObject_GetIter returns an iterator or NULL.
        unsafe {
            ffi::PyObject_GetIter(obj.as_ptr())
                .assume_owned_or_err(obj.py())
                .map(|it| it.cast_into_unchecked())
        }
    }
}

impl<'py> Iterator for Bound<'py, PyIterator> {
    type Item = PyResult<Bound<'py, PyAny>>;

    /// The next item, `None` when exhausted, or the error raised by `__next__`.
    fn next(&mut self) -> Option<Self::Item> {
        let py = self.py();
        // SAFETY: attached; PyIter_Next returns a new reference, or NULL (maybe with an error).
        match unsafe { ffi::PyIter_Next(self.as_ptr()).assume_owned_or_opt(py) } {
            Some(obj) => Some(Ok(obj)),
            None => PyErr::take(py).map(Err),
        }
    }
}
