//! Rust views of Python data whose storage is owned by a Python object: [`PyBackedStr`] (a
//! `str` kept alive by a Python `str` or `bytes`) and [`PyBackedBytes`] (a `[u8]` kept alive by
//! a Python `bytes` object or a Rust allocation).
//!
//! They can be extracted from Python objects, held without being attached to the interpreter
//! (they are `Send + Sync`), and dereference to `str` / `[u8]` without copying.
//!
//! ```
//! use pyo3::prelude::*;
//! use pyo3::pybacked::PyBackedStr;
//!
//! Python::attach(|py| {
//!     let obj = py.eval(c"'hello'", None, None).unwrap();
//!     let s: PyBackedStr = obj.extract().unwrap();
//!     assert_eq!(&*s, "hello");
//! });
//! ```

use std::borrow::Borrow;
use std::convert::Infallible;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::Arc;

use crate::err::CastError;
#[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
use crate::internal::ptr_ext::FfiPtrExt;
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
use crate::types::PyStringMethods;
use crate::types::{PyByteArray, PyByteArrayMethods, PyBytes, PyBytesMethods, PyString, PyTuple};
use crate::{Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyAny, PyErr, PyTypeInfo, Python};

/// A `str` whose UTF-8 data is owned by a Python object: the `str` itself (Python 3.10+ or
/// outside the limited API, where CPython caches the UTF-8 form), or else a `bytes` copy.
pub struct PyBackedStr {
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    storage: Py<PyString>,
    #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
    storage: Py<PyBytes>,
    data: NonNull<str>,
}

// SAFETY: the data is immutable and kept alive by `storage`, which is itself Send + Sync.
unsafe impl Send for PyBackedStr {}
// SAFETY: as above.
unsafe impl Sync for PyBackedStr {}

impl PyBackedStr {
    /// Another handle to the same data (increments the Python reference count).
    #[inline]
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        PyBackedStr {
            storage: self.storage.clone_ref(py),
            data: self.data,
        }
    }

    /// The string.
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: `data` points into the immutable storage owned by `self`.
        unsafe { self.data.as_ref() }
    }

    /// The Python `str` object holding the data.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[inline]
    pub fn as_py_str(&self) -> &Py<PyString> {
        &self.storage
    }
}

#[cfg(feature = "py-clone")]
impl Clone for PyBackedStr {
    /// Another handle to the same data (panics if the thread is not attached).
    fn clone(&self) -> Self {
        PyBackedStr {
            storage: self.storage.clone(),
            data: self.data,
        }
    }
}

impl Deref for PyBackedStr {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for PyBackedStr {
    #[inline]
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for PyBackedStr {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self.as_str().as_bytes()
    }
}

impl Borrow<str> for PyBackedStr {
    #[inline]
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for PyBackedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for PyBackedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl TryFrom<Bound<'_, PyString>> for PyBackedStr {
    type Error = PyErr;

    /// Keeps `py_string` alive and borrows its UTF-8 form (fails for strings that are not
    /// valid UTF-8, e.g. containing lone surrogates).
    fn try_from(py_string: Bound<'_, PyString>) -> Result<Self, Self::Error> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            let data = NonNull::from(py_string.to_str()?);
            Ok(PyBackedStr {
                storage: py_string.unbind(),
                data,
            })
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            let py = py_string.py();
            // SAFETY: attached; returns a new bytes object or NULL with an error set.
            let bytes = unsafe {
                crate::ffi::PyUnicode_AsUTF8String(py_string.as_ptr())
                    .assume_owned_or_err(py)?
                    .cast_into_unchecked::<PyBytes>()
            };
            // SAFETY: CPython produced valid UTF-8.
            let s = unsafe { std::str::from_utf8_unchecked(bytes.as_bytes()) };
            let data = NonNull::from(s);
            Ok(PyBackedStr {
                storage: bytes.unbind(),
                data,
            })
        }
    }
}

impl FromPyObject<'_, '_> for PyBackedStr {
    type Error = PyErr;
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;

    /// Accepts `str` only.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let py_string = obj.cast::<PyString>()?.to_owned();
        PyBackedStr::try_from(py_string)
    }
}

impl<'py> IntoPyObject<'py> for PyBackedStr {
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    type Target = PyString;
    #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
    type Target = PyAny;
    type Output = Bound<'py, Self::Target>;
    type Error = Infallible;
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;

    /// The original `str` object where it is the storage, else a new `str`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            Ok(self.storage.into_bound(py))
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            Ok(PyString::new(py, self.as_str()).into_any())
        }
    }
}

impl<'py> IntoPyObject<'py> for &PyBackedStr {
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    type Target = PyString;
    #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
    type Target = PyAny;
    type Output = Bound<'py, Self::Target>;
    type Error = Infallible;
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;

    /// The original `str` object where it is the storage, else a new `str`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            Ok(self.storage.bind(py).clone())
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            Ok(PyString::new(py, self.as_str()).into_any())
        }
    }
}

/// A `[u8]` whose storage is owned by a Python `bytes` object or by Rust (a copy of a
/// `bytearray`, whose contents could otherwise change).
pub struct PyBackedBytes {
    storage: PyBackedBytesStorage,
    data: NonNull<[u8]>,
}

