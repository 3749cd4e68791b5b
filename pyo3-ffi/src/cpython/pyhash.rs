//! Hash function details outside the limited API (`Include/cpython/pyhash.h`; `pyhash.h` before
//! 3.13).

use crate::{Py_hash_t, Py_ssize_t};
use std::ffi::{c_char, c_int, c_void};

/// Multiplier used in the hashes of numeric and container types (`PyHASH_MULTIPLIER`; before
/// 3.13 `pyhash.h` defines it for the limited API too, see `crate::pyhash`).
pub const _PyHASH_MULTIPLIER: libc::c_ulong = 1000003;

#[cfg(not(PyPy))]
/// `PyHash_FuncDef`: describes the string/bytes hash function in use.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyHash_FuncDef {
    /// The hash function.
    pub hash: Option<unsafe extern "C" fn(data: *const c_void, len: Py_ssize_t) -> Py_hash_t>,
    /// Name of the algorithm (`"siphash13"`, ...).
    pub name: *const c_char,
    /// Width of the produced hash in bits.
    pub hash_bits: c_int,
    /// Size of the seed in bits.
    pub seed_bits: c_int,
}

extern "C" {
    /// Returns the definition of the hash function in use.
    #[cfg(not(PyPy))]
    pub fn PyHash_GetFuncDef() -> *mut PyHash_FuncDef;
    /// Hashes a pointer value (3.13+).
    #[cfg(Py_3_13)]
    pub fn Py_HashPointer(ptr: *const c_void) -> Py_hash_t;
    /// The default `tp_hash` of `object`, based on the object's address (3.13+).
    #[cfg(Py_3_13)]
    pub fn PyObject_GenericHash(obj: *mut crate::PyObject) -> Py_hash_t;
    /// Hashes `len` bytes at `ptr` as `hash(bytes)` would (3.14+; `compat::Py_HashBuffer`
    /// before).
    #[cfg(all(Py_3_14, not(PyPy)))]
    pub fn Py_HashBuffer(ptr: *const c_void, len: Py_ssize_t) -> Py_hash_t;
}
