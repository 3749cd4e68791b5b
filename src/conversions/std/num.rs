//! Rust integers (all widths, and their `NonZero` forms) <-> Python `int`.
//!
//! Extraction accepts `int` and every object with `__index__` (like `operator.index`), so a
//! `float` is rejected with `TypeError: 'float' object cannot be interpreted as an integer`;
//! values out of the Rust type's range raise `OverflowError`.
//!
//! Fast paths: exact C-sized conversions (`PyLong_AsLong`, `PyLong_FromLong`, ...) with the
//! `__index__` lookup only for non-`int` inputs; narrower types range-check the C result.

use std::convert::Infallible;
use std::os::raw::{c_long, c_longlong, c_ulonglong};

use crate::conversion::private::Token;
use crate::exceptions::{PyOverflowError, PyValueError};
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyInt};
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, PyErr, PyResult, Python};

/// Applies the C conversion `$conv` to `$obj` (or to `operator.index($obj)` if it is not an
/// `int`), turning the `$err` sentinel with a pending exception into `Err`.
macro_rules! extract_via {
    ($obj:expr, $conv:path, $err:expr) => {{
        let obj: Borrowed<'_, '_, PyAny> = $obj;
        let py = obj.py();
        // SAFETY: attached; `obj` (or the index object) is alive during the call.
        unsafe {
            let value = if ffi::PyLong_Check(obj.as_ptr()) != 0 {
                $conv(obj.as_ptr())
            } else {
                if let Some(err) = $crate::conversions::std::number_type_error::not_an_index(obj) {
                    return Err(err);
                }
                let index = ffi::PyNumber_Index(obj.as_ptr()).assume_owned_or_err(py)?;
                $conv(index.as_ptr())
            };
            if value == $err {
                if let Some(err) = PyErr::take(py) {
                    return Err(err);
                }
            }
            value
        }
    }};
}

/// The value of `obj` if it is an `int` (or subclass) whose magnitude fits in one digit
/// (|value| < 2**30), read straight from the object as CPython's own compact-int fast paths
/// do; `None` for anything else (bigger ints, non-ints), which take the C API path.
///
/// Only on 64-bit CPython with the full API, whose `int` layout the ffi declares (30-bit
/// digits, the default since 3.11 and on every 64-bit build).
#[cfg(all(not(any(Py_LIMITED_API, PyPy, GraalPy)), target_pointer_width = "64"))]
#[inline(always)]
fn compact_int_value(obj: Borrowed<'_, '_, PyAny>) -> Option<i64> {
    let ptr = obj.as_ptr();
    // SAFETY: `obj` is a live object; its layout is `PyLongObject` once `PyLong_Check` holds,
    // and ints are immutable.
    unsafe {
        if ffi::PyLong_Check(ptr) == 0 {
            return None;
        }
        let long = ptr as *const ffi::PyLongObject;
        #[cfg(not(Py_3_12))]
        {
            let size = (*long).ob_base.ob_size;
            match size {
                0 => Some(0),
                1 => Some((*long).ob_digit[0] as i64),
                -1 => Some(-((*long).ob_digit[0] as i64)),
                _ => None,
            }
        }
        #[cfg(Py_3_12)]
        {
            // `lv_tag`: digit count << 3 | sign (0 positive, 1 zero, 2 negative); compact
            // means at most one digit (zero is stored with one zero digit).
            let tag = (*long).long_value.lv_tag;
            if tag < (2 << 3) {
                let sign = 1 - (tag & 3) as i64;
                Some(sign * (*long).long_value.ob_digit[0] as i64)
            } else {
                None
            }
        }
    }
}

