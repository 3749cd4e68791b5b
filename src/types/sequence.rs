//! [`PySequence`]: objects supporting the sequence protocol, and `Vec<T>` extraction.

use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::exceptions::PyTypeError;
use crate::internal::ptr_ext::{error_on_minusone, truth_or_err, FfiPtrExt};
use crate::sync::PyOnceLock;
use crate::type_object::PyTypeInfo;
use crate::types::list::get_ssize_index;
use crate::types::{PyAny, PyAnyMethods, PyList, PyString, PyTuple, PyType, PyTypeMethods};
use crate::{ffi, Borrowed, Bound, BoundObject, Py, PyErr, PyResult, Python};

/// Any object supporting the sequence protocol: `list`, `tuple`, and instances of
/// `collections.abc.Sequence` (including classes registered with [`PySequence::register`]).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PySequence, PySequenceMethods};
///
/// Python::attach(|py| {
///     let obj = py.eval(c"range(5)", None, None).unwrap();
///     let seq = obj.cast::<PySequence>().unwrap();
///     assert_eq!(seq.len().unwrap(), 5);
///     assert_eq!(seq.index(3).unwrap(), 3);
/// });
/// ```
#[repr(transparent)]
pub struct PySequence(PyAny);

impl crate::types::DerefToPyAny for PySequence {}

/// `collections.abc.Sequence`.
fn get_sequence_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static SEQUENCE_ABC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    SEQUENCE_ABC.import(py, crate::internal::COLLECTIONS_ABC, "Sequence")
}

// SAFETY: the type object is `collections.abc.Sequence`, and instances are only checked by
// `isinstance` (no layout is assumed beyond `PyAny`).
unsafe impl PyTypeInfo for PySequence {
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        get_sequence_abc(py)
            .expect("failed to import collections.abc.Sequence")
            .as_ptr()
            .cast()
    }

    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached.
        if unsafe {
            ffi::PyList_Check(object.as_ptr()) != 0 || ffi::PyTuple_Check(object.as_ptr()) != 0
        } {
            return true;
        }
        get_sequence_abc(object.py())
            .and_then(|abc| object.is_instance(abc))
            .unwrap_or_else(|err| {
                err.write_unraisable(object.py(), Some(object));
                false
            })
    }
}

impl PySequence {
    /// Registers `T` as a virtual subclass of `collections.abc.Sequence`
    /// (`collections.abc.Sequence.register(T)`), so that its instances can be cast to
    /// `PySequence`.
    pub fn register<T: PyTypeInfo>(py: Python<'_>) -> PyResult<()> {
        let ty = T::type_object(py);
        get_sequence_abc(py)?.call_method1("register", (ty,))?;
        Ok(())
    }
}

/// Methods of [`PySequence`], implemented for `Bound<'py, PySequence>`.
pub trait PySequenceMethods<'py>: sealed::Sealed {
    /// `len(self)`.
    fn len(&self) -> PyResult<usize>;
    /// `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;
    /// `self + other`.
    fn concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>>;
    /// `self * count`.
    fn repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self += other` (in place if the sequence supports it); returns the result.
    fn in_place_concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>>;
    /// `self *= count` (in place if the sequence supports it); returns the result.
    fn in_place_repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self[index]`.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self[begin:end]`.
    fn get_slice(&self, begin: usize, end: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self[i] = item`.
    fn set_item<I>(&self, i: usize, item: I) -> PyResult<()>
    where
        I: IntoPyObject<'py>;
    /// `del self[i]`.
    fn del_item(&self, i: usize) -> PyResult<()>;
    /// `self[i1:i2] = v`.
    fn set_slice(&self, i1: usize, i2: usize, v: &Bound<'_, PyAny>) -> PyResult<()>;
    /// `del self[i1:i2]`.
    fn del_slice(&self, i1: usize, i2: usize) -> PyResult<()>;
    /// `self.count(value)`: the number of elements equal to `value` (not on PyPy, whose C API
    /// lacks `PySequence_Count`).
    #[cfg(not(PyPy))]
    fn count<V>(&self, value: V) -> PyResult<usize>
    where
        V: IntoPyObject<'py>;
    /// `value in self`.
    fn contains<V>(&self, value: V) -> PyResult<bool>
    where
        V: IntoPyObject<'py>;
    /// `self.index(value)`: the first index of `value` (a `ValueError` if absent).
    fn index<V>(&self, value: V) -> PyResult<usize>
    where
        V: IntoPyObject<'py>;
    /// `list(self)`.
    fn to_list(&self) -> PyResult<Bound<'py, PyList>>;
    /// `tuple(self)`.
    fn to_tuple(&self) -> PyResult<Bound<'py, PyTuple>>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PySequence> {}
}

/// Converts a `Py_ssize_t` result (`-1` on error) to `usize`.
#[inline]
fn size_or_err(py: Python<'_>, v: ffi::Py_ssize_t) -> PyResult<usize> {
    if v == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(v as usize)
    }
}

