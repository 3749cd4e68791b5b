//! The buffer protocol (`pybuffer.h`; in `cpython/object.h` and `cpython/abstract.h` before
//! 3.11, where it was not part of the limited API).

#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
use crate::{PyObject, Py_ssize_t};
use std::ffi::c_int;
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
use std::ffi::{c_char, c_void};
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
use std::ptr;

/// `Py_buffer`: a view of an object's memory filled by `PyObject_GetBuffer`.
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct Py_buffer {
    /// Start of the memory (for the logical structure described by the other fields).
    pub buf: *mut c_void,
    /// Owned reference to the exporting object (NULL for temporary views).
    pub obj: *mut PyObject,
    /// Total size in bytes (`product(shape) * itemsize`).
    pub len: Py_ssize_t,
    /// Size of one item in bytes.
    pub itemsize: Py_ssize_t,
    /// Non-zero if the memory is read-only.
    pub readonly: c_int,
    /// Number of dimensions.
    pub ndim: c_int,
    /// `struct`-module format of one item, or NULL for `"B"`.
    pub format: *mut c_char,
    /// Array of `ndim` dimension sizes.
    pub shape: *mut Py_ssize_t,
    /// Array of `ndim` byte strides.
    pub strides: *mut Py_ssize_t,
    /// Array of `ndim` suboffsets (PIL-style indirect arrays), or NULL.
    pub suboffsets: *mut Py_ssize_t,
    /// For use by the exporter.
    pub internal: *mut c_void,
    /// PyPy's extension: buffer flags.
    #[cfg(PyPy)]
    pub flags: c_int,
    /// PyPy's extension: inline storage for the strides of views with few dimensions.
    #[cfg(PyPy)]
    pub _strides: [Py_ssize_t; PyBUF_MAX_NDIM as usize],
    /// PyPy's extension: inline storage for the shape of views with few dimensions.
    #[cfg(PyPy)]
    pub _shape: [Py_ssize_t; PyBUF_MAX_NDIM as usize],
}

#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
impl Py_buffer {
    /// An empty (all-NULL / zero) buffer, to be filled by `PyObject_GetBuffer`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Py_buffer {
            buf: ptr::null_mut(),
            obj: ptr::null_mut(),
            len: 0,
            itemsize: 0,
            readonly: 0,
            ndim: 0,
            format: ptr::null_mut(),
            shape: ptr::null_mut(),
            strides: ptr::null_mut(),
            suboffsets: ptr::null_mut(),
            internal: ptr::null_mut(),
            #[cfg(PyPy)]
            flags: 0,
            #[cfg(PyPy)]
            _strides: [0; PyBUF_MAX_NDIM as usize],
            #[cfg(PyPy)]
            _shape: [0; PyBUF_MAX_NDIM as usize],
        }
    }
}

/// `getbufferproc`: `int (*)(PyObject *, Py_buffer *, int flags)` (`bf_getbuffer`).
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub type getbufferproc = unsafe extern "C" fn(*mut PyObject, *mut Py_buffer, c_int) -> c_int;
/// `releasebufferproc`: `void (*)(PyObject *, Py_buffer *)` (`bf_releasebuffer`).
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub type releasebufferproc = unsafe extern "C" fn(*mut PyObject, *mut Py_buffer);