/// Returns early from an `extract` with the compact value of `$obj` converted to `$t`, when
/// there is one and it fits (otherwise the C API path runs and reports any error).
macro_rules! compact_fast_path {
    ($obj:expr, $t:ty) => {
        #[cfg(all(not(any(Py_LIMITED_API, PyPy, GraalPy)), target_pointer_width = "64"))]
        if let Some(value) = compact_int_value($obj) {
            // (Irrefutable for `i64`.)
            #[allow(irrefutable_let_patterns)]
            if let Ok(value) = <$t>::try_from(value) {
                return Ok(value);
            }
        }
    };
}

/// An `OverflowError` for a value that does not fit the target type.
#[cold]
fn overflow_error<E: std::fmt::Display>(err: E) -> PyErr {
    PyOverflowError::new_err(err.to_string())
}

/// Wraps an owned pointer to a new `int`.
#[inline]
unsafe fn new_int(py: Python<'_>, ptr: *mut ffi::PyObject) -> Bound<'_, PyInt> {
    // SAFETY: the caller passes the result of a `PyLong_From*` call.
    unsafe { ptr.assume_owned(py).cast_into_unchecked() }
}

/// `IntoPyObject` for `$t`, whose `Result` `$body` computes from `$value` (the `$t`) and `$py`,
/// and for `&$t` (integers are `Copy`: the reference converts the value).
macro_rules! int_into_pyobject {
    ($t:ty, |$value:ident, $py:ident| $body:expr) => {
        impl<'py> IntoPyObject<'py> for $t {
            #[cfg(feature = "experimental-inspect")]
            const OUTPUT_TYPE: $crate::inspect::PyStaticExpr = $crate::inspect::hints::INT;
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, $py: Python<'py>) -> Result<Self::Output, Self::Error> {
                let $value = self;
                $body
            }
        }

        impl<'py> IntoPyObject<'py> for &$t {
            #[cfg(feature = "experimental-inspect")]
            const OUTPUT_TYPE: $crate::inspect::PyStaticExpr = $crate::inspect::hints::INT;
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
    };
}

/// `FromPyObject` for integers read through the C type `$cty`: the compact-int fast path, else
/// `$as` (returning `$err` with an exception set on failure) and a range check.
macro_rules! int_extract_via_c_type {
    ($cty:ty, $as:path, $err:expr; $($t:ty),*) => {$(
        impl FromPyObject<'_, '_> for $t {
            #[cfg(feature = "experimental-inspect")]
            const INPUT_TYPE: $crate::inspect::PyStaticExpr = $crate::inspect::hints::INT;
            type Error = PyErr;
            #[inline]
            fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
                #[cfg_attr(all(not(any(Py_LIMITED_API, PyPy, GraalPy)), target_pointer_width = "64"), inline(never))]
                fn slow(obj: Borrowed<'_, '_, PyAny>) -> Result<$t, PyErr> {
                    let value: $cty = extract_via!(obj, $as, $err);
                    <$t>::try_from(value).map_err(overflow_error)
                }
                compact_fast_path!(obj, $t);
                slow(obj)
            }
        }
    )*};
}

/// Integers converted through the C type `$cty`: `$from` creates the `int`, `$as` reads it.
macro_rules! int_via_c_type {
    ($cty:ty, $from:path, $as:path, $err:expr; $($t:ty),*) => {$(
        // SAFETY: attached; the C function returns a new reference.
        int_into_pyobject!($t, |value, py| Ok(unsafe { new_int(py, $from(value as $cty)) }));
        int_extract_via_c_type!($cty, $as, $err; $t);
    )*};
}

// Integers that fit a C `long`.
int_via_c_type!(c_long, ffi::PyLong_FromLong, ffi::PyLong_AsLong, -1; i8, i16, u16, i32);

#[cfg(all(target_pointer_width = "64", not(windows)))]
int_via_c_type!(c_long, ffi::PyLong_FromLong, ffi::PyLong_AsLong, -1; u32, i64, isize);

// Where `long` is 32 bits (Windows, 32-bit targets): through `long long`.
#[cfg(not(all(target_pointer_width = "64", not(windows))))]
int_via_c_type!(c_longlong, ffi::PyLong_FromLongLong, ffi::PyLong_AsLongLong, -1; u32, i64, isize);

