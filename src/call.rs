//! [`PyCallArgs`]: the argument types accepted by `call`, `call1` and `call_method*`.
//!
//! Rust tuples of convertible values are passed with the vectorcall protocol
//! (`PyObject_Vectorcall` / `PyObject_VectorcallMethod`), so no argument tuple is built; where
//! the limited API lacks vectorcall (before 3.12) or keyword arguments are given, a tuple is
//! built and `PyObject_Call` is used. Existing Python tuples are passed as they are.

use crate::conversion::{BoundObject, IntoPyObject};
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAnyMethods, PyDict, PyString, PyTuple};
#[allow(unused_imports)]
use crate::{ffi, Borrowed, Bound, Py, PyAny, PyErr, PyResult};

pub(crate) mod private {
    /// Seals [`PyCallArgs`](super::PyCallArgs).
    pub trait Sealed {}

    /// Proves the caller is inside this crate.
    pub struct Token;
}

/// Types usable as the positional arguments of a Python call: `()`, Rust tuples of values that
/// implement [`IntoPyObject`], and Python tuples (`Bound<PyTuple>`, `Py<PyTuple>`, ...).
///
/// This trait is sealed; its methods are implementation details.
pub trait PyCallArgs<'py>: Sized + private::Sealed {
    #[doc(hidden)]
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Borrowed<'_, 'py, PyDict>,
        token: private::Token,
    ) -> PyResult<Bound<'py, PyAny>>;

    #[doc(hidden)]
    fn call_positional(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        token: private::Token,
    ) -> PyResult<Bound<'py, PyAny>>;

    /// (Overridden with `PyObject_VectorcallMethod` where the API has it.)
    #[doc(hidden)]
    fn call_method_positional(
        self,
        object: Borrowed<'_, 'py, PyAny>,
        method_name: Borrowed<'_, 'py, PyString>,
        token: private::Token,
    ) -> PyResult<Bound<'py, PyAny>> {
        call_method_via_getattr(self, object, method_name, token)
    }
}

/// `function(*args, **kwargs)` with a Python tuple; `kwargs` may be NULL.
#[inline]
pub(crate) fn call_with_tuple<'py>(
    function: Borrowed<'_, 'py, PyAny>,
    args: Borrowed<'_, 'py, PyTuple>,
    kwargs: *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyAny>> {
    let py = function.py();
    // SAFETY: attached; valid objects.
    unsafe { ffi::PyObject_Call(function.as_ptr(), args.as_ptr(), kwargs).assume_owned_or_err(py) }
}

/// `object.method_name(*args)` by looking the method up first: the way without vectorcall.
fn call_method_via_getattr<'py>(
    args: impl PyCallArgs<'py>,
    object: Borrowed<'_, 'py, PyAny>,
    method_name: Borrowed<'_, 'py, PyString>,
    token: private::Token,
) -> PyResult<Bound<'py, PyAny>> {
    let method = object.getattr(method_name)?;
    args.call_positional(method.as_borrowed(), token)
}

/// `args[0].method_name(*args[1..])` with `PyObject_VectorcallMethod` (`args[0]` is the
/// object whose method is called).
#[cfg(any(Py_3_12, not(Py_LIMITED_API)))]
#[inline]
fn vectorcall_method<'py>(
    method_name: Borrowed<'_, 'py, PyString>,
    args: &[*mut ffi::PyObject],
) -> PyResult<Bound<'py, PyAny>> {
    let py = method_name.py();
    // SAFETY: attached; the caller keeps the objects in `args` alive during the call.
    unsafe {
        ffi::PyObject_VectorcallMethod(
            method_name.as_ptr(),
            args.as_ptr(),
            args.len(),
            std::ptr::null_mut(),
        )
        .assume_owned_or_err(py)
    }
}

impl private::Sealed for () {}

impl<'py> PyCallArgs<'py> for () {
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Borrowed<'_, 'py, PyDict>,
        _: private::Token,
    ) -> PyResult<Bound<'py, PyAny>> {
        let args = PyTuple::empty(function.py());
        call_with_tuple(function, args.as_borrowed(), kwargs.as_ptr())
    }

    fn call_positional(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        _: private::Token,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = function.py();
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        // SAFETY: attached.
        unsafe {
            ffi::PyObject_CallNoArgs(function.as_ptr()).assume_owned_or_err(py)
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            let args = PyTuple::empty(py);
            call_with_tuple(function, args.as_borrowed(), std::ptr::null_mut())
        }
    }

    #[cfg(any(Py_3_12, not(Py_LIMITED_API)))]
    fn call_method_positional(
        self,
        object: Borrowed<'_, 'py, PyAny>,
        method_name: Borrowed<'_, 'py, PyString>,
        _: private::Token,
    ) -> PyResult<Bound<'py, PyAny>> {
        vectorcall_method(method_name, &[object.as_ptr()])
    }
}

/// Python tuples are passed as they are (converting them is infallible and at most takes a
/// reference).
macro_rules! impl_call_args_for_python_tuple {
    ($($ty:ty),*) => {$(
        impl<'py> private::Sealed for $ty {}

        impl<'py> PyCallArgs<'py> for $ty {
            fn call(
                self,
                function: Borrowed<'_, 'py, PyAny>,
                kwargs: Borrowed<'_, 'py, PyDict>,
                _: private::Token,
            ) -> PyResult<Bound<'py, PyAny>> {
                let args = self.into_pyobject(function.py()).unwrap_or_else(|e| match e {});
                call_with_tuple(function, args.as_borrowed(), kwargs.as_ptr())
            }

            fn call_positional(
                self,
                function: Borrowed<'_, 'py, PyAny>,
                _: private::Token,
            ) -> PyResult<Bound<'py, PyAny>> {
                let args = self.into_pyobject(function.py()).unwrap_or_else(|e| match e {});
                call_with_tuple(function, args.as_borrowed(), std::ptr::null_mut())
            }
        }
    )*};
}

