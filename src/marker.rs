//! The [`Python`] token and the thread attachment entry points.
//!
//! Holding a `Python<'py>` proves that the current thread is attached to the Python interpreter
//! (it holds the GIL on GIL-enabled builds) for the lifetime `'py`. See
//! the `internal::state` module (design notes) for how attachment is tracked.

use std::ffi::CStr;
use std::marker::PhantomData;
use std::os::raw::c_int;

use crate::conversion::IntoPyObject;
use crate::internal::ptr_ext::FfiPtrExt;
use crate::internal::state::{self, AttachGuard, DetachGuard};
use crate::types::{PyAnyMethods, PyDict, PyModule, PyModuleMethods, PyString, PyType};
use crate::{ffi, Bound, Py, PyAny, PyErr, PyResult, PyTypeInfo};

/// Marker for values that may be carried across [`Python::detach`].
///
/// Without the `nightly` feature this is implemented for every [`Send`] type: a value that may
/// move to another thread also cannot rely on the current thread being attached to Python.
///
/// With the `nightly` feature (nightly Rust only) it is an auto trait instead: every type is
/// `Ungil` unless it contains a [`Python`] token or a raw Python object (`ffi::PyObject`, and so
/// `Bound`, `Borrowed`, `&PyAny`, ...). Non-`Send` values that hold no Python data, such as an
/// `Rc`, may then cross `detach`, while [`Py<T>`](crate::Py) stays allowed.
///
/// # Safety
///
/// Implementors must not give access to Python objects without an attached thread.
#[cfg(not(feature = "nightly"))]
pub unsafe trait Ungil {}

#[cfg(not(feature = "nightly"))]
unsafe impl<T: Send> Ungil for T {}

// The auto-trait form lives in its own file: stable compilers must not even parse it.
#[cfg(feature = "nightly")]
mod ungil_nightly;
#[cfg(feature = "nightly")]
pub use ungil_nightly::Ungil;

/// Zero-sized marker that makes [`Python`] neither `Send` nor `Sync`.
#[derive(Copy, Clone)]
struct NotSend(PhantomData<*mut ()>);

/// A token proving that the current thread is attached to the Python interpreter.
///
/// Obtain it with [`Python::attach`] (or receive it as an argument from PyO3's macros). All
/// Python APIs in this crate take a `Python<'py>` (directly or through a [`Bound`]) so that they
/// can only be used while attached. The token is neither `Send` nor `Sync`:
///
/// ```compile_fail
/// fn needs_send<T: Send>() {}
/// needs_send::<pyo3::Python<'static>>();
/// ```
#[derive(Copy, Clone)]
pub struct Python<'py>(PhantomData<&'py ()>, NotSend);

impl Python<'_> {
    /// Attaches the current thread to the Python interpreter and runs `f` with a token.
    ///
    /// Nested calls (when the thread is already attached) are cheap: they only check the
    /// interpreter's own notion of the current thread state.
    ///
    /// With the `auto-initialize` feature the interpreter is initialized on first use (see
    /// [`Python::initialize`]); without it, this panics if the interpreter is not initialized.
    #[inline]
    #[track_caller]
    pub fn attach<F, R>(f: F) -> R
    where
        F: for<'py> FnOnce(Python<'py>) -> R,
    {
        let guard = AttachGuard::acquire();
        // SAFETY: the guard keeps the thread attached until it is dropped after `f` returns.
        f(unsafe { guard.python() })
    }

    /// Like [`Python::attach`], but returns `None` instead of attaching when the interpreter is
    /// not initialized, is being initialized by [`Python::initialize`] on another thread (until
    /// that has completely finished, `site` import included), or is shutting down. It never
    /// initializes the interpreter.
    #[inline]
    pub fn try_attach<F, R>(f: F) -> Option<R>
    where
        F: for<'py> FnOnce(Python<'py>) -> R,
    {
        let guard = AttachGuard::try_acquire()?;
        // SAFETY: as in `attach`.
        Some(f(unsafe { guard.python() }))
    }

    /// Prepares the interpreter for use from Rust: initializes it if it is not initialized yet,
    /// and then releases the initializing thread so that any thread can attach.
    ///
    /// The interpreter is initialized without installing its signal handlers (so Python will
    /// not raise `KeyboardInterrupt` for Ctrl-C). If the interpreter is already initialized
    /// this does nothing. While one thread initializes, other threads calling this (or
    /// [`Python::attach`]) wait until initialization has finished.
    pub fn initialize() {
        state::initialize_interpreter();
    }

    /// Creates a token without checking that the thread is attached.
    ///
    /// # Safety
    ///
    /// The current thread must be attached to the interpreter for all of `'py`.
    #[inline]
    pub unsafe fn assume_attached<'py>() -> Python<'py> {
        Python(PhantomData, NotSend(PhantomData))
    }
}

impl<'py> Python<'py> {
    /// Temporarily detaches the current thread from the interpreter while `f` runs, so that
    /// other threads can use Python (and, on GIL-enabled builds, take the GIL).
    ///
    /// The thread is re-attached when `f` returns or panics. `f` and its result must be
    /// [`Ungil`] (on stable: `Send`) so that no attached-only object crosses the boundary.
    pub fn detach<T, F>(self, f: F) -> T
    where
        F: Ungil + FnOnce() -> T,
        T: Ungil,
    {
        // SAFETY: we hold a token, so the thread is attached and may be detached.
        let _guard = unsafe { DetachGuard::new() };
        f()
    }

