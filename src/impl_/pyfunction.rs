//! Runtime support for `#[pyfunction]`: the method definition holder, the C entry point
//! trampolines, `wrap_pyfunction!` and the small conversions the generated code calls.

use std::ffi::CStr;

use crate::impl_::extract_argument::RawArgs;
use crate::types::{PyCFunction, PyModule};
use crate::{ffi, Borrowed, Bound, IntoPyObject, Py, PyErr, PyResult, Python};

/// The body of a generated function: parses `args` and calls the user's function.
pub type FunctionBody =
    for<'py> unsafe fn(Python<'py>, *mut ffi::PyObject, RawArgs) -> PyResult<*mut ffi::PyObject>;

/// The body of a generated function without parameters (`METH_NOARGS`).
pub type NoargsBody =
    for<'py> unsafe fn(Python<'py>, *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject>;

/// Runs `body` for a `METH_NOARGS` call.
///
/// # Safety
/// Only to be called by the interpreter's function call machinery.
#[inline]
pub unsafe fn noargs_trampoline(slf: *mut ffi::PyObject, body: NoargsBody) -> *mut ffi::PyObject {
    let data = std::panic::AssertUnwindSafe((body, slf));
    unsafe {
        crate::impl_::trampoline::trampoline(move |py| {
            let data = data;
            let (body, slf) = data.0;
            body(py, slf)
        })
    }
}

/// Runs `body` for a `METH_FASTCALL | METH_KEYWORDS` call.
///
/// # Safety
/// Only to be called by the interpreter's function call machinery.
#[inline]
pub unsafe fn fastcall_trampoline(
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
    body: FunctionBody,
) -> *mut ffi::PyObject {
    let raw = RawArgs::Fastcall {
        args,
        nargs,
        kwnames,
    };
    let data = std::panic::AssertUnwindSafe((body, slf, raw));
    unsafe {
        crate::impl_::trampoline::trampoline(move |py| {
            let data = data;
            let (body, slf, raw) = data.0;
            body(py, slf, raw)
        })
    }
}

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

/// A generated function's body, named by a type. The `extern "C"` entry points below are
/// generic over it, so a `#[pyfunction]` or method emits only its body and one small impl
/// instead of spelling out an entry point per calling convention (less generated code; the
/// machine code is the same, as `B::BODY` is a constant the entry point calls directly).
pub trait HasBody {
    /// The body: parses the arguments and calls the user's function.
    const BODY: FunctionBody;
}

/// As [`HasBody`], for functions without parameters (`METH_NOARGS`).
pub trait HasNoargsBody {
    /// The body: calls the user's function.
    const BODY: NoargsBody;
}

/// The `METH_FASTCALL | METH_KEYWORDS` entry point of `B::BODY`.
///
/// # Safety
/// Only to be called by the interpreter's function call machinery.
#[cfg_attr(not(any(Py_3_10, not(Py_LIMITED_API))), allow(dead_code))]
unsafe extern "C" fn fastcall_entry<B: HasBody>(
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    unsafe { fastcall_trampoline(slf, args, nargs, kwnames, B::BODY) }
}

/// The `METH_VARARGS | METH_KEYWORDS` entry point of `B::BODY` (limited API before 3.10).
///
/// # Safety
/// Only to be called by the interpreter's function call machinery.
#[cfg_attr(any(Py_3_10, not(Py_LIMITED_API)), allow(dead_code))]
unsafe extern "C" fn varargs_entry<B: HasBody>(
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    unsafe { varargs_trampoline(slf, args, kwargs, B::BODY) }
}

/// The `METH_NOARGS` entry point of `B::BODY`.
///
/// # Safety
/// Only to be called by the interpreter's function call machinery.
unsafe extern "C" fn noargs_entry<B: HasNoargsBody>(
    slf: *mut ffi::PyObject,
    _args: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    unsafe { noargs_trampoline(slf, B::BODY) }
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
    /// Builds the definition of the function whose body is `B::BODY`, choosing the calling
    /// convention available on the target ABI (fastcall, or tuple/dict on the limited API
    /// before 3.10); only the entry point of that convention is instantiated.
    pub const fn new<B: HasBody>(name: &'static CStr, doc: Option<&'static CStr>) -> Self {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        let (meth, flags) = (
            ffi::PyMethodDefPointer {
                PyCFunctionFastWithKeywords: fastcall_entry::<B>,
            },
            ffi::METH_FASTCALL | ffi::METH_KEYWORDS,
        );
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        let (meth, flags) = (
            ffi::PyMethodDefPointer {
                PyCFunctionWithKeywords: varargs_entry::<B>,
            },
            ffi::METH_VARARGS | ffi::METH_KEYWORDS,
        );
        Self::with_meth(name, doc, meth, flags)
    }

    /// Builds the definition of a function without parameters (`METH_NOARGS`) whose body is
    /// `B::BODY`.
    pub const fn noargs<B: HasNoargsBody>(name: &'static CStr, doc: Option<&'static CStr>) -> Self {
        let meth = ffi::PyMethodDefPointer {
            PyCFunction: noargs_entry::<B>,
        };
        Self::with_meth(name, doc, meth, ffi::METH_NOARGS)
    }

    const fn with_meth(
        name: &'static CStr,
        doc: Option<&'static CStr>,
        meth: ffi::PyMethodDefPointer,
        flags: std::ffi::c_int,
    ) -> Self {
        let doc = match doc {
            Some(d) => d.as_ptr(),
            None => std::ptr::null(),
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
    use super::{HasBody, HasNoargsBody, PyFunctionDef};
    use crate::impl_::extract_argument::RawArgs;
    use crate::types::{PyAnyMethods, PyTuple};
    use crate::{ffi, IntoPyObject, PyResult, Python};

    /// Returns the number of positional arguments it was called with (one generic entry point
    /// per body type: each body must be the one its definition calls).
    struct CountArgs;
    impl HasBody for CountArgs {
        const BODY: super::FunctionBody = count_args;
    }
    unsafe fn count_args(
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

    struct Answer;
    impl HasNoargsBody for Answer {
        const BODY: super::NoargsBody = answer;
    }
    unsafe fn answer(py: Python<'_>, _slf: *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject> {
        Ok(42i32.into_pyobject(py)?.into_ptr())
    }

    static COUNT: PyFunctionDef = PyFunctionDef::new::<CountArgs>(c"count", None);
    static ANSWER: PyFunctionDef = PyFunctionDef::noargs::<Answer>(c"answer", Some(c"doc"));

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
        assert_eq!(ANSWER.method_def(0).ml_flags, ffi::METH_NOARGS);
    }
}