// Unsigned integers up to 64 bits.
int_via_c_type!(
    c_ulonglong,
    ffi::PyLong_FromUnsignedLongLong,
    ffi::PyLong_AsUnsignedLongLong,
    c_ulonglong::MAX;
    u64, usize
);

// `u8` sequences convert to `bytes` rather than to a list of ints.
impl<'py> IntoPyObject<'py> for u8 {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::INT;
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        // SAFETY: attached; PyLong_FromLong returns a new reference (small ints are cached).
        Ok(unsafe { new_int(py, ffi::PyLong_FromLong(c_long::from(self))) })
    }

    /// `Vec<u8>` and friends become `bytes`.
    #[inline]
    fn owned_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        I: IntoIterator<Item = Self> + AsRef<[Self]>,
        I::IntoIter: ExactSizeIterator<Item = Self>,
    {
        Ok(new_bytes(py, iter.as_ref()))
    }
}

impl<'py> IntoPyObject<'py> for &u8 {
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::INT;
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }

    /// `&[u8]` and friends become `bytes`.
    #[inline]
    fn borrowed_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        Self: crate::conversion::private::Reference,
        I: IntoIterator<Item = Self>
            + AsRef<[<Self as crate::conversion::private::Reference>::BaseType]>,
        I::IntoIter: ExactSizeIterator<Item = Self>,
    {
        let items = iter.as_ref();
        // SAFETY: `Self` is `&u8`, so the base type is `u8`: the slice is `len` bytes.
        let bytes = unsafe { std::slice::from_raw_parts(items.as_ptr().cast::<u8>(), items.len()) };
        Ok(new_bytes(py, bytes))
    }
}

/// A new `bytes` object holding a copy of `data`.
#[inline]
fn new_bytes<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyAny> {
    // SAFETY: attached; the pointer and length describe `data`.
    unsafe {
        ffi::PyBytes_FromStringAndSize(data.as_ptr().cast(), data.len() as ffi::Py_ssize_t)
            .assume_owned(py)
    }
}

int_extract_via_c_type!(c_long, ffi::PyLong_AsLong, -1; u8);

/// `NonZero*` integers: converted like their primitive; extracting zero raises
/// `ValueError: invalid zero value`.
macro_rules! nonzero_int_impl {
    ($($nonzero:ty => $prim:ty),*) => {$(
        int_into_pyobject!($nonzero, |value, py| value.get().into_pyobject(py));

        impl FromPyObject<'_, '_> for $nonzero {
            #[cfg(feature = "experimental-inspect")]
            const INPUT_TYPE: $crate::inspect::PyStaticExpr = $crate::inspect::hints::INT;
            type Error = PyErr;
            #[inline]
            fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
                let value = <$prim>::extract(obj)?;
                <$nonzero>::new(value).ok_or_else(|| PyValueError::new_err("invalid zero value"))
            }
        }
    )*};
}

use std::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize,
};

nonzero_int_impl!(
    NonZeroI8 => i8, NonZeroU8 => u8, NonZeroI16 => i16, NonZeroU16 => u16,
    NonZeroI32 => i32, NonZeroU32 => u32, NonZeroI64 => i64, NonZeroU64 => u64,
    NonZeroI128 => i128, NonZeroU128 => u128, NonZeroIsize => isize, NonZeroUsize => usize
);

/// `operator.index(obj)` as an owned `int` (a new reference to `obj` itself for an `int`).
#[inline]
pub(crate) fn index_of<'py>(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached.
    unsafe {
        if ffi::PyLong_Check(obj.as_ptr()) != 0 {
            Ok(obj.to_owned())
        } else if let Some(err) = super::number_type_error::not_an_index(obj) {
            Err(err)
        } else {
            ffi::PyNumber_Index(obj.as_ptr()).assume_owned_or_err(obj.py())
        }
    }
}

