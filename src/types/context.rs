//! Context variables ([`contextvars`](https://docs.python.org/3/library/contextvars.html)):
//! [`PyContext`], [`PyContextVar`] and [`PyContextToken`].
//!
//! These wrap Python's `contextvars.Context`, `contextvars.ContextVar` and
//! `contextvars.Token`; the methods mirror the Python ones. Non-abi3 builds use the C API
//! (`PyContext_*`, `PyContextVar_*`); abi3 builds, where that API does not exist, go through
//! the `contextvars` module.

use crate::exceptions::PyKeyError;
use crate::types::{PyAny, PyAnyMethods, PyDict, PyDictMethods, PyString, PyTuple};
use crate::{ffi, intern, Bound, BoundObject, IntoPyObject, PyResult, Python};

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
use crate::exceptions::PyLookupError;

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
use crate::internal::ptr_ext::FfiPtrExt;

/// A `contextvars.Context`: a mapping from [`PyContextVar`]s to their values.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyContext, PyContextMethods, PyContextVar, PyContextVarMethods};
///
/// Python::attach(|py| -> PyResult<()> {
///     let var = PyContextVar::new(py, "request_id", None)?;
///     let ctx = PyContext::new(py)?;
///     // Set the variable inside `ctx` only (as `ctx.run(var.set, 7)`).
///     ctx.run(var.getattr("set")?, (7,))?;
///     assert_eq!(ctx.get(&var)?.unwrap().extract::<i32>()?, 7);
///     // The current context does not see it.
///     assert!(var.get().is_err());
///     Ok(())
/// })
/// # .unwrap();
/// ```
#[repr(transparent)]
pub struct PyContext(PyAny);

/// A `contextvars.ContextVar`: a variable whose value depends on the current [`PyContext`].
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyContextVar, PyContextVarMethods};
///
/// Python::attach(|py| -> PyResult<()> {
///     let var = PyContextVar::new(py, "depth", Some(0i32.into_pyobject(py)?.as_any()))?;
///     assert_eq!(var.get()?.extract::<i32>()?, 0);
///     let token = var.set(1)?;
///     assert_eq!(var.get()?.extract::<i32>()?, 1);
///     var.reset(&token)?;
///     assert_eq!(var.get()?.extract::<i32>()?, 0);
///     assert_eq!(var.name()?, "depth");
///     Ok(())
/// })
/// # .unwrap();
/// ```
#[repr(transparent)]
pub struct PyContextVar(PyAny);

