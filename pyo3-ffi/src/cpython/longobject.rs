//! Non-limited `int` APIs from `Include/cpython/longobject.h` (and the matching
//! `#ifndef Py_LIMITED_API` part of `longobject.h` before 3.11).

#[cfg(Py_3_12)]
use crate::Py_ssize_t;
use crate::{PyLongObject, PyObject};
use libc::size_t;
#[cfg(Py_3_13)]
use std::ffi::c_void;
use std::ffi::{c_int, c_uchar};

/// `PyLong_AsNativeBytes` flag: use the defaults (native endian, signed).
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_DEFAULTS: c_int = -1;
/// `PyLong_AsNativeBytes` flag: big-endian output.
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_BIG_ENDIAN: c_int = 0;
/// `PyLong_AsNativeBytes` flag: little-endian output.
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_LITTLE_ENDIAN: c_int = 1;
/// `PyLong_AsNativeBytes` flag: native-endian output.
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_NATIVE_ENDIAN: c_int = 3;
/// `PyLong_AsNativeBytes` flag: the buffer is unsigned (no sign bit needed).
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_UNSIGNED_BUFFER: c_int = 4;
/// `PyLong_AsNativeBytes` flag: raise `ValueError` for negative values.
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_REJECT_NEGATIVE: c_int = 8;
/// `PyLong_AsNativeBytes` flag: accept objects implementing `__index__`.
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_ALLOW_INDEX: c_int = 16;

extern "C" {
    /// Parse an `int` from a `str` object in the given base.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromUnicodeObject")]
    pub fn PyLong_FromUnicodeObject(u: *mut PyObject, base: c_int) -> *mut PyObject;

    /// Copy the value of `v` into a native integer buffer of `n_bytes` bytes.
    ///
    /// Returns the number of bytes needed to hold the value (which may exceed `n_bytes`),
    /// or -1 with an exception set.
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsNativeBytes")]
    pub fn PyLong_AsNativeBytes(
        v: *mut PyObject,
        buffer: *mut c_void,
        n_bytes: Py_ssize_t,
        flags: c_int,
    ) -> Py_ssize_t;
    /// Create an `int` from a native signed integer buffer.
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromNativeBytes")]
    pub fn PyLong_FromNativeBytes(
        buffer: *const c_void,
        n_bytes: size_t,
        flags: c_int,
    ) -> *mut PyObject;
    /// Create an `int` from a native unsigned integer buffer.
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromUnsignedNativeBytes")]
    pub fn PyLong_FromUnsignedNativeBytes(
        buffer: *const c_void,
        n_bytes: size_t,
        flags: c_int,
    ) -> *mut PyObject;

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
