//! File-object helpers from `fileobject.h`.

use crate::PyObject;
use std::ffi::{c_char, c_int};

/// Mode suffix that `PyFile_FromFd` callers add for binary text I/O (`"b"`).
pub const PY_STDIOTEXTMODE: &str = "b";

extern "C" {
    /// Creates a Python file object from a file descriptor (`io.open` semantics).
    #[cfg_attr(PyPy, link_name = "PyPyFile_FromFd")]
    pub fn PyFile_FromFd(
        fd: c_int,
        name: *const c_char,
        mode: *const c_char,
        buffering: c_int,
        encoding: *const c_char,
        errors: *const c_char,
        newline: *const c_char,
        closefd: c_int,
    ) -> *mut PyObject;
    /// Reads one line from a file-like object (`n` > 0 limits the length).
    #[cfg_attr(PyPy, link_name = "PyPyFile_GetLine")]
    pub fn PyFile_GetLine(f: *mut PyObject, n: c_int) -> *mut PyObject;
    /// Writes `obj` to the file object `f` (`flags` may be `Py_PRINT_RAW`).
    #[cfg_attr(PyPy, link_name = "PyPyFile_WriteObject")]
    pub fn PyFile_WriteObject(obj: *mut PyObject, f: *mut PyObject, flags: c_int) -> c_int;
    /// Writes the C string `s` to the file object `f`.
    #[cfg_attr(PyPy, link_name = "PyPyFile_WriteString")]
    pub fn PyFile_WriteString(s: *const c_char, f: *mut PyObject) -> c_int;
    /// Returns the file descriptor of an int or of an object with a `fileno()` method.
    #[cfg_attr(PyPy, link_name = "PyPyObject_AsFileDescriptor")]
    pub fn PyObject_AsFileDescriptor(o: *mut PyObject) -> c_int;
}

extern "C" {
    /// Name of the file-system encoding (deprecated since 3.12).
    #[cfg_attr(Py_3_12, deprecated(note = "Python 3.12"))]
    #[cfg(not(PyPy))]
    pub static mut Py_FileSystemDefaultEncoding: *const c_char;
    /// Error handler of the file-system encoding (deprecated since 3.12).
    #[cfg_attr(Py_3_12, deprecated(note = "Python 3.12"))]
    #[cfg(not(PyPy))]
    pub static mut Py_FileSystemDefaultEncodeErrors: *const c_char;
    /// Whether `Py_FileSystemDefaultEncoding` is a fixed default (deprecated since 3.12).
    #[cfg_attr(Py_3_12, deprecated(note = "Python 3.12"))]
    #[cfg(not(PyPy))]
    pub static mut Py_HasFileSystemDefaultEncoding: c_int;
    /// Whether the UTF-8 mode is enabled (deprecated since 3.12).
    #[cfg_attr(Py_3_12, deprecated(note = "Python 3.12"))]
    #[cfg(not(PyPy))]
    pub static mut Py_UTF8Mode: c_int;
}
