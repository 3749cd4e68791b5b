//! [`PyBytes`]: Python `bytes` objects, and `&[u8]` / `Cow<[u8]>` conversions.

use std::borrow::Cow;
use std::ops::Index;
use std::slice::SliceIndex;

use crate::err::CastError;
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyByteArray, PyByteArrayMethods};
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, PyErr, PyResult, Python};

/// A Python `bytes` object (an immutable byte string).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyBytes, PyBytesMethods};
///
/// Python::attach(|py| {
///     let b = PyBytes::new(py, b"hello");
///     assert_eq!(b.as_bytes(), b"hello");
///     assert_eq!(b.extract::<&[u8]>().unwrap(), b"hello");
/// });
/// ```
#[repr(transparent)]
pub struct PyBytes(PyAny);

pub use super::bytes_writer::PyBytesWriter;

crate::pyobject_native_type_core!(PyBytes, crate::pyobject_native_static_type_object!(ffi::PyBytes_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyBytes_Check);

impl PyBytes {
    /// A new `bytes` object with a copy of `s`.
    #[inline]
    pub fn new<'p>(py: Python<'p>, s: &[u8]) -> Bound<'p, PyBytes> {
        // SAFETY: `s` is valid for `s.len()` bytes.
        unsafe { Self::from_ptr(py, s.as_ptr(), s.len()) }
    }

    /// A new `bytes` object of length `len`, whose contents `init` writes in place (the buffer
    /// starts zeroed). An error from `init` is returned and the object discarded.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyBytes, PyBytesMethods};
    ///
    /// Python::attach(|py| -> PyResult<()> {
    ///     let b = PyBytes::new_with(py, 4, |buf: &mut [u8]| {
    ///         buf.copy_from_slice(b"abcd");
    ///         Ok(())
    ///     })?;
    ///     assert_eq!(b.as_bytes(), b"abcd");
    ///     Ok(())
    /// })
    /// .unwrap();
    /// ```
    pub fn new_with<F>(py: Python<'_>, len: usize, init: F) -> PyResult<Bound<'_, PyBytes>>
    where
        F: FnOnce(&mut [u8]) -> PyResult<()>,
    {
        // SAFETY: attached; a NULL source makes CPython allocate an uninitialized buffer of
        // `len` bytes, which is zeroed before being exposed as a slice. The object is not
        // visible to Python code until returned.
        unsafe {
            let bytes = ffi::PyBytes_FromStringAndSize(std::ptr::null(), len as ffi::Py_ssize_t)
                .assume_owned_or_err(py)?
                .cast_into_unchecked::<PyBytes>();
            let buffer = bytes_data(bytes.as_ptr()).cast_mut();
            std::ptr::write_bytes(buffer, 0u8, len);
            init(std::slice::from_raw_parts_mut(buffer, len))?;
            Ok(bytes)
        }
    }

    /// A new `bytes` object with a copy of `len` bytes at `ptr`.
    ///
    /// # Safety
    /// `ptr` must be valid for reads of `len` bytes.
    pub unsafe fn from_ptr(py: Python<'_>, ptr: *const u8, len: usize) -> Bound<'_, PyBytes> {
        // SAFETY: per the caller's contract.
        unsafe {
            ffi::PyBytes_FromStringAndSize(ptr.cast(), len as ffi::Py_ssize_t)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }
}

/// Pointer to the data of a `bytes` object.
#[inline]
unsafe fn bytes_data(ptr: *mut ffi::PyObject) -> *const u8 {
    // SAFETY: the caller passes a bytes object.
    unsafe {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        let data = ffi::PyBytes_AS_STRING(ptr);
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        let data = ffi::PyBytes_AsString(ptr);
        data as *const u8
    }
}

/// The contents of a `bytes` object as a slice.
#[inline]
unsafe fn bytes_slice<'a>(ptr: *mut ffi::PyObject) -> &'a [u8] {
    // SAFETY: the caller passes a bytes object that outlives `'a`; bytes are immutable.
    unsafe {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        let len = ffi::PyBytes_GET_SIZE(ptr);
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        let len = ffi::PyBytes_Size(ptr);
        std::slice::from_raw_parts(bytes_data(ptr), len as usize)
    }
}

/// Methods of [`PyBytes`], implemented for `Bound<'py, PyBytes>`.
pub trait PyBytesMethods<'py>: sealed::Sealed {
    /// The contents (no copy).
    fn as_bytes(&self) -> &[u8];
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyBytes> {}
}

impl<'py> PyBytesMethods<'py> for Bound<'py, PyBytes> {
    #[inline]
    fn as_bytes(&self) -> &[u8] {
        self.as_borrowed().as_bytes()
    }
}

impl<'a> Borrowed<'a, '_, PyBytes> {
    /// The contents, borrowed for the lifetime of the borrow (no copy).
    #[inline]
    pub fn as_bytes(self) -> &'a [u8] {
        // SAFETY: a bytes object, alive for 'a.
        unsafe { bytes_slice(self.as_ptr()) }
    }
}

impl<I: SliceIndex<[u8]>> Index<I> for Bound<'_, PyBytes> {
    type Output = I::Output;

    fn index(&self, index: I) -> &Self::Output {
        &self.as_bytes()[index]
    }
}

impl PartialEq<[u8]> for Bound<'_, PyBytes> {
    #[inline]
    fn eq(&self, other: &[u8]) -> bool {
        self.as_bytes() == other
    }
}