enum PyBackedBytesStorage {
    Python(Py<PyBytes>),
    Rust(Arc<[u8]>),
}

// SAFETY: the data is immutable and kept alive by `storage`, which is Send + Sync.
unsafe impl Send for PyBackedBytes {}
// SAFETY: as above.
unsafe impl Sync for PyBackedBytes {}

impl PyBackedBytes {
    /// Another handle to the same data (increments the Python reference count or the `Arc`).
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        let storage = match &self.storage {
            PyBackedBytesStorage::Python(bytes) => {
                PyBackedBytesStorage::Python(bytes.clone_ref(py))
            }
            PyBackedBytesStorage::Rust(arc) => PyBackedBytesStorage::Rust(arc.clone()),
        };
        PyBackedBytes {
            storage,
            data: self.data,
        }
    }

    /// The bytes.
    #[inline]
    fn as_slice(&self) -> &[u8] {
        // SAFETY: `data` points into the immutable storage owned by `self`.
        unsafe { self.data.as_ref() }
    }
}

#[cfg(feature = "py-clone")]
impl Clone for PyBackedBytes {
    /// Another handle to the same data (panics if Python-backed and the thread is not
    /// attached).
    fn clone(&self) -> Self {
        let storage = match &self.storage {
            PyBackedBytesStorage::Python(bytes) => PyBackedBytesStorage::Python(bytes.clone()),
            PyBackedBytesStorage::Rust(arc) => PyBackedBytesStorage::Rust(arc.clone()),
        };
        PyBackedBytes {
            storage,
            data: self.data,
        }
    }
}

impl Deref for PyBackedBytes {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for PyBackedBytes {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl Borrow<[u8]> for PyBackedBytes {
    #[inline]
    fn borrow(&self) -> &[u8] {
        self.as_slice()
    }
}

impl fmt::Debug for PyBackedBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

impl From<Bound<'_, PyBytes>> for PyBackedBytes {
    /// Keeps the `bytes` object alive and borrows its contents (no copy).
    fn from(py_bytes: Bound<'_, PyBytes>) -> Self {
        let data = NonNull::from(py_bytes.as_bytes());
        PyBackedBytes {
            storage: PyBackedBytesStorage::Python(py_bytes.unbind()),
            data,
        }
    }
}

impl From<Bound<'_, PyByteArray>> for PyBackedBytes {
    /// Copies the contents of the `bytearray` into a Rust allocation.
    fn from(py_bytearray: Bound<'_, PyByteArray>) -> Self {
        let s: Arc<[u8]> = Arc::from(py_bytearray.to_vec());
        let data = NonNull::from(&*s);
        PyBackedBytes {
            storage: PyBackedBytesStorage::Rust(s),
            data,
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for PyBackedBytes {
    type Error = CastError<'a, 'py>;
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::type_hint_union!(
        crate::inspect::hints::BYTES,
        crate::type_hint_identifier!("builtins", "bytearray")
    );

    /// Accepts `bytes` (borrowed) and `bytearray` (copied).
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            Ok(PyBackedBytes::from(bytes.to_owned()))
        } else if let Ok(bytearray) = obj.cast::<PyByteArray>() {
            Ok(PyBackedBytes::from(bytearray.to_owned()))
        } else {
            let py = obj.py();
            let classinfo = PyTuple::new(
                py,
                [
                    PyBytes::type_object(py).into_any(),
                    PyByteArray::type_object(py).into_any(),
                ],
            )
            .expect("failed to build a tuple of two types")
            .into_any();
            Err(CastError::new(obj, classinfo))
        }
    }
}

impl<'py> IntoPyObject<'py> for PyBackedBytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = Infallible;
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::BYTES;

    /// The original `bytes` object if Python-backed, else a new `bytes`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self.storage {
            PyBackedBytesStorage::Python(bytes) => Ok(bytes.into_bound(py)),
            PyBackedBytesStorage::Rust(arc) => Ok(PyBytes::new(py, &arc)),
        }
    }
}

impl<'py> IntoPyObject<'py> for &PyBackedBytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = Infallible;
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::BYTES;

    /// The original `bytes` object if Python-backed, else a new `bytes`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match &self.storage {
            PyBackedBytesStorage::Python(bytes) => Ok(bytes.bind(py).clone()),
            PyBackedBytesStorage::Rust(arc) => Ok(PyBytes::new(py, arc)),
        }
    }
}

