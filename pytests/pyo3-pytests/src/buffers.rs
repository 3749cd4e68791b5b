//! The buffer protocol both ways: reading any bytes-like object (`PyBuffer<u8>`), and a class
//! that exports its bytes (`__getbuffer__`).

use std::ffi::c_int;

use pyo3::buffer::PyBuffer;
use pyo3::ffi;
use pyo3::prelude::*;

/// The sum of the bytes of any object with a byte-format buffer.
#[pyfunction]
fn sum_bytes(py: Python<'_>, data: PyBuffer<u8>) -> PyResult<u64> {
    Ok(data.to_vec(py)?.iter().map(|&b| u64::from(b)).sum())
}

/// Zeroes a writable buffer in place (a `bytearray`, a writable `memoryview`, ...).
#[pyfunction]
fn zero_fill(py: Python<'_>, data: PyBuffer<u8>) -> PyResult<()> {
    let zeros = vec![0u8; data.item_count()];
    data.copy_from_slice(py, &zeros)
}

/// Read-only bytes that `bytes()` and `memoryview()` can see without a copy.
#[pyclass(frozen, module = "pyo3_pytests")]
pub struct Blob {
    data: Vec<u8>,
}

#[pymethods]
impl Blob {
    #[new]
    fn new(data: Vec<u8>) -> Self {
        Blob { data }
    }

    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut ffi::Py_buffer,
        flags: c_int,
    ) -> PyResult<()> {
        let py = slf.py();
        let data = &slf.get().data;
        let (ptr, len) = (data.as_ptr(), data.len());
        // The view holds a reference to `slf` (filled in by PyBuffer_FillInfo), which keeps the
        // frozen `data` alive and unchanged while the buffer exists.
        // SAFETY: `view` is the slot's buffer, `slf` a live object.
        let rc = unsafe {
            ffi::PyBuffer_FillInfo(
                view,
                slf.as_ptr(),
                ptr as *mut _,
                len as ffi::Py_ssize_t,
                1,
                flags,
            )
        };
        if rc == -1 {
            return Err(PyErr::fetch(py));
        }
        Ok(())
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sum_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(zero_fill, m)?)?;
    m.add_class::<Blob>()?;
    Ok(())
}
