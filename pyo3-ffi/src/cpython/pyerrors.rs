//! Exception object layouts and non-limited error helpers from `Include/cpython/pyerrors.h`.

use crate::{PyObject, Py_ssize_t};
use std::ffi::{c_char, c_int};

#[cfg(not(PyPy))]
/// Instance layout of `BaseException`.
#[repr(C)]
#[derive(Debug)]
pub struct PyBaseExceptionObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
}

#[cfg(not(PyPy))]
/// Instance layout of `BaseExceptionGroup` (3.11+).
#[cfg(Py_3_11)]
#[repr(C)]
#[derive(Debug)]
pub struct PyBaseExceptionGroupObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `msg`.
    pub msg: *mut PyObject,
    /// `excs`.
    pub excs: *mut PyObject,
    /// Cached `str` of the exceptions (3.14+).
    #[cfg(Py_3_14)]
    pub excs_str: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Instance layout of `SyntaxError`.
#[repr(C)]
#[derive(Debug)]
pub struct PySyntaxErrorObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `msg`.
    pub msg: *mut PyObject,
    /// `filename`.
    pub filename: *mut PyObject,
    /// `lineno`.
    pub lineno: *mut PyObject,
    /// `offset`.
    pub offset: *mut PyObject,
    /// `end_lineno` (3.10).
    #[cfg(Py_3_10)]
    pub end_lineno: *mut PyObject,
    /// `end_offset` (3.10).
    #[cfg(Py_3_10)]
    pub end_offset: *mut PyObject,
    /// `text`.
    pub text: *mut PyObject,
    /// `print_file_and_line`.
    pub print_file_and_line: *mut PyObject,
    /// Extra data of the error, for the parser (`_metadata`, 3.14+).
    #[cfg(Py_3_14)]
    pub metadata: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Instance layout of `ImportError`.
#[repr(C)]
#[derive(Debug)]
pub struct PyImportErrorObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `msg`.
    pub msg: *mut PyObject,
    /// `name`.
    pub name: *mut PyObject,
    /// `path`.
    pub path: *mut PyObject,
    /// `name_from` (3.12).
    #[cfg(Py_3_12)]
    pub name_from: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Instance layout of `UnicodeError` and its subclasses.
#[repr(C)]
#[derive(Debug)]
pub struct PyUnicodeErrorObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `encoding`.
    pub encoding: *mut PyObject,
    /// `object`.
    pub object: *mut PyObject,
    /// `start`.
    pub start: Py_ssize_t,
    /// `end`.
    pub end: Py_ssize_t,
    /// `reason`.
    pub reason: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Instance layout of `SystemExit`.
#[repr(C)]
#[derive(Debug)]
pub struct PySystemExitObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `code`.
    pub code: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Instance layout of `OSError`.
#[repr(C)]
#[derive(Debug)]
pub struct PyOSErrorObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `myerrno`.
    pub myerrno: *mut PyObject,
    /// `strerror`.
    pub strerror: *mut PyObject,
    /// `filename`.
    pub filename: *mut PyObject,
    /// `filename2`.
    pub filename2: *mut PyObject,
    /// `winerror` (Windows only).
    #[cfg(windows)]
    pub winerror: *mut PyObject,
    /// `written`.
    pub written: Py_ssize_t,
}

#[cfg(not(PyPy))]
/// Instance layout of `StopIteration`.
#[repr(C)]
#[derive(Debug)]
pub struct PyStopIterationObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `value`.
    pub value: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Instance layout of `NameError` (3.10+).
#[cfg(Py_3_10)]
#[repr(C)]
#[derive(Debug)]
pub struct PyNameErrorObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `name`.
    pub name: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Instance layout of `AttributeError` (3.10+).
#[cfg(Py_3_10)]
#[repr(C)]
#[derive(Debug)]
pub struct PyAttributeErrorObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Instance `__dict__`.
    pub dict: *mut PyObject,
    /// The `args` tuple.
    pub args: *mut PyObject,
    /// `__notes__` (3.11+).
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    /// `__traceback__`.
    pub traceback: *mut PyObject,
    /// `__context__`.
    pub context: *mut PyObject,
    /// `__cause__`.
    pub cause: *mut PyObject,
    /// `__suppress_context__`.
    pub suppress_context: c_char,
    /// `obj`.
    pub obj: *mut PyObject,
    /// `name`.
    pub name: *mut PyObject,
}

#[cfg(not(PyPy))]
/// Old name of [`PyOSErrorObject`].
pub type PyEnvironmentErrorObject = PyOSErrorObject;
/// Old name of [`PyOSErrorObject`] (Windows only).
#[cfg(windows)]
pub type PyWindowsErrorObject = PyOSErrorObject;

extern "C" {
    /// Sets the location of the current `SyntaxError` (file name as an object).
    #[cfg(not(PyPy))]
    pub fn PyErr_SyntaxLocationObject(filename: *mut PyObject, lineno: c_int, col_offset: c_int);
    /// Sets the location range of the current `SyntaxError` (3.10+).
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyErr_RangedSyntaxLocationObject(
        filename: *mut PyObject,
        lineno: c_int,
        col_offset: c_int,
        end_lineno: c_int,
        end_col_offset: c_int,
    );
    /// Source line `lineno` of file `filename`, or NULL.
    #[cfg(not(PyPy))]
    pub fn PyErr_ProgramTextObject(filename: *mut PyObject, lineno: c_int) -> *mut PyObject;
    /// Sets the wakeup file descriptor of the signal module (exported from 3.13).
    #[cfg(Py_3_13)]
    pub fn PySignal_SetWakeupFd(fd: c_int) -> c_int;
    /// Builds the exception to re-raise from an `except*` block (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyUnstable_Exc_PrepReraiseStar(
        orig: *mut PyObject,
        excs: *mut PyObject,
    ) -> *mut PyObject;
    /// Reports an unraisable exception with a formatted message (3.13+).
    #[cfg(Py_3_13)]
    pub fn PyErr_FormatUnraisable(format: *const c_char, ...);

    /// The built-in `PythonFinalizationError` class (3.13+).
    #[cfg(Py_3_13)]
    pub static mut PyExc_PythonFinalizationError: *mut PyObject;
}
