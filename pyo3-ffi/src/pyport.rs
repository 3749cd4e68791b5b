//! Basic integer types and platform constants from `pyport.h`.

use std::ffi::c_int;

/// `Py_ssize_t`: the signed size type used throughout the C API (C `ssize_t`).
pub type Py_ssize_t = isize;
/// `Py_hash_t`: the signed hash type returned by `tp_hash`.
pub type Py_hash_t = Py_ssize_t;
/// `Py_uhash_t`: the unsigned counterpart of [`Py_hash_t`].
pub type Py_uhash_t = usize;
/// `Py_intptr_t`: a signed integer wide enough to hold a pointer.
pub type Py_intptr_t = isize;
/// `Py_uintptr_t`: an unsigned integer wide enough to hold a pointer.
pub type Py_uintptr_t = usize;

/// `PY_INT32_T`: a signed 32-bit integer.
pub type PY_INT32_T = i32;
/// `PY_UINT32_T`: an unsigned 32-bit integer.
pub type PY_UINT32_T = u32;
/// `PY_INT64_T`: a signed 64-bit integer.
pub type PY_INT64_T = i64;
/// `PY_UINT64_T`: an unsigned 64-bit integer.
pub type PY_UINT64_T = u64;

/// Smallest value a [`Py_ssize_t`] can hold.
pub const PY_SSIZE_T_MIN: Py_ssize_t = Py_ssize_t::MIN;
/// Largest value a [`Py_ssize_t`] can hold.
pub const PY_SSIZE_T_MAX: Py_ssize_t = Py_ssize_t::MAX;

/// `1` on big-endian targets, `0` otherwise.
#[cfg(target_endian = "big")]
pub const PY_BIG_ENDIAN: usize = 1;
/// `1` on big-endian targets, `0` otherwise.
#[cfg(target_endian = "little")]
pub const PY_BIG_ENDIAN: usize = 0;
/// `1` on little-endian targets, `0` otherwise.
#[cfg(target_endian = "big")]
pub const PY_LITTLE_ENDIAN: usize = 0;
/// `1` on little-endian targets, `0` otherwise.
#[cfg(target_endian = "little")]
pub const PY_LITTLE_ENDIAN: usize = 1;

/// C's `INT_MAX` (from `<limits.h>`, which `Python.h` includes).
pub const INT_MAX: c_int = c_int::MAX;
