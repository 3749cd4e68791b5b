//! [`PyString`]: Python `str` objects.

use std::borrow::Cow;
use std::ffi::CStr;

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyBytes};
use crate::{ffi, Borrowed, Bound, PyResult, Python};

/// The raw code-unit storage of a `str` (PEP 393), as returned by [`PyStringMethods::data`].
#[cfg(not(any(Py_LIMITED_API, GraalPy, PyPy)))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PyStringData<'a> {
    /// One byte per code point (`PyUnicode_1BYTE_KIND`, Latin-1 range).
    Ucs1(&'a [u8]),
    /// Two bytes per code point (`PyUnicode_2BYTE_KIND`).
    Ucs2(&'a [u16]),
    /// Four bytes per code point (`PyUnicode_4BYTE_KIND`).
    Ucs4(&'a [u32]),
}

#[cfg(not(any(Py_LIMITED_API, GraalPy, PyPy)))]
impl<'a> PyStringData<'a> {
    /// The storage as raw bytes (native endianness for UCS-2/UCS-4).
    pub fn as_bytes(&self) -> &[u8] {
        let (ptr, len) = match self {
            Self::Ucs1(s) => return s,
            Self::Ucs2(s) => (s.as_ptr().cast::<u8>(), std::mem::size_of_val(*s)),
            Self::Ucs4(s) => (s.as_ptr().cast::<u8>(), std::mem::size_of_val(*s)),
        };
        // SAFETY: the same memory, viewed as bytes.
        unsafe { std::slice::from_raw_parts(ptr, len) }
    }

    /// The size of one code unit in bytes: 1, 2 or 4.
    #[inline]
    pub fn value_width_bytes(&self) -> usize {
        match self {
            Self::Ucs1(_) => 1,
            Self::Ucs2(_) => 2,
            Self::Ucs4(_) => 4,
        }
    }

    /// Converts to a Rust string: `Ucs1` data is read as UTF-8 (borrowed when valid), `Ucs2`
    /// as UTF-16 and `Ucs4` as UTF-32 (owned). Invalid data raises `UnicodeDecodeError`.
    pub fn to_string(self, py: Python<'_>) -> PyResult<Cow<'a, str>> {
        match self {
            Self::Ucs1(data) => match std::str::from_utf8(data) {
                Ok(s) => Ok(Cow::Borrowed(s)),
                Err(e) => {
                    let start = e.valid_up_to();
                    let end = start + e.error_len().unwrap_or(data.len() - start).max(1);
                    Err(decode_error(
                        py,
                        c"utf-8",
                        self.as_bytes(),
                        start..end,
                        c"invalid utf-8",
                    ))
                }
            },
            Self::Ucs2(data) => match String::from_utf16(data) {
                Ok(s) => Ok(Cow::Owned(s)),
                Err(_) => {
                    let bad = ucs2_first_invalid(data);
                    Err(decode_error(
                        py,
                        c"utf-16",
                        self.as_bytes(),
                        bad * 2..bad * 2 + 2,
                        c"invalid utf-16",
                    ))
                }
            },
            Self::Ucs4(data) => match data.iter().map(|&c| char::from_u32(c)).collect() {
                Some(s) => Ok(Cow::Owned(s)),
                None => {
                    let bad = data
                        .iter()
                        .position(|&c| char::from_u32(c).is_none())
                        .unwrap_or(0);
                    Err(decode_error(
                        py,
                        c"utf-32",
                        self.as_bytes(),
                        bad * 4..bad * 4 + 4,
                        c"error converting utf-32",
                    ))
                }
            },
        }
    }

    /// Converts to a Rust string, replacing invalid data with U+FFFD.
    pub fn to_string_lossy(self) -> Cow<'a, str> {
        match self {
            Self::Ucs1(data) => String::from_utf8_lossy(data),
            Self::Ucs2(data) => Cow::Owned(String::from_utf16_lossy(data)),
            Self::Ucs4(data) => Cow::Owned(
                data.iter()
                    .map(|&c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            ),
        }
    }
}

/// Index of the first unpaired surrogate in UTF-16 data.
#[cfg(not(any(Py_LIMITED_API, GraalPy, PyPy)))]
fn ucs2_first_invalid(data: &[u16]) -> usize {
    let mut i = 0;
    for unit in char::decode_utf16(data.iter().copied()) {
        match unit {
            Ok(c) => i += c.len_utf16(),
            Err(_) => return i,
        }
    }
    i
}

/// A `UnicodeDecodeError` for `input[range]`.
#[cfg(not(any(Py_LIMITED_API, GraalPy, PyPy)))]
fn decode_error(
    py: Python<'_>,
    encoding: &CStr,
    input: &[u8],
    range: std::ops::Range<usize>,
    reason: &CStr,
) -> crate::PyErr {
    // SAFETY: attached; the pointers are valid for the call.
    let exc = unsafe {
        ffi::PyUnicodeDecodeError_Create(
            encoding.as_ptr(),
            input.as_ptr().cast(),
            input.len() as ffi::Py_ssize_t,
            range.start as ffi::Py_ssize_t,
            range.end as ffi::Py_ssize_t,
            reason.as_ptr(),
        )
        .assume_owned_or_err(py)
    };
    match exc {
        Ok(exc) => crate::PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// Like [`format!`], but makes a Python `str`: `py_format!(py, "{} {}", a, b)` returns
/// `PyResult<Bound<'py, PyString>>`. A format string without arguments is interned.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::py_format;
///
/// Python::attach(|py| {
///     let s = py_format!(py, "{}-{}", 1, "a").unwrap();
///     assert_eq!(s.to_cow().unwrap(), "1-a");
/// });
/// ```
#[macro_export]
macro_rules! py_format {
    ($py:expr, $($arg:tt)*) => {
        $crate::types::PyString::__py_format($py, ::std::format_args!($($arg)*))
    };
}

/// A Python `str` object.
#[repr(transparent)]
pub struct PyString(PyAny);

crate::pyobject_native_type_core!(PyString, crate::pyobject_native_static_type_object!(ffi::PyUnicode_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyUnicode_Check);

impl PyString {
    /// A new `str` from [`format_args!`] arguments, as [`format!`] makes a `String`.
    ///
    /// Fails with `RuntimeError` if a formatted value's `Display` (or other formatting) impl
    /// returns an error.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyString;
    /// Python::attach(|py| -> PyResult<()> {
    ///     let s = PyString::from_fmt(py, format_args!("{} + {} = {}", 1, 2, 1 + 2))?;
    ///     assert_eq!(s.to_cow()?, "1 + 2 = 3");
    ///     Ok(())
    /// })
    /// # .unwrap();
    /// ```
    pub fn from_fmt<'py>(
        py: Python<'py>,
        args: std::fmt::Arguments<'_>,
    ) -> PyResult<Bound<'py, PyString>> {
        // A literal without arguments needs no intermediate String.
        if let Some(s) = args.as_str() {
            return Ok(PyString::new(py, s));
        }
        let mut text = String::new();
        std::fmt::Write::write_fmt(&mut text, args).map_err(|_| {
            crate::exceptions::PyRuntimeError::new_err(
                "a formatting trait implementation returned an error",
            )
        })?;
        Ok(PyString::new(py, &text))
    }

    /// Creates a new `str` from a Rust string.
    pub fn new<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        // SAFETY: attached; the pointer and length describe valid UTF-8.
        unsafe {
            ffi::PyUnicode_FromStringAndSize(s.as_ptr().cast(), s.len() as ffi::Py_ssize_t)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// Creates a new `str` from UTF-8 bytes; invalid UTF-8 raises `UnicodeDecodeError`.
    pub fn from_bytes<'py>(py: Python<'py>, s: &[u8]) -> PyResult<Bound<'py, PyString>> {
        // SAFETY: attached; the pointer and length describe `s`.
        unsafe {
            ffi::PyUnicode_DecodeUTF8(
                s.as_ptr().cast(),
                s.len() as ffi::Py_ssize_t,
                c"strict".as_ptr(),
            )
            .assume_owned_or_err(py)
            .map(|obj| obj.cast_into_unchecked())
        }
    }

    /// Decodes a bytes-like object `src` with the codec `encoding` (default UTF-8) and the
    /// error handler `errors` (default `"strict"`), as `str(src, encoding, errors)`.
    pub fn from_encoded_object<'py>(
        src: &Bound<'py, PyAny>,
        encoding: Option<&CStr>,
        errors: Option<&CStr>,
    ) -> PyResult<Bound<'py, PyString>> {
        let encoding = encoding.map_or(std::ptr::null(), CStr::as_ptr);
        let errors = errors.map_or(std::ptr::null(), CStr::as_ptr);
        // SAFETY: attached; the C strings are NUL-terminated or NULL.
        unsafe {
            ffi::PyUnicode_FromEncodedObject(src.as_ptr(), encoding, errors)
                .assume_owned_or_err(src.py())
                .map(|obj| obj.cast_into_unchecked())
        }
    }

    /// Decodes a bytes-like object; see [`PyString::from_encoded_object`].
    #[deprecated(
        since = "0.25.0",
        note = "replaced with `PyString::from_encoded_object`"
    )]
    pub fn from_object<'py>(
        src: &Bound<'py, PyAny>,
        encoding: &str,
        errors: &str,
    ) -> PyResult<Bound<'py, PyString>> {
        let encoding = std::ffi::CString::new(encoding)?;
        let errors = std::ffi::CString::new(errors)?;
        Self::from_encoded_object(src, Some(&encoding), Some(&errors))
    }

    /// Used by [`py_format!`](crate::py_format): interns constant strings, formats the rest.
    #[doc(hidden)]
    pub fn __py_format<'py>(
        py: Python<'py>,
        args: std::fmt::Arguments<'_>,
    ) -> PyResult<Bound<'py, PyString>> {
        Ok(match args.as_str() {
            Some(s) => PyString::intern(py, s),
            None => PyString::new(py, &std::fmt::format(args)),
        })
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

    /// The number of code points, read from the string object itself: unlike
    /// [`PyAnyMethods::len`](crate::types::PyAnyMethods::len) it never calls `__len__`, so a
    /// `str` subclass overriding it does not change the result.
    fn code_point_len(&self) -> PyResult<usize>;

    /// Encodes the string as UTF-8 into a new `bytes` object; fails with
    /// `UnicodeEncodeError` for strings with lone surrogates.
    fn encode_utf8(&self) -> PyResult<Bound<'py, PyBytes>>;

    /// The raw code-unit storage of the string.
    ///
    /// # Safety
    /// The data is borrowed from the object's internal buffer; the string must not be mutated
    /// (e.g. by C code) while the result is in use.
    #[cfg(not(any(Py_LIMITED_API, GraalPy, PyPy)))]
    unsafe fn data(&self) -> PyResult<PyStringData<'_>>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyString> {}
}

