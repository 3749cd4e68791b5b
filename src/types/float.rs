//! [`PyFloat`]: Python `float` objects, and `f64` / `f32` conversions.

use std::convert::Infallible;
use std::os::raw::c_double;

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, PyErr, Python};

/// A Python `float` object.
///
/// Usually handled through [`IntoPyObject`] and extraction with `f64` / `f32`.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyFloat, PyFloatMethods};
///
/// Python::attach(|py| {
///     let x = PyFloat::new(py, 1.5);
///     assert_eq!(x.value(), 1.5);
///     assert!(x == 1.5);
/// });
/// ```
#[repr(transparent)]
pub struct PyFloat(PyAny);

crate::pyobject_native_type_core!(PyFloat, crate::pyobject_native_static_type_object!(ffi::PyFloat_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyFloat_Check);
#[cfg(not(Py_LIMITED_API))]
crate::pyobject_native_type_sized!(PyFloat, ffi::PyFloatObject);
#[cfg(not(Py_LIMITED_API))]
crate::pyobject_subclassable_native_type!(PyFloat, ffi::PyFloatObject);

impl PyFloat {
    /// Creates a new `float`.
    #[inline]
    pub fn new(py: Python<'_>, val: c_double) -> Bound<'_, PyFloat> {
        // SAFETY: attached; PyFloat_FromDouble returns a new reference.
        unsafe {
            ffi::PyFloat_FromDouble(val)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }
}

/// Methods of [`PyFloat`], implemented for `Bound<'py, PyFloat>`.
pub trait PyFloatMethods<'py>: sealed::Sealed {
    /// The value as `f64`.
    fn value(&self) -> c_double;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyFloat> {}
}

impl<'py> PyFloatMethods<'py> for Bound<'py, PyFloat> {
    #[inline]
    fn value(&self) -> c_double {
        float_value(self.as_borrowed())
    }
}

#[inline]
fn float_value(obj: Borrowed<'_, '_, PyFloat>) -> c_double {
    // SAFETY: `obj` is a float (cannot fail).
    unsafe {
        #[cfg(not(Py_LIMITED_API))]
        {
            ffi::PyFloat_AS_DOUBLE(obj.as_ptr())
        }
        #[cfg(Py_LIMITED_API)]
        {
            ffi::PyFloat_AsDouble(obj.as_ptr())
        }
    }
}

impl<'py> IntoPyObject<'py> for f64 {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::FLOAT;
    type Target = PyFloat;
    type Output = Bound<'py, PyFloat>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyFloat::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for &f64 {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::FLOAT;
    type Target = PyFloat;
    type Output = Bound<'py, PyFloat>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyFloat::new(py, *self))
    }
}

impl<'py> IntoPyObject<'py> for f32 {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::FLOAT;
    type Target = PyFloat;
    type Output = Bound<'py, PyFloat>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyFloat::new(py, f64::from(self)))
    }
}

impl<'py> IntoPyObject<'py> for &f32 {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::FLOAT;
    type Target = PyFloat;
    type Output = Bound<'py, PyFloat>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyFloat::new(py, f64::from(*self)))
    }
}

impl FromPyObject<'_, '_> for f64 {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::FLOAT;
    type Error = PyErr;
    /// Accepts `float`, and anything with `__float__` or `__index__` (e.g. `int`).
    #[inline]
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        // Exact floats need no call (and cannot fail).
        #[cfg(not(Py_LIMITED_API))]
        // SAFETY: attached.
        if unsafe { ffi::PyFloat_CheckExact(obj.as_ptr()) } != 0 {
            // SAFETY: checked to be a float.
            return Ok(unsafe { ffi::PyFloat_AS_DOUBLE(obj.as_ptr()) });
        }
        if let Some(err) = crate::conversions::std::number_type_error::not_a_float(obj) {
            return Err(err);
        }
        // SAFETY: attached.
        let value = unsafe { ffi::PyFloat_AsDouble(obj.as_ptr()) };
        if value == -1.0 {
            if let Some(err) = PyErr::take(obj.py()) {
                return Err(err);
            }
        }
        Ok(value)
    }
}

impl FromPyObject<'_, '_> for f32 {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::FLOAT;
    type Error = PyErr;
    /// Extracts an `f64` and rounds it to `f32` (out-of-range values become infinite).
    #[inline]
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        Ok(f64::extract(obj)? as f32)
    }
}

macro_rules! float_compare {
    ($($t:ty),*) => {$(
        impl PartialEq<$t> for Bound<'_, PyFloat> {
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                self.as_borrowed() == *other
            }
        }

        impl PartialEq<$t> for Borrowed<'_, '_, PyFloat> {
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                float_value(*self) as $t == *other
            }
        }

        impl PartialEq<Bound<'_, PyFloat>> for $t {
            #[inline]
            fn eq(&self, other: &Bound<'_, PyFloat>) -> bool {
                other == self
            }
        }

        impl PartialEq<Borrowed<'_, '_, PyFloat>> for $t {
            #[inline]
            fn eq(&self, other: &Borrowed<'_, '_, PyFloat>) -> bool {
                other == self
            }
        }
    )*};
}

float_compare!(f64, f32);

/// The comparisons with a reference on one side, through the ones above.
macro_rules! float_compare_refs {
    ($($t:ty),*) => {$(
        impl PartialEq<&$t> for Bound<'_, PyFloat> {
            #[inline]
            fn eq(&self, other: &&$t) -> bool {
                *self == **other
            }
        }

        impl PartialEq<&$t> for Borrowed<'_, '_, PyFloat> {
            #[inline]
            fn eq(&self, other: &&$t) -> bool {
                *self == **other
            }
        }

        impl PartialEq<$t> for &Bound<'_, PyFloat> {
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                **self == *other
            }
        }

        impl PartialEq<&Bound<'_, PyFloat>> for $t {
            #[inline]
            fn eq(&self, other: &&Bound<'_, PyFloat>) -> bool {
                **other == *self
            }
        }

        impl PartialEq<Bound<'_, PyFloat>> for &$t {
            #[inline]
            fn eq(&self, other: &Bound<'_, PyFloat>) -> bool {
                *other == **self
            }
        }

        impl PartialEq<Borrowed<'_, '_, PyFloat>> for &$t {
            #[inline]
            fn eq(&self, other: &Borrowed<'_, '_, PyFloat>) -> bool {
                *other == **self
            }
        }
    )*};
}

float_compare_refs!(f64, f32);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn new_value_and_compare() {
        Python::attach(|py| {
            let x = PyFloat::new(py, 2.25);
            assert_eq!(x.value(), 2.25);
            assert!(x == 2.25f64);
            assert!(2.25f32 == x);
            assert!(x.as_borrowed() != 2.5f64);
            assert_eq!(x.extract::<f32>().unwrap(), 2.25f32);
            let nan = PyFloat::new(py, f64::NAN);
            assert!(nan.value().is_nan());
        });
    }
}
