//! [`PyInt`]: Python `int` objects.
//!
//! Conversions between Rust integers and `int` live in `conversions::std::num`; this module has
//! the type itself and its comparisons with Rust integers.

use std::convert::Infallible;

use crate::types::PyAny;
use crate::{ffi, Borrowed, Bound, IntoPyObject, Python};

/// A Python `int` object.
///
/// Values of this type are usually handled through [`IntoPyObject`] and
/// [`extract`](crate::types::PyAnyMethods::extract) with the primitive Rust integer types.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyInt;
///
/// Python::attach(|py| {
///     let n = PyInt::new(py, 42u8);
///     assert_eq!(n.extract::<i64>().unwrap(), 42);
///     assert!(n == 42u8);
/// });
/// ```
#[repr(transparent)]
pub struct PyInt(PyAny);

crate::pyobject_native_type_core!(PyInt, crate::pyobject_native_static_type_object!(ffi::PyLong_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyLong_Check);

impl PyInt {
    /// Creates a new `int` from a Rust integer.
    ///
    /// Panics if out of memory.
    #[inline]
    pub fn new<'a, T>(py: Python<'a>, i: T) -> Bound<'a, PyInt>
    where
        T: IntoPyObject<'a, Target = PyInt, Output = Bound<'a, PyInt>, Error = Infallible>,
    {
        match i.into_pyobject(py) {
            Ok(obj) => obj,
            Err(never) => match never {},
        }
    }
}

macro_rules! int_compare {
    ($($rust_type:ty),*) => {$(
        impl PartialEq<$rust_type> for Bound<'_, PyInt> {
            /// Whether the `int` equals the Rust integer (false if it does not fit the type).
            #[inline]
            fn eq(&self, other: &$rust_type) -> bool {
                self.as_borrowed() == *other
            }
        }

        impl PartialEq<$rust_type> for Borrowed<'_, '_, PyInt> {
            #[inline]
            fn eq(&self, other: &$rust_type) -> bool {
                self.to_any()
                    .extract::<$rust_type>()
                    .is_ok_and(|value| value == *other)
            }
        }

        impl PartialEq<Bound<'_, PyInt>> for $rust_type {
            #[inline]
            fn eq(&self, other: &Bound<'_, PyInt>) -> bool {
                other == self
            }
        }

        impl PartialEq<Borrowed<'_, '_, PyInt>> for $rust_type {
            #[inline]
            fn eq(&self, other: &Borrowed<'_, '_, PyInt>) -> bool {
                other == self
            }
        }
    )*};
}

int_compare!(i8, u8, i16, u16, i32, u32, i64, u64, i128, u128, isize, usize);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::{PyAnyMethods, PyTypeMethods};

    #[test]
    fn new_and_compare() {
        Python::attach(|py| {
            let n = PyInt::new(py, -5i32);
            assert!(n.is_exact_instance_of::<PyInt>());
            assert!(n == -5i32);
            assert!(-5i64 == n);
            assert!(n != 5i32);
            // does not fit: never equal
            assert!(n != 251u8);
            let big = PyInt::new(py, u64::MAX);
            assert!(big == u64::MAX);
            assert!(big != -1i64);
            assert!(big.as_borrowed() == u128::from(u64::MAX));
            assert_eq!(big.get_type().name().unwrap(), "int");
        });
    }
}
