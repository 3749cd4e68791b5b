//! Conversions between Rust values and Python objects: [`IntoPyObject`] (Rust -> Python) and
//! [`FromPyObject`] (Python -> Rust).

use std::convert::Infallible;

use crate::err::CastError;
use crate::types::{PyAnyMethods, PyNone, PyTuple};
use crate::{ffi, Borrowed, Bound, Py, PyAny, PyErr, PyResult, PyTypeCheck, Python};

/// Conversion of a Rust value into a Python object.
///
/// `Target` is the Python type produced, `Output` the smart pointer holding it (usually
/// [`Bound<'py, Self::Target>`], or [`Borrowed`] when converting a reference to an existing
/// object) and `Error` what can go wrong ([`Infallible`] for most types).
pub trait IntoPyObject<'py>: Sized {
    /// The Python type of the result.
    type Target;
    /// The smart pointer type of the result.
    type Output: BoundObject<'py, Self::Target>;
    /// The error type of the conversion.
    type Error: Into<PyErr>;

    /// The Python type hint of the result, for type stubs (`typing.Any` unless the impl gives
    /// a more precise one).
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::ANY;

    /// Performs the conversion.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error>;

    /// Converts the value a Rust callback returned (e.g. a closure of
    /// [`PyCFunction::new_closure`](crate::types::PyCFunction::new_closure)) into the object
    /// handed back to Python: `into_pyobject` by default; `()` gives `None` rather than an
    /// empty tuple, as a Python function without a `return` does.
    #[doc(hidden)]
    fn into_callback_output(self, py: Python<'py>, _: private::Token) -> PyResult<Py<PyAny>> {
        match self.into_pyobject(py) {
            Ok(obj) => Ok(obj.into_any().unbind()),
            Err(err) => Err(err.into()),
        }
    }

    /// Converts a sequence of owned `Self` (e.g. a `Vec<Self>`) into a Python object: a `list`
    /// by default; element types can override it (`u8` gives `bytes`).
    #[doc(hidden)]
    fn owned_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: private::Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        I: IntoIterator<Item = Self> + AsRef<[Self]>,
        I::IntoIter: ExactSizeIterator<Item = Self>,
    {
        let iter = iter.into_iter().map(|e| e.into_bound_py_any(py));
        crate::types::list::try_new_from_iter(py, iter).map(Bound::into_any)
    }

    /// Converts a sequence of borrowed `Self` (e.g. a `&[T]`) into a Python object: a `list`
    /// by default; element types can override it (`&u8` gives `bytes`).
    #[doc(hidden)]
    fn borrowed_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: private::Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        Self: private::Reference,
        I: IntoIterator<Item = Self> + AsRef<[<Self as private::Reference>::BaseType]>,
        I::IntoIter: ExactSizeIterator<Item = Self>,
    {
        let iter = iter.into_iter().map(|e| e.into_bound_py_any(py));
        crate::types::list::try_new_from_iter(py, iter).map(Bound::into_any)
    }
}

pub(crate) mod private {
    /// Restricts the hidden `IntoPyObject` sequence hooks to this crate.
    pub struct Token;

    /// `&T` and its referent type.
    pub trait Reference {
        /// The referent type.
        type BaseType;
    }

    impl<T> Reference for &'_ T {
        type BaseType = T;
    }
}

/// Extension methods for [`IntoPyObject`] that erase the target type.
pub trait IntoPyObjectExt<'py>: IntoPyObject<'py> {
    /// Converts into a `Bound<'py, PyAny>`, with the error converted to a [`PyErr`].
    #[inline]
    fn into_bound_py_any(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.into_pyobject(py) {
            Ok(obj) => Ok(obj.into_any().into_bound()),
            Err(err) => Err(err.into()),
        }
    }

    /// Converts into a `Py<PyAny>`, with the error converted to a [`PyErr`].
    #[inline]
    fn into_py_any(self, py: Python<'py>) -> PyResult<Py<PyAny>> {
        match self.into_pyobject(py) {
            Ok(obj) => Ok(obj.into_any().unbind()),
            Err(err) => Err(err.into()),
        }
    }