// --- 128-bit integers ---------------------------------------------------------------------

/// Extracts the low 64 bits of `index` as `c_longlong` if the whole value fits, else `None`
/// (no exception pending).
#[inline]
fn fits_long_long(index: &Bound<'_, PyAny>) -> PyResult<Option<c_longlong>> {
    let mut overflow = 0;
    // SAFETY: attached; `index` is an `int`.
    let value = unsafe { ffi::PyLong_AsLongLongAndOverflow(index.as_ptr(), &mut overflow) };
    if value == -1 {
        if let Some(err) = PyErr::take(index.py()) {
            return Err(err);
        }
    }
    Ok(if overflow == 0 { Some(value) } else { None })
}

#[cfg(not(any(Py_LIMITED_API, GraalPy)))]
mod int128 {
    //! 128-bit conversions through CPython's byte-array helpers (one C call).
    use super::*;

    /// Reads `index` (an `int`) as 16 little-endian bytes, signed or not, raising
    /// `OverflowError` when it does not fit.
    #[inline]
    fn as_bytes(index: &Bound<'_, PyAny>, signed: bool) -> PyResult<[u8; 16]> {
        let mut buf = [0u8; 16];
        // SAFETY: attached; `index` is an `int` and `buf` has 16 writable bytes.
        let status = unsafe {
            ffi::_PyLong_AsByteArray(
                index.as_ptr().cast::<ffi::PyLongObject>(),
                buf.as_mut_ptr(),
                buf.len(),
                1,
                c_int_from(signed),
                #[cfg(Py_3_13)]
                1,
            )
        };
        if status == -1 {
            Err(PyErr::fetch(index.py()))
        } else {
            Ok(buf)
        }
    }

    #[inline]
    fn c_int_from(b: bool) -> std::os::raw::c_int {
        std::os::raw::c_int::from(b)
    }

