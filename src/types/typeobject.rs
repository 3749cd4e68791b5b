//! [`PyType`]: Python type objects.

#[allow(unused_imports)]
use crate::internal::ptr_ext::{truth_or_err, FfiPtrExt};
use crate::types::{PyAny, PyAnyMethods, PyString, PyTuple};
use crate::{ffi, Bound, PyResult, PyTypeInfo, Python};

/// A Python type object (`type` and its subclasses).
#[repr(transparent)]
pub struct PyType(PyAny);

crate::pyobject_native_type_core!(PyType, crate::pyobject_native_static_type_object!(ffi::PyType_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyType_Check);

impl PyType {
    /// The type object of `T`.
    #[inline]
    pub fn new<T: PyTypeInfo>(py: Python<'_>) -> Bound<'_, PyType> {
        T::type_object(py)
    }

    /// Wraps a raw type object pointer (borrowed).
    ///
    /// # Safety
    /// `p` must be a valid, non-null type object.
    #[inline]
    pub unsafe fn from_borrowed_type_ptr(
        py: Python<'_>,
        p: *mut ffi::PyTypeObject,
    ) -> Bound<'_, PyType> {
        unsafe { Bound::from_borrowed_ptr(py, p.cast()).cast_into_unchecked() }
    }
}

/// Methods of [`PyType`], implemented for `Bound<'py, PyType>`.
pub trait PyTypeMethods<'py>: crate::types::typeobject::sealed::Sealed {
    /// The raw type object pointer.
    fn as_type_ptr(&self) -> *mut ffi::PyTypeObject;
    /// The type's `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
    /// The type's `__qualname__`.
    fn qualname(&self) -> PyResult<Bound<'py, PyString>>;
    /// The type's `__module__`.
    fn module(&self) -> PyResult<Bound<'py, PyString>>;
    /// `module.qualname`, with the module omitted for `builtins` and `__main__`.
    fn fully_qualified_name(&self) -> PyResult<Bound<'py, PyString>>;
    /// `issubclass(self, other)`.
    fn is_subclass(&self, other: &Bound<'_, PyAny>) -> PyResult<bool>;
    /// `issubclass(self, T)`.
    fn is_subclass_of<T: PyTypeInfo>(&self) -> PyResult<bool>;
    /// The type's `__mro__`.
    fn mro(&self) -> Bound<'py, PyTuple>;
    /// The type's `__bases__`.
    fn bases(&self) -> Bound<'py, PyTuple>;
}

pub(crate) mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyType> {}
}

#[allow(dead_code)]
fn string_attr<'py>(ty: &Bound<'py, PyType>, name: &str) -> PyResult<Bound<'py, PyString>> {
    ty.as_any()
        .getattr(PyString::new(ty.py(), name))?
        .cast_into::<PyString>()
        .map_err(Into::into)
}

impl<'py> PyTypeMethods<'py> for Bound<'py, PyType> {
    #[inline]
    fn as_type_ptr(&self) -> *mut ffi::PyTypeObject {
        self.as_ptr().cast()
    }

    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        #[cfg(Py_3_11)]
        // SAFETY: attached; returns a new str reference or NULL.
        unsafe {
            ffi::PyType_GetName(self.as_type_ptr())
                .assume_owned_or_err(self.py())
                .map(|s| s.cast_into_unchecked())
        }
        #[cfg(not(Py_3_11))]
        string_attr(self, "__name__")
    }

    fn qualname(&self) -> PyResult<Bound<'py, PyString>> {
        #[cfg(Py_3_11)]
        // SAFETY: attached; returns a new str reference or NULL.
        unsafe {
            ffi::PyType_GetQualName(self.as_type_ptr())
                .assume_owned_or_err(self.py())
                .map(|s| s.cast_into_unchecked())
        }
        #[cfg(not(Py_3_11))]
        string_attr(self, "__qualname__")
    }

    fn module(&self) -> PyResult<Bound<'py, PyString>> {
        #[cfg(Py_3_13)]
        // SAFETY: attached; returns a new reference or NULL.
        unsafe {
            ffi::PyType_GetModuleName(self.as_type_ptr())
                .assume_owned_or_err(self.py())?
                .cast_into::<PyString>()
                .map_err(Into::into)
        }
        #[cfg(not(Py_3_13))]
        string_attr(self, "__module__")
    }

    fn fully_qualified_name(&self) -> PyResult<Bound<'py, PyString>> {
        #[cfg(Py_3_13)]
        // SAFETY: attached; returns a new str reference or NULL.
        unsafe {
            ffi::PyType_GetFullyQualifiedName(self.as_type_ptr())
                .assume_owned_or_err(self.py())
                .map(|s| s.cast_into_unchecked())
        }
        #[cfg(not(Py_3_13))]
        {
            use crate::types::PyStringMethods;
            let module = self.module()?;
            let qualname = self.qualname()?;
            let module = module.to_cow()?;
            if module == "builtins" || module == "__main__" {
                Ok(qualname)
            } else {
                Ok(PyString::new(
                    self.py(),
                    &format!("{}.{}", module, qualname.to_cow()?),
                ))
            }
        }
    }

    fn is_subclass(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        // SAFETY: attached.
        truth_or_err(self.py(), unsafe {
            ffi::PyObject_IsSubclass(self.as_ptr(), other.as_ptr())
        })
    }

    fn is_subclass_of<T: PyTypeInfo>(&self) -> PyResult<bool> {
        self.is_subclass(T::type_object(self.py()).as_any())
    }

    fn mro(&self) -> Bound<'py, PyTuple> {
        self.as_any()
            .getattr(crate::intern!(self.py(), "__mro__"))
            .and_then(|m| m.cast_into::<PyTuple>().map_err(Into::into))
            .expect("type has no valid __mro__")
    }

    fn bases(&self) -> Bound<'py, PyTuple> {
        self.as_any()
            .getattr(crate::intern!(self.py(), "__bases__"))
            .and_then(|m| m.cast_into::<PyTuple>().map_err(Into::into))
            .expect("type has no valid __bases__")
    }
}