/// The contents of a compact ASCII `str` (the common case), read in place: for those CPython's
/// UTF-8 buffer *is* the character data that follows the object header, which is what
/// `PyUnicode_AsUTF8AndSize` returns for them. `None` for every other string.
///
/// # Safety
/// `ptr` must be a live `str` object; the result borrows its buffer.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline(always)]
pub(crate) unsafe fn compact_ascii_str<'a>(ptr: *mut ffi::PyObject) -> Option<&'a str> {
    // SAFETY: forwarded; compact strings are always ready, and ASCII data is valid UTF-8.
    unsafe {
        if ffi::PyUnicode_IS_COMPACT_ASCII(ptr) == 0 {
            return None;
        }
        let len = ffi::PyUnicode_GET_LENGTH(ptr) as usize;
        let data = ptr.cast::<ffi::PyASCIIObject>().add(1).cast::<u8>();
        Some(std::str::from_utf8_unchecked(std::slice::from_raw_parts(
            data, len,
        )))
    }
}

/// The contents of a compact `str` read without a call: in place for ASCII (see
/// [`compact_ascii_str`]), else from the UTF-8 buffer CPython caches in the object the first
/// time anyone asks for it (`PyUnicode_AsUTF8AndSize`), which stays until the object dies.
/// `None` when neither applies (not compact, or no cached UTF-8 yet): the caller then asks
/// CPython, which fills the cache.
///
/// # Safety
/// `ptr` must be a live `str` object; the result borrows its buffer.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline(always)]
pub(crate) unsafe fn compact_str<'a>(ptr: *mut ffi::PyObject) -> Option<&'a str> {
    // SAFETY: forwarded. The cache is only ever set to a complete, strictly encoded (so valid)
    // UTF-8 copy, and only for compact non-ASCII strings, whose header has these fields.
    unsafe {
        if let Some(text) = compact_ascii_str(ptr) {
            return Some(text);
        }
        if ffi::PyUnicode_IS_COMPACT(ptr) == 0 {
            return None;
        }
        let compact = ptr.cast::<ffi::PyCompactUnicodeObject>();
        // The free-threaded build publishes the cache with a release store (another thread
        // may fill it concurrently): pair it with an acquire load.
        #[cfg(Py_GIL_DISABLED)]
        let utf8 = (*(&raw const (*compact).utf8)
            .cast::<std::sync::atomic::AtomicPtr<std::ffi::c_char>>())
        .load(std::sync::atomic::Ordering::Acquire);
        #[cfg(not(Py_GIL_DISABLED))]
        let utf8 = (*compact).utf8;
        if utf8.is_null() {
            return None;
        }
        let len = (*compact).utf8_length as usize;
        Some(std::str::from_utf8_unchecked(std::slice::from_raw_parts(
            utf8.cast::<u8>(),
            len,
        )))
    }
}