    /// Returns the interpreter's version string, as `sys.version`.
    pub fn version(self) -> &'py str {
        // SAFETY: `Py_GetVersion` returns a static NUL-terminated string.
        unsafe { CStr::from_ptr(ffi::Py_GetVersion()) }
            .to_str()
            .expect("Python version string is not valid UTF-8")
    }

    /// Returns the interpreter's version as a comparable [`PythonVersionInfo`].
    pub fn version_info(self) -> PythonVersionInfo<'py> {
        let version = self.version();
        let number = version.split(' ').next().unwrap_or(version);
        PythonVersionInfo::from_str(number).expect("failed to parse the Python version")
    }

    /// Imports the Python module `name`.
    pub fn import<N>(self, name: N) -> PyResult<Bound<'py, PyModule>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        PyModule::import(self, name)
    }

    /// Returns the Python type object for `T`.
    #[inline]
    pub fn get_type<T: PyTypeInfo>(self) -> Bound<'py, PyType> {
        T::type_object(self)
    }

    /// Evaluates a Python expression and returns its value.
    ///
    /// If `globals` is `None` the `__main__` module's dictionary is used; `locals` defaults to
    /// `globals`. As Python does, `__builtins__` is inserted into `globals` when missing.
    pub fn eval(
        self,
        code: &CStr,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run_code(code, ffi::Py_eval_input, globals, locals)
    }

    /// Executes Python statements; see [`Python::eval`] for `globals` and `locals`.
    pub fn run(
        self,
        code: &CStr,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<()> {
        self.run_code(code, ffi::Py_file_input, globals, locals)
            .map(|_| ())
    }

    fn run_code(
        self,
        code: &CStr,
        start: c_int,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let globals = match globals {
            Some(g) => g.clone(),
            None => {
                let main = self.import("__main__")?;
                main.dict()
            }
        };
        let builtins_key = crate::intern!(self, "__builtins__");
        if !globals.as_any().contains(builtins_key)? {
            // SAFETY: attached; PyEval_GetBuiltins returns a borrowed dict (or NULL).
            let builtins = unsafe { ffi::PyEval_GetBuiltins().assume_borrowed_or_err(self)? };
            globals.as_any().set_item(builtins_key, builtins)?;
        }
        let locals = locals.unwrap_or(&globals);
        // SAFETY: attached; all pointers are valid for the duration of the calls.
        unsafe {
            let code_obj = ffi::Py_CompileString(code.as_ptr(), c"<string>".as_ptr(), start)
                .assume_owned_or_err(self)?;
            ffi::PyEval_EvalCode(code_obj.as_ptr(), globals.as_ptr(), locals.as_ptr())
                .assume_owned_or_err(self)
        }
    }

    /// Returns `None`.
    #[allow(non_snake_case)]
    #[inline]
    pub fn None(self) -> Py<PyAny> {
        // SAFETY: Py_None is always a valid object.
        unsafe { ffi::Py_None().assume_borrowed(self) }
            .to_owned()
            .unbind()
    }

    /// Returns `Ellipsis` (`...`).
    #[allow(non_snake_case)]
    #[inline]
    pub fn Ellipsis(self) -> Py<PyAny> {
        // SAFETY: Py_Ellipsis is always a valid object.
        unsafe { ffi::Py_Ellipsis().assume_borrowed(self) }
            .to_owned()
            .unbind()
    }

    /// Returns `NotImplemented`.
    #[allow(non_snake_case)]
    #[inline]
    pub fn NotImplemented(self) -> Py<PyAny> {
        // SAFETY: Py_NotImplemented is always a valid object.
        unsafe { ffi::Py_NotImplemented().assume_borrowed(self) }
            .to_owned()
            .unbind()
    }

    /// Runs pending signal handlers; returns the exception a handler raised, if any
    /// (e.g. `KeyboardInterrupt`).
    pub fn check_signals(self) -> PyResult<()> {
        // SAFETY: attached.
        if unsafe { ffi::PyErr_CheckSignals() } == -1 {
            Err(PyErr::fetch(self))
        } else {
            Ok(())
        }
    }
}

/// Initializes the interpreter, runs `f` with the initializing (main) thread attached, then
/// finalizes the interpreter.
///
/// # Safety
///
/// The interpreter must not be initialized yet, and no Python object may outlive `f` (after
/// finalization every Python object is invalid). This should be called at most once per process.
pub unsafe fn with_embedded_python_interpreter<F, R>(f: F) -> R
where
    F: for<'p> FnOnce(Python<'p>) -> R,
{
    assert_eq!(
        unsafe { ffi::Py_IsInitialized() },
        0,
        "called `with_embedded_python_interpreter` but a Python interpreter is already running."
    );
    unsafe { ffi::Py_InitializeEx(0) };
    state::set_embedded_initialized(true);
    let result = {
        // SAFETY: the initializing thread is attached after Py_InitializeEx.
        let guard = unsafe { AttachGuard::assume() };
        let py = unsafe { guard.python() };
        state::drain_reference_pool(py);
        f(py)
    };
    unsafe {
        state::drain_reference_pool(Python::assume_attached());
        ffi::Py_FinalizeEx();
    }
    state::set_embedded_initialized(false);
    // Whatever was queued meanwhile referred to objects of the finalized interpreter.
    state::forget_reference_pool();
    result
}

pub use crate::version::PythonVersionInfo;
