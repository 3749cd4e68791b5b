//! [`PyString`]: Python `str` objects.

use std::borrow::Cow;

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Borrowed, Bound, PyResult, Python};

/// A Python `str` object.
#[repr(transparent)]
pub struct PyString(PyAny);

crate::pyobject_native_type!(
    PyString,
    "builtins",
    "str",
    |_py| unsafe { &raw mut ffi::PyUnicode_Type },
    #checkfunction = ffi::PyUnicode_Check
);

impl PyString {
    /// Creates a new `str` from a Rust string.
    pub fn new<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        // SAFETY: attached; the pointer and length describe valid UTF-8.
        unsafe {
            ffi::PyUnicode_FromStringAndSize(s.as_ptr().cast(), s.len() as ffi::Py_ssize_t)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// Creates an interned `str` (equal strings share one object); see also
    /// [`intern!`](crate::intern).
    pub fn intern<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        let mut ptr = PyString::new(py, s).into_ptr();
        // SAFETY: attached; PyUnicode_InternInPlace replaces the reference it is given.
        unsafe {
            ffi::PyUnicode_InternInPlace(&mut ptr);
            ptr.assume_owned(py).cast_into_unchecked()
        }
    }
}

/// Methods of [`PyString`], implemented for `Bound<'py, PyString>`.
pub trait PyStringMethods<'py>: sealed::Sealed {
    /// The contents as `&str`, borrowed from the Python object. Fails for strings that are not
    /// valid UTF-8 (lone surrogates).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    fn to_str(&self) -> PyResult<&str>;

    /// The contents as UTF-8, borrowed where the API allows it.
    fn to_cow(&self) -> PyResult<Cow<'_, str>>;

    /// The contents, with invalid code points (lone surrogates) replaced by U+FFFD.
    fn to_string_lossy(&self) -> Cow<'_, str>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyString> {}
}

#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
fn borrowed_to_str<'a>(s: Borrowed<'a, '_, PyString>) -> PyResult<&'a str> {
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: attached; the UTF-8 buffer lives as long as the string object ('a).
    unsafe {
        let data = ffi::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size);
        if data.is_null() {
            return Err(crate::PyErr::fetch(s.py()));
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), size as usize);
        Ok(std::str::from_utf8_unchecked(bytes))
    }
}

fn borrowed_to_cow<'a>(s: Borrowed<'a, '_, PyString>) -> PyResult<Cow<'a, str>> {
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    {
        borrowed_to_str(s).map(Cow::Borrowed)
    }
    #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
    {
        let py = s.py();
        // SAFETY: attached; we copy out of the bytes object before it is released.
        unsafe {
            let bytes = ffi::PyUnicode_AsUTF8String(s.as_ptr()).assume_owned_or_err(py)?;
            let data = ffi::PyBytes_AsString(bytes.as_ptr());
            let len = ffi::PyBytes_Size(bytes.as_ptr());
            let slice = std::slice::from_raw_parts(data.cast::<u8>(), len as usize);
            Ok(Cow::Owned(std::str::from_utf8_unchecked(slice).to_owned()))
        }
    }
}

fn borrowed_to_string_lossy<'a>(s: Borrowed<'a, '_, PyString>) -> Cow<'a, str> {
    if let Ok(cow) = borrowed_to_cow(s) {
        return cow;
    }
    let py = s.py();
    // SAFETY: attached; encoding with surrogatepass cannot fail for a str.
    unsafe {
        let bytes = ffi::PyUnicode_AsEncodedString(
            s.as_ptr(),
            c"utf-8".as_ptr(),
            c"surrogatepass".as_ptr(),
        )
        .assume_owned(py);
        let data = ffi::PyBytes_AsString(bytes.as_ptr());
        let len = ffi::PyBytes_Size(bytes.as_ptr());
        let slice = std::slice::from_raw_parts(data.cast::<u8>(), len as usize);
        Cow::Owned(String::from_utf8_lossy(slice).into_owned())
    }
}

impl<'py> PyStringMethods<'py> for Bound<'py, PyString> {
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[inline]
    fn to_str(&self) -> PyResult<&str> {
        borrowed_to_str(self.as_borrowed())
    }

    #[inline]
    fn to_cow(&self) -> PyResult<Cow<'_, str>> {
        borrowed_to_cow(self.as_borrowed())
    }

    #[inline]
    fn to_string_lossy(&self) -> Cow<'_, str> {
        borrowed_to_string_lossy(self.as_borrowed())
    }
}

impl<'a> Borrowed<'a, '_, PyString> {
    /// Like [`PyStringMethods::to_str`], borrowing for `'a`.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[inline]
    pub fn to_str(self) -> PyResult<&'a str> {
        borrowed_to_str(self)
    }

    /// Like [`PyStringMethods::to_cow`], borrowing for `'a`.
    #[inline]
    pub fn to_cow(self) -> PyResult<Cow<'a, str>> {
        borrowed_to_cow(self)
    }

    /// Like [`PyStringMethods::to_string_lossy`], borrowing for `'a`.
    #[inline]
    pub fn to_string_lossy(self) -> Cow<'a, str> {
        borrowed_to_string_lossy(self)
    }
}

impl PartialEq<str> for Bound<'_, PyString> {
    fn eq(&self, other: &str) -> bool {
        self.to_cow().is_ok_and(|s| s == other)
    }
}

impl PartialEq<&str> for Bound<'_, PyString> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<Bound<'_, PyString>> for str {
    fn eq(&self, other: &Bound<'_, PyString>) -> bool {
        *other == *self
    }
}

impl PartialEq<Bound<'_, PyString>> for &str {
    fn eq(&self, other: &Bound<'_, PyString>) -> bool {
        *other == **self
    }
}

impl PartialEq<str> for Borrowed<'_, '_, PyString> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Borrowed<'_, '_, PyString> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}
