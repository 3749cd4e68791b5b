//! `CStr` / `CString` / `Cow<CStr>` <-> Python `str` (UTF-8 text without NUL characters).

use std::borrow::Cow;
use std::ffi::{CStr, CString};

use crate::exceptions::PyValueError;
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyString;
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, Python};

impl<'py> IntoPyObject<'py> for &CStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = PyErr;

    /// A `str` decoded from the bytes as UTF-8 (a `UnicodeDecodeError` if they are not).
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let bytes = self.to_bytes();
        // SAFETY: attached; the pointer is valid for `len` bytes; returns a new reference or
        // NULL with the decode error set.
        unsafe {
            ffi::PyUnicode_DecodeUTF8(
                bytes.as_ptr().cast(),
                bytes.len() as ffi::Py_ssize_t,
                std::ptr::null(),
            )
            .assume_owned_or_err(py)
            .map(|s| s.cast_into_unchecked())
        }
    }
}

/// Implements `IntoPyObject` for owners of a `CStr`, through `&CStr`.
macro_rules! cstr_like_into_pyobject {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = PyErr;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                <&CStr>::into_pyobject(self.as_ref(), py)
            }
        }
    )*};
}

cstr_like_into_pyobject!(CString, &CString, Cow<'_, CStr>, &Cow<'_, CStr>);

/// The message of the `ValueError` for a `str` containing U+0000, as Python's own.
const EMBEDDED_NUL: &str = "embedded null character";

#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
impl<'a> FromPyObject<'a, '_> for &'a CStr {
    type Error = PyErr;

    /// Borrows the UTF-8 contents of a `str`, which CPython keeps NUL-terminated; a `str`
    /// containing U+0000 is refused with `ValueError`.
    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        let text = obj.cast::<PyString>()?.to_str()?;
        // SAFETY: `to_str` returned CPython's UTF-8 buffer of the object, which is followed by
        // a NUL byte and lives as long as the object (`'a`).
        let with_nul = unsafe { std::slice::from_raw_parts(text.as_ptr(), text.len() + 1) };
        CStr::from_bytes_with_nul(with_nul).map_err(|_| PyValueError::new_err(EMBEDDED_NUL))
    }
}

impl FromPyObject<'_, '_> for CString {
    type Error = PyErr;

    /// Copies the UTF-8 contents of a `str`; a `str` containing U+0000 is refused with
    /// `ValueError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let text = obj.cast::<PyString>()?.to_cow()?;
        CString::new(text.into_owned()).map_err(|_| PyValueError::new_err(EMBEDDED_NUL))
    }
}

impl<'a> FromPyObject<'a, '_> for Cow<'a, CStr> {
    type Error = PyErr;

    /// Borrowed where the API gives access to the string's UTF-8 buffer, owned otherwise.
    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            <&CStr>::extract(obj).map(Cow::Borrowed)
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            CString::extract(obj).map(Cow::Owned)
        }
    }
}
