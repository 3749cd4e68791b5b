//! Slice objects and the `Ellipsis` singleton: declarations from `Include/sliceobject.h`.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::c_int;

extern "C" {
    /// The `Ellipsis` object itself; use [`Py_Ellipsis`] instead.
    #[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
    #[cfg_attr(PyPy, link_name = "_PyPy_EllipsisObject")]
    static mut _Py_EllipsisObject: PyObject;
}

/// Borrowed reference to the `Ellipsis` singleton (`...`).
#[inline]
pub unsafe fn Py_Ellipsis() -> *mut PyObject {
    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    {
        crate::Py_GetConstantBorrowed(crate::Py_CONSTANT_ELLIPSIS)
    }
    #[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
    {
        &raw mut _Py_EllipsisObject
    }
}

/// The `slice` object.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Debug)]
pub struct PySliceObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Start value (`None` if omitted).
    pub start: *mut PyObject,
    /// Stop value (`None` if omitted).
    pub stop: *mut PyObject,
    /// Step value (`None` if omitted).
    pub step: *mut PyObject,
}

extern "C" {
    /// The `slice` type object.
    #[cfg_attr(PyPy, link_name = "PyPySlice_Type")]
    pub static mut PySlice_Type: PyTypeObject;
    /// The type of `Ellipsis`.
    #[cfg(not(PyPy))]
    pub static mut PyEllipsis_Type: PyTypeObject;
}

/// Return true if `op` is a `slice` (slices cannot be subclassed).
#[inline]
pub unsafe fn PySlice_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PySlice_Type)
}

extern "C" {
    /// Create a slice; NULL arguments mean `None`.
    #[cfg_attr(PyPy, link_name = "PyPySlice_New")]
    pub fn PySlice_New(
        start: *mut PyObject,
        stop: *mut PyObject,
        step: *mut PyObject,
    ) -> *mut PyObject;
    /// Old index extraction; only works for `int` bounds.
    #[cfg_attr(PyPy, link_name = "PyPySlice_GetIndices")]
    pub fn PySlice_GetIndices(
        r: *mut PyObject,
        length: Py_ssize_t,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: *mut Py_ssize_t,
    ) -> c_int;
}

/// Compute the indices and length of slice `r` over a sequence of `length` items
/// (the header's `PySlice_Unpack` + `PySlice_AdjustIndices` macro).
#[inline]
pub unsafe fn PySlice_GetIndicesEx(
    r: *mut PyObject,
    length: Py_ssize_t,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: *mut Py_ssize_t,
    slicelength: *mut Py_ssize_t,
) -> c_int {
    if PySlice_Unpack(r, start, stop, step) < 0 {
        *slicelength = 0;
        -1
    } else {
        *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
        0
    }
}

extern "C" {
    /// Extract the start, stop and step of a slice, clamped to `Py_ssize_t`; -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPySlice_Unpack")]
    pub fn PySlice_Unpack(
        slice: *mut PyObject,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: *mut Py_ssize_t,
    ) -> c_int;
    /// Adjust unpacked slice bounds to a sequence of `length` items; returns the slice length.
    #[cfg_attr(PyPy, link_name = "PyPySlice_AdjustIndices")]
    pub fn PySlice_AdjustIndices(
        length: Py_ssize_t,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: Py_ssize_t,
    ) -> Py_ssize_t;
}
