//! Integer (`int`) objects: declarations from `Include/longobject.h`.
//!
//! The object layout (`PyLongObject` fields) lives in `cpython/longintrepr.rs`; under the limited
//! API the struct is opaque.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use libc::size_t;
use std::ffi::{c_char, c_double, c_int, c_long, c_longlong, c_ulong, c_ulonglong, c_void};

/// Opaque `PyLongObject` (its layout is not part of the limited API, and PyPy's differs).
#[cfg(any(Py_LIMITED_API, PyPy))]
#[repr(C)]
pub struct PyLongObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

extern "C" {
    /// The `int` type object.
    #[cfg_attr(PyPy, link_name = "PyPyLong_Type")]
    pub static mut PyLong_Type: PyTypeObject;
}

/// Return true if `op` is an `int` or an instance of a subtype of `int`.
#[inline]
pub unsafe fn PyLong_Check(op: *mut PyObject) -> c_int {
    crate::PyType_FastSubclass(crate::Py_TYPE(op), crate::Py_TPFLAGS_LONG_SUBCLASS)
}

/// Return true if `op` is exactly an `int` (not a subtype).
#[inline]
pub unsafe fn PyLong_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyLong_Type)
}

extern "C" {
    /// Return a new `int` from a C `long`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromLong")]
    pub fn PyLong_FromLong(v: c_long) -> *mut PyObject;
    /// Return a new `int` from a C `unsigned long`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromUnsignedLong")]
    pub fn PyLong_FromUnsignedLong(v: c_ulong) -> *mut PyObject;
    /// Return a new `int` from a C `size_t`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromSize_t")]
    pub fn PyLong_FromSize_t(v: size_t) -> *mut PyObject;
    /// Return a new `int` from a `Py_ssize_t`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromSsize_t")]
    pub fn PyLong_FromSsize_t(v: Py_ssize_t) -> *mut PyObject;
    /// Return a new `int` from the integer part of a C `double`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromDouble")]
    pub fn PyLong_FromDouble(v: c_double) -> *mut PyObject;
    /// Convert to a C `long`; -1 with an exception set on error.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsLong")]
    pub fn PyLong_AsLong(obj: *mut PyObject) -> c_long;
    /// Convert to a C `long`, reporting overflow through `*overflow` instead of raising.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsLongAndOverflow")]
    pub fn PyLong_AsLongAndOverflow(obj: *mut PyObject, overflow: *mut c_int) -> c_long;
    /// Convert an `int` to a `Py_ssize_t`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsSsize_t")]
    pub fn PyLong_AsSsize_t(obj: *mut PyObject) -> Py_ssize_t;
    /// Convert an `int` to a C `size_t`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsSize_t")]
    pub fn PyLong_AsSize_t(obj: *mut PyObject) -> size_t;
    /// Convert an `int` to a C `unsigned long`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsUnsignedLong")]
    pub fn PyLong_AsUnsignedLong(obj: *mut PyObject) -> c_ulong;
    /// Convert to a C `unsigned long`, wrapping modulo `ULONG_MAX + 1` on overflow.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsUnsignedLongMask")]
    pub fn PyLong_AsUnsignedLongMask(obj: *mut PyObject) -> c_ulong;
    /// Convert to a C `int`; -1 with an exception set on error (new in 3.13).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsInt")]
    pub fn PyLong_AsInt(obj: *mut PyObject) -> c_int;
    /// Return a struct sequence describing the internal representation of integers.
    #[cfg(not(PyPy))]
    pub fn PyLong_GetInfo() -> *mut PyObject;
    /// Convert an `int` to a C `double`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsDouble")]
    pub fn PyLong_AsDouble(obj: *mut PyObject) -> c_double;
    /// Return a new `int` from a pointer value.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromVoidPtr")]
    pub fn PyLong_FromVoidPtr(p: *mut c_void) -> *mut PyObject;
    /// Convert an `int` to a C pointer.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsVoidPtr")]
    pub fn PyLong_AsVoidPtr(obj: *mut PyObject) -> *mut c_void;
    /// Return a new `int` from a C `long long`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromLongLong")]
    pub fn PyLong_FromLongLong(v: c_longlong) -> *mut PyObject;
    /// Return a new `int` from a C `unsigned long long`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromUnsignedLongLong")]
    pub fn PyLong_FromUnsignedLongLong(v: c_ulonglong) -> *mut PyObject;
    /// Convert an `int` to a C `long long`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsLongLong")]
    pub fn PyLong_AsLongLong(obj: *mut PyObject) -> c_longlong;
    /// Convert an `int` to a C `unsigned long long`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsUnsignedLongLong")]
    pub fn PyLong_AsUnsignedLongLong(obj: *mut PyObject) -> c_ulonglong;
    /// Convert to a C `unsigned long long`, wrapping on overflow.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsUnsignedLongLongMask")]
    pub fn PyLong_AsUnsignedLongLongMask(obj: *mut PyObject) -> c_ulonglong;
    /// Convert to a C `long long`, reporting overflow through `*overflow` instead of raising.
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsLongLongAndOverflow")]
    pub fn PyLong_AsLongLongAndOverflow(obj: *mut PyObject, overflow: *mut c_int) -> c_longlong;
    /// Parse an `int` from a NUL-terminated string in the given base.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromString")]
    pub fn PyLong_FromString(
        str: *const c_char,
        pend: *mut *mut c_char,
        base: c_int,
    ) -> *mut PyObject;
    /// Locale-independent `strtoul`.
    #[cfg(not(PyPy))]
    pub fn PyOS_strtoul(str: *const c_char, ptr: *mut *mut c_char, base: c_int) -> c_ulong;
    /// Locale-independent `strtol`.
    #[cfg(not(PyPy))]
    pub fn PyOS_strtol(str: *const c_char, ptr: *mut *mut c_char, base: c_int) -> c_long;
}

