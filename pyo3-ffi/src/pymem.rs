//! The `PyMem_*` memory interface (`pymem.h`).

use std::ffi::c_void;

extern "C" {
    /// Allocates `size` bytes from the Python heap (GIL / attached thread state required).
    #[cfg_attr(PyPy, link_name = "PyPyMem_Malloc")]
    pub fn PyMem_Malloc(size: libc::size_t) -> *mut c_void;
    /// Allocates `nelem * elsize` zeroed bytes from the Python heap. Part of the stable ABI
    /// (exported by `python3.dll`) on every supported version, although 3.9's headers only
    /// declare it outside the limited API.
    #[cfg_attr(PyPy, link_name = "PyPyMem_Calloc")]
    pub fn PyMem_Calloc(nelem: libc::size_t, elsize: libc::size_t) -> *mut c_void;
    /// Resizes a block from [`PyMem_Malloc`].
    #[cfg_attr(PyPy, link_name = "PyPyMem_Realloc")]
    pub fn PyMem_Realloc(ptr: *mut c_void, new_size: libc::size_t) -> *mut c_void;
    /// Frees a block from [`PyMem_Malloc`].
    #[cfg_attr(PyPy, link_name = "PyPyMem_Free")]
    pub fn PyMem_Free(ptr: *mut c_void);

    /// Allocates `size` bytes with the raw allocator (usable without the GIL; limited API from
    /// 3.13).
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMem_RawMalloc")]
    pub fn PyMem_RawMalloc(size: libc::size_t) -> *mut c_void;
    /// Allocates `nelem * elsize` zeroed bytes with the raw allocator.
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMem_RawCalloc")]
    pub fn PyMem_RawCalloc(nelem: libc::size_t, elsize: libc::size_t) -> *mut c_void;
    /// Resizes a block from [`PyMem_RawMalloc`].
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMem_RawRealloc")]
    pub fn PyMem_RawRealloc(ptr: *mut c_void, new_size: libc::size_t) -> *mut c_void;
    /// Frees a block from [`PyMem_RawMalloc`].
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMem_RawFree")]
    pub fn PyMem_RawFree(ptr: *mut c_void);
}