#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
extern "C" {
    /// Whether `obj` supports the buffer protocol.
    #[cfg(not(PyPy))]
    pub fn PyObject_CheckBuffer(obj: *mut PyObject) -> c_int;
    /// Fills `view` from `obj` according to the `PyBUF_*` `flags`; 0 on success.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetBuffer")]
    pub fn PyObject_GetBuffer(obj: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int;
    /// Address of the item at `indices` (an array of `view.ndim` indices).
    #[cfg_attr(PyPy, link_name = "PyPyBuffer_GetPointer")]
    pub fn PyBuffer_GetPointer(view: *const Py_buffer, indices: *const Py_ssize_t) -> *mut c_void;
    /// Item size implied by a `struct` format string.
    #[cfg(not(PyPy))]
    pub fn PyBuffer_SizeFromFormat(format: *const c_char) -> Py_ssize_t;
    /// Copies `len` bytes of the view into contiguous memory in `order` (`'C'`, `'F'`, `'A'`).
    #[cfg_attr(PyPy, link_name = "PyPyBuffer_ToContiguous")]
    pub fn PyBuffer_ToContiguous(
        buf: *mut c_void,
        view: *const Py_buffer,
        len: Py_ssize_t,
        order: c_char,
    ) -> c_int;
    /// Copies `len` bytes from contiguous memory in `order` into the view.
    #[cfg_attr(PyPy, link_name = "PyPyBuffer_FromContiguous")]
    pub fn PyBuffer_FromContiguous(
        view: *const Py_buffer,
        buf: *const c_void,
        len: Py_ssize_t,
        order: c_char,
    ) -> c_int;
    /// Copies the data of one buffer-supporting object into another.
    #[cfg(not(PyPy))]
    pub fn PyObject_CopyData(dest: *mut PyObject, src: *mut PyObject) -> c_int;
    /// Whether the view is contiguous in `fort` order (`'C'`, `'F'` or `'A'`).
    #[cfg_attr(PyPy, link_name = "PyPyBuffer_IsContiguous")]
    pub fn PyBuffer_IsContiguous(view: *const Py_buffer, fort: c_char) -> c_int;
    /// Fills `strides` for a contiguous array of the given shape and item size.
    #[cfg(not(PyPy))]
    pub fn PyBuffer_FillContiguousStrides(
        ndims: c_int,
        shape: *mut Py_ssize_t,
        strides: *mut Py_ssize_t,
        itemsize: c_int,
        fort: c_char,
    );
    /// Fills `view` for a simple one-dimensional byte buffer exported by `o`.
    #[cfg_attr(PyPy, link_name = "PyPyBuffer_FillInfo")]
    pub fn PyBuffer_FillInfo(
        view: *mut Py_buffer,
        o: *mut PyObject,
        buf: *mut c_void,
        len: Py_ssize_t,
        readonly: c_int,
        flags: c_int,
    ) -> c_int;
    /// Releases a view obtained from `PyObject_GetBuffer`.
    #[cfg_attr(PyPy, link_name = "PyPyBuffer_Release")]
    pub fn PyBuffer_Release(view: *mut Py_buffer);
}

/// Maximum number of dimensions of a buffer.
pub const PyBUF_MAX_NDIM: c_int = 64;

/// Request: read-only, contiguous bytes; no shape/strides/format needed.
pub const PyBUF_SIMPLE: c_int = 0;
/// Request: the buffer must be writable.
pub const PyBUF_WRITABLE: c_int = 0x0001;
/// Old spelling of [`PyBUF_WRITABLE`].
#[cfg(not(Py_LIMITED_API))]
pub const PyBUF_WRITEABLE: c_int = PyBUF_WRITABLE;
/// Request: fill `format`.
pub const PyBUF_FORMAT: c_int = 0x0004;
/// Request: fill `shape`.
pub const PyBUF_ND: c_int = 0x0008;
/// Request: fill `shape` and `strides`.
pub const PyBUF_STRIDES: c_int = 0x0010 | PyBUF_ND;
/// Request: C-contiguous memory.
pub const PyBUF_C_CONTIGUOUS: c_int = 0x0020 | PyBUF_STRIDES;
/// Request: Fortran-contiguous memory.
pub const PyBUF_F_CONTIGUOUS: c_int = 0x0040 | PyBUF_STRIDES;
/// Request: C- or Fortran-contiguous memory.
pub const PyBUF_ANY_CONTIGUOUS: c_int = 0x0080 | PyBUF_STRIDES;
/// Request: `suboffsets` may be used.
pub const PyBUF_INDIRECT: c_int = 0x0100 | PyBUF_STRIDES;
/// Compound request: contiguous and writable.
pub const PyBUF_CONTIG: c_int = PyBUF_ND | PyBUF_WRITABLE;
/// Compound request: contiguous.
pub const PyBUF_CONTIG_RO: c_int = PyBUF_ND;
/// Compound request: strided and writable.
pub const PyBUF_STRIDED: c_int = PyBUF_STRIDES | PyBUF_WRITABLE;
/// Compound request: strided.
pub const PyBUF_STRIDED_RO: c_int = PyBUF_STRIDES;
/// Compound request: strided, writable, with format.
pub const PyBUF_RECORDS: c_int = PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT;
/// Compound request: strided with format.
pub const PyBUF_RECORDS_RO: c_int = PyBUF_STRIDES | PyBUF_FORMAT;
/// Compound request: everything, writable.
pub const PyBUF_FULL: c_int = PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT;
/// Compound request: everything.
pub const PyBUF_FULL_RO: c_int = PyBUF_INDIRECT | PyBUF_FORMAT;

/// Memory view access flag: read-only.
pub const PyBUF_READ: c_int = 0x100;
/// Memory view access flag: writable.
pub const PyBUF_WRITE: c_int = 0x200;