    /// Converts, with the error converted to a [`PyErr`].
    #[inline]
    fn into_pyobject_or_pyerr(self, py: Python<'py>) -> PyResult<Self::Output> {
        self.into_pyobject(py).map_err(Into::into)
    }
}

impl<'py, T> IntoPyObjectExt<'py> for T where T: IntoPyObject<'py> {}

mod bound_object_sealed {
    /// Seals [`BoundObject`](super::BoundObject).
    pub trait Sealed {}

    impl<T> Sealed for crate::Bound<'_, T> {}
    impl<T> Sealed for crate::Borrowed<'_, '_, T> {}
}

/// Owned ([`Bound`]) or borrowed ([`Borrowed`]) references to a Python object of type `T`: the
/// possible `Output`s of [`IntoPyObject`].
pub trait BoundObject<'py, T>: bound_object_sealed::Sealed {
    /// The same kind of reference, to `PyAny`.
    type Any: BoundObject<'py, PyAny>;
    /// A borrowed view.
    fn as_borrowed(&self) -> Borrowed<'_, 'py, T>;
    /// Converts into an owned `Bound` (incrementing the count if borrowed).
    fn into_bound(self) -> Bound<'py, T>;
    /// Erases the type.
    fn into_any(self) -> Self::Any;
    /// Converts into an owned raw pointer.
    fn into_ptr(self) -> *mut ffi::PyObject;
    /// The raw pointer.
    fn as_ptr(&self) -> *mut ffi::PyObject;
    /// Converts into a `Py<T>`.
    fn unbind(self) -> Py<T>;
}

impl<'py, T> BoundObject<'py, T> for Bound<'py, T> {
    type Any = Bound<'py, PyAny>;
    #[inline]
    fn as_borrowed(&self) -> Borrowed<'_, 'py, T> {
        Bound::as_borrowed(self)
    }
    #[inline]
    fn into_bound(self) -> Bound<'py, T> {
        self
    }
    #[inline]
    fn into_any(self) -> Self::Any {
        Bound::into_any(self)
    }
    #[inline]
    fn into_ptr(self) -> *mut ffi::PyObject {
        Bound::into_ptr(self)
    }
    #[inline]
    fn as_ptr(&self) -> *mut ffi::PyObject {
        Bound::as_ptr(self)
    }
    #[inline]
    fn unbind(self) -> Py<T> {
        Bound::unbind(self)
    }
}

impl<'a, 'py, T> BoundObject<'py, T> for Borrowed<'a, 'py, T> {
    type Any = Borrowed<'a, 'py, PyAny>;
    #[inline]
    fn as_borrowed(&self) -> Borrowed<'a, 'py, T> {
        *self
    }
    #[inline]
    fn into_bound(self) -> Bound<'py, T> {
        self.to_owned()
    }
    #[inline]
    fn into_any(self) -> Self::Any {
        self.to_any()
    }
    #[inline]
    fn into_ptr(self) -> *mut ffi::PyObject {
        self.to_owned().into_ptr()
    }
    #[inline]
    fn as_ptr(&self) -> *mut ffi::PyObject {
        Borrowed::as_ptr(*self)
    }
    #[inline]
    fn unbind(self) -> Py<T> {
        self.to_owned().unbind()
    }
}

/// Extraction of a Rust value from a Python object.
///
/// `'a` is how long the input is borrowed (so that e.g. `&'a str` can borrow from a Python
/// string) and `'py` the attachment lifetime. Use it through
/// [`crate::types::PyAnyMethods::extract`].
pub trait FromPyObject<'a, 'py>: Sized {
    /// The error type of the extraction.
    type Error: Into<PyErr>;

    /// The Python type hint of the objects this extraction accepts, for type stubs
    /// (`typing.Any` unless the impl gives a more precise one).
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::ANY;

    /// Extracts `Self` from `obj`.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error>;
}

/// [`FromPyObject`] for every input lifetime: types that do not borrow from the input.
pub trait FromPyObjectOwned<'py>: for<'a> FromPyObject<'a, 'py> {}

impl<'py, T> FromPyObjectOwned<'py> for T where T: for<'a> FromPyObject<'a, 'py> {}

// --- smart pointers -----------------------------------------------------------------------