#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
#[inline]
fn borrowed_to_str<'a>(s: Borrowed<'a, '_, PyString>) -> PyResult<&'a str> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    // SAFETY: a live `str`, borrowed for 'a.
    if let Some(text) = unsafe { compact_str(s.as_ptr()) } {
        return Ok(text);
    }
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

#[inline]
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

    fn code_point_len(&self) -> PyResult<usize> {
        // SAFETY: attached; `self` is a str (or subclass) instance.
        let len = unsafe { ffi::PyUnicode_GetLength(self.as_ptr()) };
        if len < 0 {
            return Err(crate::PyErr::fetch(self.py()));
        }
        Ok(len as usize)
    }

    fn encode_utf8(&self) -> PyResult<Bound<'py, PyBytes>> {
        // SAFETY: attached; PyUnicode_AsUTF8String returns a new bytes object or NULL.
        unsafe {
            ffi::PyUnicode_AsUTF8String(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|bytes| bytes.cast_into_unchecked())
        }
    }

    #[cfg(not(any(Py_LIMITED_API, GraalPy, PyPy)))]
    unsafe fn data(&self) -> PyResult<PyStringData<'_>> {
        // SAFETY: forwarded contract.
        unsafe { self.as_borrowed().data() }
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

    /// Like [`PyStringMethods::data`], borrowing for `'a`.
    ///
    /// # Safety
    /// See [`PyStringMethods::data`].
    #[cfg(not(any(Py_LIMITED_API, GraalPy, PyPy)))]
    pub unsafe fn data(self) -> PyResult<PyStringData<'a>> {
        let ptr = self.as_ptr();
        // SAFETY: attached; `ptr` is a str that lives for 'a.
        unsafe {
            #[cfg(not(Py_3_12))]
            if ffi::PyUnicode_READY(ptr) != 0 {
                return Err(crate::PyErr::fetch(self.py()));
            }
            let len = ffi::PyUnicode_GET_LENGTH(ptr) as usize;
            let data = ffi::PyUnicode_DATA(ptr);
            Ok(match ffi::PyUnicode_KIND(ptr) {
                ffi::PyUnicode_1BYTE_KIND => {
                    PyStringData::Ucs1(std::slice::from_raw_parts(data.cast(), len))
                }
                ffi::PyUnicode_2BYTE_KIND => {
                    PyStringData::Ucs2(std::slice::from_raw_parts(data.cast(), len))
                }
                ffi::PyUnicode_4BYTE_KIND => {
                    PyStringData::Ucs4(std::slice::from_raw_parts(data.cast(), len))
                }
                _ => unreachable!("invalid str kind"),
            })
        }
    }
}