impl<'py> PySequenceMethods<'py> for Bound<'py, PySequence> {
    #[inline]
    fn len(&self) -> PyResult<usize> {
        // SAFETY: attached.
        size_or_err(self.py(), unsafe { ffi::PySequence_Size(self.as_ptr()) })
    }

    #[inline]
    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|l| l == 0)
    }

    fn concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: attached; the result of a sequence concatenation is treated as a sequence,
        // as in PyO3.
        unsafe {
            ffi::PySequence_Concat(self.as_ptr(), other.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|o| o.cast_into_unchecked())
        }
    }

    fn repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: see `concat`.
        unsafe {
            ffi::PySequence_Repeat(self.as_ptr(), get_ssize_index(count))
                .assume_owned_or_err(self.py())
                .map(|o| o.cast_into_unchecked())
        }
    }

    fn in_place_concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: see `concat`.
        unsafe {
            ffi::PySequence_InPlaceConcat(self.as_ptr(), other.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|o| o.cast_into_unchecked())
        }
    }

    fn in_place_repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: see `concat`.
        unsafe {
            ffi::PySequence_InPlaceRepeat(self.as_ptr(), get_ssize_index(count))
                .assume_owned_or_err(self.py())
                .map(|o| o.cast_into_unchecked())
        }
    }

    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: attached.
        unsafe {
            ffi::PySequence_GetItem(self.as_ptr(), get_ssize_index(index))
                .assume_owned_or_err(self.py())
        }
    }

    fn get_slice(&self, begin: usize, end: usize) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: see `concat`.
        unsafe {
            ffi::PySequence_GetSlice(self.as_ptr(), get_ssize_index(begin), get_ssize_index(end))
                .assume_owned_or_err(self.py())
                .map(|o| o.cast_into_unchecked())
        }
    }

    fn set_item<I>(&self, i: usize, item: I) -> PyResult<()>
    where
        I: IntoPyObject<'py>,
    {
        let py = self.py();
        let item = item.into_pyobject(py).map_err(Into::into)?;
        // SAFETY: attached; PySequence_SetItem does not steal the reference.
        error_on_minusone(py, unsafe {
            ffi::PySequence_SetItem(self.as_ptr(), get_ssize_index(i), item.as_ptr())
        })
    }

    fn del_item(&self, i: usize) -> PyResult<()> {
        // SAFETY: attached.
        error_on_minusone(self.py(), unsafe {
            ffi::PySequence_DelItem(self.as_ptr(), get_ssize_index(i))
        })
    }

    fn set_slice(&self, i1: usize, i2: usize, v: &Bound<'_, PyAny>) -> PyResult<()> {
        // SAFETY: attached.
        error_on_minusone(self.py(), unsafe {
            ffi::PySequence_SetSlice(
                self.as_ptr(),
                get_ssize_index(i1),
                get_ssize_index(i2),
                v.as_ptr(),
            )
        })
    }

    fn del_slice(&self, i1: usize, i2: usize) -> PyResult<()> {
        // SAFETY: attached.
        error_on_minusone(self.py(), unsafe {
            ffi::PySequence_DelSlice(self.as_ptr(), get_ssize_index(i1), get_ssize_index(i2))
        })
    }

    #[cfg(not(PyPy))]
    fn count<V>(&self, value: V) -> PyResult<usize>
    where
        V: IntoPyObject<'py>,
    {
        let value = value.into_pyobject(self.py()).map_err(Into::into)?;
        // SAFETY: attached.
        size_or_err(self.py(), unsafe {
            ffi::PySequence_Count(self.as_ptr(), value.as_ptr())
        })
    }

    fn contains<V>(&self, value: V) -> PyResult<bool>
    where
        V: IntoPyObject<'py>,
    {
        let value = value.into_pyobject(self.py()).map_err(Into::into)?;
        // SAFETY: attached.
        truth_or_err(self.py(), unsafe {
            ffi::PySequence_Contains(self.as_ptr(), value.as_ptr())
        })
    }

    fn index<V>(&self, value: V) -> PyResult<usize>
    where
        V: IntoPyObject<'py>,
    {
        let value = value.into_pyobject(self.py()).map_err(Into::into)?;
        // SAFETY: attached.
        size_or_err(self.py(), unsafe {
            ffi::PySequence_Index(self.as_ptr(), value.as_ptr())
        })
    }

    fn to_list(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: attached; PySequence_List returns a new list.
        unsafe {
            ffi::PySequence_List(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|o| o.cast_into_unchecked())
        }
    }

    fn to_tuple(&self) -> PyResult<Bound<'py, PyTuple>> {
        // SAFETY: attached; PySequence_Tuple returns a new tuple.
        unsafe {
            ffi::PySequence_Tuple(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|o| o.cast_into_unchecked())
        }
    }
}