    /// A new `int` from 16 little-endian bytes.
    #[inline]
    fn from_bytes(py: Python<'_>, bytes: [u8; 16], signed: bool) -> Bound<'_, PyInt> {
        // SAFETY: attached; the buffer is 16 readable bytes.
        unsafe {
            new_int(
                py,
                ffi::_PyLong_FromByteArray(bytes.as_ptr(), bytes.len(), 1, c_int_from(signed)),
            )
        }
    }

    #[inline]
    pub(super) fn i128_into(py: Python<'_>, value: i128) -> Bound<'_, PyInt> {
        match c_longlong::try_from(value) {
            // SAFETY: attached; new reference.
            Ok(small) => unsafe { new_int(py, ffi::PyLong_FromLongLong(small)) },
            Err(_) => from_bytes(py, value.to_le_bytes(), true),
        }
    }

    #[inline]
    pub(super) fn u128_into(py: Python<'_>, value: u128) -> Bound<'_, PyInt> {
        match c_ulonglong::try_from(value) {
            // SAFETY: attached; new reference.
            Ok(small) => unsafe { new_int(py, ffi::PyLong_FromUnsignedLongLong(small)) },
            Err(_) => from_bytes(py, value.to_le_bytes(), false),
        }
    }

    #[inline]
    pub(super) fn i128_from(index: &Bound<'_, PyAny>) -> PyResult<i128> {
        if let Some(small) = fits_long_long(index)? {
            return Ok(i128::from(small));
        }
        as_bytes(index, true).map(i128::from_le_bytes)
    }

    #[inline]
    pub(super) fn u128_from(index: &Bound<'_, PyAny>) -> PyResult<u128> {
        if let Some(small) = fits_long_long(index)? {
            if let Ok(value) = u128::try_from(small) {
                return Ok(value);
            }
        }
        as_bytes(index, false).map(u128::from_le_bytes)
    }
}

#[cfg(any(Py_LIMITED_API, GraalPy))]
mod int128 {
    //! 128-bit conversions with the stable API only: two 64-bit halves joined with shifts.
    use super::*;

    /// The `int` 64.
    fn sixty_four(py: Python<'_>) -> Bound<'_, PyAny> {
        // SAFETY: attached; new reference.
        unsafe { ffi::PyLong_FromLong(64).assume_owned(py) }
    }

    /// `(upper << 64) | lower` where `lower` is the low 64 bits.
    fn join(py: Python<'_>, upper: *mut ffi::PyObject, lower: u64) -> Bound<'_, PyInt> {
        // SAFETY: attached; every call returns a new reference (checked).
        unsafe {
            let upper = upper.assume_owned(py);
            let lower = ffi::PyLong_FromUnsignedLongLong(lower).assume_owned(py);
            let shifted =
                ffi::PyNumber_Lshift(upper.as_ptr(), sixty_four(py).as_ptr()).assume_owned(py);
            ffi::PyNumber_Or(shifted.as_ptr(), lower.as_ptr())
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// `index >> 64`.
    fn upper_half<'py>(index: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = index.py();
        // SAFETY: attached.
        unsafe {
            ffi::PyNumber_Rshift(index.as_ptr(), sixty_four(py).as_ptr()).assume_owned_or_err(py)
        }
    }

    /// The low 64 bits of `index`.
    fn lower_half(index: &Bound<'_, PyAny>) -> PyResult<u64> {
        // SAFETY: attached; `index` is an `int`.
        let value = unsafe { ffi::PyLong_AsUnsignedLongLongMask(index.as_ptr()) };
        if value == c_ulonglong::MAX {
            if let Some(err) = PyErr::take(index.py()) {
                return Err(err);
            }
        }
        Ok(value)
    }

    pub(super) fn i128_into(py: Python<'_>, value: i128) -> Bound<'_, PyInt> {
        if let Ok(small) = c_longlong::try_from(value) {
            // SAFETY: attached; new reference.
            return unsafe { new_int(py, ffi::PyLong_FromLongLong(small)) };
        }
        // SAFETY: attached; new reference.
        let upper = unsafe { ffi::PyLong_FromLongLong((value >> 64) as c_longlong) };
        join(py, upper, value as u64)
    }

    pub(super) fn u128_into(py: Python<'_>, value: u128) -> Bound<'_, PyInt> {
        if let Ok(small) = c_ulonglong::try_from(value) {
            // SAFETY: attached; new reference.
            return unsafe { new_int(py, ffi::PyLong_FromUnsignedLongLong(small)) };
        }
        // SAFETY: attached; new reference.
        let upper = unsafe { ffi::PyLong_FromUnsignedLongLong((value >> 64) as c_ulonglong) };
        join(py, upper, value as u64)
    }

    pub(super) fn i128_from(index: &Bound<'_, PyAny>) -> PyResult<i128> {
        if let Some(small) = fits_long_long(index)? {
            return Ok(i128::from(small));
        }
        let lower = lower_half(index)?;
        let upper_obj = upper_half(index)?;
        let upper: c_longlong = extract_via!(upper_obj.as_borrowed(), ffi::PyLong_AsLongLong, -1);
        Ok((i128::from(upper) << 64) | i128::from(lower))
    }

    pub(super) fn u128_from(index: &Bound<'_, PyAny>) -> PyResult<u128> {
        if let Some(small) = fits_long_long(index)? {
            if let Ok(value) = u128::try_from(small) {
                return Ok(value);
            }
        }
        let upper_obj = upper_half(index)?;
        let upper: c_ulonglong = extract_via!(
            upper_obj.as_borrowed(),
            ffi::PyLong_AsUnsignedLongLong,
            c_ulonglong::MAX
        );
        let lower = lower_half(index)?;
        Ok((u128::from(upper) << 64) | u128::from(lower))
    }
}

macro_rules! int128_impl {
    ($t:ty, $into:ident, $from:ident) => {
        int_into_pyobject!($t, |value, py| Ok(int128::$into(py, value)));

        impl FromPyObject<'_, '_> for $t {
            #[cfg(feature = "experimental-inspect")]
            const INPUT_TYPE: $crate::inspect::PyStaticExpr = $crate::inspect::hints::INT;
            type Error = PyErr;
            #[inline]
            fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
                int128::$from(&index_of(obj)?)
            }
        }
    };
}

int128_impl!(i128, i128_into, i128_from);
int128_impl!(u128, u128_into, u128_from);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn u8_sequences_become_bytes() {
        Python::attach(|py| {
            let owned = u8::owned_sequence_into_pyobject(vec![0u8, 1, 255], py, Token).unwrap();
            assert_eq!(owned.repr().unwrap(), "b'\\x00\\x01\\xff'");
            assert_eq!(owned.get_refcnt(), 1);
            let data = [104u8, 105];
            let borrowed =
                <&u8 as IntoPyObject>::borrowed_sequence_into_pyobject(&data, py, Token).unwrap();
            assert_eq!(borrowed.repr().unwrap(), "b'hi'");
            let empty = u8::owned_sequence_into_pyobject(Vec::new(), py, Token).unwrap();
            assert_eq!(empty.repr().unwrap(), "b''");
        });
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod compact_fast_path_tests {
    use crate::types::PyAnyMethods;
    use crate::Python;

    /// The compact-int fast path must agree with the C API path on every boundary: one-digit
    /// values, the first two-digit ones, bools, int subclasses and out-of-range values.
    #[test]
    fn compact_ints_agree_with_c_api() {
        Python::attach(|py| {
            let values: [i128; 14] = [
                0,
                1,
                -1,
                255,
                256,
                -256,
                (1 << 30) - 1,
                -((1 << 30) - 1),
                1 << 30,
                -(1 << 30),
                (1 << 31) - 1,
                -(1 << 31),
                i64::MAX as i128,
                i64::MIN as i128,
            ];
            for v in values {
                let obj = py.eval(&std::ffi::CString::new(v.to_string()).unwrap(), None, None);
                let obj = obj.unwrap();
                assert_eq!(obj.extract::<i64>().ok(), i64::try_from(v).ok(), "{v}");
                assert_eq!(obj.extract::<i32>().ok(), i32::try_from(v).ok(), "{v}");
                assert_eq!(obj.extract::<u8>().ok(), u8::try_from(v).ok(), "{v}");
                assert_eq!(obj.extract::<u32>().ok(), u32::try_from(v).ok(), "{v}");
                assert_eq!(obj.extract::<u64>().ok(), u64::try_from(v).ok(), "{v}");
                assert_eq!(obj.extract::<usize>().ok(), usize::try_from(v).ok(), "{v}");
            }
            // Errors keep the C API's messages (the fast path never produces one).
            let neg = py.eval(c"-1", None, None).unwrap();
            let err = neg.extract::<u64>().unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyOverflowError>(py));
            let big = py.eval(c"1 << 40", None, None).unwrap();
            crate::test_common::assert_result_err::<crate::exceptions::PyOverflowError, _>(
                py,
                big.extract::<i32>(),
                "out of range integral type conversion attempted",
            );
            assert_eq!(big.extract::<i64>().unwrap(), 1 << 40);
            // bool and int subclasses are ints.
            assert_eq!(
                py.eval(c"True", None, None)
                    .unwrap()
                    .extract::<i64>()
                    .unwrap(),
                1
            );
            let sub = py.eval(c"type('I', (int,), {})(-7)", None, None).unwrap();
            assert_eq!(sub.extract::<i64>().unwrap(), -7);
            // Non-ints still go through __index__ (or fail).
            let f = py.eval(c"2.5", None, None).unwrap();
            crate::test_common::assert_result_err::<crate::exceptions::PyTypeError, _>(
                py,
                f.extract::<i64>(),
                "'float' object cannot be interpreted as an integer",
            );
        });
    }
}
