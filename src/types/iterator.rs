//! [`PyIterator`]: Python iterators.

use crate::internal::ptr_ext::FfiPtrExt;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyModule, PyType, PyTypeMethods};
use crate::{ffi, Bound, Py, PyErr, PyResult, Python};

/// A Python iterator object (anything with `__next__`).
#[repr(transparent)]
pub struct PyIterator(PyAny);

impl crate::types::DerefToPyAny for PyIterator {}

/// `collections.abc.Iterator`, the type object of [`PyIterator`].
fn iterator_abc(py: Python<'_>) -> &Bound<'_, PyType> {
    static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    TYPE.get_or_init(py, || {
        PyModule::import(py, crate::internal::COLLECTIONS_ABC)
            .and_then(|m| m.getattr("Iterator"))
            .and_then(|t| t.cast_into::<PyType>().map_err(Into::into))
            .expect("failed to import collections.abc.Iterator")
            .unbind()
    })
    .bind(py)
}

// SAFETY: the type object is `collections.abc.Iterator`; PyIter_Check accepts exactly the
// objects with `tp_iternext`, which is what `Iterator.__subclasshook__` checks as well (through
// `__next__`), and no layout beyond `PyAny` is assumed.
unsafe impl crate::PyTypeInfo for PyIterator {
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        iterator_abc(py).as_type_ptr()
    }

    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached.
        unsafe { ffi::PyIter_Check(object.as_ptr()) != 0 }
    }
}

impl PyIterator {
    /// `iter(obj)`: an iterator over any iterable (a `TypeError` if `obj` is not iterable).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyIterator;
    ///
    /// Python::attach(|py| {
    ///     let list = py.eval(c"['a', 'b']", None, None).unwrap();
    ///     let items: Vec<String> = PyIterator::from_object(&list)
    ///         .unwrap()
    ///         .map(|item| item.and_then(|i| i.extract()))
    ///         .collect::<PyResult<_>>()
    ///         .unwrap();
    ///     assert_eq!(items, ["a", "b"]);
    /// });
    /// ```
    pub fn from_object<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyIterator>> {
        // SAFETY: attached; PyObject_GetIter returns an iterator or NULL.
        unsafe {
            ffi::PyObject_GetIter(obj.as_ptr())
                .assume_owned_or_err(obj.py())
                .map(|it| it.cast_into_unchecked())
        }
    }
}

/// The outcome of [`Bound<PyIterator>::send`](Bound#method.send): the generator yielded a
/// value (`Next`) or returned one (`Return`).
#[cfg(all(not(PyPy), Py_3_10))]
#[derive(Debug)]
pub enum PySendResult<'py> {
    /// The value yielded.
    Next(Bound<'py, PyAny>),
    /// The value returned (the generator is finished).
    Return(Bound<'py, PyAny>),
}

#[cfg(all(not(PyPy), Py_3_10))]
impl<'py> Bound<'py, PyIterator> {
    /// Sends `value` into a generator or coroutine (`gen.send(value)`), distinguishing a
    /// yielded value from a returned one instead of raising `StopIteration`.
    pub fn send(&self, value: &Bound<'py, PyAny>) -> PyResult<PySendResult<'py>> {
        let py = self.py();
        let mut result = std::ptr::null_mut();
        // SAFETY: attached; `result` receives a new reference unless an error is raised.
        match unsafe { ffi::PyIter_Send(self.as_ptr(), value.as_ptr(), &mut result) } {
            ffi::PySendResult::PYGEN_ERROR => Err(PyErr::fetch(py)),
            // SAFETY: a new reference on success.
            ffi::PySendResult::PYGEN_RETURN => {
                Ok(PySendResult::Return(unsafe { result.assume_owned(py) }))
            }
            ffi::PySendResult::PYGEN_NEXT => {
                Ok(PySendResult::Next(unsafe { result.assume_owned(py) }))
            }
        }
    }
}

impl<'py> Iterator for Bound<'py, PyIterator> {
    type Item = PyResult<Bound<'py, PyAny>>;

    /// The next item, `None` when exhausted, or the error raised by `__next__`.
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let py = self.py();
        // SAFETY: attached; PyIter_Next returns a new reference, or NULL (maybe with an error).
        match unsafe { ffi::PyIter_Next(self.as_ptr()).assume_owned_or_opt(py) } {
            Some(obj) => Some(Ok(obj)),
            None => PyErr::take(py).map(Err),
        }
    }

    #[cfg(not(Py_LIMITED_API))]
    fn size_hint(&self) -> (usize, Option<usize>) {
        // SAFETY: attached.
        let hint = unsafe { ffi::PyObject_LengthHint(self.as_ptr(), 0) };
        if hint < 0 {
            // The error of a failing `__length_hint__` is not reported by a size hint.
            drop(PyErr::take(self.py()));
            (0, None)
        } else {
            (hint as usize, None)
        }
    }
}

impl<'py> IntoIterator for &Bound<'py, PyIterator> {
    type Item = PyResult<Bound<'py, PyAny>>;
    type IntoIter = Bound<'py, PyIterator>;

    /// Iterates the same Python iterator (advancing it) through a new reference.
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.clone()
    }
}
