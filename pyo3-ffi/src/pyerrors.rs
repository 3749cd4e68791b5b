//! Exception handling from `Include/pyerrors.h`: the error indicator, exception objects,
//! the built-in exception and warning classes, and Unicode error accessors.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::{c_char, c_int};

extern "C" {
    /// Raises `exception` without a value.
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetNone")]
    pub fn PyErr_SetNone(exception: *mut PyObject);
    /// Raises `exception` with `value`.
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetObject")]
    pub fn PyErr_SetObject(exception: *mut PyObject, value: *mut PyObject);
    /// Raises `exception` with a message.
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetString")]
    pub fn PyErr_SetString(exception: *mut PyObject, string: *const c_char);
    /// The current exception type (borrowed), or NULL.
    #[cfg_attr(PyPy, link_name = "PyPyErr_Occurred")]
    pub fn PyErr_Occurred() -> *mut PyObject;
    /// Clears the error indicator.
    #[cfg_attr(PyPy, link_name = "PyPyErr_Clear")]
    pub fn PyErr_Clear();
    /// Takes the error indicator (deprecated in 3.12).
    #[cfg_attr(PyPy, link_name = "PyPyErr_Fetch")]
    pub fn PyErr_Fetch(
        ptype: *mut *mut PyObject,
        pvalue: *mut *mut PyObject,
        ptraceback: *mut *mut PyObject,
    );
    /// Sets the error indicator, stealing the references.
    #[cfg_attr(PyPy, link_name = "PyPyErr_Restore")]
    pub fn PyErr_Restore(ptype: *mut PyObject, pvalue: *mut PyObject, ptraceback: *mut PyObject);
    /// The exception being handled (`sys.exc_info()`), as new references.
    #[cfg_attr(PyPy, link_name = "PyPyErr_GetExcInfo")]
    pub fn PyErr_GetExcInfo(
        ptype: *mut *mut PyObject,
        pvalue: *mut *mut PyObject,
        ptraceback: *mut *mut PyObject,
    );
    /// Sets the exception being handled, stealing the references.
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetExcInfo")]
    pub fn PyErr_SetExcInfo(ptype: *mut PyObject, pvalue: *mut PyObject, ptraceback: *mut PyObject);
    /// Whether `given` matches `exc` (a class or tuple).
    #[cfg_attr(PyPy, link_name = "PyPyErr_GivenExceptionMatches")]
    pub fn PyErr_GivenExceptionMatches(given: *mut PyObject, exc: *mut PyObject) -> c_int;
    /// Whether the current exception matches `exc`.
    #[cfg_attr(PyPy, link_name = "PyPyErr_ExceptionMatches")]
    pub fn PyErr_ExceptionMatches(exc: *mut PyObject) -> c_int;
    /// Normalizes a fetched exception triple in place.
    #[cfg_attr(PyPy, link_name = "PyPyErr_NormalizeException")]
    pub fn PyErr_NormalizeException(
        exc: *mut *mut PyObject,
        val: *mut *mut PyObject,
        tb: *mut *mut PyObject,
    );
    /// Sets `ex.__traceback__`.
    #[cfg_attr(PyPy, link_name = "PyPyException_SetTraceback")]
    pub fn PyException_SetTraceback(ex: *mut PyObject, tb: *mut PyObject) -> c_int;
    /// `ex.__traceback__` (new reference).
    #[cfg_attr(PyPy, link_name = "PyPyException_GetTraceback")]
    pub fn PyException_GetTraceback(ex: *mut PyObject) -> *mut PyObject;
    /// `ex.__cause__` (new reference).
    #[cfg_attr(PyPy, link_name = "PyPyException_GetCause")]
    pub fn PyException_GetCause(ex: *mut PyObject) -> *mut PyObject;
    /// Sets `ex.__cause__`, stealing `cause`.
    #[cfg_attr(PyPy, link_name = "PyPyException_SetCause")]
    pub fn PyException_SetCause(ex: *mut PyObject, cause: *mut PyObject);
    /// `ex.__context__` (new reference).
    #[cfg_attr(PyPy, link_name = "PyPyException_GetContext")]
    pub fn PyException_GetContext(ex: *mut PyObject) -> *mut PyObject;
    /// Sets `ex.__context__`, stealing `ctx`.
    #[cfg_attr(PyPy, link_name = "PyPyException_SetContext")]
    pub fn PyException_SetContext(ex: *mut PyObject, ctx: *mut PyObject);
    /// Name of the exception class `exc`.
    #[cfg(not(PyPy))]
    pub fn PyExceptionClass_Name(exc: *mut PyObject) -> *const c_char;
    /// Raises `TypeError` for a bad argument; returns 0.
    #[cfg_attr(PyPy, link_name = "PyPyErr_BadArgument")]
    pub fn PyErr_BadArgument() -> c_int;
    /// Raises `MemoryError`; returns NULL.
    #[cfg_attr(PyPy, link_name = "PyPyErr_NoMemory")]
    pub fn PyErr_NoMemory() -> *mut PyObject;
    /// Raises `exc` from the current `errno`; returns NULL.
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetFromErrno")]
    pub fn PyErr_SetFromErrno(exc: *mut PyObject) -> *mut PyObject;
    /// Like [`PyErr_SetFromErrno`] with a file name object.
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetFromErrnoWithFilenameObject")]
    pub fn PyErr_SetFromErrnoWithFilenameObject(
        exc: *mut PyObject,
        filename: *mut PyObject,
    ) -> *mut PyObject;
    /// Like [`PyErr_SetFromErrno`] with two file name objects.
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetFromErrnoWithFilenameObjects")]
    pub fn PyErr_SetFromErrnoWithFilenameObjects(
        exc: *mut PyObject,
        filename: *mut PyObject,
        filename2: *mut PyObject,
    ) -> *mut PyObject;
    /// Like [`PyErr_SetFromErrno`] with a file name.
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetFromErrnoWithFilename")]
    pub fn PyErr_SetFromErrnoWithFilename(
        exc: *mut PyObject,
        filename: *const c_char,
    ) -> *mut PyObject;
    /// Raises `exception` with a `PyUnicode_FromFormat` message; returns NULL.
    #[cfg_attr(PyPy, link_name = "PyPyErr_Format")]
    pub fn PyErr_Format(exception: *mut PyObject, format: *const c_char, ...) -> *mut PyObject;
    /// Raises `OSError` from a Windows error code with a file name.
    #[cfg(windows)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetFromWindowsErrWithFilename")]
    pub fn PyErr_SetFromWindowsErrWithFilename(
        ierr: c_int,
        filename: *const c_char,
    ) -> *mut PyObject;
    /// Raises `OSError` from a Windows error code.
    #[cfg(windows)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetFromWindowsErr")]
    pub fn PyErr_SetFromWindowsErr(ierr: c_int) -> *mut PyObject;
    /// Raises `exc` from a Windows error code with a file name object.
    #[cfg(windows)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetExcFromWindowsErrWithFilenameObject")]
    pub fn PyErr_SetExcFromWindowsErrWithFilenameObject(
        exc: *mut PyObject,
        ierr: c_int,
        filename: *mut PyObject,
    ) -> *mut PyObject;
    /// Raises `exc` from a Windows error code with two file name objects.
    #[cfg(windows)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetExcFromWindowsErrWithFilenameObjects")]
    pub fn PyErr_SetExcFromWindowsErrWithFilenameObjects(
        exc: *mut PyObject,
        ierr: c_int,
        filename: *mut PyObject,
        filename2: *mut PyObject,
    ) -> *mut PyObject;
    /// Raises `exc` from a Windows error code with a file name.
    #[cfg(windows)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetExcFromWindowsErrWithFilename")]
    pub fn PyErr_SetExcFromWindowsErrWithFilename(
        exc: *mut PyObject,
        ierr: c_int,
        filename: *const c_char,
    ) -> *mut PyObject;
    /// Raises `exc` from a Windows error code.
    #[cfg(windows)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetExcFromWindowsErr")]
    pub fn PyErr_SetExcFromWindowsErr(exc: *mut PyObject, ierr: c_int) -> *mut PyObject;
    /// Raises the `ImportError` subclass `exception` with `name` and `path`.
    #[cfg(not(PyPy))]
    pub fn PyErr_SetImportErrorSubclass(
        exception: *mut PyObject,
        msg: *mut PyObject,
        name: *mut PyObject,
        path: *mut PyObject,
    ) -> *mut PyObject;
    /// Raises `ImportError` with `msg`, `name` and `path`.
    #[cfg(not(PyPy))]
    pub fn PyErr_SetImportError(
        msg: *mut PyObject,
        name: *mut PyObject,
        path: *mut PyObject,
    ) -> *mut PyObject;
    /// Raises `SystemError` for a bad internal call.
    #[cfg_attr(PyPy, link_name = "PyPyErr_BadInternalCall")]
    pub fn PyErr_BadInternalCall();
    /// Creates a new exception class `name` ("module.Class").
    #[cfg_attr(PyPy, link_name = "PyPyErr_NewException")]
    pub fn PyErr_NewException(
        name: *const c_char,
        base: *mut PyObject,
        dict: *mut PyObject,
    ) -> *mut PyObject;
    /// Like [`PyErr_NewException`] with a docstring.
    #[cfg_attr(PyPy, link_name = "PyPyErr_NewExceptionWithDoc")]
    pub fn PyErr_NewExceptionWithDoc(
        name: *const c_char,
        doc: *const c_char,
        base: *mut PyObject,
        dict: *mut PyObject,
    ) -> *mut PyObject;
    /// Reports the current exception as unraisable in the context of `obj`.
    #[cfg_attr(PyPy, link_name = "PyPyErr_WriteUnraisable")]
    pub fn PyErr_WriteUnraisable(obj: *mut PyObject);
    /// Runs pending signal handlers; -1 if one raised.
    #[cfg_attr(PyPy, link_name = "PyPyErr_CheckSignals")]
    pub fn PyErr_CheckSignals() -> c_int;
    /// Simulates a `SIGINT`.
    #[cfg(not(PyPy))]
    pub fn PyErr_SetInterrupt();
    /// Sets the location of the current `SyntaxError`.
    #[cfg(not(PyPy))]
    pub fn PyErr_SyntaxLocation(filename: *const c_char, lineno: c_int);
    /// Sets the location (with column) of the current `SyntaxError`.
    #[cfg(not(PyPy))]
    pub fn PyErr_SyntaxLocationEx(filename: *const c_char, lineno: c_int, col_offset: c_int);
    /// Line `lineno` of file `filename`, or NULL.
    #[cfg(not(PyPy))]
    pub fn PyErr_ProgramText(filename: *const c_char, lineno: c_int) -> *mut PyObject;
    /// Creates a `UnicodeDecodeError` instance.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_Create(
        encoding: *const c_char,
        object: *const c_char,
        length: Py_ssize_t,
        start: Py_ssize_t,
        end: Py_ssize_t,
        reason: *const c_char,
    ) -> *mut PyObject;
    /// The `encoding` attribute of a `UnicodeEncodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeEncodeError_GetEncoding(exc: *mut PyObject) -> *mut PyObject;
    /// The `encoding` attribute of a `UnicodeDecodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_GetEncoding(exc: *mut PyObject) -> *mut PyObject;
    /// The `object` attribute of a `UnicodeEncodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeEncodeError_GetObject(exc: *mut PyObject) -> *mut PyObject;
    /// The `object` attribute of a `UnicodeDecodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_GetObject(exc: *mut PyObject) -> *mut PyObject;
    /// The `object` attribute of a `UnicodeTranslateError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeTranslateError_GetObject(exc: *mut PyObject) -> *mut PyObject;
    /// The `start` attribute, into `*start` of a `UnicodeEncodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeEncodeError_GetStart(exc: *mut PyObject, start: *mut Py_ssize_t) -> c_int;
    /// The `start` attribute, into `*start` of a `UnicodeDecodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_GetStart(exc: *mut PyObject, start: *mut Py_ssize_t) -> c_int;
    /// The `start` attribute, into `*start` of a `UnicodeTranslateError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeTranslateError_GetStart(exc: *mut PyObject, start: *mut Py_ssize_t) -> c_int;
    /// Sets the `start` attribute of a `UnicodeEncodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeEncodeError_SetStart(exc: *mut PyObject, start: Py_ssize_t) -> c_int;
    /// Sets the `start` attribute of a `UnicodeDecodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_SetStart(exc: *mut PyObject, start: Py_ssize_t) -> c_int;
    /// Sets the `start` attribute of a `UnicodeTranslateError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeTranslateError_SetStart(exc: *mut PyObject, start: Py_ssize_t) -> c_int;
    /// The `end` attribute, into `*end` of a `UnicodeEncodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeEncodeError_GetEnd(exc: *mut PyObject, end: *mut Py_ssize_t) -> c_int;
    /// The `end` attribute, into `*end` of a `UnicodeDecodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_GetEnd(exc: *mut PyObject, end: *mut Py_ssize_t) -> c_int;
    /// The `end` attribute, into `*end` of a `UnicodeTranslateError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeTranslateError_GetEnd(exc: *mut PyObject, end: *mut Py_ssize_t) -> c_int;
    /// Sets the `end` attribute of a `UnicodeEncodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeEncodeError_SetEnd(exc: *mut PyObject, end: Py_ssize_t) -> c_int;
    /// Sets the `end` attribute of a `UnicodeDecodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_SetEnd(exc: *mut PyObject, end: Py_ssize_t) -> c_int;
    /// Sets the `end` attribute of a `UnicodeTranslateError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeTranslateError_SetEnd(exc: *mut PyObject, end: Py_ssize_t) -> c_int;
    /// The `reason` attribute of a `UnicodeEncodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeEncodeError_GetReason(exc: *mut PyObject) -> *mut PyObject;
    /// The `reason` attribute of a `UnicodeDecodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_GetReason(exc: *mut PyObject) -> *mut PyObject;
    /// The `reason` attribute of a `UnicodeTranslateError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeTranslateError_GetReason(exc: *mut PyObject) -> *mut PyObject;
    /// Sets the `reason` attribute of a `UnicodeEncodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeEncodeError_SetReason(exc: *mut PyObject, reason: *const c_char) -> c_int;
    /// Sets the `reason` attribute of a `UnicodeDecodeError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeDecodeError_SetReason(exc: *mut PyObject, reason: *const c_char) -> c_int;
    /// Sets the `reason` attribute of a `UnicodeTranslateError`.
    #[cfg(not(PyPy))]
    pub fn PyUnicodeTranslateError_SetReason(exc: *mut PyObject, reason: *const c_char) -> c_int;
    /// Simulates signal `signum` (3.10+).
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyErr_SetInterruptEx(signum: c_int) -> c_int;
    /// The exception being handled (3.11+).
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_GetHandledException")]
    pub fn PyErr_GetHandledException() -> *mut PyObject;
    /// Sets the exception being handled (3.11+).
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetHandledException")]
    pub fn PyErr_SetHandledException(exc: *mut PyObject);
    /// Takes the raised exception, clearing the indicator (3.12+).
    #[cfg(Py_3_12)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_GetRaisedException")]
    pub fn PyErr_GetRaisedException() -> *mut PyObject;
    /// Sets the raised exception, stealing `exc` (3.12+).
    #[cfg(Py_3_12)]
    #[cfg_attr(PyPy, link_name = "PyPyErr_SetRaisedException")]
    pub fn PyErr_SetRaisedException(exc: *mut PyObject);
    /// `ex.args` (3.12+).
    #[cfg(Py_3_12)]
    #[cfg_attr(PyPy, link_name = "PyPyException_GetArgs")]
    pub fn PyException_GetArgs(ex: *mut PyObject) -> *mut PyObject;
    /// Sets `ex.args` (3.12+).
    #[cfg(Py_3_12)]
    #[cfg_attr(PyPy, link_name = "PyPyException_SetArgs")]
    pub fn PyException_SetArgs(ex: *mut PyObject, args: *mut PyObject);
}

