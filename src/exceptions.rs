//! The Python builtin exception types, as Rust types, and the
//! [`create_exception!`](crate::create_exception) and
//! [`import_exception!`](crate::import_exception) macros.
//!
//! Each type (e.g. [`PyValueError`]) can make a lazy [`PyErr`](crate::PyErr) with `new_err`:
//!
//! ```
//! use pyo3::exceptions::PyValueError;
//! let err = PyValueError::new_err("bad value");
//! # let _ = err;
//! ```

use crate::ffi;

/// Implements `new_err` and the error plumbing for an exception type (macro internals).
#[doc(hidden)]
#[macro_export]
macro_rules! impl_exception_boilerplate {
    ($name:ident) => {
        impl $name {
            /// Creates a new (lazy) [`PyErr`](crate::PyErr) of this type with `args`.
            #[inline]
            #[allow(dead_code)]
            pub fn new_err<A>(args: A) -> $crate::PyErr
            where
                A: $crate::PyErrArguments + ::std::marker::Send + ::std::marker::Sync + 'static,
            {
                $crate::PyErr::new::<$name, A>(args)
            }
        }

        impl $crate::ToPyErr for $name {}
    };
}

/// Declares a builtin exception type from its `PyExc_*` pointer (crate internals).
macro_rules! impl_native_exception {
    ($name:ident, $exc:ident, $pyname:expr, $doc:expr) => {
        impl_native_exception!(@type $name, $exc, $pyname, $doc);
        #[cfg(not(any(Py_LIMITED_API, PyPy)))]
        $crate::pyobject_native_type_sized!($name, ffi::PyBaseExceptionObject);
        #[cfg(not(any(Py_LIMITED_API, PyPy)))]
        $crate::pyobject_subclassable_native_type!($name, ffi::PyBaseExceptionObject);
    };
    // An exception with fields of its own: `$layout` is its full instance struct, which starts
    // with `PyBaseExceptionObject` (also declared as a layout of it, a prefix).
    ($name:ident, $exc:ident, $pyname:expr, $doc:expr, #layout = $layout:path) => {
        impl_native_exception!(@type $name, $exc, $pyname, $doc);
        #[cfg(not(any(Py_LIMITED_API, PyPy)))]
        $crate::pyobject_native_type_sized!($name, $layout);
        #[cfg(not(any(Py_LIMITED_API, PyPy)))]
        $crate::pyobject_subclassable_native_type!($name, $layout);
        impl_native_exception!(@prefix $name, not(any(Py_LIMITED_API, PyPy)));
    };
    // As above, for the exceptions that got fields of their own in Python 3.10 (`$layout` is
    // `PyBaseExceptionObject` itself before).
    ($name:ident, $exc:ident, $pyname:expr, $doc:expr, #layout_since_3_10 = $layout:path) => {
        impl_native_exception!(@type $name, $exc, $pyname, $doc);
        #[cfg(not(any(Py_LIMITED_API, PyPy)))]
        $crate::pyobject_native_type_sized!($name, $layout);
        #[cfg(not(any(Py_LIMITED_API, PyPy)))]
        $crate::pyobject_subclassable_native_type!($name, $layout);
        impl_native_exception!(@prefix $name, all(Py_3_10, not(any(Py_LIMITED_API, PyPy))));
    };
    (@prefix $name:ident, $($cfg:tt)*) => {
        // SAFETY: every exception instance starts with the `BaseException` struct.
        #[cfg($($cfg)*)]
        unsafe impl $crate::type_object::PyLayout<$name> for ffi::PyBaseExceptionObject {}
        #[cfg($($cfg)*)]
        impl $crate::type_object::PySizedLayout<$name> for ffi::PyBaseExceptionObject {}
    };
    (@type $name:ident, $exc:ident, $pyname:expr, $doc:expr) => {
        #[doc = $doc]
        #[repr(transparent)]
        pub struct $name($crate::PyAny);
        $crate::impl_exception_boilerplate!($name);
        $crate::pyobject_native_type_core!($name, |_py| {
            // SAFETY: the interpreter initializes the builtin exception pointers.
            unsafe { ffi::$exc.cast::<ffi::PyTypeObject>() }
        }, #module = ::std::option::Option::Some("builtins"));
    };
}

/// Instance structs of the exceptions whose fields changed between versions (PyPy's
/// exceptions have other layouts: no native exception base is declared there).
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
mod layouts {
    use crate::ffi;
    #[cfg(Py_3_10)]
    pub type AttributeError = ffi::PyAttributeErrorObject;
    #[cfg(not(Py_3_10))]
    pub type AttributeError = ffi::PyBaseExceptionObject;
    #[cfg(Py_3_10)]
    pub type NameError = ffi::PyNameErrorObject;
    #[cfg(not(Py_3_10))]
    pub type NameError = ffi::PyBaseExceptionObject;
}

impl_native_exception!(
    PyBaseException,
    PyExc_BaseException,
    "BaseException",
    "Rust type for Python's `BaseException`: The base class of all exceptions."
);
#[cfg(Py_3_11)]
impl_native_exception!(
    PyBaseExceptionGroup,
    PyExc_BaseExceptionGroup,
    "BaseExceptionGroup",
    "Rust type for Python's `BaseExceptionGroup`: A group of unrelated exceptions (3.11+).",
    #layout = ffi::PyBaseExceptionGroupObject
);
impl_native_exception!(
    PyException,
    PyExc_Exception,
    "Exception",
    "Rust type for Python's `Exception`: The base class of all non-exit exceptions."
);
impl_native_exception!(
    PyStopAsyncIteration,
    PyExc_StopAsyncIteration,
    "StopAsyncIteration",
    "Rust type for Python's `StopAsyncIteration`: Raised by `__anext__` to stop asynchronous iteration."
);
impl_native_exception!(
    PyStopIteration,
    PyExc_StopIteration,
    "StopIteration",
    "Rust type for Python's `StopIteration`: Raised by `__next__` to stop iteration.",
    #layout = ffi::PyStopIterationObject
);
impl_native_exception!(
    PyGeneratorExit,
    PyExc_GeneratorExit,
    "GeneratorExit",
    "Rust type for Python's `GeneratorExit`: Raised in a generator or coroutine when it is closed."
);
impl_native_exception!(
    PyArithmeticError,
    PyExc_ArithmeticError,
    "ArithmeticError",
    "Rust type for Python's `ArithmeticError`: The base class of arithmetic errors."
);
impl_native_exception!(
    PyLookupError,
    PyExc_LookupError,
    "LookupError",
    "Rust type for Python's `LookupError`: The base class of `IndexError` and `KeyError`."
);
impl_native_exception!(
    PyAssertionError,
    PyExc_AssertionError,
    "AssertionError",
    "Rust type for Python's `AssertionError`: Raised when an `assert` statement fails."
);
impl_native_exception!(
    PyAttributeError,
    PyExc_AttributeError,
    "AttributeError",
    "Rust type for Python's `AttributeError`: Raised when an attribute reference or assignment fails.",
    #layout_since_3_10 = layouts::AttributeError
);
impl_native_exception!(
    PyBufferError,
    PyExc_BufferError,
    "BufferError",
    "Rust type for Python's `BufferError`: Raised when a buffer-related operation cannot be performed."
);
impl_native_exception!(
    PyEOFError,
    PyExc_EOFError,
    "EOFError",
    "Rust type for Python's `EOFError`: Raised when `input()` hits end-of-file."
);
impl_native_exception!(
    PyFloatingPointError,
    PyExc_FloatingPointError,
    "FloatingPointError",
    "Rust type for Python's `FloatingPointError`: Raised when a floating point operation fails."
);
impl_native_exception!(
    PyOSError,
    PyExc_OSError,
    "OSError",
    "Rust type for Python's `OSError`: Raised for system errors (I/O failures, missing files, ...).",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyImportError,
    PyExc_ImportError,
    "ImportError",
    "Rust type for Python's `ImportError`: Raised when an import fails.",
    #layout = ffi::PyImportErrorObject
);
impl_native_exception!(
    PyModuleNotFoundError,
    PyExc_ModuleNotFoundError,
    "ModuleNotFoundError",
    "Rust type for Python's `ModuleNotFoundError`: Raised when a module cannot be found.",
    #layout = ffi::PyImportErrorObject
);
impl_native_exception!(
    PyIndexError,
    PyExc_IndexError,
    "IndexError",
    "Rust type for Python's `IndexError`: Raised when a sequence index is out of range."
);
impl_native_exception!(
    PyKeyError,
    PyExc_KeyError,
    "KeyError",
    "Rust type for Python's `KeyError`: Raised when a mapping key is not found."
);
impl_native_exception!(
    PyKeyboardInterrupt,
    PyExc_KeyboardInterrupt,
    "KeyboardInterrupt",
    "Rust type for Python's `KeyboardInterrupt`: Raised when the user hits the interrupt key."
);
impl_native_exception!(
    PyMemoryError,
    PyExc_MemoryError,
    "MemoryError",
    "Rust type for Python's `MemoryError`: Raised when an operation runs out of memory."
);
impl_native_exception!(
    PyNameError,
    PyExc_NameError,
    "NameError",
    "Rust type for Python's `NameError`: Raised when a name is not found.",
    #layout_since_3_10 = layouts::NameError
);
impl_native_exception!(
    PyOverflowError,
    PyExc_OverflowError,
    "OverflowError",
    "Rust type for Python's `OverflowError`: Raised when an arithmetic result is too large to be represented."
);
impl_native_exception!(
    PyRuntimeError,
    PyExc_RuntimeError,
    "RuntimeError",
    "Rust type for Python's `RuntimeError`: Raised for errors that fit no other category."
);
impl_native_exception!(
    PyRecursionError,
    PyExc_RecursionError,
    "RecursionError",
    "Rust type for Python's `RecursionError`: Raised when the maximum recursion depth is exceeded."
);
impl_native_exception!(
    PyNotImplementedError,
    PyExc_NotImplementedError,
    "NotImplementedError",
    "Rust type for Python's `NotImplementedError`: Raised by abstract methods that subclasses must override."
);
impl_native_exception!(
    PySyntaxError,
    PyExc_SyntaxError,
    "SyntaxError",
    "Rust type for Python's `SyntaxError`: Raised when the parser finds a syntax error.",
    #layout = ffi::PySyntaxErrorObject
);
impl_native_exception!(
    PyIndentationError,
    PyExc_IndentationError,
    "IndentationError",
    "Rust type for Python's `IndentationError`: Raised for incorrect indentation.",
    #layout = ffi::PySyntaxErrorObject
);
impl_native_exception!(
    PyTabError,
    PyExc_TabError,
    "TabError",
    "Rust type for Python's `TabError`: Raised for inconsistent use of tabs and spaces.",
    #layout = ffi::PySyntaxErrorObject
);
impl_native_exception!(
    PyReferenceError,
    PyExc_ReferenceError,
    "ReferenceError",
    "Rust type for Python's `ReferenceError`: Raised when a weak reference proxy is used after its referent died."
);
impl_native_exception!(
    PySystemError,
    PyExc_SystemError,
    "SystemError",
    "Rust type for Python's `SystemError`: Raised when the interpreter finds an internal error."
);
impl_native_exception!(
    PySystemExit,
    PyExc_SystemExit,
    "SystemExit",
    "Rust type for Python's `SystemExit`: Raised by `sys.exit()`.",
    #layout = ffi::PySystemExitObject
);
impl_native_exception!(
    PyTypeError,
    PyExc_TypeError,
    "TypeError",
    "Rust type for Python's `TypeError`: Raised when an operation is applied to an object of an inappropriate type."
);
impl_native_exception!(
    PyUnboundLocalError,
    PyExc_UnboundLocalError,
    "UnboundLocalError",
    "Rust type for Python's `UnboundLocalError`: Raised when a local variable is referenced before assignment.",
    #layout_since_3_10 = layouts::NameError
);
impl_native_exception!(
    PyUnicodeError,
    PyExc_UnicodeError,
    "UnicodeError",
    "Rust type for Python's `UnicodeError`: The base class of Unicode encoding and decoding errors.",
    #layout = ffi::PyUnicodeErrorObject
);
impl_native_exception!(
    PyUnicodeEncodeError,
    PyExc_UnicodeEncodeError,
    "UnicodeEncodeError",
    "Rust type for Python's `UnicodeEncodeError`: Raised when encoding a string fails.",
    #layout = ffi::PyUnicodeErrorObject
);
impl_native_exception!(
    PyUnicodeDecodeError,
    PyExc_UnicodeDecodeError,
    "UnicodeDecodeError",
    "Rust type for Python's `UnicodeDecodeError`: Raised when decoding bytes fails.",
    #layout = ffi::PyUnicodeErrorObject
);
impl_native_exception!(
    PyUnicodeTranslateError,
    PyExc_UnicodeTranslateError,
    "UnicodeTranslateError",
    "Rust type for Python's `UnicodeTranslateError`: Raised when translating a string fails.",
    #layout = ffi::PyUnicodeErrorObject
);
impl_native_exception!(
    PyValueError,
    PyExc_ValueError,
    "ValueError",
    "Rust type for Python's `ValueError`: Raised when an argument has the right type but an inappropriate value."
);
impl_native_exception!(
    PyZeroDivisionError,
    PyExc_ZeroDivisionError,
    "ZeroDivisionError",
    "Rust type for Python's `ZeroDivisionError`: Raised when dividing by zero."
);
impl_native_exception!(
    PyBlockingIOError,
    PyExc_BlockingIOError,
    "BlockingIOError",
    "Rust type for Python's `BlockingIOError`: Raised when an operation would block on a non-blocking object.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyBrokenPipeError,
    PyExc_BrokenPipeError,
    "BrokenPipeError",
    "Rust type for Python's `BrokenPipeError`: Raised when writing to a closed pipe or socket.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyChildProcessError,
    PyExc_ChildProcessError,
    "ChildProcessError",
    "Rust type for Python's `ChildProcessError`: Raised when an operation on a child process fails.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyConnectionError,
    PyExc_ConnectionError,
    "ConnectionError",
    "Rust type for Python's `ConnectionError`: The base class of connection errors.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyConnectionAbortedError,
    PyExc_ConnectionAbortedError,
    "ConnectionAbortedError",
    "Rust type for Python's `ConnectionAbortedError`: Raised when the peer aborts a connection.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyConnectionRefusedError,
    PyExc_ConnectionRefusedError,
    "ConnectionRefusedError",
    "Rust type for Python's `ConnectionRefusedError`: Raised when the peer refuses a connection.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyConnectionResetError,
    PyExc_ConnectionResetError,
    "ConnectionResetError",
    "Rust type for Python's `ConnectionResetError`: Raised when the peer resets a connection.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyFileExistsError,
    PyExc_FileExistsError,
    "FileExistsError",
    "Rust type for Python's `FileExistsError`: Raised when creating a file or directory that exists.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyFileNotFoundError,
    PyExc_FileNotFoundError,
    "FileNotFoundError",
    "Rust type for Python's `FileNotFoundError`: Raised when a file or directory does not exist.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyInterruptedError,
    PyExc_InterruptedError,
    "InterruptedError",
    "Rust type for Python's `InterruptedError`: Raised when a system call is interrupted by a signal.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyIsADirectoryError,
    PyExc_IsADirectoryError,
    "IsADirectoryError",
    "Rust type for Python's `IsADirectoryError`: Raised when a file operation is applied to a directory.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyNotADirectoryError,
    PyExc_NotADirectoryError,
    "NotADirectoryError",
    "Rust type for Python's `NotADirectoryError`: Raised when a directory operation is applied to a non-directory.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyPermissionError,
    PyExc_PermissionError,
    "PermissionError",
    "Rust type for Python's `PermissionError`: Raised when an operation lacks access rights.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyProcessLookupError,
    PyExc_ProcessLookupError,
    "ProcessLookupError",
    "Rust type for Python's `ProcessLookupError`: Raised when a process does not exist.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyTimeoutError,
    PyExc_TimeoutError,
    "TimeoutError",
    "Rust type for Python's `TimeoutError`: Raised when a system function times out.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyEnvironmentError,
    PyExc_EnvironmentError,
    "OSError",
    "Rust type for Python's `EnvironmentError`: Alias of `OSError`, kept for compatibility.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyIOError,
    PyExc_IOError,
    "OSError",
    "Rust type for Python's `IOError`: Alias of `OSError`, kept for compatibility.",
    #layout = ffi::PyOSErrorObject
);
impl_native_exception!(
    PyWarning,
    PyExc_Warning,
    "Warning",
    "Rust type for Python's `Warning`: The base class of warning categories."
);
impl_native_exception!(
    PyUserWarning,
    PyExc_UserWarning,
    "UserWarning",
    "Rust type for Python's `UserWarning`: The default category of `warnings.warn`."
);
impl_native_exception!(
    PyDeprecationWarning,
    PyExc_DeprecationWarning,
    "DeprecationWarning",
    "Rust type for Python's `DeprecationWarning`: Warns about deprecated features (for developers)."
);
impl_native_exception!(
    PyPendingDeprecationWarning,
    PyExc_PendingDeprecationWarning,
    "PendingDeprecationWarning",
    "Rust type for Python's `PendingDeprecationWarning`: Warns about features that will be deprecated."
);
impl_native_exception!(
    PySyntaxWarning,
    PyExc_SyntaxWarning,
    "SyntaxWarning",
    "Rust type for Python's `SyntaxWarning`: Warns about dubious syntax."
);
impl_native_exception!(
    PyRuntimeWarning,
    PyExc_RuntimeWarning,
    "RuntimeWarning",
    "Rust type for Python's `RuntimeWarning`: Warns about dubious runtime behavior."
);
impl_native_exception!(
    PyFutureWarning,
    PyExc_FutureWarning,
    "FutureWarning",
    "Rust type for Python's `FutureWarning`: Warns about deprecated features (for end users)."
);
impl_native_exception!(
    PyImportWarning,
    PyExc_ImportWarning,
    "ImportWarning",
    "Rust type for Python's `ImportWarning`: Warns about probable mistakes in module imports."
);
impl_native_exception!(
    PyUnicodeWarning,
    PyExc_UnicodeWarning,
    "UnicodeWarning",
    "Rust type for Python's `UnicodeWarning`: Warns about Unicode problems."
);
impl_native_exception!(
    PyBytesWarning,
    PyExc_BytesWarning,
    "BytesWarning",
    "Rust type for Python's `BytesWarning`: Warns about `bytes` and `bytearray` problems."
);
impl_native_exception!(
    PyResourceWarning,
    PyExc_ResourceWarning,
    "ResourceWarning",
    "Rust type for Python's `ResourceWarning`: Warns about resource usage."
);
#[cfg(Py_3_10)]
impl_native_exception!(
    PyEncodingWarning,
    PyExc_EncodingWarning,
    "EncodingWarning",
    "Rust type for Python's `EncodingWarning`: Warns about encoding problems (3.10+)."
);

/// Defines a new exception class, a subclass of `$base`, created the first time it is used.
///
/// ```
/// use pyo3::create_exception;
/// use pyo3::exceptions::PyException;
///
/// create_exception!(mymodule, CustomError, PyException, "Some description.");
/// ```
///
/// The class is named `mymodule.CustomError` and the Rust type `CustomError` has `new_err` and
/// `type_object` like the builtin exception types.
#[macro_export]
macro_rules! create_exception {
    ($module:expr, $name:ident, $base:ty) => {
        $crate::create_exception!($module, $name, $base, "");
    };
    ($module:expr, $name:ident, $base:ty, $doc:expr) => {
        #[repr(transparent)]
        #[allow(non_camel_case_types)]
        #[doc = $doc]
        pub struct $name($crate::PyAny);

        $crate::impl_exception_boilerplate!($name);

        $crate::create_exception_type_object!($module, $name, $base, $doc);

        $crate::__create_exception_introspection!($module, $name, $base, $doc);
    };
}

/// The introspection metadata of a [`create_exception!`](crate::create_exception) type
/// (`experimental-inspect`; expands to nothing without the feature).
#[cfg(feature = "experimental-inspect")]
#[doc(hidden)]
#[macro_export]
macro_rules! __create_exception_introspection {
    ($module:expr, $name:ident, $base:ty, $doc:expr) => {
        impl $crate::impl_::introspection::HasIntrospectionId for $name {
            const INTROSPECTION_ID: &'static str =
                ::std::concat!(::std::module_path!(), "::", ::std::stringify!($name));
        }

        const _: () = {
            use $crate::impl_::introspection::{json_bytes, json_len, Json};
            const BASE: $crate::inspect::PyStaticExpr =
                $crate::impl_::introspection::type_hint_of::<$base>();
            const META: Json = Json::Object(&[
                ("kind", Json::Str("class")),
                ("id", Json::Str(
                    <$name as $crate::impl_::introspection::HasIntrospectionId>::INTROSPECTION_ID,
                )),
                ("name", Json::Str(::std::stringify!($name))),
                ("module", Json::Str(::std::stringify!($module))),
                ("doc", Json::Str($doc)),
                ("class_kind", Json::Str("exception")),
                ("base", Json::Expr(&BASE)),
                ("subclass", Json::Bool(true)),
                ("fields", Json::Array(&[])),
                ("variants", Json::Array(&[])),
            ]);
            #[used]
            #[unsafe(export_name = ::std::concat!(
                        "PYO3_INTROSPECTION_1_exception_",
                        ::std::module_path!(),
                        "::",
                        ::std::stringify!($name)
                    ))]
            static DATA: [u8; json_len(&META)] = json_bytes(&META);
        };
    };
}

