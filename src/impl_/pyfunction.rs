//! Runtime support for `#[pyfunction]`: the method definition holder, the C entry point
//! trampolines, `wrap_pyfunction!` and the small conversions the generated code calls.

use std::ffi::CStr;

use crate::impl_::extract_argument::RawArgs;
use crate::types::{PyCFunction, PyModule};
use crate::{ffi, Borrowed, Bound, IntoPyObject, Py, PyErr, PyResult, Python};

/// The body of a generated function: parses `args` and calls the user's function.
pub type FunctionBody =
    for<'py> unsafe fn(Python<'py>, *mut ffi::PyObject, RawArgs) -> PyResult<*mut ffi::PyObject>;

/// Runs `body` for a `METH_VARARGS | METH_KEYWORDS` call.
///
/// # Safety
/// Only to be called by the interpreter's function call machinery.
#[inline]
pub unsafe fn varargs_trampoline(
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
    body: FunctionBody,
) -> *mut ffi::PyObject {
    let raw = RawArgs::TupleDict { args, kwargs };
    let data = std::panic::AssertUnwindSafe((body, slf, raw));
    unsafe {
        crate::impl_::trampoline::trampoline(move |py| {
            let data = data;
            let (body, slf, raw) = data.0;
            body(py, slf, raw)
        })
    }
}

/// `tp_init` (`__init__`): the body's result object (`None`) is dropped; `0` or `-1`.
///
/// # Safety
/// As for [`varargs_trampoline`].
pub unsafe fn init_trampoline(
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
    body: FunctionBody,
) -> std::ffi::c_int {
    let result = unsafe { varargs_trampoline(slf, args, kwargs, body) };
    if result.is_null() {
        -1
    } else {
        // SAFETY: a new reference returned by the body.
        unsafe { ffi::Py_DecRef(result) };
        0
    }
}

/// Conjures the value of a body closure type `F` (a non-capturing closure or a function item,
/// hence zero-sized, so no value is ever read).
///
/// # Safety
/// `F` must be zero-sized and valid for any (empty) bit pattern with no invariant of its own:
/// [`PyFunctionDef::new`] and [`PyFunctionDef::noargs`] make their callers promise it.
#[inline(always)]
pub(crate) unsafe fn conjure<F>() -> F {
    debug_assert!(std::mem::size_of::<F>() == 0);
    // SAFETY: zero-sized with no invariant (the caller's promise): the read of a zero-sized
    // value from a non-null, aligned pointer reads no byte and is valid.
    unsafe { std::ptr::NonNull::<F>::dangling().as_ptr().read() }
}

/// Checks that the body `body` can be conjured by its entry point: zero-sized, i.e. a closure
/// that captures nothing or a function item. Every caller is a `const` constructor of a
/// static definition, so a capturing closure fails the build.
pub(crate) const fn assert_conjurable<F: Copy>(body: F) {
    assert!(
        std::mem::size_of::<F>() == 0,
        "a body closure must not capture anything"
    );
    let _ = body;
}

/// The `METH_FASTCALL | METH_KEYWORDS` entry point of the body `F`. Being generic over the
/// body's (closure) type, a `#[pyfunction]` or method emits only its body closure instead of
/// an entry point per calling convention; the machine code is the same, as the body is
/// called directly (and usually inlined).
///
/// # Safety
/// Only to be called by the interpreter's function call machinery, for a definition built by
/// [`PyFunctionDef::new`].
#[cfg_attr(not(any(Py_3_10, not(Py_LIMITED_API))), allow(dead_code))]
unsafe extern "C" fn fastcall_entry<F: Body>(
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    let raw = RawArgs::Fastcall {
        args,
        nargs,
        kwnames,
    };
    unsafe { run_body::<F>(slf, raw) }
}

