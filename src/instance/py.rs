//! [`Py<T>`]: a reference not tied to a thread.

use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::call::PyCallArgs;
use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::CastError;
use crate::internal::state;
use crate::types::{DerefToPyAny, PyAnyMethods, PyDict, PyString};
use crate::{ffi, Borrowed, Bound, PyAny, PyErr, PyResult, PyTypeCheck, Python};

/// An owned reference to a Python object of type `T` that is not bound to a thread.
///
/// `Py<T>` is `Send` and `Sync`, so it can be stored in Rust structs and moved between
/// threads. Use [`Py::bind`] / [`Py::into_bound`] with a [`Python`] token to operate on it.
///
/// Dropping a `Py<T>` while attached decrements the reference count immediately; while
/// detached the decrement is deferred until the interpreter is next attached (see the
/// reference pool in the crate's design notes). `Clone` is only available with the `py-clone`
/// feature, and panics if the thread is not attached; prefer [`Py::clone_ref`].
#[repr(transparent)]
pub struct Py<T>(pub(crate) NonNull<ffi::PyObject>, PhantomData<T>);

// SAFETY: reference counts are only modified while attached (see `state`).
unsafe impl<T> Send for Py<T> {}
// SAFETY: as above; `&Py<T>` gives no access to the object without a token.
unsafe impl<T> Sync for Py<T> {}

impl<T> Py<T> {
    #[inline]
    pub(crate) unsafe fn from_non_null(ptr: NonNull<ffi::PyObject>) -> Self {
        Py(ptr, PhantomData)
    }

    /// Takes ownership of a new reference `ptr`.
    ///
    /// # Safety
    /// `ptr` must be a valid, non-null owned reference to an instance of `T`.
    ///
    /// # Panics
    /// If `ptr` is null.
    #[inline]
    #[track_caller]
    pub unsafe fn from_owned_ptr(py: Python<'_>, ptr: *mut ffi::PyObject) -> Py<T> {
        match NonNull::new(ptr) {
            Some(nn) => Py(nn, PhantomData),
            None => crate::err::panic_after_error(py),
        }
    }

    /// Takes ownership of `ptr`, or fetches the pending Python error if it is null.
    ///
    /// # Safety
    /// `ptr` must be null (with an error set) or an owned reference to an instance of `T`.
    #[inline]
    pub unsafe fn from_owned_ptr_or_err(
        py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Py<T>> {
        match NonNull::new(ptr) {
            Some(nn) => Ok(Py(nn, PhantomData)),
            None => Err(PyErr::fetch(py)),
        }
    }

    /// Takes ownership of `ptr`, or `None` if it is null.
    ///
    /// # Safety
    /// `ptr` must be null or an owned reference to an instance of `T`.
    #[inline]
    pub unsafe fn from_owned_ptr_or_opt(_py: Python<'_>, ptr: *mut ffi::PyObject) -> Option<Self> {
        NonNull::new(ptr).map(|nn| Py(nn, PhantomData))
    }

    /// Creates a new reference from the borrowed `ptr`.
    ///
    /// # Safety
    /// `ptr` must be a valid, non-null reference to an instance of `T`.
    ///
    /// # Panics
    /// If `ptr` is null.
    #[inline]
    #[track_caller]
    pub unsafe fn from_borrowed_ptr(py: Python<'_>, ptr: *mut ffi::PyObject) -> Py<T> {
        match unsafe { Self::from_borrowed_ptr_or_opt(py, ptr) } {
            Some(p) => p,
            None => crate::err::panic_after_error(py),
        }
    }

    /// Like [`Py::from_borrowed_ptr`], fetching the pending error for null.
    ///
    /// # Safety
    /// `ptr` must be null (with an error set) or a valid reference to an instance of `T`.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_err(
        py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Self> {
        unsafe { Self::from_borrowed_ptr_or_opt(py, ptr) }.ok_or_else(|| PyErr::fetch(py))
    }

    /// Like [`Py::from_borrowed_ptr`], returning `None` for null.
    ///
    /// # Safety
    /// `ptr` must be null or a valid reference to an instance of `T`.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_opt(
        _py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> Option<Self> {
        NonNull::new(ptr).map(|nn| {
            // SAFETY: attached (token); the new Py owns the added reference.
            unsafe { ffi::Py_INCREF(ptr) };
            Py(nn, PhantomData)
        })
    }

    /// The raw pointer (borrowed).
    #[inline]
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.0.as_ptr()
    }

