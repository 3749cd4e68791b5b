//! Locale encoding helpers from `fileutils.h`.

use libc::wchar_t;
use std::ffi::c_char;

extern "C" {
    /// Decodes a byte string from the locale encoding into a `PyMem_RawMalloc`ed wide string.
    #[cfg(not(PyPy))]
    pub fn Py_DecodeLocale(arg: *const c_char, size: *mut libc::size_t) -> *mut wchar_t;
    /// Encodes a wide string to the locale encoding into a `PyMem_Malloc`ed byte string.
    #[cfg(not(PyPy))]
    pub fn Py_EncodeLocale(text: *const wchar_t, error_pos: *mut libc::size_t) -> *mut c_char;
}
