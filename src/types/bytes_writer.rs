//! [`PyBytesWriter`]: builds a `bytes` object from data written piece by piece, for
//! [`PyBytes::new_with_writer`].

use std::io::{self, IoSlice};

use crate::types::PyBytes;
use crate::{Bound, IntoPyObject, PyErr, PyResult, Python};

/// The writer [`PyBytes::new_with_writer`] hands to its closure: collects bytes (growing as
/// needed) that become the `bytes` object once the closure returns. Also usable on its own
/// through [`std::io::Write`], then turned into `bytes` with `TryFrom` or `IntoPyObject`.
pub struct PyBytesWriter<'py> {
    py: Python<'py>,
    buffer: Vec<u8>,
}

impl<'py> PyBytesWriter<'py> {
    /// An empty writer with room for `reserved_capacity` bytes before it reallocates.
    pub(crate) fn with_capacity(py: Python<'py>, reserved_capacity: usize) -> Self {
        PyBytesWriter {
            py,
            buffer: Vec::with_capacity(reserved_capacity),
        }
    }

    /// Appends `bytes`.
    pub fn write_bytes(&mut self, bytes: &[u8]) -> PyResult<()> {
        self.buffer.extend_from_slice(bytes);
        Ok(())
    }

    /// The number of bytes written so far.
    pub fn len(&self) -> usize {
        self.buffer.len()
    }

    /// Whether nothing has been written yet.
    pub fn is_empty(&self) -> bool {
        self.buffer.is_empty()
    }
}

impl io::Write for PyBytesWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        let total = bufs.iter().map(|b| b.len()).sum();
        self.buffer.reserve(total);
        for buf in bufs {
            self.buffer.extend_from_slice(buf);
        }
        Ok(total)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.buffer.extend_from_slice(buf);
        Ok(())
    }
}

impl<'py> TryFrom<PyBytesWriter<'py>> for Bound<'py, PyBytes> {
    type Error = PyErr;

    /// The written bytes as a new `bytes` object.
    fn try_from(value: PyBytesWriter<'py>) -> Result<Self, Self::Error> {
        Ok(PyBytes::new(value.py, &value.buffer))
    }
}

impl<'py> IntoPyObject<'py> for PyBytesWriter<'py> {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = PyErr;

    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Bound::try_from(self)
    }
}

impl PyBytes {
    /// A new `bytes` object with the data `write` writes into a [`PyBytesWriter`], which starts
    /// with room for `reserved_capacity` bytes and grows as needed (0 is fine). An error from
    /// `write` is returned and the data discarded.
    ///
    /// ```
    /// use std::io::Write;
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyBytes;
    ///
    /// Python::attach(|py| -> PyResult<()> {
    ///     let bytes = PyBytes::new_with_writer(py, 8, |writer| {
    ///         writer.write_bytes(b"key=")?;
    ///         write!(writer, "{}", 42)?;
    ///         Ok(())
    ///     })?;
    ///     assert_eq!(bytes.as_bytes(), b"key=42");
    ///     Ok(())
    /// })
    /// # .unwrap();
    /// ```
    pub fn new_with_writer<'py, F>(
        py: Python<'py>,
        reserved_capacity: usize,
        write: F,
    ) -> PyResult<Bound<'py, PyBytes>>
    where
        F: FnOnce(&mut PyBytesWriter<'py>) -> PyResult<()>,
    {
        let mut writer = PyBytesWriter::with_capacity(py, reserved_capacity);
        write(&mut writer)?;
        Bound::try_from(writer)
    }
}