/// `PyLong_AsNativeBytes` flag: use the defaults (native endian, signed).
#[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
pub const Py_ASNATIVEBYTES_DEFAULTS: c_int = -1;
/// `PyLong_AsNativeBytes` flag: big-endian output.
#[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
pub const Py_ASNATIVEBYTES_BIG_ENDIAN: c_int = 0;
/// `PyLong_AsNativeBytes` flag: little-endian output.
#[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
pub const Py_ASNATIVEBYTES_LITTLE_ENDIAN: c_int = 1;
/// `PyLong_AsNativeBytes` flag: native-endian output.
#[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
pub const Py_ASNATIVEBYTES_NATIVE_ENDIAN: c_int = 3;
/// `PyLong_AsNativeBytes` flag: the buffer is unsigned (no sign bit needed).
#[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
pub const Py_ASNATIVEBYTES_UNSIGNED_BUFFER: c_int = 4;
/// `PyLong_AsNativeBytes` flag: raise `ValueError` for negative values.
#[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
pub const Py_ASNATIVEBYTES_REJECT_NEGATIVE: c_int = 8;
/// `PyLong_AsNativeBytes` flag: accept objects implementing `__index__`.
#[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
pub const Py_ASNATIVEBYTES_ALLOW_INDEX: c_int = 16;

extern "C" {
    /// Copy the value of `v` into a native integer buffer of `n_bytes` bytes.
    ///
    /// Returns the number of bytes needed to hold the value (which may exceed `n_bytes`),
    /// or -1 with an exception set.
    #[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
    #[cfg_attr(PyPy, link_name = "PyPyLong_AsNativeBytes")]
    pub fn PyLong_AsNativeBytes(
        v: *mut PyObject,
        buffer: *mut c_void,
        n_bytes: Py_ssize_t,
        flags: c_int,
    ) -> Py_ssize_t;
    /// Create an `int` from a native signed integer buffer.
    #[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromNativeBytes")]
    pub fn PyLong_FromNativeBytes(
        buffer: *const c_void,
        n_bytes: size_t,
        flags: c_int,
    ) -> *mut PyObject;
    /// Create an `int` from a native unsigned integer buffer.
    #[cfg(any(Py_3_14, all(Py_3_13, not(Py_LIMITED_API))))]
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromUnsignedNativeBytes")]
    pub fn PyLong_FromUnsignedNativeBytes(
        buffer: *const c_void,
        n_bytes: size_t,
        flags: c_int,
    ) -> *mut PyObject;
}

