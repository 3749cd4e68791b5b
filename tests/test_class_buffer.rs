#![cfg(feature = "macros")]
#![cfg(any(Py_3_11, not(Py_LIMITED_API)))]
//! `__getbuffer__` / `__releasebuffer__` on a `#[pyclass]`: `memoryview`, `bytes()`, errors and
//! the release call.

use pyo3::exceptions::PyBufferError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::py_run;
use std::ffi::c_int;
use std::sync::atomic::{AtomicUsize, Ordering};

static RELEASED: AtomicUsize = AtomicUsize::new(0);

#[pyclass]
struct Bytes {
    data: Vec<u8>,
    fail: bool,
}

#[pymethods]
impl Bytes {
    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut ffi::Py_buffer,
        flags: c_int,
    ) -> PyResult<()> {
        let py = slf.py();
        let (ptr, len, fail) = {
            let b = slf.borrow();
            (b.data.as_ptr(), b.data.len(), b.fail)
        };
        if fail {
            return Err(PyBufferError::new_err("no buffer today"));
        }
        let obj = slf.into_any().into_ptr();
        // SAFETY: `view` is the slot's buffer; `obj` (a new reference) keeps `data` alive.
        let r = unsafe {
            ffi::PyBuffer_FillInfo(view, obj, ptr as *mut _, len as ffi::Py_ssize_t, 1, flags)
        };
        unsafe { ffi::Py_DecRef(obj) };
        if r == -1 {
            return Err(PyErr::fetch(py));
        }
        Ok(())
    }

    unsafe fn __releasebuffer__(&self, _view: *mut ffi::Py_buffer) {
        RELEASED.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn buffer_protocol_from_python() {
    Python::attach(|py| {
        let before = RELEASED.load(Ordering::SeqCst);
        let b = Py::new(
            py,
            Bytes {
                data: b"hello".to_vec(),
                fail: false,
            },
        )
        .unwrap();
        py_run!(
            py,
            b,
            r#"
assert bytes(b) == b'hello'
with memoryview(b) as m:
    assert m.readonly and m.tobytes() == b'hello' and len(m) == 5
"#
        );
        assert_eq!(RELEASED.load(Ordering::SeqCst), before + 2);
        let f = Py::new(
            py,
            Bytes {
                data: Vec::new(),
                fail: true,
            },
        )
        .unwrap();
        py_run!(
            py,
            f,
            r#"
try:
    memoryview(f)
except BufferError as e:
    assert str(e) == 'no buffer today'
else:
    assert False
"#
        );
    });
}
