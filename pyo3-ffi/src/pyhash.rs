//! Hash algorithm ids (`pyhash.h`).

use std::ffi::c_int;

/// Hash algorithm id: provided externally at build time.
pub const Py_HASH_EXTERNAL: c_int = 0;
/// Hash algorithm id: SipHash-2-4.
pub const Py_HASH_SIPHASH24: c_int = 1;
/// Hash algorithm id: FNV.
pub const Py_HASH_FNV: c_int = 2;
/// Hash algorithm id: SipHash-1-3 (3.11+, the default there).
#[cfg(Py_3_11)]
pub const Py_HASH_SIPHASH13: c_int = 3;

/// Multiplier used in the hashes of numeric and container types: `pyhash.h` defines it outside
/// its `Py_LIMITED_API` guard before 3.13 (the full API gets it from `cpython/pyhash.rs`).
#[cfg(all(Py_LIMITED_API, not(Py_3_13)))]
pub const _PyHASH_MULTIPLIER: std::ffi::c_ulong = 1000003;
