//! Conversions of [`bytes::Bytes`] and [`bytes::BytesMut`] (feature `bytes`).
//!
//! Both convert to Python `bytes`. `Bytes` extracts from `bytes` without copying (the
//! `Bytes` keeps the Python object alive and points into its buffer) and from `bytearray`
//! (copied, since a `bytearray` may change).
//!
//! ```
//! use bytes::Bytes;
//! use pyo3::prelude::*;
//! use pyo3::types::PyBytes;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let obj = PyBytes::new(py, b"hello");
//!     let b: Bytes = obj.extract()?;
//!     assert_eq!(&b[..], b"hello");
//!     let back = b.into_pyobject(py)?;
//!     assert_eq!(back.as_bytes(), b"hello");
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use bytes::{Bytes, BytesMut};

use crate::pybacked::PyBackedBytes;
use crate::types::{PyAnyMethods, PyBytes};
use crate::{Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, Python};

impl FromPyObject<'_, '_> for Bytes {
    type Error = PyErr;

    /// Accepts `bytes` (zero-copy) and `bytearray` (copied).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let backed: PyBackedBytes = obj.extract()?;
        Ok(Bytes::from_owner(backed))
    }
}

impl<'py> IntoPyObject<'py> for Bytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBytes::new(py, &self))
    }
}

impl<'py> IntoPyObject<'py> for &Bytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBytes::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for BytesMut {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBytes::new(py, &self))
    }
}

impl<'py> IntoPyObject<'py> for &BytesMut {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBytes::new(py, self))
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::{PyByteArray, PyBytesMethods, PyString};

    #[test]
    fn bytes_conversions() {
        Python::attach(|py| {
            let obj = PyBytes::new(py, b"abc");
            let b: Bytes = obj.extract().unwrap();
            // Zero-copy: the Bytes points into the Python object's buffer.
            assert_eq!(b.as_ptr(), obj.as_bytes().as_ptr());
            drop(obj);
            assert_eq!(&b[..], b"abc");

            let arr = PyByteArray::new(py, b"xyz");
            let b: Bytes = arr.extract().unwrap();
            assert_eq!(&b[..], b"xyz");

            let m = BytesMut::from(&b"mut"[..]);
            assert_eq!((&m).into_pyobject(py).unwrap().as_bytes(), b"mut");
            assert_eq!(m.into_pyobject(py).unwrap().as_bytes(), b"mut");
            assert_eq!((&b).into_pyobject(py).unwrap().as_bytes(), b"xyz");

            let err = PyString::new(py, "s").extract::<Bytes>().unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyTypeError>(py));
        });
    }
}