impl_call_args_for_python_tuple!(
    Bound<'py, PyTuple>,
    &Bound<'py, PyTuple>,
    Borrowed<'_, 'py, PyTuple>,
    Py<PyTuple>,
    &Py<PyTuple>
);

macro_rules! impl_call_args_for_rust_tuple {
    ($len:expr; $($T:ident $idx:tt),+) => {
        impl<$($T,)+> private::Sealed for ($($T,)+) {}

        impl<'py, $($T,)+> PyCallArgs<'py> for ($($T,)+)
        where
            $($T: IntoPyObject<'py>,)+
        {
            fn call(
                self,
                function: Borrowed<'_, 'py, PyAny>,
                kwargs: Borrowed<'_, 'py, PyDict>,
                _: private::Token,
            ) -> PyResult<Bound<'py, PyAny>> {
                let py = function.py();
                // No argument tuple: the interpreter reads the positional arguments from the
                // array and unpacks the dict itself, as it would from a tuple.
                #[cfg(not(Py_LIMITED_API))]
                {
                    let converted = ($(self.$idx.into_pyobject(py).map_err(Into::<PyErr>::into)?,)+);
                    // Slot 0 is scratch space for the callee, as in `call_positional`.
                    let mut args = [std::ptr::null_mut(), $(converted.$idx.as_ptr(),)+];
                    // SAFETY: attached; `args`, the converted objects and `kwargs` outlive the
                    // call.
                    unsafe {
                        ffi::PyObject_VectorcallDict(
                            function.as_ptr(),
                            args.as_mut_ptr().add(1),
                            $len | ffi::PY_VECTORCALL_ARGUMENTS_OFFSET,
                            kwargs.as_ptr(),
                        )
                        .assume_owned_or_err(py)
                    }
                }
                #[cfg(Py_LIMITED_API)]
                {
                    let args = self.into_pyobject(py)?;
                    call_with_tuple(function, args.as_borrowed(), kwargs.as_ptr())
                }
            }

            fn call_positional(
                self,
                function: Borrowed<'_, 'py, PyAny>,
                _: private::Token,
            ) -> PyResult<Bound<'py, PyAny>> {
                let py = function.py();
                #[cfg(any(Py_3_12, not(Py_LIMITED_API)))]
                {
                    let converted = ($(self.$idx.into_pyobject(py).map_err(Into::<PyErr>::into)?,)+);
                    // Slot 0 is scratch space the callee may write to
                    // (PY_VECTORCALL_ARGUMENTS_OFFSET): the array is mutable and the pointer
                    // comes from a mutable borrow of it.
                    let mut args = [std::ptr::null_mut(), $(converted.$idx.as_ptr(),)+];
                    // SAFETY: attached; `args` and the converted objects outlive the call.
                    unsafe {
                        ffi::PyObject_Vectorcall(
                            function.as_ptr(),
                            args.as_mut_ptr().add(1),
                            $len | ffi::PY_VECTORCALL_ARGUMENTS_OFFSET,
                            std::ptr::null_mut(),
                        )
                        .assume_owned_or_err(py)
                    }
                }
                #[cfg(not(any(Py_3_12, not(Py_LIMITED_API))))]
                {
                    let args = self.into_pyobject(py)?;
                    call_with_tuple(function, args.as_borrowed(), std::ptr::null_mut())
                }
            }

            #[cfg(any(Py_3_12, not(Py_LIMITED_API)))]
            fn call_method_positional(
                self,
                object: Borrowed<'_, 'py, PyAny>,
                method_name: Borrowed<'_, 'py, PyString>,
                _: private::Token,
            ) -> PyResult<Bound<'py, PyAny>> {
                let py = object.py();
                let converted = ($(self.$idx.into_pyobject(py).map_err(Into::<PyErr>::into)?,)+);
                // `converted` keeps the arguments alive during the call.
                vectorcall_method(method_name, &[object.as_ptr(), $(converted.$idx.as_ptr(),)+])
            }
        }
    };
}

crate::types::tuple::for_each_tuple_arity!(impl_call_args_for_rust_tuple);

/// A reference to a Rust tuple calls with references to its elements (nothing is cloned or
/// moved out of the tuple).
macro_rules! impl_call_args_for_rust_tuple_ref {
    ($len:expr; $($T:ident $idx:tt),+) => {
        impl<'a, $($T,)+> private::Sealed for &'a ($($T,)+) {}

        impl<'a, 'py, $($T,)+> PyCallArgs<'py> for &'a ($($T,)+)
        where
            $(&'a $T: IntoPyObject<'py>,)+
        {
            #[inline]
            fn call(
                self,
                function: Borrowed<'_, 'py, PyAny>,
                kwargs: Borrowed<'_, 'py, PyDict>,
                token: private::Token,
            ) -> PyResult<Bound<'py, PyAny>> {
                ($(&self.$idx,)+).call(function, kwargs, token)
            }

            #[inline]
            fn call_positional(
                self,
                function: Borrowed<'_, 'py, PyAny>,
                token: private::Token,
            ) -> PyResult<Bound<'py, PyAny>> {
                ($(&self.$idx,)+).call_positional(function, token)
            }

            #[inline]
            fn call_method_positional(
                self,
                object: Borrowed<'_, 'py, PyAny>,
                method_name: Borrowed<'_, 'py, PyString>,
                token: private::Token,
            ) -> PyResult<Bound<'py, PyAny>> {
                ($(&self.$idx,)+).call_method_positional(object, method_name, token)
            }
        }
    };
}

crate::types::tuple::for_each_tuple_arity!(impl_call_args_for_rust_tuple_ref);