/// The `METH_VARARGS | METH_KEYWORDS` entry point of the body `F` (limited API before 3.10).
///
/// # Safety
/// As for [`fastcall_entry`].
#[cfg_attr(any(Py_3_10, not(Py_LIMITED_API)), allow(dead_code))]
unsafe extern "C" fn varargs_entry<F: Body>(
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    let raw = RawArgs::TupleDict { args, kwargs };
    unsafe { run_body::<F>(slf, raw) }
}

/// Runs the body `F` on the arguments of either convention inside the trampoline (attach
/// bookkeeping, panics to `PanicException`, errors restored and NULL returned).
///
/// # Safety
/// As for [`fastcall_entry`].
#[inline(always)]
pub(crate) unsafe fn run_body<F: Body>(
    slf: *mut ffi::PyObject,
    raw: RawArgs,
) -> *mut ffi::PyObject {
    let data = std::panic::AssertUnwindSafe((slf, raw));
    unsafe {
        crate::impl_::trampoline::trampoline(move |py| {
            let data = data;
            let (slf, raw) = data.0;
            conjure::<F>()(py, slf, raw)
        })
    }
}

/// The `METH_NOARGS` entry point of the body `F`.
///
/// # Safety
/// Only to be called by the interpreter's function call machinery, for a definition built by
/// [`PyFunctionDef::noargs`].
unsafe extern "C" fn noargs_entry<F: NoargsBodyFn>(
    slf: *mut ffi::PyObject,
    _args: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    let data = std::panic::AssertUnwindSafe(slf);
    unsafe {
        crate::impl_::trampoline::trampoline(move |py| {
            let data = data;
            conjure::<F>()(py, data.0)
        })
    }
}

/// The closure type of a generated body taking arguments (a named bound, so that the
/// generated closure's parameter types are inferred from it).
pub trait Body:
    for<'py> Fn(Python<'py>, *mut ffi::PyObject, RawArgs) -> PyResult<*mut ffi::PyObject> + Copy
{
}
impl<F> Body for F where
    F: for<'py> Fn(Python<'py>, *mut ffi::PyObject, RawArgs) -> PyResult<*mut ffi::PyObject> + Copy
{
}

/// The closure type of a generated body without parameters (`METH_NOARGS`).
pub trait NoargsBodyFn:
    for<'py> Fn(Python<'py>, *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject> + Copy
{
}
impl<F> NoargsBodyFn for F where
    F: for<'py> Fn(Python<'py>, *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject> + Copy
{
}

/// A function's `PyMethodDef`, in static memory for the life of the program.
pub struct PyFunctionDef {
    def: ffi::PyMethodDef,
    name: &'static CStr,
}

// SAFETY: the definition is immutable plain data (pointers to static strings and functions).
unsafe impl Sync for PyFunctionDef {}
unsafe impl Send for PyFunctionDef {}