/// A `contextvars.Token`, returned by [`PyContextVarMethods::set`] and accepted by
/// [`PyContextVarMethods::reset`].
#[repr(transparent)]
pub struct PyContextToken(PyAny);

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod type_objects {
    use super::*;

    crate::pyobject_native_type_core!(PyContext, crate::pyobject_native_static_type_object!(ffi::PyContext_Type), #module = ::std::option::Option::Some("contextvars"), #checkfunction = ffi::PyContext_CheckExact);
    crate::pyobject_native_type_core!(PyContextVar, crate::pyobject_native_static_type_object!(ffi::PyContextVar_Type), #module = ::std::option::Option::Some("contextvars"), #checkfunction = ffi::PyContextVar_CheckExact);
    crate::pyobject_native_type_core!(PyContextToken, crate::pyobject_native_static_type_object!(ffi::PyContextToken_Type), #module = ::std::option::Option::Some("contextvars"), #checkfunction = ffi::PyContextToken_CheckExact);
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
mod type_objects {
    use super::*;
    use crate::sync::PyOnceLock;
    use crate::types::PyType;
    use crate::Py;

    /// The three classes of the `contextvars` module, imported once.
    struct Types {
        context: Py<PyType>,
        var: Py<PyType>,
        token: Py<PyType>,
    }

    fn types(py: Python<'_>) -> &'static Types {
        static TYPES: PyOnceLock<Types> = PyOnceLock::new();
        TYPES
            .get_or_try_init(py, || -> PyResult<Types> {
                let m = py.import("contextvars")?;
                let get = |name: &str| -> PyResult<Py<PyType>> {
                    Ok(m.getattr(name)?.cast_into::<PyType>()?.unbind())
                };
                Ok(Types {
                    context: get("Context")?,
                    var: get("ContextVar")?,
                    token: get("Token")?,
                })
            })
            .expect("failed to import the `contextvars` module")
    }

    crate::pyobject_native_type_core!(PyContext, |py| {
        types(py).context.as_ptr().cast::<ffi::PyTypeObject>()
    }, #module = ::std::option::Option::Some("contextvars"));
    crate::pyobject_native_type_core!(PyContextVar, |py| {
        types(py).var.as_ptr().cast::<ffi::PyTypeObject>()
    }, #module = ::std::option::Option::Some("contextvars"));
    crate::pyobject_native_type_core!(PyContextToken, |py| {
        types(py).token.as_ptr().cast::<ffi::PyTypeObject>()
    }, #module = ::std::option::Option::Some("contextvars"));
}

/// The `contextvars` function `name`, for the abi3 code paths.
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
fn contextvars_attr<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("contextvars")?.getattr(name)
}

impl PyContext {
    /// Creates a new, empty context (as `contextvars.Context()`).
    pub fn new(py: Python<'_>) -> PyResult<Bound<'_, PyContext>> {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        // SAFETY: attached; new reference or NULL with an error set.
        let ctx = unsafe { ffi::PyContext_New().assume_owned_or_err(py)? };
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        let ctx = py.get_type::<PyContext>().call0()?;
        // SAFETY: both paths create a `Context`.
        Ok(unsafe { ctx.cast_into_unchecked() })
    }

    /// A copy of the current thread's context (as `contextvars.copy_context()`).
    pub fn copy_current(py: Python<'_>) -> PyResult<Bound<'_, PyContext>> {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        // SAFETY: attached; new reference or NULL with an error set.
        let ctx = unsafe { ffi::PyContext_CopyCurrent().assume_owned_or_err(py)? };
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        let ctx = contextvars_attr(py, "copy_context")?.call0()?;
        // SAFETY: both paths return a `Context`.
        Ok(unsafe { ctx.cast_into_unchecked() })
    }
}

/// Methods of [`PyContext`], implemented for `Bound<'py, PyContext>`.
///
/// A context is also a read-only mapping: `len`, `contains`, `get_item`, iteration etc. are
/// available through [`PyAnyMethods`].
pub trait PyContextMethods<'py>: sealed::Sealed {
    /// A shallow copy of this context (as `Context.copy()`).
    fn copy(&self) -> PyResult<Bound<'py, PyContext>>;

    /// Calls `callable(*args)` with this context as the current one and returns its result (as
    /// `Context.run(callable, *args)`); changes the call makes to context variables stay in
    /// this context.
    ///
    /// Raises `RuntimeError` if this context is already entered (in any thread).
    fn run<F, A>(&self, callable: F, args: A) -> PyResult<Bound<'py, PyAny>>
    where
        F: IntoPyObject<'py>,
        A: IntoPyObject<'py, Target = PyTuple>;

    /// Runs the Rust closure `f` with this context as the current one, and switches back to
    /// the previous context afterwards (also when `f` panics): the Rust counterpart of
    /// [`run`](Self::run).
    ///
    /// Raises `RuntimeError` (without calling `f`) if this context is already entered.
    /// Not available with the limited API, which lacks `PyContext_Enter`/`PyContext_Exit`.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn scope<R>(&self, f: impl FnOnce() -> R) -> PyResult<R>;

    /// The value of `var` in this context, or `None` if it has none (the variable's default is
    /// not consulted), as `context[var]` with `KeyError` turned into `None`.
    fn get(&self, var: &Bound<'py, PyContextVar>) -> PyResult<Option<Bound<'py, PyAny>>>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyContext> {}
    impl Sealed for crate::Bound<'_, super::PyContextVar> {}
    impl Sealed for crate::Bound<'_, super::PyContextToken> {}
}

impl<'py> PyContextMethods<'py> for Bound<'py, PyContext> {
    fn copy(&self) -> PyResult<Bound<'py, PyContext>> {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        // SAFETY: attached; `self` is a context; new reference or NULL with an error set.
        let ctx = unsafe { ffi::PyContext_Copy(self.as_ptr()).assume_owned_or_err(self.py())? };
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        let ctx = self.call_method0(intern!(self.py(), "copy"))?;
        // SAFETY: copying a context gives a context.
        Ok(unsafe { ctx.cast_into_unchecked() })
    }

    fn run<F, A>(&self, callable: F, args: A) -> PyResult<Bound<'py, PyAny>>
    where
        F: IntoPyObject<'py>,
        A: IntoPyObject<'py, Target = PyTuple>,
    {
        let py = self.py();
        let callable = callable.into_pyobject(py).map_err(Into::into)?.into_any();
        let args = args
            .into_pyobject(py)
            .map_err(Into::into)?
            .into_any()
            .into_bound();
        // `Context.run(callable, *args)`: prepend the callable to the arguments.
        let mut all = vec![callable.into_bound()];
        for item in args.try_iter()? {
            all.push(item?);
        }
        let all = PyTuple::new(py, all)?;
        self.call_method1(intern!(py, "run"), all)
    }

    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn scope<R>(&self, f: impl FnOnce() -> R) -> PyResult<R> {
        /// Leaves the context when dropped, so that a panic in `f` does not leave it current.
        struct Exit<'a, 'py>(&'a Bound<'py, PyContext>);
        impl Drop for Exit<'_, '_> {
            fn drop(&mut self) {
                // SAFETY: attached; the context was entered by `scope` on this thread.
                if unsafe { ffi::PyContext_Exit(self.0.as_ptr()) } != 0 {
                    // Only possible if `f` left another context entered (through unsafe
                    // code); report rather than lose the error.
                    // SAFETY: attached; an error is set.
                    unsafe { ffi::PyErr_WriteUnraisable(self.0.as_ptr()) };
                }
            }
        }
        let py = self.py();
        // SAFETY: attached; `self` is a context.
        crate::internal::ptr_ext::error_on_minusone(py, unsafe {
            ffi::PyContext_Enter(self.as_ptr())
        })?;
        let guard = Exit(self);
        let result = f();
        std::mem::forget(guard);
        // SAFETY: as in the guard.
        crate::internal::ptr_ext::error_on_minusone(py, unsafe {
            ffi::PyContext_Exit(self.as_ptr())
        })?;
        Ok(result)
    }

    fn get(&self, var: &Bound<'py, PyContextVar>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.get_item(var) {
            Ok(value) => Ok(Some(value)),
            Err(err) if err.is_instance_of::<PyKeyError>(self.py()) => Ok(None),
            Err(err) => Err(err),
        }
    }
}

impl PyContextVar {
    /// Creates a context variable called `name`, with an optional default value (as
    /// `contextvars.ContextVar(name, default=...)`).
    ///
    /// Context variables should be created once (e.g. at module level, or cached in a
    /// [`PyOnceLock`](crate::sync::PyOnceLock)), not per call: contexts hold references to them.
    pub fn new<'py>(
        py: Python<'py>,
        name: &str,
        default: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyContextVar>> {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        if let Ok(c_name) = std::ffi::CString::new(name) {
            let default = default.map_or(std::ptr::null_mut(), Bound::as_ptr);
            // SAFETY: attached; `c_name` is a valid C string, `default` is NULL or live;
            // new reference or NULL with an error set.
            let var = unsafe { ffi::PyContextVar_New(c_name.as_ptr(), default) };
            // SAFETY: creates a `ContextVar`.
            return Ok(unsafe { var.assume_owned_or_err(py)?.cast_into_unchecked() });
        }
        // A name with NUL characters (not representable for the C API), or the abi3 path.
        let kwargs = PyDict::new(py);
        if let Some(default) = default {
            kwargs.set_item(intern!(py, "default"), default)?;
        }
        let var = py.get_type::<PyContextVar>().call((name,), Some(&kwargs))?;
        // SAFETY: calling the `ContextVar` class creates one.
        Ok(unsafe { var.cast_into_unchecked() })
    }
}

/// Methods of [`PyContextVar`], implemented for `Bound<'py, PyContextVar>`.
pub trait PyContextVarMethods<'py>: sealed::Sealed {
    /// The variable's name (as `ContextVar.name`).
    fn name(&self) -> PyResult<Bound<'py, PyString>>;

    /// The variable's value in the current context, else its default (as `ContextVar.get()`).
    ///
    /// Raises `LookupError` if it has neither.
    fn get(&self) -> PyResult<Bound<'py, PyAny>>;

    /// Like [`get`](Self::get), but returns `default` instead of raising `LookupError` (as
    /// `ContextVar.get(default)`).
    fn get_or(&self, default: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>>;

    /// Sets the variable's value in the current context (as `ContextVar.set(value)`), returning
    /// a token for [`reset`](Self::reset).
    fn set<V>(&self, value: V) -> PyResult<Bound<'py, PyContextToken>>
    where
        V: IntoPyObject<'py>;

    /// Restores the value the variable had before the [`set`](Self::set) that returned `token`
    /// (as `ContextVar.reset(token)`).
    ///
    /// Raises `ValueError` if the token belongs to another variable or was created in another
    /// context, and `RuntimeError` if it was already used.
    fn reset(&self, token: &Bound<'py, PyContextToken>) -> PyResult<()>;
}

impl<'py> PyContextVarMethods<'py> for Bound<'py, PyContextVar> {
    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        Ok(self.getattr(intern!(self.py(), "name"))?.cast_into()?)
    }

    fn get(&self) -> PyResult<Bound<'py, PyAny>> {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        {
            let mut value = std::ptr::null_mut();
            // SAFETY: attached; `self` is a context variable; on success `value` is a new
            // reference or NULL (no value and no default).
            let rc =
                unsafe { ffi::PyContextVar_Get(self.as_ptr(), std::ptr::null_mut(), &mut value) };
            crate::internal::ptr_ext::error_on_minusone(self.py(), rc)?;
            if value.is_null() {
                // As Python does: the exception's argument is the variable.
                return Err(PyLookupError::new_err(self.clone().unbind()));
            }
            // SAFETY: a new reference.
            Ok(unsafe { value.assume_owned(self.py()) })
        }
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        self.call_method0(intern!(self.py(), "get"))
    }

    fn get_or(&self, default: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        {
            let mut value = std::ptr::null_mut();
            // SAFETY: attached; `self` is a context variable, `default` is live; on success
            // `value` is a new reference (never NULL with a default).
            let rc = unsafe { ffi::PyContextVar_Get(self.as_ptr(), default.as_ptr(), &mut value) };
            crate::internal::ptr_ext::error_on_minusone(self.py(), rc)?;
            // SAFETY: a new reference (or NULL, reported as an error).
            unsafe { value.assume_owned_or_err(self.py()) }
        }
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        self.call_method1(intern!(self.py(), "get"), (default,))
    }

    fn set<V>(&self, value: V) -> PyResult<Bound<'py, PyContextToken>>
    where
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        let value = value
            .into_pyobject(py)
            .map_err(Into::into)?
            .into_any()
            .into_bound();
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        // SAFETY: attached; both objects are live; new reference or NULL with an error set.
        let token = unsafe {
            ffi::PyContextVar_Set(self.as_ptr(), value.as_ptr()).assume_owned_or_err(py)?
        };
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        let token = self.call_method1(intern!(py, "set"), (value,))?;
        // SAFETY: `set` returns a token.
        Ok(unsafe { token.cast_into_unchecked() })
    }

    fn reset(&self, token: &Bound<'py, PyContextToken>) -> PyResult<()> {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        {
            // SAFETY: attached; both objects are live.
            let rc = unsafe { ffi::PyContextVar_Reset(self.as_ptr(), token.as_ptr()) };
            crate::internal::ptr_ext::error_on_minusone(self.py(), rc)
        }
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        self.call_method1(intern!(self.py(), "reset"), (token,))
            .map(drop)
    }
}

/// Methods of [`PyContextToken`], implemented for `Bound<'py, PyContextToken>`.
pub trait PyContextTokenMethods<'py>: sealed::Sealed {
    /// The variable the token was created for (as `Token.var`).
    fn var(&self) -> PyResult<Bound<'py, PyContextVar>>;

    /// The value the variable had before the `set` that created the token, or `None` if it had
    /// none (`Token.old_value` is `Token.MISSING`).
    fn old_value(&self) -> PyResult<Option<Bound<'py, PyAny>>>;
}

