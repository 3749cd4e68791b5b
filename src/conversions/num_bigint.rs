//! Conversions of [`num_bigint::BigInt`] and [`num_bigint::BigUint`] to and from Python's
//! `int` (feature `num-bigint`).
//!
//! Values that fit in 64 bits take a fast path (one C call each way). Larger values travel as a
//! little-endian two's-complement byte array: `_PyLong_FromByteArray` / `_PyLong_AsByteArray`
//! on the full API, `int.from_bytes` / `int.to_bytes` on the limited API. No decimal string is
//! ever formatted or parsed.
//!
//! Extraction accepts `int` and anything with `__index__` (like the primitive integers);
//! other objects raise `TypeError`. Extracting a negative number as `BigUint` raises
//! `OverflowError`.
//!
//! ```
//! use num_bigint::BigInt;
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let big: BigInt = BigInt::from(1u8) << 100;
//!     let obj = big.clone().into_pyobject(py)?;
//!     assert_eq!(obj.to_string(), "1267650600228229401496703205376");
//!     assert_eq!(obj.extract::<BigInt>()?, big);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use num_bigint::{BigInt, BigUint, Sign};

use crate::conversions::std::index_of;
#[cfg(not(Py_LIMITED_API))]
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyInt;
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, PyResult, Python};

/// The value of `index` (an `int`) if it fits in an `i64`.
fn as_i64(index: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
    let mut overflow = 0;
    // SAFETY: attached; `index` is an `int`.
    let v = unsafe { ffi::PyLong_AsLongLongAndOverflow(index.as_ptr(), &mut overflow) };
    if v == -1 && overflow == 0 {
        if let Some(err) = PyErr::take(index.py()) {
            return Err(err);
        }
    }
    Ok((overflow == 0).then_some(v))
}

/// A new `int` from little-endian bytes (two's complement when `signed`).
fn int_from_le_bytes<'py>(
    py: Python<'py>,
    bytes: &[u8],
    signed: bool,
) -> PyResult<Bound<'py, PyInt>> {
    #[cfg(not(Py_LIMITED_API))]
    {
        // SAFETY: attached; the buffer is `bytes.len()` readable bytes; new reference or NULL.
        unsafe {
            ffi::_PyLong_FromByteArray(bytes.as_ptr(), bytes.len(), 1, i32::from(signed))
                .assume_owned_or_err(py)
                .map(|o| o.cast_into_unchecked())
        }
    }
    #[cfg(Py_LIMITED_API)]
    {
        use crate::types::{PyAnyMethods, PyBytes, PyDict, PyDictMethods};
        let kwargs = PyDict::new(py);
        kwargs.set_item(crate::intern!(py, "signed"), signed)?;
        let int_type = py.get_type::<PyInt>();
        let value = int_type.call_method(
            crate::intern!(py, "from_bytes"),
            (PyBytes::new(py, bytes), crate::intern!(py, "little")),
            Some(&kwargs),
        )?;
        Ok(value.cast_into::<PyInt>()?)
    }
}

/// The little-endian bytes of `index` (an `int` that does not fit in 64 bits): two's
/// complement when `signed`; unsigned raises `OverflowError` for a negative value.
fn int_to_le_bytes(index: &Bound<'_, PyAny>, signed: bool) -> PyResult<Vec<u8>> {
    #[cfg(not(Py_LIMITED_API))]
    {
        let py = index.py();
        // SAFETY: attached; `index` is an `int`.
        let n_bits = unsafe { ffi::_PyLong_NumBits(index.as_ptr()) };
        // Before 3.14 the count is a `size_t` with `(size_t)-1` for an error; 3.14 made it an
        // `int64_t` with -1.
        #[cfg(not(Py_3_14))]
        if n_bits == usize::MAX {
            return Err(PyErr::fetch(py));
        }
        #[cfg(Py_3_14)]
        let n_bits = usize::try_from(n_bits).map_err(|_| PyErr::fetch(py))?;
        // One extra bit for the sign of a two's-complement value.
        let n_bytes = (n_bits + usize::from(signed)).div_ceil(8).max(1);
        let mut buf = vec![0u8; n_bytes];
        // SAFETY: attached; `buf` has `n_bytes` writable bytes; `index` is an `int`.
        let status = unsafe {
            ffi::_PyLong_AsByteArray(
                index.as_ptr().cast::<ffi::PyLongObject>(),
                buf.as_mut_ptr(),
                n_bytes,
                1,
                i32::from(signed),
                #[cfg(Py_3_13)]
                1,
            )
        };
        if status == -1 {
            return Err(PyErr::fetch(py));
        }
        Ok(buf)
    }
    #[cfg(Py_LIMITED_API)]
    {
        use crate::types::{PyAnyMethods, PyBytes, PyBytesMethods, PyDict, PyDictMethods};
        let py = index.py();
        let n_bits: usize = index
            .call_method0(crate::intern!(py, "bit_length"))?
            .extract()?;
        let n_bytes = (n_bits + usize::from(signed)).div_ceil(8).max(1);
        let kwargs = PyDict::new(py);
        kwargs.set_item(crate::intern!(py, "signed"), signed)?;
        let bytes = index.call_method(
            crate::intern!(py, "to_bytes"),
            (n_bytes, crate::intern!(py, "little")),
            Some(&kwargs),
        )?;
        Ok(bytes.cast_into::<PyBytes>()?.as_bytes().to_vec())
    }
}