impl PyFunctionDef {
    /// Builds the definition of the function whose body is the closure `body`, choosing the
    /// calling convention available on the target ABI (fastcall, or tuple/dict on the limited
    /// API before 3.10); only the entry point of that convention is instantiated.
    ///
    /// # Safety
    /// `F` must be a non-capturing closure or a function item (the entry point conjures its
    /// value from nothing); checked to be zero-sized here.
    pub const unsafe fn new<F>(body: F, name: &'static CStr, doc: &'static CStr) -> Self
    where
        // spelled out rather than `F: Body`, so that the closure's signature is inferred
        F: for<'py> Fn(Python<'py>, *mut ffi::PyObject, RawArgs) -> PyResult<*mut ffi::PyObject>
            + Copy,
    {
        assert_conjurable(body);
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        let (meth, flags) = (
            ffi::PyMethodDefPointer {
                PyCFunctionFastWithKeywords: fastcall_entry::<F>,
            },
            ffi::METH_FASTCALL | ffi::METH_KEYWORDS,
        );
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        let (meth, flags) = (
            ffi::PyMethodDefPointer {
                PyCFunctionWithKeywords: varargs_entry::<F>,
            },
            ffi::METH_VARARGS | ffi::METH_KEYWORDS,
        );
        Self::with_meth(name, doc, meth, flags)
    }

    /// Builds the definition of a function without parameters (`METH_NOARGS`) whose body is
    /// the closure `body`.
    ///
    /// # Safety
    /// As for [`new`](Self::new).
    pub const unsafe fn noargs<F>(body: F, name: &'static CStr, doc: &'static CStr) -> Self
    where
        F: for<'py> Fn(Python<'py>, *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject> + Copy,
    {
        assert_conjurable(body);
        let meth = ffi::PyMethodDefPointer {
            PyCFunction: noargs_entry::<F>,
        };
        Self::with_meth(name, doc, meth, ffi::METH_NOARGS)
    }

    /// `doc`: the `ml_doc` text; empty for none (a NULL `ml_doc`, `__doc__` is `None`).
    const fn with_meth(
        name: &'static CStr,
        doc: &'static CStr,
        meth: ffi::PyMethodDefPointer,
        flags: std::ffi::c_int,
    ) -> Self {
        let doc = if doc.to_bytes().is_empty() {
            std::ptr::null()
        } else {
            doc.as_ptr()
        };
        PyFunctionDef {
            def: ffi::PyMethodDef {
                ml_name: name.as_ptr(),
                ml_meth: meth,
                ml_flags: flags,
                ml_doc: doc,
            },
            name,
        }
    }

    /// A copy of the `PyMethodDef` with `extra_flags` added (`METH_CLASS` / `METH_STATIC` for
    /// methods of classes).
    pub fn method_def(&self, extra_flags: std::ffi::c_int) -> ffi::PyMethodDef {
        ffi::PyMethodDef {
            ml_flags: self.def.ml_flags | extra_flags,
            ..self.def
        }
    }

    /// The Python name.
    pub fn name(&self) -> &'static str {
        self.name.to_str().unwrap_or("<invalid>")
    }

    /// Creates the function object, bound to `module` if given (its `__module__` is then the
    /// module's name and `pass_module` functions receive it).
    pub fn create_function<'py>(
        &'static self,
        py: Python<'py>,
        module: Option<&Bound<'py, PyModule>>,
    ) -> PyResult<Bound<'py, PyCFunction>> {
        let (slf, name) = match module {
            Some(m) => {
                let name = unsafe { ffi::PyModule_GetNameObject(m.as_ptr()) };
                if name.is_null() {
                    return Err(PyErr::fetch(py));
                }
                (m.as_ptr(), name)
            }
            None => (std::ptr::null_mut(), std::ptr::null_mut()),
        };
        let def = &self.def as *const ffi::PyMethodDef as *mut ffi::PyMethodDef;
        // SAFETY: `def` lives forever; `slf` is borrowed, `name` is owned and released below.
        let f = unsafe { ffi::PyCFunction_NewEx(def, slf, name) };
        if !name.is_null() {
            unsafe { ffi::Py_DecRef(name) };
        }
        unsafe { Ok(Bound::from_owned_ptr_or_err(py, f)?.cast_into_unchecked()) }
    }

    /// What `wrap_pyfunction!` expands to: the function created for a `Python` token or a
    /// module (a method, so that the expansion names neither the trait nor a path to it).
    #[inline]
    pub fn wrap<'py, A, T>(&'static self, py_or_module: A) -> PyResult<T>
    where
        A: WrapPyFunctionArg<'py, T>,
    {
        py_or_module.wrap_pyfunction(self)
    }

    /// Adds the function to `module` under its name (used by `#[pymodule_export]`).
    pub fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let f = self.create_function(module.py(), Some(module))?;
        crate::impl_::pymodule::export_item_cstr(module, self.name, f.as_ptr())
    }
}

/// What `wrap_pyfunction!` accepts: a `Python` token or a module.
pub trait WrapPyFunctionArg<'py, T> {
    /// Creates the function.
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<T>;
}

