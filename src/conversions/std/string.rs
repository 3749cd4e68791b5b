//! `str` / `String` / `Cow<str>` <-> Python `str`.

use std::borrow::Cow;
use std::convert::Infallible;

use crate::types::{PyString, PyStringMethods};
use crate::{Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, Python};

/// Implements `IntoPyObject` for string types that dereference to `str`: each becomes a new
/// Python `str` with the same contents.
macro_rules! impl_into_pystring {
    ($($ty:ty),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $ty {
            #[cfg(feature = "experimental-inspect")]
            const OUTPUT_TYPE: $crate::inspect::PyStaticExpr = $crate::inspect::hints::STR;
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::new(py, &self))
            }
        }
    )*};
}

impl_into_pystring!(
    &str,
    &&str,
    String,
    &String,
    Cow<'_, str>,
    &Cow<'_, str>,
    Box<str>,
    &Box<str>,
);

impl<'py> IntoPyObject<'py> for char {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let mut buf = [0u8; 4];
        Ok(PyString::new(py, self.encode_utf8(&mut buf)))
    }
}

impl<'py> IntoPyObject<'py> for &char {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
impl<'a> FromPyObject<'a, '_> for &'a str {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    type Error = PyErr;
    /// Borrows the UTF-8 contents of a `str` (no copy).
    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<PyString>()?.to_str()
    }
}

impl<'a> FromPyObject<'a, '_> for Cow<'a, str> {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<PyString>()?.to_cow()
    }
}

impl FromPyObject<'_, '_> for String {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    type Error = PyErr;
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<PyString>()?.to_cow().map(Cow::into_owned)
    }
}

impl FromPyObject<'_, '_> for char {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    type Error = PyErr;
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let s = obj.cast::<PyString>()?.to_cow()?;
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(crate::exceptions::PyValueError::new_err(
                "expected a string of length 1",
            )),
        }
    }
}

impl FromPyObject<'_, '_> for Box<str> {
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    type Error = PyErr;
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<PyString>()?
            .to_cow()
            .map(|s| s.into_owned().into_boxed_str())
    }
}

#[allow(unused_imports)]
use PyStringMethods as _;