impl PartialEq<&[u8]> for Bound<'_, PyBytes> {
    #[inline]
    fn eq(&self, other: &&[u8]) -> bool {
        self.as_bytes() == *other
    }
}

impl PartialEq<Bound<'_, PyBytes>> for [u8] {
    #[inline]
    fn eq(&self, other: &Bound<'_, PyBytes>) -> bool {
        self == other.as_bytes()
    }
}

impl PartialEq<&Bound<'_, PyBytes>> for [u8] {
    #[inline]
    fn eq(&self, other: &&Bound<'_, PyBytes>) -> bool {
        self == other.as_bytes()
    }
}

impl PartialEq<Bound<'_, PyBytes>> for &[u8] {
    #[inline]
    fn eq(&self, other: &Bound<'_, PyBytes>) -> bool {
        *self == other.as_bytes()
    }
}

impl PartialEq<Borrowed<'_, '_, PyBytes>> for [u8] {
    #[inline]
    fn eq(&self, other: &Borrowed<'_, '_, PyBytes>) -> bool {
        self == other.as_bytes()
    }
}

impl PartialEq<[u8]> for Borrowed<'_, '_, PyBytes> {
    #[inline]
    fn eq(&self, other: &[u8]) -> bool {
        self.as_bytes() == other
    }
}

impl PartialEq<&[u8]> for Borrowed<'_, '_, PyBytes> {
    #[inline]
    fn eq(&self, other: &&[u8]) -> bool {
        self.as_bytes() == *other
    }
}

impl PartialEq<Borrowed<'_, '_, PyBytes>> for &[u8] {
    #[inline]
    fn eq(&self, other: &Borrowed<'_, '_, PyBytes>) -> bool {
        *self == other.as_bytes()
    }
}

impl PartialEq<[u8]> for &Bound<'_, PyBytes> {
    #[inline]
    fn eq(&self, other: &[u8]) -> bool {
        self.as_bytes() == other
    }
}

impl AsRef<[u8]> for Bound<'_, PyBytes> {
    /// The contents (as [`as_bytes`](PyBytesMethods::as_bytes)).
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for Borrowed<'_, '_, PyBytes> {
    /// The contents (as [`as_bytes`](Borrowed::as_bytes)).
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

// --- conversions --------------------------------------------------------------------------

impl<'a, 'py> FromPyObject<'a, 'py> for &'a [u8] {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::BYTES;
    type Error = CastError<'a, 'py>;

    /// Borrows the contents of a `bytes` object (no copy); other types are rejected.
    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        Ok(obj.cast::<PyBytes>()?.as_bytes())
    }
}

impl<'a> FromPyObject<'a, '_> for Cow<'a, [u8]> {
    type Error = PyErr;

    /// Borrows the contents of `bytes`; copies the contents of `bytearray`; anything else is
    /// extracted like a `Vec<u8>` (a sequence of ints in `0..=255`, e.g. a `memoryview` of
    /// bytes or a `list`) into an owned copy.
    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            return Ok(Cow::Borrowed(bytes.as_bytes()));
        }
        if let Ok(byte_array) = obj.cast::<PyByteArray>() {
            return Ok(Cow::Owned(byte_array.to_vec()));
        }
        <Vec<u8> as FromPyObject<'_, '_>>::extract(obj).map(Cow::Owned)
    }
}

impl crate::Py<PyBytes> {
    /// The contents. `bytes` are immutable, so the slice stays valid as long as `self` is
    /// held, attached or not.
    pub fn as_bytes<'a>(&'a self, _py: Python<'_>) -> &'a [u8] {
        // SAFETY: a bytes object, alive while `self` is; its data never changes or moves.
        unsafe { bytes_slice(self.as_ptr()) }
    }
}

// `Cow<[u8]>` itself converts through the generic `Cow<[T]>` impl (to `bytes` as well).

impl<'py> IntoPyObject<'py> for &Cow<'_, [u8]> {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = std::convert::Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBytes::new(py, self))
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn new_with_and_index() {
        Python::attach(|py| {
            let b = PyBytes::new_with(py, 3, |buf| {
                assert_eq!(buf, &[0, 0, 0]);
                buf[1] = 7;
                Ok(())
            })
            .unwrap();
            assert_eq!(b.as_bytes(), &[0, 7, 0]);
            assert_eq!(b[1], 7);
            assert_eq!(&b[1..], &[7, 0]);
            assert!(b == b"\x00\x07\x00"[..]);
            let err = PyBytes::new_with(py, 2, |_| {
                Err(crate::exceptions::PyValueError::new_err("no"))
            })
            .unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyValueError>(py));
        });
    }

    #[test]
    fn extract_slices() {
        Python::attach(|py| {
            let b = PyBytes::new(py, b"abc");
            assert_eq!(b.extract::<&[u8]>().unwrap(), b"abc");
            assert!(matches!(
                b.extract::<Cow<'_, [u8]>>().unwrap(),
                Cow::Borrowed(b"abc")
            ));
            let ba = PyByteArray::new(py, b"xy");
            let cow = ba.extract::<Cow<'_, [u8]>>().unwrap();
            assert!(matches!(cow, Cow::Owned(ref v) if v == b"xy"));
            let err = ba.as_any().extract::<&[u8]>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "'bytearray' object is not an instance of 'bytes'"
            );
        });
    }
}