#[cfg(not(feature = "experimental-inspect"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __create_exception_introspection {
    ($module:expr, $name:ident, $base:ty, $doc:expr) => {};
}

/// Implements the type information of an exception type declared by
/// [`create_exception!`](crate::create_exception): the class `$module.$name`, subclass of
/// `$base`, with docstring `$doc`, created the first time it is needed.
#[doc(hidden)]
#[macro_export]
macro_rules! create_exception_type_object {
    ($module:expr, $name:ident, $base:ty, $doc:expr) => {
        $crate::pyobject_native_type_core!($name, |py| {
                static TYPE_OBJECT: $crate::sync::PyOnceLock<$crate::Py<$crate::types::PyType>> =
                    $crate::sync::PyOnceLock::new();
                TYPE_OBJECT
                    .get_or_init(py, || {
                        $crate::impl_::exceptions::new_exception_type(
                            py,
                            ::std::concat!(
                                ::std::stringify!($module),
                                ".",
                                ::std::stringify!($name),
                                "\0"
                            ),
                            ::std::concat!($doc, "\0"),
                            &py.get_type::<$base>(),
                        )
                    })
                    .as_ptr()
                    .cast::<$crate::ffi::PyTypeObject>()
            }, #module = ::std::option::Option::Some(::std::stringify!($module)));
    };
}

/// Defines a Rust type for an exception class that lives in a Python module, imported the
/// first time it is used.
///
/// ```
/// use pyo3::import_exception;
///
/// import_exception!(socket, gaierror);
/// ```
///
/// # Panics
/// Using the type panics if the module cannot be imported or has no such attribute.
#[macro_export]
macro_rules! import_exception {
    ($module:expr, $name:ident) => {
        #[repr(transparent)]
        #[allow(non_camel_case_types)]
        #[doc = ::std::concat!("The Python exception `", ::std::stringify!($module), ".", ::std::stringify!($name), "`.")]
        pub struct $name($crate::PyAny);

        $crate::impl_exception_boilerplate!($name);

        $crate::pyobject_native_type_core!($name, |py| {
                static TYPE_OBJECT: $crate::sync::PyOnceLock<$crate::Py<$crate::types::PyType>> =
                    $crate::sync::PyOnceLock::new();
                TYPE_OBJECT
                    .get_or_init(py, || {
                        $crate::impl_::exceptions::import_exception_type(
                            py,
                            ::std::stringify!($module),
                            ::std::stringify!($name),
                        )
                    })
                    .as_ptr()
                    .cast::<$crate::ffi::PyTypeObject>()
            }, #module = ::std::option::Option::Some(::std::stringify!($module)));
    };
}

impl PyUnicodeDecodeError {
    /// A `UnicodeDecodeError` for `input`, whose bytes in `range` could not be decoded with
    /// `encoding` for the given `reason` (a `ValueError` if the range is out of bounds).
    pub fn new<'py>(
        py: crate::Python<'py>,
        encoding: &std::ffi::CStr,
        input: &[u8],
        range: std::ops::Range<usize>,
        reason: &std::ffi::CStr,
    ) -> crate::PyResult<crate::Bound<'py, PyUnicodeDecodeError>> {
        if range.start > range.end || range.end > input.len() {
            return Err(PyValueError::new_err(format!(
                "range {}..{} out of bounds for input of length {}",
                range.start,
                range.end,
                input.len()
            )));
        }
        // PyPy does not export the C constructor: the class is called as Python code would.
        #[cfg(PyPy)]
        {
            use crate::types::{PyAnyMethods, PyBytes};
            let args = (
                encoding.to_str()?,
                PyBytes::new(py, input),
                range.start,
                range.end,
                reason.to_str()?,
            );
            let e = <PyUnicodeDecodeError as crate::PyTypeInfo>::type_object(py).call1(args)?;
            return Ok(unsafe { e.cast_into_unchecked() });
        }
        // SAFETY: attached; the pointers are valid for the given lengths; returns a new
        // reference or NULL with an exception set.
        #[cfg(not(PyPy))]
        unsafe {
            use crate::internal::ptr_ext::FfiPtrExt;
            ffi::PyUnicodeDecodeError_Create(
                encoding.as_ptr(),
                input.as_ptr().cast(),
                input.len() as ffi::Py_ssize_t,
                range.start as ffi::Py_ssize_t,
                range.end as ffi::Py_ssize_t,
                reason.as_ptr(),
            )
            .assume_owned_or_err(py)
            .map(|e| e.cast_into_unchecked())
        }
    }

    /// The `UnicodeDecodeError` Python's `utf-8` codec raises for `input`, from the
    /// [`Utf8Error`](std::str::Utf8Error) Rust gave for it: the invalid sequence (or the
    /// truncated one at the end) and the reason `invalid utf-8`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::exceptions::PyUnicodeDecodeError;
    /// Python::attach(|py| -> PyResult<()> {
    ///     let input = b"ab\xffc".to_vec();
    ///     let err = std::str::from_utf8(&input).unwrap_err();
    ///     let exc = PyUnicodeDecodeError::new_utf8(py, &input, err)?;
    ///     assert_eq!(
    ///         exc.to_string(),
    ///         "'utf-8' codec can't decode byte 0xff in position 2: invalid utf-8"
    ///     );
    ///     Ok(())
    /// })
    /// # .unwrap();
    /// ```
    pub fn new_utf8<'py>(
        py: crate::Python<'py>,
        input: &[u8],
        err: std::str::Utf8Error,
    ) -> crate::PyResult<crate::Bound<'py, PyUnicodeDecodeError>> {
        let start = err.valid_up_to();
        let end = err.error_len().map_or(input.len(), |len| start + len);
        Self::new(py, c"utf-8", input, start..end, c"invalid utf-8")
    }

    /// [`new_utf8`](Self::new_utf8) as a [`PyErr`](crate::PyErr) (or the error that creating
    /// the exception raised).
    pub fn new_err_from_utf8(
        py: crate::Python<'_>,
        bytes: &[u8],
        err: std::str::Utf8Error,
    ) -> crate::PyErr {
        match Self::new_utf8(py, bytes, err) {
            Ok(exc) => crate::PyErr::from_value(exc.into_any()),
            Err(e) => e,
        }
    }
}

/// Exceptions of Python's `asyncio` module, imported from it on first use.
pub mod asyncio {
    import_exception!(asyncio, CancelledError);
    import_exception!(asyncio, InvalidStateError);
    import_exception!(asyncio, TimeoutError);
    import_exception!(asyncio, IncompleteReadError);
    import_exception!(asyncio, LimitOverrunError);
    import_exception!(asyncio, QueueEmpty);
    import_exception!(asyncio, QueueFull);
}

/// Exceptions of Python's `socket` module, imported from it on first use.
pub mod socket {
    import_exception!(socket, herror);
    import_exception!(socket, gaierror);
    import_exception!(socket, timeout);
}