impl<'py> WrapPyFunctionArg<'py, Bound<'py, PyCFunction>> for Python<'py> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self, None)
    }
}

impl<'py> WrapPyFunctionArg<'py, Bound<'py, PyCFunction>> for &Bound<'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self.py(), Some(self))
    }
}

impl<'py> WrapPyFunctionArg<'py, Bound<'py, PyCFunction>> for Bound<'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self.py(), Some(&self))
    }
}

impl<'py> WrapPyFunctionArg<'py, Bound<'py, PyCFunction>> for Borrowed<'_, 'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self.py(), Some(&self))
    }
}

impl<'py> WrapPyFunctionArg<'py, Bound<'py, PyCFunction>> for &Borrowed<'_, 'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self.py(), Some(self))
    }
}

/// The module a `pass_module` function is bound to.
///
/// # Safety
/// `slf` must be the `self` pointer passed by the interpreter (NULL or a live object).
pub unsafe fn module_from_self<'a, 'py>(
    py: Python<'py>,
    slf: *mut ffi::PyObject,
) -> PyResult<Borrowed<'a, 'py, PyModule>> {
    if slf.is_null() || unsafe { ffi::PyModule_Check(slf) } == 0 {
        return Err(crate::exceptions::PyTypeError::new_err(
            "this function takes its module as first argument (`pass_module`) but was not created \
             from a module; use `wrap_pyfunction!(f, module)`",
        ));
    }
    Ok(unsafe { Borrowed::from_ptr(py, slf).cast_unchecked() })
}

/// Conversion of the module to the declared type of a `pass_module` argument.
pub trait FromModuleArg<'a, 'py> {
    /// Converts.
    fn from_module_arg(module: &'a Borrowed<'a, 'py, PyModule>) -> Self;
}

impl<'a, 'py> FromModuleArg<'a, 'py> for &'a Bound<'py, PyModule> {
    fn from_module_arg(module: &'a Borrowed<'a, 'py, PyModule>) -> Self {
        module
    }
}

impl<'a, 'py> FromModuleArg<'a, 'py> for Bound<'py, PyModule> {
    fn from_module_arg(module: &'a Borrowed<'a, 'py, PyModule>) -> Self {
        (*module).to_owned()
    }
}

impl<'a, 'py> FromModuleArg<'a, 'py> for Borrowed<'a, 'py, PyModule> {
    fn from_module_arg(module: &'a Borrowed<'a, 'py, PyModule>) -> Self {
        *module
    }
}

impl<'a, 'py> FromModuleArg<'a, 'py> for Py<PyModule> {
    fn from_module_arg(module: &'a Borrowed<'a, 'py, PyModule>) -> Self {
        (*module).to_owned().unbind()
    }
}

/// Converts a function's return value (any `IntoPyObject`, or a `Result` of one with an error
/// convertible to `PyErr`) into an owned object pointer.
pub trait IntoPyResultPtr<'py> {
    /// Converts.
    fn into_result_ptr(self, py: Python<'py>) -> PyResult<*mut ffi::PyObject>;
}

impl<'py, T: IntoPyObject<'py>> IntoPyResultPtr<'py> for T {
    #[inline]
    fn into_result_ptr(self, py: Python<'py>) -> PyResult<*mut ffi::PyObject> {
        // `()` (e.g. behind a type alias the macro cannot see through) gives `None`.
        self.into_callback_output(py, crate::conversion::private::Token)
            .map(Py::into_ptr)
    }
}

impl<'py, T: IntoPyObject<'py>, E: Into<PyErr>> IntoPyResultPtr<'py> for Result<T, E> {
    #[inline]
    fn into_result_ptr(self, py: Python<'py>) -> PyResult<*mut ffi::PyObject> {
        match self {
            Ok(v) => v.into_result_ptr(py),
            Err(e) => Err(e.into()),
        }
    }
}

