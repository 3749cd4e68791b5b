//! [`PyByteArray`]: Python `bytearray` objects.

use crate::internal::ptr_ext::{error_on_minusone, FfiPtrExt};
use crate::types::PyAny;
use crate::{ffi, Bound, PyResult, Python};

/// A Python `bytearray` object (a mutable byte buffer).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyByteArray, PyByteArrayMethods};
///
/// Python::attach(|py| {
///     let ba = PyByteArray::new(py, b"abc");
///     ba.resize(2).unwrap();
///     assert_eq!(ba.to_vec(), b"ab");
/// });
/// ```
#[repr(transparent)]
pub struct PyByteArray(PyAny);

crate::pyobject_native_type_core!(PyByteArray, crate::pyobject_native_static_type_object!(ffi::PyByteArray_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyByteArray_Check);

impl PyByteArray {
    /// A new `bytearray` with a copy of `src`.
    pub fn new<'py>(py: Python<'py>, src: &[u8]) -> Bound<'py, PyByteArray> {
        // SAFETY: attached; `src` is valid for `src.len()` bytes.
        unsafe {
            ffi::PyByteArray_FromStringAndSize(src.as_ptr().cast(), src.len() as ffi::Py_ssize_t)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// A new `bytearray` of length `len`, whose contents `init` writes in place (the buffer
    /// starts zeroed). An error from `init` is returned and the object discarded.
    pub fn new_with<F>(py: Python<'_>, len: usize, init: F) -> PyResult<Bound<'_, PyByteArray>>
    where
        F: FnOnce(&mut [u8]) -> PyResult<()>,
    {
        // SAFETY: attached; a NULL source allocates `len` bytes, zeroed before being exposed
        // as a slice. The object is not visible to Python code until returned.
        unsafe {
            let ba = ffi::PyByteArray_FromStringAndSize(std::ptr::null(), len as ffi::Py_ssize_t)
                .assume_owned_or_err(py)?
                .cast_into_unchecked::<PyByteArray>();
            let buffer = ba.data();
            std::ptr::write_bytes(buffer, 0u8, len);
            init(std::slice::from_raw_parts_mut(buffer, len))?;
            Ok(ba)
        }
    }

    /// `bytearray(src)` for any object implementing the buffer protocol.
    pub fn from<'py>(src: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyByteArray>> {
        // SAFETY: attached.
        unsafe {
            ffi::PyByteArray_FromObject(src.as_ptr())
                .assume_owned_or_err(src.py())
                .map(|b| b.cast_into_unchecked())
        }
    }
}

/// Methods of [`PyByteArray`], implemented for `Bound<'py, PyByteArray>`.
pub trait PyByteArrayMethods<'py>: sealed::Sealed {
    /// The length in bytes.
    fn len(&self) -> usize;

    /// Whether the bytearray is empty.
    fn is_empty(&self) -> bool;

    /// Pointer to the start of the buffer. It is invalidated by any resize, including ones
    /// done by Python code.
    fn data(&self) -> *mut u8;

    /// The contents as a slice.
    ///
    /// # Safety
    /// The slice must not be used after the bytearray is resized or mutated, which Python
    /// code (including drops of other objects) may do; prefer [`to_vec`](Self::to_vec).
    unsafe fn as_bytes(&self) -> &[u8];

    /// The contents as a mutable slice.
    ///
    /// # Safety
    /// As for [`as_bytes`](Self::as_bytes), and no other reference to the contents may exist.
    #[allow(clippy::mut_from_ref)]
    unsafe fn as_bytes_mut(&self) -> &mut [u8];

    /// A copy of the contents.
    fn to_vec(&self) -> Vec<u8>;

    /// Resizes to `len` bytes (the contents of added bytes are unspecified).
    fn resize(&self, len: usize) -> PyResult<()>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyByteArray> {}
}

impl<'py> PyByteArrayMethods<'py> for Bound<'py, PyByteArray> {
    #[inline]
    fn len(&self) -> usize {
        // SAFETY: attached; a bytearray.
        unsafe {
            #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
            let len = ffi::PyByteArray_GET_SIZE(self.as_ptr());
            #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
            let len = ffi::PyByteArray_Size(self.as_ptr());
            len as usize
        }
    }

    #[inline]
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    fn data(&self) -> *mut u8 {
        // SAFETY: attached; a bytearray.
        unsafe {
            #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
            let data = ffi::PyByteArray_AS_STRING(self.as_ptr());
            #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
            let data = ffi::PyByteArray_AsString(self.as_ptr());
            data.cast()
        }
    }

    #[inline]
    unsafe fn as_bytes(&self) -> &[u8] {
        // SAFETY: per the caller's contract.
        unsafe { std::slice::from_raw_parts(self.data(), self.len()) }
    }

    #[inline]
    unsafe fn as_bytes_mut(&self) -> &mut [u8] {
        // SAFETY: per the caller's contract.
        unsafe { std::slice::from_raw_parts_mut(self.data(), self.len()) }
    }

    fn to_vec(&self) -> Vec<u8> {
        // SAFETY: copied at once, without running Python code.
        unsafe { self.as_bytes() }.to_vec()
    }

    fn resize(&self, len: usize) -> PyResult<()> {
        // SAFETY: attached; a bytearray.
        error_on_minusone(self.py(), unsafe {
            ffi::PyByteArray_Resize(self.as_ptr(), len as ffi::Py_ssize_t)
        })
    }
}

impl<'py> TryFrom<&Bound<'py, PyAny>> for Bound<'py, PyByteArray> {
    type Error = crate::PyErr;

    /// `bytearray(value)` ([`PyByteArray::from`]).
    fn try_from(value: &Bound<'py, PyAny>) -> Result<Self, Self::Error> {
        PyByteArray::from(value)
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyBytes;

    #[test]
    fn basics() {
        Python::attach(|py| {
            let ba = PyByteArray::new_with(py, 3, |b| {
                b[0] = 1;
                Ok(())
            })
            .unwrap();
            assert_eq!(ba.to_vec(), vec![1, 0, 0]);
            unsafe { ba.as_bytes_mut()[2] = 9 };
            assert_eq!(unsafe { ba.as_bytes() }, &[1, 0, 9]);
            ba.resize(1).unwrap();
            assert_eq!(ba.len(), 1);
            let from = PyByteArray::from(PyBytes::new(py, b"zz").as_any()).unwrap();
            assert_eq!(from.to_vec(), b"zz");
            let err = PyByteArray::from(&py.eval(c"1.5", None, None).unwrap()).unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyTypeError>(py));
            assert!(PyByteArray::new(py, b"").is_empty());
        });
    }
}
