//! `std::cmp::Ordering` <-> Python `int`, following the convention of comparison functions
//! (such as the `cmp` functions given to `functools.cmp_to_key`): negative for less, zero for
//! equal, positive for greater.

use std::cmp::Ordering;
use std::convert::Infallible;
use std::ffi::{c_int, c_long};

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyInt};
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, PyErr, Python};

impl<'py> IntoPyObject<'py> for Ordering {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    /// `Less` -> `-1`, `Equal` -> `0`, `Greater` -> `1`.
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let value: c_long = match self {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        };
        // SAFETY: attached; small ints are cached, so this cannot fail short of a broken
        // interpreter, which `assume_owned` would report by panicking.
        Ok(unsafe {
            ffi::PyLong_FromLong(value)
                .assume_owned(py)
                .cast_into_unchecked()
        })
    }
}

impl<'py> IntoPyObject<'py> for &Ordering {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl FromPyObject<'_, '_> for Ordering {
    type Error = PyErr;

    /// Accepts an `int` (or anything with `__index__`, like the integer conversions) of any
    /// size: negative -> `Less`, zero -> `Equal`, positive -> `Greater`. Anything else raises
    /// `TypeError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let py = obj.py();
        let int = super::index_of(obj)?;
        let mut overflow: c_int = 0;
        // SAFETY: attached; `int` is an int, so only overflow (reported through `overflow`,
        // with the sign of the value) is possible, no error.
        let value = unsafe { ffi::PyLong_AsLongAndOverflow(int.as_ptr(), &mut overflow) };
        if value == -1 && overflow == 0 {
            if let Some(err) = PyErr::take(py) {
                return Err(err);
            }
        }
        let sign = if overflow != 0 {
            c_long::from(overflow)
        } else {
            value
        };
        Ok(sign.cmp(&0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::PyTypeError;
    use crate::types::PyAnyMethods;

    #[test]
    fn round_trip() {
        Python::attach(|py| {
            for (ord, int) in [
                (Ordering::Less, -1i64),
                (Ordering::Equal, 0),
                (Ordering::Greater, 1),
            ] {
                let obj = ord.into_pyobject(py).unwrap();
                assert_eq!(obj.extract::<i64>().unwrap(), int);
                assert_eq!(obj.extract::<Ordering>().unwrap(), ord);
                assert_eq!(
                    (&ord).into_pyobject(py).unwrap().extract::<i64>().unwrap(),
                    int
                );
            }
        });
    }

    #[test]
    fn signs_and_errors() {
        Python::attach(|py| {
            let check = |code: &std::ffi::CStr, expected: Ordering| {
                let obj = py.eval(code, None, None).unwrap();
                assert_eq!(obj.extract::<Ordering>().unwrap(), expected, "{code:?}");
            };
            check(c"-7", Ordering::Less);
            check(c"42", Ordering::Greater);
            check(c"-(10 ** 100)", Ordering::Less);
            check(c"10 ** 100", Ordering::Greater);
            check(c"False", Ordering::Equal);
            let err = py
                .eval(c"0.5", None, None)
                .unwrap()
                .extract::<Ordering>()
                .unwrap_err();
            crate::test_common::assert_err::<PyTypeError>(
                py,
                &err,
                "'float' object cannot be interpreted as an integer",
            );
        });
    }
}