    /// Gives up ownership, returning the raw owned pointer.
    #[inline]
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        std::mem::ManuallyDrop::new(self).0.as_ptr()
    }

    /// Views this as `&Py<PyAny>`.
    #[inline]
    pub fn as_any(&self) -> &Py<PyAny> {
        // SAFETY: same layout.
        unsafe { &*(self as *const Self).cast::<Py<PyAny>>() }
    }

    /// Converts this into `Py<PyAny>`.
    #[inline]
    pub fn into_any(self) -> Py<PyAny> {
        // SAFETY: same layout.
        unsafe { Py::from_non_null(std::mem::ManuallyDrop::new(self).0) }
    }

    /// Binds this reference to the attached thread, as `&Bound<'py, T>`.
    #[inline]
    pub fn bind<'py>(&self, _py: Python<'py>) -> &Bound<'py, T> {
        // SAFETY: Bound<'py, T> is a Py<T> plus a zero-sized token.
        unsafe { &*(self as *const Self).cast::<Bound<'py, T>>() }
    }

    /// Converts this into a [`Bound`] for the attached thread.
    #[inline]
    pub fn into_bound(self, py: Python<'_>) -> Bound<'_, T> {
        Bound::from_py(py, self)
    }

    /// A [`Borrowed`] view bound to the attached thread.
    #[inline]
    pub fn bind_borrowed<'a, 'py>(&'a self, py: Python<'py>) -> Borrowed<'a, 'py, T> {
        // SAFETY: `self` keeps the object alive for 'a.
        unsafe { Borrowed::from_non_null(py, self.0, PhantomData) }
    }

    /// Whether `self` and `other` are the same object (Python's `is`).
    #[inline]
    pub fn is<U: AsRef<Py<PyAny>>>(&self, other: U) -> bool {
        self.as_ptr() == other.as_ref().as_ptr()
    }

    /// The current reference count of the object.
    #[inline]
    pub fn get_refcnt(&self, _py: Python<'_>) -> isize {
        // SAFETY: attached (token).
        unsafe { super::bound::refcnt(self.as_ptr()) }
    }

    /// A new reference to the same object.
    #[inline]
    pub fn clone_ref(&self, _py: Python<'_>) -> Py<T> {
        // SAFETY: attached (token).
        unsafe { ffi::Py_INCREF(self.as_ptr()) };
        Py(self.0, PhantomData)
    }

    /// Drops this reference now, while attached (instead of possibly deferring).
    #[inline]
    pub fn drop_ref(self, py: Python<'_>) {
        let _ = self.into_bound(py);
    }

    /// Whether the object is `None`.
    #[inline]
    pub fn is_none(&self, _py: Python<'_>) -> bool {
        // SAFETY: comparing pointers only.
        self.as_ptr() == unsafe { ffi::Py_None() }
    }

    /// The truth value of the object, as `bool(obj)`.
    pub fn is_truthy(&self, py: Python<'_>) -> PyResult<bool> {
        self.bind(py).as_any().is_truthy()
    }

    /// Extracts a Rust value from the object.
    #[inline]
    pub fn extract<'a, 'py, D>(&'a self, py: Python<'py>) -> Result<D, D::Error>
    where
        D: FromPyObject<'a, 'py>,
    {
        D::extract(self.bind_borrowed(py).to_any())
    }

    /// Gets the attribute `attr_name`, as `getattr(obj, attr_name)`.
    pub fn getattr<'py, N>(&self, py: Python<'py>, attr_name: N) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        self.bind(py).as_any().getattr(attr_name).map(Bound::unbind)
    }

    /// Sets the attribute `attr_name`, as `setattr(obj, attr_name, value)`.
    pub fn setattr<'py, N, V>(&self, py: Python<'py>, attr_name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        self.bind(py).as_any().setattr(attr_name, value)
    }

    /// Calls the object with positional `args` and optional `kwargs`.
    pub fn call<'py, A>(
        &self,
        py: Python<'py>,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>>
    where
        A: PyCallArgs<'py>,
    {
        self.bind(py).as_any().call(args, kwargs).map(Bound::unbind)
    }

    /// Calls the object with positional `args` only.
    pub fn call1<'py, A>(&self, py: Python<'py>, args: A) -> PyResult<Py<PyAny>>
    where
        A: PyCallArgs<'py>,
    {
        self.bind(py).as_any().call1(args).map(Bound::unbind)
    }

    /// Calls the object without arguments.
    pub fn call0(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.bind(py).as_any().call0().map(Bound::unbind)
    }

    /// Calls the method `name` with positional `args` and optional `kwargs`.
    pub fn call_method<'py, N, A>(
        &self,
        py: Python<'py>,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>,
    {
        self.bind(py)
            .as_any()
            .call_method(name, args, kwargs)
            .map(Bound::unbind)
    }

    /// Calls the method `name` with positional `args`.
    pub fn call_method1<'py, N, A>(&self, py: Python<'py>, name: N, args: A) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>,
    {
        self.bind(py)
            .as_any()
            .call_method1(name, args)
            .map(Bound::unbind)
    }

    /// Calls the method `name` without arguments.
    pub fn call_method0<'py, N>(&self, py: Python<'py>, name: N) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        self.bind(py).as_any().call_method0(name).map(Bound::unbind)
    }

    /// Casts the bound object to `U` (see [`Bound::cast`]).
    pub fn cast_bound<'py, U: PyTypeCheck>(
        &self,
        py: Python<'py>,
    ) -> Result<&Bound<'py, U>, CastError<'_, 'py>> {
        self.bind(py).cast()
    }

    /// Casts the bound object to `U` without checking.
    ///
    /// # Safety
    /// The object must be an instance of `U`.
    pub unsafe fn cast_bound_unchecked<'py, U>(&self, py: Python<'py>) -> &Bound<'py, U> {
        unsafe { self.bind(py).cast_unchecked() }
    }
}

impl<T> Drop for Py<T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: we own one reference.
        unsafe { state::register_decref(self.0) }
    }
}

#[cfg(feature = "py-clone")]
impl<T> Clone for Py<T> {
    /// A new reference to the same object.
    ///
    /// # Panics
    /// If the current thread is not attached to the interpreter.
    #[track_caller]
    #[inline]
    fn clone(&self) -> Self {
        state::incref_attached(self.0);
        Py(self.0, PhantomData)
    }
}

impl<T> AsRef<Py<PyAny>> for Py<T> {
    #[inline]
    fn as_ref(&self) -> &Py<PyAny> {
        self.as_any()
    }
}

impl<T: DerefToPyAny> From<Py<T>> for Py<PyAny> {
    #[inline]
    fn from(other: Py<T>) -> Self {
        other.into_any()
    }
}

impl<T> std::fmt::Debug for Py<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Py").field(&self.0.as_ptr()).finish()
    }
}

impl<T> std::fmt::Display for Py<T> {
    /// Formats `str(obj)` (attaching the thread as needed).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Python::attach(|py| std::fmt::Display::fmt(self.bind(py), f))
    }
}
