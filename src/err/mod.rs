//! Python exceptions as Rust errors: [`PyErr`] and [`PyResult`].

use std::ffi::CStr;

use crate::conversion::IntoPyObject;
use crate::exceptions::PyBaseException;
#[cfg(not(debug_assertions))]
use crate::exceptions::PySystemError;
use crate::internal::ptr_ext::{error_on_minusone, FfiPtrExt};
use crate::panic::PanicException;
use crate::types::{
    PyAnyMethods, PyListMethods, PyString, PyStringMethods, PyTraceback, PyType, PyTypeMethods,
};
use crate::{ffi, Bound, Py, PyAny, PyTypeInfo, Python};

mod cast_error;
mod impls;
mod state;
mod std_arguments;

pub use cast_error::{CastError, CastIntoError};
use state::{PyErrState, PyErrStateLazyFnOutput, PyErrStateNormalized};

/// A Python exception.
///
/// A `PyErr` is either *lazy* (an exception type plus arguments, with no Python object created
/// yet; what [`PyErr::new`] and the `new_err` constructors make) or *normalized* (an exception
/// instance). Lazy errors are normalized on first need, e.g. by [`PyErr::value`]. Restoring a
/// lazy error into the interpreter (when returning it to Python) skips that step.
pub struct PyErr {
    state: PyErrState,
}

/// The result type of fallible Python operations.
pub type PyResult<T> = Result<T, PyErr>;

/// Marker for the Rust types of Python exception classes (e.g. [`PyValueError`](crate::exceptions::PyValueError)).
pub trait ToPyErr {}

/// Values that can be used as the arguments of an exception: converted to a Python object
/// when the error is normalized. A tuple is unpacked into positional arguments, `()` calls
/// the exception class without arguments and any other value is the single argument.
pub trait PyErrArguments: Send + Sync {
    /// Converts the arguments into a Python object.
    fn arguments(self, py: Python<'_>) -> Py<PyAny>;
}

impl<T> PyErrArguments for T
where
    T: for<'py> IntoPyObject<'py> + Send + Sync,
{
    fn arguments(self, py: Python<'_>) -> Py<PyAny> {
        match self.into_pyobject(py) {
            Ok(obj) => crate::conversion::BoundObject::unbind(obj).into_any(),
            Err(e) => panic!(
                "Converting PyErr arguments failed: {}",
                Into::<PyErr>::into(e).display_string(py)
            ),
        }
    }
}

impl PyErr {
    /// Creates a lazy exception of type `T` with arguments `args` (see [`PyErrArguments`]).
    ///
    /// No Python object is created until the error is normalized or raised, so this does not
    /// need an attached thread.
    #[inline]
    pub fn new<T, A>(args: A) -> PyErr
    where
        T: PyTypeInfo,
        A: PyErrArguments + Send + Sync + 'static,
    {
        // A `&'static str` message (the usual `new_err("...")`) needs no boxed closure: the
        // check is on types only and folds away at compile time.
        if let Some(message) = (&args as &dyn std::any::Any).downcast_ref::<&'static str>() {
            return PyErr::from_state(PyErrState::lazy_static_message(T::type_object_raw, message));
        }
        PyErr::from_state(PyErrState::lazy(Box::new(move |py| {
            PyErrStateLazyFnOutput {
                ptype: T::type_object(py).into_any().unbind(),
                pvalue: args.arguments(py),
            }
        })))
    }