impl crate::Py<PyString> {
    /// Like [`PyStringMethods::to_str`], for an unbound string.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[inline]
    pub fn to_str<'a>(&'a self, py: Python<'_>) -> PyResult<&'a str> {
        borrowed_to_str(self.bind_borrowed(py))
    }

    /// Like [`PyStringMethods::to_cow`], for an unbound string.
    #[inline]
    pub fn to_cow<'a>(&'a self, py: Python<'_>) -> PyResult<Cow<'a, str>> {
        borrowed_to_cow(self.bind_borrowed(py))
    }

    /// Like [`PyStringMethods::to_string_lossy`], for an unbound string.
    #[inline]
    pub fn to_string_lossy<'a>(&'a self, py: Python<'_>) -> Cow<'a, str> {
        borrowed_to_string_lossy(self.bind_borrowed(py))
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

impl PartialEq<str> for &Bound<'_, PyString> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&Bound<'_, PyString>> for str {
    fn eq(&self, other: &&Bound<'_, PyString>) -> bool {
        **other == *self
    }
}

impl PartialEq<Borrowed<'_, '_, PyString>> for str {
    fn eq(&self, other: &Borrowed<'_, '_, PyString>) -> bool {
        *other == *self
    }
}

impl PartialEq<Borrowed<'_, '_, PyString>> for &str {
    fn eq(&self, other: &Borrowed<'_, '_, PyString>) -> bool {
        *other == **self
    }
}
