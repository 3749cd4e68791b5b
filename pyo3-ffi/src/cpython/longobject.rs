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
    pub fn _PyLong_NumBits(v: *mut PyObject) -> size_t;
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
    #[cfg_attr(PyPy, link_name = "_PyPyLong_AsByteArray")]
    pub fn _PyLong_AsByteArray(
        v: *mut PyLongObject,
        bytes: *mut c_uchar,
        n: size_t,
        little_endian: c_int,
        is_signed: c_int,
    ) -> c_int;
    /// Write an `int` into a byte array (private API, 3.13 signature).
    #[cfg(Py_3_13)]
    pub fn _PyLong_AsByteArray(
        v: *mut PyLongObject,
        bytes: *mut c_uchar,
        n: size_t,
        little_endian: c_int,
        is_signed: c_int,
        with_exceptions: c_int,
    ) -> c_int;
}