extern "C" {
    /// The built-in `BaseException` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_BaseException")]
    pub static mut PyExc_BaseException: *mut PyObject;
    /// The built-in `Exception` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_Exception")]
    pub static mut PyExc_Exception: *mut PyObject;
    /// The built-in `BaseExceptionGroup` class.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyExc_BaseExceptionGroup")]
    pub static mut PyExc_BaseExceptionGroup: *mut PyObject;
    /// The built-in `StopAsyncIteration` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_StopAsyncIteration")]
    pub static mut PyExc_StopAsyncIteration: *mut PyObject;
    /// The built-in `StopIteration` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_StopIteration")]
    pub static mut PyExc_StopIteration: *mut PyObject;
    /// The built-in `GeneratorExit` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_GeneratorExit")]
    pub static mut PyExc_GeneratorExit: *mut PyObject;
    /// The built-in `ArithmeticError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ArithmeticError")]
    pub static mut PyExc_ArithmeticError: *mut PyObject;
    /// The built-in `LookupError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_LookupError")]
    pub static mut PyExc_LookupError: *mut PyObject;
    /// The built-in `AssertionError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_AssertionError")]
    pub static mut PyExc_AssertionError: *mut PyObject;
    /// The built-in `AttributeError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_AttributeError")]
    pub static mut PyExc_AttributeError: *mut PyObject;
    /// The built-in `BufferError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_BufferError")]
    pub static mut PyExc_BufferError: *mut PyObject;
    /// The built-in `EOFError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_EOFError")]
    pub static mut PyExc_EOFError: *mut PyObject;
    /// The built-in `FloatingPointError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_FloatingPointError")]
    pub static mut PyExc_FloatingPointError: *mut PyObject;
    /// The built-in `OSError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_OSError")]
    pub static mut PyExc_OSError: *mut PyObject;
    /// The built-in `ImportError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ImportError")]
    pub static mut PyExc_ImportError: *mut PyObject;
    /// The built-in `ModuleNotFoundError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ModuleNotFoundError")]
    pub static mut PyExc_ModuleNotFoundError: *mut PyObject;
    /// The built-in `IndexError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_IndexError")]
    pub static mut PyExc_IndexError: *mut PyObject;
    /// The built-in `KeyError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_KeyError")]
    pub static mut PyExc_KeyError: *mut PyObject;
    /// The built-in `KeyboardInterrupt` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_KeyboardInterrupt")]
    pub static mut PyExc_KeyboardInterrupt: *mut PyObject;
    /// The built-in `MemoryError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_MemoryError")]
    pub static mut PyExc_MemoryError: *mut PyObject;
    /// The built-in `NameError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_NameError")]
    pub static mut PyExc_NameError: *mut PyObject;
    /// The built-in `OverflowError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_OverflowError")]
    pub static mut PyExc_OverflowError: *mut PyObject;
    /// The built-in `RuntimeError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_RuntimeError")]
    pub static mut PyExc_RuntimeError: *mut PyObject;
    /// The built-in `RecursionError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_RecursionError")]
    pub static mut PyExc_RecursionError: *mut PyObject;
    /// The built-in `NotImplementedError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_NotImplementedError")]
    pub static mut PyExc_NotImplementedError: *mut PyObject;
    /// The built-in `SyntaxError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_SyntaxError")]
    pub static mut PyExc_SyntaxError: *mut PyObject;
    /// The built-in `IndentationError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_IndentationError")]
    pub static mut PyExc_IndentationError: *mut PyObject;
    /// The built-in `TabError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_TabError")]
    pub static mut PyExc_TabError: *mut PyObject;
    /// The built-in `ReferenceError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ReferenceError")]
    pub static mut PyExc_ReferenceError: *mut PyObject;
    /// The built-in `SystemError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_SystemError")]
    pub static mut PyExc_SystemError: *mut PyObject;
    /// The built-in `SystemExit` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_SystemExit")]
    pub static mut PyExc_SystemExit: *mut PyObject;
    /// The built-in `TypeError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_TypeError")]
    pub static mut PyExc_TypeError: *mut PyObject;
    /// The built-in `UnboundLocalError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_UnboundLocalError")]
    pub static mut PyExc_UnboundLocalError: *mut PyObject;
    /// The built-in `UnicodeError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_UnicodeError")]
    pub static mut PyExc_UnicodeError: *mut PyObject;
    /// The built-in `UnicodeEncodeError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_UnicodeEncodeError")]
    pub static mut PyExc_UnicodeEncodeError: *mut PyObject;
    /// The built-in `UnicodeDecodeError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_UnicodeDecodeError")]
    pub static mut PyExc_UnicodeDecodeError: *mut PyObject;
    /// The built-in `UnicodeTranslateError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_UnicodeTranslateError")]
    pub static mut PyExc_UnicodeTranslateError: *mut PyObject;
    /// The built-in `ValueError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ValueError")]
    pub static mut PyExc_ValueError: *mut PyObject;
    /// The built-in `ZeroDivisionError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ZeroDivisionError")]
    pub static mut PyExc_ZeroDivisionError: *mut PyObject;
    /// The built-in `BlockingIOError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_BlockingIOError")]
    pub static mut PyExc_BlockingIOError: *mut PyObject;
    /// The built-in `BrokenPipeError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_BrokenPipeError")]
    pub static mut PyExc_BrokenPipeError: *mut PyObject;
    /// The built-in `ChildProcessError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ChildProcessError")]
    pub static mut PyExc_ChildProcessError: *mut PyObject;
    /// The built-in `ConnectionError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ConnectionError")]
    pub static mut PyExc_ConnectionError: *mut PyObject;
    /// The built-in `ConnectionAbortedError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ConnectionAbortedError")]
    pub static mut PyExc_ConnectionAbortedError: *mut PyObject;
    /// The built-in `ConnectionRefusedError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ConnectionRefusedError")]
    pub static mut PyExc_ConnectionRefusedError: *mut PyObject;
    /// The built-in `ConnectionResetError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ConnectionResetError")]
    pub static mut PyExc_ConnectionResetError: *mut PyObject;
    /// The built-in `FileExistsError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_FileExistsError")]
    pub static mut PyExc_FileExistsError: *mut PyObject;
    /// The built-in `FileNotFoundError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_FileNotFoundError")]
    pub static mut PyExc_FileNotFoundError: *mut PyObject;
    /// The built-in `InterruptedError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_InterruptedError")]
    pub static mut PyExc_InterruptedError: *mut PyObject;
    /// The built-in `IsADirectoryError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_IsADirectoryError")]
    pub static mut PyExc_IsADirectoryError: *mut PyObject;
    /// The built-in `NotADirectoryError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_NotADirectoryError")]
    pub static mut PyExc_NotADirectoryError: *mut PyObject;
    /// The built-in `PermissionError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_PermissionError")]
    pub static mut PyExc_PermissionError: *mut PyObject;
    /// The built-in `ProcessLookupError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ProcessLookupError")]
    pub static mut PyExc_ProcessLookupError: *mut PyObject;
    /// The built-in `TimeoutError` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_TimeoutError")]
    pub static mut PyExc_TimeoutError: *mut PyObject;
    /// The built-in `EnvironmentError` class (an alias of `OSError`; PyPy's headers define the
    /// name as a macro for `PyExc_OSError`).
    #[cfg_attr(PyPy, link_name = "PyPyExc_OSError")]
    pub static mut PyExc_EnvironmentError: *mut PyObject;
    /// The built-in `IOError` class (an alias of `OSError`, as `EnvironmentError`).
    #[cfg_attr(PyPy, link_name = "PyPyExc_OSError")]
    pub static mut PyExc_IOError: *mut PyObject;
    /// The built-in `WindowsError` class.
    #[cfg(windows)]
    #[cfg_attr(PyPy, link_name = "PyPyExc_WindowsError")]
    pub static mut PyExc_WindowsError: *mut PyObject;
    /// The built-in `Warning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_Warning")]
    pub static mut PyExc_Warning: *mut PyObject;
    /// The built-in `UserWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_UserWarning")]
    pub static mut PyExc_UserWarning: *mut PyObject;
    /// The built-in `EncodingWarning` class.
    #[cfg(Py_3_10)]
    #[cfg_attr(PyPy, link_name = "PyPyExc_EncodingWarning")]
    pub static mut PyExc_EncodingWarning: *mut PyObject;
    /// The built-in `DeprecationWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_DeprecationWarning")]
    pub static mut PyExc_DeprecationWarning: *mut PyObject;
    /// The built-in `PendingDeprecationWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_PendingDeprecationWarning")]
    pub static mut PyExc_PendingDeprecationWarning: *mut PyObject;
    /// The built-in `SyntaxWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_SyntaxWarning")]
    pub static mut PyExc_SyntaxWarning: *mut PyObject;
    /// The built-in `RuntimeWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_RuntimeWarning")]
    pub static mut PyExc_RuntimeWarning: *mut PyObject;
    /// The built-in `FutureWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_FutureWarning")]
    pub static mut PyExc_FutureWarning: *mut PyObject;
    /// The built-in `ImportWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ImportWarning")]
    pub static mut PyExc_ImportWarning: *mut PyObject;
    /// The built-in `UnicodeWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_UnicodeWarning")]
    pub static mut PyExc_UnicodeWarning: *mut PyObject;
    /// The built-in `BytesWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_BytesWarning")]
    pub static mut PyExc_BytesWarning: *mut PyObject;
    /// The built-in `ResourceWarning` class.
    #[cfg_attr(PyPy, link_name = "PyPyExc_ResourceWarning")]
    pub static mut PyExc_ResourceWarning: *mut PyObject;
}