/// Comparison, ordering and hashing by content, like the borrowed type `$slice`.
macro_rules! impl_by_content {
    ($ty:ty, $slice:ty) => {
        impl PartialEq for $ty {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                **self == **other
            }
        }

        impl Eq for $ty {}

        impl PartialEq<$slice> for $ty {
            #[inline]
            fn eq(&self, other: &$slice) -> bool {
                **self == *other
            }
        }

        impl PartialEq<&$slice> for $ty {
            #[inline]
            fn eq(&self, other: &&$slice) -> bool {
                **self == **other
            }
        }

        impl PartialEq<$ty> for $slice {
            #[inline]
            fn eq(&self, other: &$ty) -> bool {
                *self == **other
            }
        }

        impl PartialEq<$ty> for &$slice {
            #[inline]
            fn eq(&self, other: &$ty) -> bool {
                **self == **other
            }
        }

        impl PartialOrd for $ty {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl PartialOrd<$slice> for $ty {
            #[inline]
            fn partial_cmp(&self, other: &$slice) -> Option<std::cmp::Ordering> {
                (**self).partial_cmp(other)
            }
        }

        impl PartialOrd<$ty> for $slice {
            #[inline]
            fn partial_cmp(&self, other: &$ty) -> Option<std::cmp::Ordering> {
                self.partial_cmp(&**other)
            }
        }

        impl Ord for $ty {
            #[inline]
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                (**self).cmp(&**other)
            }
        }

        impl Hash for $ty {
            #[inline]
            fn hash<H: Hasher>(&self, state: &mut H) {
                (**self).hash(state)
            }
        }
    };
}

impl_by_content!(PyBackedStr, str);
impl_by_content!(PyBackedBytes, [u8]);

impl PartialEq<String> for PyBackedStr {
    #[inline]
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<PyBackedStr> for String {
    #[inline]
    fn eq(&self, other: &PyBackedStr) -> bool {
        self == other.as_str()
    }
}

impl<const N: usize> PartialEq<[u8; N]> for PyBackedBytes {
    #[inline]
    fn eq(&self, other: &[u8; N]) -> bool {
        self.as_slice() == other
    }
}

impl<const N: usize> PartialEq<PyBackedBytes> for [u8; N] {
    #[inline]
    fn eq(&self, other: &PyBackedBytes) -> bool {
        self == other.as_slice()
    }
}

impl<const N: usize> PartialEq<&[u8; N]> for PyBackedBytes {
    #[inline]
    fn eq(&self, other: &&[u8; N]) -> bool {
        self.as_slice() == *other
    }
}

impl<const N: usize> PartialEq<PyBackedBytes> for &[u8; N] {
    #[inline]
    fn eq(&self, other: &PyBackedBytes) -> bool {
        *self == other.as_slice()
    }
}

impl PartialEq<Vec<u8>> for PyBackedBytes {
    #[inline]
    fn eq(&self, other: &Vec<u8>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl PartialEq<PyBackedBytes> for Vec<u8> {
    #[inline]
    fn eq(&self, other: &PyBackedBytes) -> bool {
        self.as_slice() == other.as_slice()
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn backed_str_roundtrip() {
        Python::attach(|py| {
            let s = PyString::new(py, &format!("h{}llo", 'é'));
            let backed: PyBackedStr = s.extract().unwrap();
            assert_eq!(backed, "héllo");
            assert_eq!(backed.to_string(), "héllo");
            let other = backed.clone_ref(py);
            assert_eq!(backed, other);
            let back = backed.into_pyobject(py).unwrap();
            #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
            assert!(back.is(&s));
            assert_eq!(back.to_string(), "héllo");
            let err = py
                .eval(c"b'x'", None, None)
                .unwrap()
                .extract::<PyBackedStr>()
                .unwrap_err();
            assert_eq!(
                err.to_string(),
                "TypeError: 'bytes' object is not an instance of 'str'"
            );
        });
    }

    #[test]
    fn backed_bytes() {
        Python::attach(|py| {
            let b = PyBytes::new(py, b"abc");
            let backed: PyBackedBytes = b.extract().unwrap();
            assert_eq!(backed, *b"abc");
            assert!(backed.clone_ref(py).into_pyobject(py).unwrap().is(&b));
            let ba = PyByteArray::new(py, b"xyz");
            let backed: PyBackedBytes = ba.extract().unwrap();
            ba.resize(0).unwrap();
            assert_eq!(&*backed, b"xyz");
            let s = py.eval(c"'s'", None, None).unwrap();
            let err = s.extract::<PyBackedBytes>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "'str' object is not an instance of 'bytes | bytearray'"
            );
        });
    }
}

#[cfg(all(test, feature = "experimental-inspect"))]
mod inspect_tests {
    use super::*;

    #[test]
    fn type_hints() {
        assert_eq!(
            <PyBackedStr as FromPyObject<'_, '_>>::INPUT_TYPE.to_string(),
            "str"
        );
        assert_eq!(
            <PyBackedStr as IntoPyObject<'_>>::OUTPUT_TYPE.to_string(),
            "str"
        );
        assert_eq!(
            <&PyBackedStr as IntoPyObject<'_>>::OUTPUT_TYPE.to_string(),
            "str"
        );
        assert_eq!(
            <PyBackedBytes as FromPyObject<'_, '_>>::INPUT_TYPE.to_string(),
            "bytes | bytearray"
        );
        assert_eq!(
            <PyBackedBytes as IntoPyObject<'_>>::OUTPUT_TYPE.to_string(),
            "bytes"
        );
        assert_eq!(
            <&PyBackedBytes as IntoPyObject<'_>>::OUTPUT_TYPE.to_string(),
            "bytes"
        );
    }
}