impl<'py, T> FromPyObject<'_, 'py> for Vec<T>
where
    T: FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    /// Accepts any sequence except `str` (a `TypeError` "Can't extract `str` to `Vec`").
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        if obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("Can't extract `str` to `Vec`"));
        }
        extract_sequence(obj)
    }
}

/// The largest `__len__` trusted for preallocating an extracted `Vec`.
const MAX_CAPACITY_HINT: usize = 1 << 16;

/// `obj` as a sequence for extraction: any object implementing the sequence protocol
/// (`PySequence_Check`: a `__getitem__` on a class that is not a `dict`), registered with
/// `collections.abc.Sequence` or not. Otherwise the cast error to `Sequence`.
pub(crate) fn sequence_protocol<'a, 'py>(
    obj: Borrowed<'a, 'py, PyAny>,
) -> PyResult<Borrowed<'a, 'py, PySequence>> {
    // SAFETY: attached; a valid object.
    if unsafe { ffi::PySequence_Check(obj.as_ptr()) } != 0 {
        // SAFETY: only the sequence protocol is used through it, which the check confirmed.
        Ok(unsafe { obj.cast_unchecked::<PySequence>() })
    } else {
        let target = PySequence::type_object(obj.py()).into_any();
        Err(crate::err::CastError::new(obj, target).into())
    }
}

/// Extracts every element of a sequence, with fast paths for exact lists and tuples.
fn extract_sequence<'py, T>(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Vec<T>>
where
    T: FromPyObjectOwned<'py>,
{
    #[cfg(not(any(Py_LIMITED_API, Py_GIL_DISABLED)))]
    // SAFETY: attached; exact lists/tuples have the concrete layouts the macros expect.
    unsafe {
        let ptr = obj.as_ptr();
        if ffi::PyList_CheckExact(ptr) != 0 {
            let mut v = Vec::with_capacity(ffi::PyList_GET_SIZE(ptr) as usize);
            let mut i = 0;
            // The length is re-read every step: extracting an element may run Python code
            // that mutates the list.
            while i < ffi::PyList_GET_SIZE(ptr) {
                let item = ffi::PyList_GET_ITEM(ptr, i)
                    .assume_borrowed(obj.py())
                    .to_owned();
                v.push(T::extract(item.as_borrowed()).map_err(Into::into)?);
                i += 1;
            }
            return Ok(v);
        }
        if ffi::PyTuple_CheckExact(ptr) != 0 {
            let len = ffi::PyTuple_GET_SIZE(ptr);
            let mut v = Vec::with_capacity(len as usize);
            for i in 0..len {
                // The tuple (kept alive by `obj`) owns its immutable items.
                let item = ffi::PyTuple_GET_ITEM(ptr, i).assume_borrowed(obj.py());
                v.push(T::extract(item).map_err(Into::into)?);
            }
            return Ok(v);
        }
    }

    let seq = sequence_protocol(obj)?;
    // `__len__` is only a capacity hint: it may raise (ignored) or lie (bounded, so that a huge
    // claimed length cannot exhaust memory before the first element is read).
    let hint = seq.len().unwrap_or(0).min(MAX_CAPACITY_HINT);
    let mut v = Vec::with_capacity(hint);
    for item in seq.try_iter()? {
        v.push(T::extract(item?.as_borrowed()).map_err(Into::into)?);
    }
    Ok(v)
}

#[allow(unused_imports)]
use PyTypeMethods as _;

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;

    #[test]
    fn vec_extraction() {
        Python::attach(|py| {
            let obj = py.eval(c"[1, 2, 3]", None, None).unwrap();
            assert_eq!(obj.extract::<Vec<i64>>().unwrap(), vec![1, 2, 3]);
            let obj = py.eval(c"(1, 2)", None, None).unwrap();
            assert_eq!(obj.extract::<Vec<i64>>().unwrap(), vec![1, 2]);
            let obj = py.eval(c"range(3)", None, None).unwrap();
            assert_eq!(obj.extract::<Vec<i64>>().unwrap(), vec![0, 1, 2]);
            let obj = py.eval(c"'abc'", None, None).unwrap();
            let err = obj.extract::<Vec<String>>().unwrap_err();
            assert_eq!(err.to_string(), "TypeError: Can't extract `str` to `Vec`");
        });
    }

    #[test]
    fn sequence_methods() {
        Python::attach(|py| {
            let list = PyList::new(py, [1, 2, 2, 3]).unwrap();
            let seq = list.cast::<PySequence>().unwrap();
            assert_eq!(seq.count(2).unwrap(), 2);
            assert_eq!(seq.index(3).unwrap(), 3);
            assert!(seq.contains(1).unwrap());
            assert_eq!(seq.get_slice(1, 3).unwrap().to_string(), "[2, 2]");
            assert_eq!(seq.to_tuple().unwrap().to_string(), "(1, 2, 2, 3)");
            assert_eq!(seq.repeat(2).unwrap().len().unwrap(), 8);
        });
    }
}
