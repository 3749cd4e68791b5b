//! Non-limited `int` APIs from `Include/cpython/longobject.h` (and the matching
//! `#ifndef Py_LIMITED_API` part of `longobject.h` before 3.11).

#[cfg(Py_3_12)]
use crate::Py_ssize_t;
use crate::{PyLongObject, PyObject};
use libc::size_t;
use std::ffi::{c_int, c_uchar};

extern "C" {
    /// Parse an `int` from a `str` object in the given base.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromUnicodeObject")]
    pub fn PyLong_FromUnicodeObject(u: *mut PyObject, base: c_int) -> *mut PyObject;

    /// Exported version of the `PyUnstable_Long_IsCompact` inline function.
    #[cfg(Py_3_12)]
    pub fn PyUnstable_Long_IsCompact(op: *const PyLongObject) -> c_int;
    /// Exported version of the `PyUnstable_Long_CompactValue` inline function.
    #[cfg(Py_3_12)]
    pub fn PyUnstable_Long_CompactValue(op: *const PyLongObject) -> Py_ssize_t;

    /// Return the sign of an `int`: -1, 0 or 1 (private API).
    #[cfg_attr(PyPy, link_name = "_PyPyLong_Sign")]
    pub fn _PyLong_Sign(v: *mut PyObject) -> c_int;
    /// Number of bits needed to represent `abs(v)`; `(size_t)-1` on overflow (private API).
    #[cfg_attr(PyPy, link_name = "_PyPyLong_NumBits")]
    #[cfg(not(Py_3_14))]
    pub fn _PyLong_NumBits(v: *mut PyObject) -> size_t;
    /// Number of bits needed to represent `abs(v)`; -1 with an exception set on error
    /// (private API; 3.14 changed the return type to `int64_t`).
    #[cfg(Py_3_14)]
    pub fn _PyLong_NumBits(v: *mut PyObject) -> i64;
    /// Build an `int` from a two's-complement (or unsigned) byte array (private API).
    #[cfg_attr(PyPy, link_name = "_PyPyLong_FromByteArray")]
    pub fn _PyLong_FromByteArray(
        bytes: *const c_uchar,
        n: size_t,
        little_endian: c_int,
        is_signed: c_int,
    ) -> *mut PyObject;
    /// Write an `int` into a byte array (private API; before 3.13, no `with_exceptions`).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "_PyPyLong_AsByteArrayO")]
    pub fn _PyLong_AsByteArray(
        v: *mut PyLongObject,
        bytes: *mut c_uchar,
        n: size_t,
        little_endian: c_int,
        is_signed: c_int,
    ) -> c_int;
    /// Write an `int` into a byte array (private API, 3.13 signature).
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn _PyLong_AsByteArray(
        v: *mut PyLongObject,
        bytes: *mut c_uchar,
        n: size_t,
        little_endian: c_int,
        is_signed: c_int,
        with_exceptions: c_int,
    ) -> c_int;
}

#[cfg(all(Py_3_14, not(PyPy)))]
extern "C" {
    /// 1 if the `int` `obj` is negative, 0 if not, -1 with an exception set if not an `int`.
    pub fn PyLong_IsNegative(obj: *mut PyObject) -> c_int;
    /// 1 if the `int` `obj` is positive, 0 if not, -1 with an exception set if not an `int`.
    pub fn PyLong_IsPositive(obj: *mut PyObject) -> c_int;
    /// 1 if the `int` `obj` is zero, 0 if not, -1 with an exception set if not an `int`.
    pub fn PyLong_IsZero(obj: *mut PyObject) -> c_int;
    /// Stores the sign of `v` (-1, 0 or 1) in `*sign`: 0 on success, -1 with an exception.
    pub fn PyLong_GetSign(v: *mut PyObject, sign: *mut c_int) -> c_int;
}