impl<'py> IntoPyObject<'py> for &BigInt {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if let Ok(small) = i64::try_from(self) {
            return Ok(small.into_pyobject(py)?);
        }
        int_from_le_bytes(py, &self.to_signed_bytes_le(), true)
    }
}

impl<'py> IntoPyObject<'py> for BigInt {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &BigUint {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if let Ok(small) = u64::try_from(self) {
            return Ok(small.into_pyobject(py)?);
        }
        int_from_le_bytes(py, &self.to_bytes_le(), false)
    }
}

impl<'py> IntoPyObject<'py> for BigUint {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

impl FromPyObject<'_, '_> for BigInt {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let index = index_of(obj)?;
        if let Some(small) = as_i64(&index)? {
            return Ok(BigInt::from(small));
        }
        Ok(BigInt::from_signed_bytes_le(&int_to_le_bytes(
            &index, true,
        )?))
    }
}

impl FromPyObject<'_, '_> for BigUint {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let index = index_of(obj)?;
        if let Some(small) = as_i64(&index)? {
            if let Ok(unsigned) = u64::try_from(small) {
                return Ok(BigUint::from(unsigned));
            }
        }
        // Negative values fail here with the interpreter's OverflowError.
        let bytes = int_to_le_bytes(&index, false)?;
        Ok(BigInt::from_bytes_le(Sign::Plus, &bytes)
            .to_biguint()
            .unwrap_or_default())
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::{PyOverflowError, PyTypeError};
    use crate::types::PyAnyMethods;

    fn py_int<'py>(py: Python<'py>, expr: &str) -> Bound<'py, PyAny> {
        let code = std::ffi::CString::new(expr).unwrap();
        py.eval(&code, None, None).unwrap()
    }

    #[test]
    fn round_trips_around_the_64_bit_boundary() {
        Python::attach(|py| {
            for expr in [
                "0",
                "1",
                "-1",
                "2**63-1",
                "-2**63",
                "2**63",
                "-2**63-1",
                "2**64",
                "-2**64",
                "2**64-1",
                "-(2**64)+1",
                "2**200+12345",
                "-(2**200)-1",
                "-128",
                "-129",
                "255",
                "-(2**127)",
            ] {
                let obj = py_int(py, expr);
                let big: BigInt = obj.extract().unwrap();
                assert_eq!(big.to_string(), obj.to_string(), "{expr}");
                let back = big.into_pyobject(py).unwrap();
                assert!(back.as_any().eq(&obj).unwrap(), "{expr}");
                if !expr.starts_with('-') || expr == "0" {
                    let u: BigUint = obj.extract().unwrap();
                    assert_eq!(u.to_string(), obj.to_string(), "{expr}");
                    assert!(u.into_pyobject(py).unwrap().as_any().eq(&obj).unwrap());
                }
            }
        });
    }

    #[test]
    fn errors() {
        Python::attach(|py| {
            let neg = py_int(py, "-1");
            let err = neg.extract::<BigUint>().unwrap_err();
            assert!(err.is_instance_of::<PyOverflowError>(py), "{err}");
            let neg_big = py_int(py, "-2**100");
            let err = neg_big.extract::<BigUint>().unwrap_err();
            assert!(err.is_instance_of::<PyOverflowError>(py), "{err}");
            let float = py_int(py, "1.5");
            let err = float.extract::<BigInt>().unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py));
            assert_eq!(
                err.value(py).to_string(),
                "'float' object cannot be interpreted as an integer"
            );
            // `__index__` is honoured.
            let locals = crate::types::PyDict::new(py);
            py.run(
                c"class I:\n    def __index__(self): return 2**70\ni = I()",
                None,
                Some(&locals),
            )
            .unwrap();
            let i = py.eval(c"i", None, Some(&locals)).unwrap();
            assert_eq!(i.extract::<BigInt>().unwrap(), BigInt::from(1u8) << 70);
        });
    }
}
