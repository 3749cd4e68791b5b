//! [`PyBool`]: Python `bool` objects, and `bool` conversions.

use std::convert::Infallible;

use crate::types::{PyAny, PyAnyMethods, PyTypeMethods};
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, PyErr, PyResult, Python};

/// A Python `bool` object (`True` or `False`).
#[repr(transparent)]
pub struct PyBool(PyAny);

crate::pyobject_native_type_core!(PyBool, crate::pyobject_native_static_type_object!(ffi::PyBool_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyBool_Check);
crate::pyobject_native_type_sized!(PyBool, ffi::PyObject);

impl PyBool {
    /// Returns `True` or `False`.
    #[inline]
    pub fn new(py: Python<'_>, val: bool) -> Borrowed<'_, '_, PyBool> {
        // SAFETY: True and False are always alive.
        unsafe {
            Borrowed::from_ptr(py, if val { ffi::Py_True() } else { ffi::Py_False() })
                .cast_unchecked()
        }
    }
}

/// Methods of [`PyBool`], implemented for `Bound<'py, PyBool>`.
pub trait PyBoolMethods<'py>: sealed::Sealed {
    /// Whether this is `True`.
    fn is_true(&self) -> bool;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyBool> {}
}

impl<'py> PyBoolMethods<'py> for Bound<'py, PyBool> {
    #[inline]
    fn is_true(&self) -> bool {
        is_true(self.as_borrowed())
    }
}

impl<'py> IntoPyObject<'py> for bool {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::BOOL;
    type Target = PyBool;
    type Output = Borrowed<'py, 'py, PyBool>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBool::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for &bool {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::BOOL;
    type Target = PyBool;
    type Output = Borrowed<'py, 'py, PyBool>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBool::new(py, *self))
    }
}

impl FromPyObject<'_, '_> for bool {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::BOOL;
    type Error = PyErr;
    /// Accepts `bool` objects, and numpy's `numpy.bool_` / `numpy.bool` scalars (through their
    /// `__bool__`); anything else raises `TypeError` (no general truthiness conversion).
    #[inline]
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        match obj.cast::<PyBool>() {
            Ok(b) => Ok(is_true(b)),
            Err(err) => numpy_bool(obj).unwrap_or_else(|| Err(err.into())),
        }
    }
}

/// Converts a numpy boolean scalar (recognised by its type's module and name), or `None` if
/// `obj` is not one.
#[cold]
fn numpy_bool(obj: Borrowed<'_, '_, PyAny>) -> Option<PyResult<bool>> {
    let ty = obj.get_type();
    let module = ty.module().ok()?;
    let name = ty.name().ok()?;
    if module != "numpy" || (name != "bool_" && name != "bool") {
        return None;
    }
    #[cfg(not(Py_LIMITED_API))]
    // SAFETY: attached; the type object and its number methods are valid.
    unsafe {
        let ty_ptr = ty.as_type_ptr();
        let number = (*ty_ptr).tp_as_number;
        if let Some(nb_bool) = number.as_ref().and_then(|n| n.nb_bool) {
            let result = nb_bool(obj.as_ptr());
            return Some(crate::internal::ptr_ext::truth_or_err(obj.py(), result));
        }
    }
    #[cfg(Py_LIMITED_API)]
    if let Ok(true) = obj.hasattr(crate::intern!(obj.py(), "__bool__")) {
        return Some(obj.is_truthy());
    }
    Some(Err(crate::exceptions::PyTypeError::new_err(format!(
        "object of type '{}' does not define a '__bool__' conversion",
        ty
    ))))
}

macro_rules! bool_compare {
    ($($ptr:ty),*) => {$(
        impl PartialEq<bool> for $ptr {
            /// Whether this is the Python counterpart of the Rust `bool`.
            #[inline]
            fn eq(&self, other: &bool) -> bool {
                is_true(self.as_borrowed()) == *other
            }
        }

        impl PartialEq<&bool> for $ptr {
            #[inline]
            fn eq(&self, other: &&bool) -> bool {
                is_true(self.as_borrowed()) == **other
            }
        }

        impl PartialEq<$ptr> for bool {
            #[inline]
            fn eq(&self, other: &$ptr) -> bool {
                is_true(other.as_borrowed()) == *self
            }
        }

        impl PartialEq<$ptr> for &bool {
            #[inline]
            fn eq(&self, other: &$ptr) -> bool {
                is_true(other.as_borrowed()) == **self
            }
        }
    )*};
}

bool_compare!(Bound<'_, PyBool>, Borrowed<'_, '_, PyBool>);

// With `&Bound` on one side (the `&`/`&` pairs come from std's impl for references).
impl PartialEq<bool> for &Bound<'_, PyBool> {
    #[inline]
    fn eq(&self, other: &bool) -> bool {
        is_true(self.as_borrowed()) == *other
    }
}

impl PartialEq<&Bound<'_, PyBool>> for bool {
    #[inline]
    fn eq(&self, other: &&Bound<'_, PyBool>) -> bool {
        is_true(other.as_borrowed()) == *self
    }
}

/// Whether `b` is `True`.
#[inline]
fn is_true(b: Borrowed<'_, '_, PyBool>) -> bool {
    // SAFETY: pointer comparison.
    b.as_ptr() == unsafe { ffi::Py_True() }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::bool_comparison, clippy::nonminimal_bool, clippy::op_ref)]
    fn new_is_true_and_compare() {
        Python::attach(|py| {
            let t = PyBool::new(py, true);
            let f = PyBool::new(py, false);
            assert!(t.is_true());
            assert!(!f.to_owned().is_true());
            assert!(t == true && f == false && true == t && &false == f);
            assert!(t.to_owned() != false);
            assert!(t.to_any().extract::<bool>().unwrap());
            assert!(!f.to_any().extract::<bool>().unwrap());
        });
    }
}