    /// Creates a lazy exception of the type object `ty` with arguments `args`.
    pub fn from_type<A>(ty: Bound<'_, PyType>, args: A) -> PyErr
    where
        A: PyErrArguments + Send + Sync + 'static,
    {
        let ptype = ty.into_any().unbind();
        PyErr::from_state(PyErrState::lazy(Box::new(move |py| {
            PyErrStateLazyFnOutput {
                ptype,
                pvalue: args.arguments(py),
            }
        })))
    }

    /// Creates an error from a Python object.
    ///
    /// An exception instance becomes that exception. Anything else (including an exception
    /// class) is raised as `raise obj` would: an exception class is instantiated without
    /// arguments, other objects give a `TypeError`.
    pub fn from_value(obj: Bound<'_, PyAny>) -> PyErr {
        match obj.cast_into::<PyBaseException>() {
            Ok(exc) => PyErr::from_state(PyErrState::normalized(PyErrStateNormalized::new(exc))),
            Err(err) => {
                let obj = err.into_inner();
                let py = obj.py();
                let ptype = obj.unbind();
                let pvalue = py.None();
                PyErr::from_state(PyErrState::lazy(Box::new(move |_py| {
                    PyErrStateLazyFnOutput { ptype, pvalue }
                })))
            }
        }
    }

    fn from_state(state: PyErrState) -> PyErr {
        PyErr { state }
    }

    /// The type of the exception.
    pub fn get_type<'py>(&self, py: Python<'py>) -> Bound<'py, PyType> {
        self.normalized(py).ptype(py)
    }

    /// The exception instance (normalizing the error if needed).
    pub fn value<'py>(&self, py: Python<'py>) -> &Bound<'py, PyBaseException> {
        self.normalized(py).pvalue.bind(py)
    }

    /// Consumes the error, returning the exception instance.
    pub fn into_value(self, py: Python<'_>) -> Py<PyBaseException> {
        let normalized = self.state.into_normalized(py);
        let value = normalized.pvalue.clone_ref(py);
        #[cfg(not(Py_3_12))]
        if let Some(tb) = normalized.ptraceback(py) {
            // SAFETY: attached; keeps the traceback on the instance.
            unsafe { ffi::PyException_SetTraceback(value.as_ptr(), tb.as_ptr()) };
        }
        value
    }

    /// The traceback of the exception, if any.
    pub fn traceback<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyTraceback>> {
        self.normalized(py).ptraceback(py)
    }

    /// Whether an exception is currently raised in the interpreter.
    #[inline]
    pub fn occurred(_py: Python<'_>) -> bool {
        // SAFETY: attached.
        unsafe { !ffi::PyErr_Occurred().is_null() }
    }

    /// Takes the currently raised exception out of the interpreter, if any.
    ///
    /// If it is a [`PanicException`] (a Rust panic that went through Python), the panic is
    /// resumed instead: the Python traceback is printed and `resume_unwind` is called with the
    /// panic message.
    pub fn take(py: Python<'_>) -> Option<PyErr> {
        let normalized = PyErrStateNormalized::take(py)?;
        if normalized.ptype(py).is(PanicException::type_object(py)) {
            let msg: String = normalized
                .pvalue
                .bind(py)
                .str()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|_| String::from("Unwrapped panic from Python code"));
            let err = PyErr::from_state(PyErrState::normalized(normalized));
            eprintln!("--- A Rust panic crossed Python code and is being resumed ---");
            eprintln!("Python stack trace below:");
            err.print(py);
            std::panic::resume_unwind(Box::new(msg))
        }
        Some(PyErr::from_state(PyErrState::normalized(normalized)))
    }

    /// Takes the currently raised exception. If none is set this panics in debug builds and
    /// returns a `SystemError` in release builds.
    #[track_caller]
    pub fn fetch(py: Python<'_>) -> PyErr {
        const FAILED_TO_FETCH: &str = "attempted to fetch exception but none was set";
        match PyErr::take(py) {
            Some(err) => err,
            None => {
                #[cfg(debug_assertions)]
                panic!("{}", FAILED_TO_FETCH);
                #[cfg(not(debug_assertions))]
                PySystemError::new_err(FAILED_TO_FETCH)
            }
        }
    }

    /// Creates a new exception class with `PyErr_NewExceptionWithDoc`.
    ///
    /// `name` must be of the form `module.ClassName`.
    pub fn new_type<'py>(
        py: Python<'py>,
        name: &CStr,
        doc: Option<&CStr>,
        base: Option<&Bound<'py, PyType>>,
        dict: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyType>> {
        let base = base.map_or(std::ptr::null_mut(), |b| b.as_ptr());
        let dict = dict.map_or(std::ptr::null_mut(), |d| d.into_ptr());
        // SAFETY: attached; the dict reference is released below.
        let result = unsafe {
            let r = ffi::PyErr_NewExceptionWithDoc(
                name.as_ptr(),
                doc.map_or(std::ptr::null(), CStr::as_ptr),
                base,
                dict,
            );
            ffi::Py_XDECREF(dict);
            r.assume_owned_or_err(py)
        };
        result.map(|t| unsafe { t.cast_into_unchecked::<PyType>() }.unbind())
    }

    /// Prints the error (with traceback) to `sys.stderr`.
    pub fn print(&self, py: Python<'_>) {
        self.clone_ref(py).restore(py);
        // SAFETY: attached; an exception is set.
        unsafe { ffi::PyErr_PrintEx(0) }
    }

    /// Prints the error and also sets `sys.last_exc` / `sys.last_type` etc.
    pub fn print_and_set_sys_last_vars(&self, py: Python<'_>) {
        self.clone_ref(py).restore(py);
        // SAFETY: attached; an exception is set.
        unsafe { ffi::PyErr_PrintEx(1) }
    }

    /// Displays the error the way the interpreter does for uncaught exceptions, without
    /// touching `sys.last_*`.
    pub fn display(&self, py: Python<'_>) {
        #[cfg(Py_3_12)]
        // SAFETY: attached.
        unsafe {
            ffi::PyErr_DisplayException(self.value(py).as_ptr())
        }
        #[cfg(not(Py_3_12))]
        self.print(py)
    }

    /// Whether the exception is an instance of `ty` (an exception type or a tuple of them).
    pub fn is_instance(&self, py: Python<'_>, ty: &Bound<'_, PyAny>) -> bool {
        let ptype = self.get_type(py);
        // SAFETY: attached.
        unsafe { ffi::PyErr_GivenExceptionMatches(ptype.as_ptr(), ty.as_ptr()) != 0 }
    }

    /// Whether the exception is an instance of `T`.
    #[inline]
    pub fn is_instance_of<T: PyTypeInfo>(&self, py: Python<'_>) -> bool {
        self.is_instance(py, T::type_object(py).as_any())
    }

    /// Whether the exception matches `exc` (an exception type or tuple), as `except exc:`.
    pub fn matches<'py, T>(&self, py: Python<'py>, exc: T) -> Result<bool, T::Error>
    where
        T: IntoPyObject<'py>,
    {
        let exc = exc.into_pyobject(py)?;
        Ok(self.is_instance(
            py,
            &crate::conversion::BoundObject::as_borrowed(&exc).to_any(),
        ))
    }

    /// Raises this error in the interpreter (the inverse of [`PyErr::take`]).
    #[inline]
    pub fn restore(self, py: Python<'_>) {
        self.state.restore(py)
    }

    /// Reports the error through `sys.unraisablehook` (used when an error cannot be raised,
    /// e.g. in a destructor). `obj` identifies the context.
    pub fn write_unraisable(self, py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) {
        self.restore(py);
        // SAFETY: attached; an exception is set.
        unsafe { ffi::PyErr_WriteUnraisable(obj.map_or(std::ptr::null_mut(), Bound::as_ptr)) }
    }

    /// Issues a warning of `category` with `message`, as `warnings.warn`. Returns an error if
    /// warnings are configured to raise.
    pub fn warn<'py>(
        py: Python<'py>,
        category: &Bound<'py, PyAny>,
        message: &CStr,
        stacklevel: i32,
    ) -> PyResult<()> {
        // SAFETY: attached.
        error_on_minusone(py, unsafe {
            ffi::PyErr_WarnEx(
                category.as_ptr(),
                message.as_ptr(),
                stacklevel as ffi::Py_ssize_t,
            )
        })
    }

    /// Issues a warning with explicit location, as `warnings.warn_explicit`.
    pub fn warn_explicit<'py>(
        py: Python<'py>,
        category: &Bound<'py, PyAny>,
        message: &CStr,
        filename: &CStr,
        lineno: i32,
        module: Option<&CStr>,
        registry: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        // SAFETY: attached.
        error_on_minusone(py, unsafe {
            ffi::PyErr_WarnExplicit(
                category.as_ptr(),
                message.as_ptr(),
                filename.as_ptr(),
                lineno,
                module.map_or(std::ptr::null(), CStr::as_ptr),
                registry.map_or(std::ptr::null_mut(), Bound::as_ptr),
            )
        })
    }

    /// A new reference to the same (normalized) exception.
    pub fn clone_ref(&self, py: Python<'_>) -> PyErr {
        PyErr::from_state(PyErrState::normalized(self.normalized(py).clone_ref(py)))
    }

    /// The cause (`__cause__`) of the exception, if any.
    pub fn cause(&self, py: Python<'_>) -> Option<PyErr> {
        // SAFETY: attached; returns a new reference or NULL.
        let cause =
            unsafe { ffi::PyException_GetCause(self.value(py).as_ptr()).assume_owned_or_opt(py) };
        cause.map(PyErr::from_value)
    }

    /// Sets the cause (`__cause__`) of the exception.
    pub fn set_cause(&self, py: Python<'_>, cause: Option<Self>) {
        let value = self.value(py);
        let cause = cause.map(|c| c.into_value(py));
        // SAFETY: attached; PyException_SetCause steals the cause reference.
        unsafe {
            ffi::PyException_SetCause(
                value.as_ptr(),
                cause.map_or(std::ptr::null_mut(), Py::into_ptr),
            )
        }
    }

    /// The context (`__context__`) of the exception: the exception that was being handled
    /// when this one was raised, if any.
    pub fn context(&self, py: Python<'_>) -> Option<PyErr> {
        // SAFETY: attached; returns a new reference or NULL.
        let context =
            unsafe { ffi::PyException_GetContext(self.value(py).as_ptr()).assume_owned_or_opt(py) };
        context.map(PyErr::from_value)
    }

    /// Sets the context (`__context__`) of the exception; `None` clears it.
    pub fn set_context(&self, py: Python<'_>, context: Option<Self>) {
        let value = self.value(py);
        let context = context.map(|c| c.into_value(py));
        // SAFETY: attached; PyException_SetContext steals the context reference.
        unsafe {
            ffi::PyException_SetContext(
                value.as_ptr(),
                context.map_or(std::ptr::null_mut(), Py::into_ptr),
            )
        }
    }

    /// Sets the traceback (`__traceback__`) of the exception; `None` clears it.
    pub fn set_traceback<'py>(&self, py: Python<'_>, tb: Option<Bound<'py, PyTraceback>>) {
        let value = self.value(py);
        let tb_ptr = tb
            .as_ref()
            .map_or_else(|| py.None().into_ptr(), |tb| tb.clone().into_ptr());
        // SAFETY: attached; PyException_SetTraceback does not steal: the temporary reference is
        // released below. A traceback object or None is always accepted.
        unsafe {
            let result = ffi::PyException_SetTraceback(value.as_ptr(), tb_ptr);
            ffi::Py_DecRef(tb_ptr);
            debug_assert_eq!(result, 0);
        }
    }

    /// Adds a note to the exception, as `BaseException.add_note` does (Python 3.11+); on older
    /// versions the note is appended to the `__notes__` list, which is created if needed.
    pub fn add_note<N: for<'py> IntoPyObject<'py, Target = PyString>>(
        &self,
        py: Python<'_>,
        note: N,
    ) -> PyResult<()> {
        let value = self.value(py);
        let note = crate::conversion::IntoPyObjectExt::into_bound_py_any(note, py)?;
        if cfg!(Py_3_11) {
            value
                .call_method1(crate::intern!(py, "add_note"), (note,))
                .map(drop)
        } else {
            let notes_name = crate::intern!(py, "__notes__");
            let notes = match value.getattr_opt(notes_name)? {
                Some(notes) => notes,
                None => {
                    let notes = crate::types::PyList::empty(py).into_any();
                    value.setattr(notes_name, &notes)?;
                    notes
                }
            };
            notes
                .cast_into::<crate::types::PyList>()
                .map_err(|_| {
                    crate::exceptions::PyTypeError::new_err(
                        "Cannot add note: __notes__ is not a list",
                    )
                })?
                .append(note)
        }
    }

    #[inline]
    fn normalized(&self, py: Python<'_>) -> &PyErrStateNormalized {
        self.state.as_normalized(py)
    }

    /// `TypeName: message`, as used by `Display`.
    pub(crate) fn display_string(&self, py: Python<'_>) -> String {
        let value = self.value(py);
        let type_name = value
            .get_type()
            .qualname()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|_| String::from("<unknown exception type>"));
        match value.str() {
            // Always `Type: message`, also for an empty message (`ValueError: `), as PyO3.
            Ok(s) => format!("{type_name}: {}", s.to_string_lossy()),
            Err(_) => format!("{type_name}: <exception str() failed>"),
        }
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Python::attach(|py| {
            let traceback = self.traceback(py).map(|tb| {
                use crate::types::PyTracebackMethods;
                tb.format().unwrap_or_else(|_| {
                    let repr = tb
                        .repr()
                        .map(|r| r.to_string_lossy().into_owned())
                        .unwrap_or_else(|_| String::from("<traceback object>"));
                    format!("<unformattable {repr}>")
                })
            });
            f.debug_struct("PyErr")
                .field("type", &self.get_type(py))
                .field("value", self.value(py))
                .field("traceback", &traceback)
                .finish()
        })
    }
}

impl std::fmt::Display for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Python::attach(|py| f.write_str(&self.display_string(py)))
    }
}

impl std::error::Error for PyErr {}

/// Panics with the pending Python error (after printing it) when a C API call unexpectedly
/// returned NULL.
#[cold]
#[track_caller]
pub(crate) fn panic_after_error(py: Python<'_>) -> ! {
    // SAFETY: attached.
    unsafe {
        if !ffi::PyErr_Occurred().is_null() {
            ffi::PyErr_Print();
        }
    }
    let _ = py;
    panic!("Python API call failed");
}
