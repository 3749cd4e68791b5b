//! Memory allocator customization (`Include/cpython/pymem.h`).

use std::ffi::c_void;

/// `PyMemAllocatorDomain`: which family of allocation functions an allocator serves.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum PyMemAllocatorDomain {
    /// `PyMem_RawMalloc()`, `PyMem_RawRealloc()`, `PyMem_RawFree()`.
    PYMEM_DOMAIN_RAW,
    /// `PyMem_Malloc()`, `PyMem_Realloc()`, `PyMem_Free()`.
    PYMEM_DOMAIN_MEM,
    /// `PyObject_Malloc()`, `PyObject_Realloc()`, `PyObject_Free()`.
    PYMEM_DOMAIN_OBJ,
}

/// `PyMemAllocatorName`: allocator names accepted by `PyPreConfig.allocator`.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum PyMemAllocatorName {
    /// Keep the current allocators.
    PYMEM_ALLOCATOR_NOT_SET = 0,
    /// Default allocators.
    PYMEM_ALLOCATOR_DEFAULT = 1,
    /// Default allocators with debug hooks.
    PYMEM_ALLOCATOR_DEBUG = 2,
    /// `malloc()` for every domain.
    PYMEM_ALLOCATOR_MALLOC = 3,
    /// `malloc()` with debug hooks.
    PYMEM_ALLOCATOR_MALLOC_DEBUG = 4,
    /// `pymalloc` (builds with pymalloc).
    PYMEM_ALLOCATOR_PYMALLOC = 5,
    /// `pymalloc` with debug hooks (builds with pymalloc).
    PYMEM_ALLOCATOR_PYMALLOC_DEBUG = 6,
    /// `mimalloc` (3.13+ builds with mimalloc).
    #[cfg(Py_3_13)]
    PYMEM_ALLOCATOR_MIMALLOC = 7,
    /// `mimalloc` with debug hooks (3.13+ builds with mimalloc).
    #[cfg(Py_3_13)]
    PYMEM_ALLOCATOR_MIMALLOC_DEBUG = 8,
}

#[cfg(not(PyPy))]
/// `PyMemAllocatorEx`: a set of allocation functions with a context.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyMemAllocatorEx {
    /// User context passed as the first argument of the functions.
    pub ctx: *mut c_void,
    /// Allocates a block.
    pub malloc: Option<unsafe extern "C" fn(ctx: *mut c_void, size: libc::size_t) -> *mut c_void>,
    /// Allocates a zeroed block.
    pub calloc: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            nelem: libc::size_t,
            elsize: libc::size_t,
        ) -> *mut c_void,
    >,
    /// Resizes a block.
    pub realloc: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            ptr: *mut c_void,
            new_size: libc::size_t,
        ) -> *mut c_void,
    >,
    /// Frees a block.
    pub free: Option<unsafe extern "C" fn(ctx: *mut c_void, ptr: *mut c_void)>,
}

extern "C" {
    /// Reads the allocator of a domain.
    #[cfg(not(PyPy))]
    pub fn PyMem_GetAllocator(domain: PyMemAllocatorDomain, allocator: *mut PyMemAllocatorEx);
    /// Replaces the allocator of a domain.
    #[cfg(not(PyPy))]
    pub fn PyMem_SetAllocator(domain: PyMemAllocatorDomain, allocator: *mut PyMemAllocatorEx);
    /// Installs the debug hooks on top of the current allocators.
    #[cfg(not(PyPy))]
    pub fn PyMem_SetupDebugHooks();
}