/// Whether `x` is an exception class (a subclass of `BaseException`).
#[inline]
pub unsafe fn PyExceptionClass_Check(x: *mut PyObject) -> c_int {
    (crate::PyType_Check(x) != 0
        && crate::PyType_FastSubclass(
            x.cast::<PyTypeObject>(),
            crate::Py_TPFLAGS_BASE_EXC_SUBCLASS,
        ) != 0) as c_int
}

/// Whether `x` is an exception instance.
#[inline]
pub unsafe fn PyExceptionInstance_Check(x: *mut PyObject) -> c_int {
    crate::PyType_FastSubclass(crate::Py_TYPE(x), crate::Py_TPFLAGS_BASE_EXC_SUBCLASS)
}

/// The class of the exception instance `x` (borrowed).
#[inline]
pub unsafe fn PyExceptionInstance_Class(x: *mut PyObject) -> *mut PyObject {
    crate::Py_TYPE(x).cast::<PyObject>()
}

extern "C" {
    /// Prints `message` to stderr and aborts the process.
    #[cfg_attr(PyPy, link_name = "PyPy_FatalError")]
    pub fn Py_FatalError(message: *const c_char) -> !;

    /// `snprintf` with consistent behaviour across platforms.
    #[cfg_attr(PyPy, link_name = "PyPyOS_snprintf")]
    pub fn PyOS_snprintf(str: *mut c_char, size: usize, format: *const c_char, ...) -> c_int;
}
