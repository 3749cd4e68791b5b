//! Limited-API frame accessors from `pyframe.h`.

use std::ffi::c_int;

/// A frame object (`struct _frame`).
#[cfg(all(not(Py_LIMITED_API), not(Py_3_11), not(PyPy), not(GraalPy)))]
pub type PyFrameObject = crate::_frame;

/// A frame object (opaque).
#[cfg(any(Py_LIMITED_API, Py_3_11, PyPy, GraalPy))]
#[repr(C)]
pub struct PyFrameObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

/// A code object (opaque; limited API).
#[cfg(Py_LIMITED_API)]
#[repr(C)]
pub struct PyCodeObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

extern "C" {
    /// Returns the line number that `frame` is currently executing.
    #[cfg_attr(PyPy, link_name = "PyPyFrame_GetLineNumber")]
    pub fn PyFrame_GetLineNumber(frame: *mut PyFrameObject) -> c_int;
    /// Returns a strong reference to the code object of `frame`.
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetCode(frame: *mut PyFrameObject) -> *mut crate::PyCodeObject;
}