/// The result of a function returning `()`: a new reference to `None`.
#[inline]
pub fn unit_ptr(py: Python<'_>, (): ()) -> PyResult<*mut ffi::PyObject> {
    Ok(none_ptr(py))
}

/// A new reference to `None` (functions returning `()`).
#[inline]
pub fn none_ptr(py: Python<'_>) -> *mut ffi::PyObject {
    let _ = py;
    // SAFETY: attached; None is a valid object.
    unsafe {
        let none = ffi::Py_None();
        ffi::Py_INCREF(none);
        none
    }
}

/// `Ok(())` -> `None`, errors converted (functions returning `Result<(), E>`).
#[inline]
pub fn unit_result_ptr<E: Into<PyErr>>(
    py: Python<'_>,
    result: Result<(), E>,
) -> PyResult<*mut ffi::PyObject> {
    match result {
        Ok(()) => Ok(none_ptr(py)),
        Err(e) => Err(e.into()),
    }
}

/// Emits a warning of `category` (a warning type) for `#[pyo3(warn(...))]`.
pub fn warn(py: Python<'_>, category: *mut ffi::PyTypeObject, message: &CStr) -> PyResult<()> {
    // SAFETY: attached; category is a type object.
    let rc = unsafe { ffi::PyErr_WarnEx(category.cast(), message.as_ptr(), 1) };
    if rc != 0 {
        return Err(PyErr::fetch(py));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::PyFunctionDef;
    use crate::impl_::extract_argument::RawArgs;
    use crate::types::{PyAnyMethods, PyTuple};
    use crate::{ffi, IntoPyObject, PyResult, Python};

    /// Returns the number of positional arguments it was called with (one generic entry point
    /// per body type: each body must be the one its definition calls).
    fn count_args(
        py: Python<'_>,
        _slf: *mut ffi::PyObject,
        args: RawArgs,
    ) -> PyResult<*mut ffi::PyObject> {
        let n: isize = match args {
            RawArgs::Fastcall { nargs, .. } => nargs,
            RawArgs::TupleDict { args, .. } => unsafe { ffi::PyTuple_Size(args) },
        };
        Ok(n.into_pyobject(py)?.into_ptr())
    }

    // SAFETY: a function item and a non-capturing closure.
    static COUNT: PyFunctionDef = unsafe { PyFunctionDef::new(count_args, c"count", c"") };
    static ANSWER: PyFunctionDef = unsafe {
        PyFunctionDef::noargs(
            |py, _slf| Ok(42i32.into_pyobject(py)?.into_ptr()),
            c"answer",
            c"doc",
        )
    };

    #[test]
    fn generic_entry_points_call_their_body() {
        Python::initialize();
        Python::attach(|py| {
            let count = COUNT.create_function(py, None).unwrap();
            let args = PyTuple::new(py, [1, 2, 3]).unwrap();
            let n: isize = count.call1(args).unwrap().extract().unwrap();
            assert_eq!(n, 3);
            let answer = ANSWER.create_function(py, None).unwrap();
            assert_eq!(answer.call0().unwrap().extract::<i32>().unwrap(), 42);
            // METH_NOARGS: the interpreter itself rejects an argument
            let err = answer.call1((1,)).unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyTypeError>(py));
            assert_eq!(
                answer
                    .getattr("__doc__")
                    .unwrap()
                    .extract::<String>()
                    .unwrap(),
                "doc"
            );
        });
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        let expected = ffi::METH_FASTCALL | ffi::METH_KEYWORDS;
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        let expected = ffi::METH_VARARGS | ffi::METH_KEYWORDS;
        assert_eq!(COUNT.method_def(0).ml_flags, expected);
        // an empty docstring is none at all
        assert!(COUNT.method_def(0).ml_doc.is_null());
        assert!(!ANSWER.method_def(0).ml_doc.is_null());
        assert_eq!(ANSWER.method_def(0).ml_flags, ffi::METH_NOARGS);
    }
}