// Fixed-width integer conversions, in the limited API since 3.14.
#[cfg(all(Py_3_14, not(PyPy)))]
extern "C" {
    /// `int` from an `int32_t`.
    pub fn PyLong_FromInt32(value: i32) -> *mut PyObject;
    /// `int` from a `uint32_t`.
    pub fn PyLong_FromUInt32(value: u32) -> *mut PyObject;
    /// `int` from an `int64_t`.
    pub fn PyLong_FromInt64(value: i64) -> *mut PyObject;
    /// `int` from a `uint64_t`.
    pub fn PyLong_FromUInt64(value: u64) -> *mut PyObject;
    /// Stores `obj` as an `int32_t` in `*value`: 0 on success, -1 with an exception set.
    pub fn PyLong_AsInt32(obj: *mut PyObject, value: *mut i32) -> c_int;
    /// Stores `obj` as a `uint32_t` in `*value`: 0 on success, -1 with an exception set.
    pub fn PyLong_AsUInt32(obj: *mut PyObject, value: *mut u32) -> c_int;
    /// Stores `obj` as an `int64_t` in `*value`: 0 on success, -1 with an exception set.
    pub fn PyLong_AsInt64(obj: *mut PyObject, value: *mut i64) -> c_int;
    /// Stores `obj` as a `uint64_t` in `*value`: 0 on success, -1 with an exception set.
    pub fn PyLong_AsUInt64(obj: *mut PyObject, value: *mut u64) -> c_int;
}

/// `PyLongLayout`: how CPython stores the digits of an `int` (3.14+).
#[cfg(all(Py_3_14, not(Py_LIMITED_API), not(PyPy)))]
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyLongLayout {
    /// Bits used in each digit.
    pub bits_per_digit: u8,
    /// Size of a digit in bytes.
    pub digit_size: u8,
    /// 1 if the most significant digit comes first, -1 if the least significant does.
    pub digits_order: i8,
    /// 1 for big-endian digits, -1 for little-endian.
    pub digit_endianness: i8,
}

/// `PyLongExport`: an `int` exported by `PyLong_Export` (3.14+).
///
/// If `digits` is NULL the value fits in `value`; otherwise it is given by `negative`,
/// `ndigits` and `digits` in the native layout. Release with `PyLong_FreeExport`.
#[cfg(all(Py_3_14, not(Py_LIMITED_API), not(PyPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct PyLongExport {
    /// The value, when it fits in 64 bits.
    pub value: i64,
    /// 1 if negative (digit form).
    pub negative: u8,
    /// Number of digits (digit form).
    pub ndigits: Py_ssize_t,
    /// Read-only digits (digit form), or NULL.
    pub digits: *const c_void,
    _reserved: libc::uintptr_t,
}

/// `PyLongWriter`: an `int` under construction (opaque, 3.14+).
#[cfg(all(Py_3_14, not(Py_LIMITED_API), not(PyPy)))]
#[repr(C)]
pub struct PyLongWriter {
    _private: [u8; 0],
}

#[cfg(all(Py_3_14, not(Py_LIMITED_API), not(PyPy)))]
extern "C" {
    /// The native digit layout of `int` objects.
    pub fn PyLong_GetNativeLayout() -> *const PyLongLayout;
    /// Exports `obj` (an `int`) into `*export_long`: 0 on success, -1 with an exception set.
    pub fn PyLong_Export(obj: *mut PyObject, export_long: *mut PyLongExport) -> c_int;
    /// Releases what `PyLong_Export` stored in `*export_long`.
    pub fn PyLong_FreeExport(export_long: *mut PyLongExport);
    /// Starts an `int` of `ndigits` digits; `*digits` receives the array to fill.
    pub fn PyLongWriter_Create(
        negative: c_int,
        ndigits: Py_ssize_t,
        digits: *mut *mut c_void,
    ) -> *mut PyLongWriter;
    /// Finishes the writer, returning the `int` (new reference), or NULL on error.
    pub fn PyLongWriter_Finish(writer: *mut PyLongWriter) -> *mut PyObject;
    /// Discards an unfinished writer (NULL is accepted).
    pub fn PyLongWriter_Discard(writer: *mut PyLongWriter);
}