impl<'py, T> IntoPyObject<'py> for Bound<'py, T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a Bound<'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.as_borrowed())
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for Borrowed<'a, 'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &Borrowed<'a, 'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(*self)
    }
}

impl<'py, T> IntoPyObject<'py> for Py<T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.into_bound(py))
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a Py<T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.bind_borrowed(py))
    }
}

impl<'a, 'py, T: PyTypeCheck> FromPyObject<'a, 'py> for Bound<'py, T> {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = T::TYPE_HINT;
    type Error = CastError<'a, 'py>;
    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if T::type_check(&obj) {
            // SAFETY: checked.
            Ok(unsafe { obj.to_owned().cast_into_unchecked() })
        } else {
            Err(CastError::new(obj, T::classinfo_object(obj.py())))
        }
    }
}

impl<'a, 'py, T: PyTypeCheck> FromPyObject<'a, 'py> for Borrowed<'a, 'py, T> {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = T::TYPE_HINT;
    type Error = CastError<'a, 'py>;
    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<T>()
    }
}

impl<'a, 'py, T: PyTypeCheck> FromPyObject<'a, 'py> for Py<T> {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = T::TYPE_HINT;
    type Error = CastError<'a, 'py>;
    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        Bound::<'py, T>::extract(obj).map(Bound::unbind)
    }
}

// --- unit and Option ----------------------------------------------------------------------

impl<'py> IntoPyObject<'py> for () {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::EMPTY_TUPLE;
    type Target = PyTuple;
    type Output = Bound<'py, PyTuple>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyTuple::empty(py))
    }

    #[inline]
    fn into_callback_output(self, py: Python<'py>, _: private::Token) -> PyResult<Py<PyAny>> {
        Ok(py.None())
    }
}

impl<'py> IntoPyObject<'py> for &() {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::EMPTY_TUPLE;
    type Target = PyTuple;
    type Output = Bound<'py, PyTuple>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyTuple::empty(py))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for () {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::EMPTY_TUPLE;
    type Error = PyErr;
    /// Accepts only the empty tuple.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let tuple = obj.cast::<PyTuple>()?;
        if crate::types::PyTupleMethods::len(&*tuple) == 0 {
            Ok(())
        } else {
            Err(crate::types::tuple::wrong_tuple_length(&tuple, 0))
        }
    }
}

impl<'py, T> IntoPyObject<'py> for Option<T>
where
    T: IntoPyObject<'py>,
{
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_union!(T::OUTPUT_TYPE, crate::inspect::hints::NONE);
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = T::Error;
    /// `None` becomes Python `None`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self {
            Some(value) => value
                .into_pyobject(py)
                .map(|obj| obj.into_any().into_bound()),
            None => Ok(PyNone::get(py).to_owned().into_any()),
        }
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a Option<T>
where
    &'a T: IntoPyObject<'py>,
{
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::type_hint_union!(
        <&'a T as IntoPyObject<'py>>::OUTPUT_TYPE,
        crate::inspect::hints::NONE
    );
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = <&'a T as IntoPyObject<'py>>::Error;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.as_ref().into_pyobject(py)
    }
}

impl<'a, 'py, T> FromPyObject<'a, 'py> for Option<T>
where
    T: FromPyObject<'a, 'py>,
{
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_union!(T::INPUT_TYPE, crate::inspect::hints::NONE);
    type Error = T::Error;
    /// Python `None` gives `None`; anything else is extracted as `T`.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if obj.is_none() {
            Ok(None)
        } else {
            T::extract(obj).map(Some)
        }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyList;

    #[test]
    fn default_sequence_conversions_make_lists() {
        Python::attach(|py| {
            let owned = <&str as IntoPyObject>::owned_sequence_into_pyobject(
                vec!["a", "b"],
                py,
                private::Token,
            )
            .unwrap();
            assert!(owned.is_instance_of::<PyList>());
            assert_eq!(owned.repr().unwrap().to_string(), "['a', 'b']");
            let items = [true, false];
            let borrowed = <&bool as IntoPyObject>::borrowed_sequence_into_pyobject(
                &items,
                py,
                private::Token,
            )
            .unwrap();
            assert_eq!(borrowed.repr().unwrap().to_string(), "[True, False]");
        });
    }
}