impl<'py> PyContextTokenMethods<'py> for Bound<'py, PyContextToken> {
    fn var(&self) -> PyResult<Bound<'py, PyContextVar>> {
        Ok(self.getattr(intern!(self.py(), "var"))?.cast_into()?)
    }

    fn old_value(&self) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = self.py();
        let old = self.getattr(intern!(py, "old_value"))?;
        let missing = self.get_type().getattr(intern!(py, "MISSING"))?;
        Ok(if old.is(&missing) { None } else { Some(old) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::{PyLookupError, PyRuntimeError, PyValueError};

    #[test]
    fn context_var_round_trip() {
        Python::attach(|py| {
            let var = PyContextVar::new(py, "v", None).unwrap();
            let var_repr = var.repr().unwrap().to_string();
            crate::test_common::assert_result_err::<PyLookupError, _>(py, var.get(), &var_repr);
            let dflt = 5i32.into_pyobject(py).unwrap().into_any();
            assert!(var.get_or(&dflt).unwrap().is(&dflt));
            let token = var.set(1i32).unwrap();
            assert!(token.var().unwrap().is(&var));
            assert!(token.old_value().unwrap().is_none());
            assert_eq!(var.get().unwrap().extract::<i32>().unwrap(), 1);
            var.reset(&token).unwrap();
            crate::test_common::assert_result_err::<PyLookupError, _>(py, var.get(), &var_repr);
            let err = var.reset(&token).unwrap_err();
            let used = token.repr().unwrap().to_string();
            crate::test_common::assert_err::<PyRuntimeError>(
                py,
                &err,
                &format!("{used} has already been used once"),
            );
        });
    }

    #[test]
    fn context_isolation() {
        Python::attach(|py| {
            let var = PyContextVar::new(py, "iso", None).unwrap();
            let ctx = PyContext::new(py).unwrap();
            assert!(ctx.is_exact_instance_of::<PyContext>());
            let token: Bound<'_, PyContextToken> = ctx
                .run(var.getattr("set").unwrap(), (3,))
                .unwrap()
                .cast_into()
                .unwrap();
            assert_eq!(ctx.get(&var).unwrap().unwrap().extract::<i32>().unwrap(), 3);
            assert!(PyContext::copy_current(py)
                .unwrap()
                .get(&var)
                .unwrap()
                .is_none());
            let err = var.reset(&token).unwrap_err();
            let expected = format!(
                "{} was created in a different Context",
                token.repr().unwrap()
            );
            crate::test_common::assert_err::<PyValueError>(py, &err, &expected);
            let copy = ctx.copy().unwrap();
            assert!(!copy.is(&ctx));
            assert_eq!(
                copy.get(&var).unwrap().unwrap().extract::<i32>().unwrap(),
                3
            );
        });
    }
}
