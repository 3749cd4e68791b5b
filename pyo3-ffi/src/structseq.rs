//! Struct sequences: named-tuple-like types defined from C (`structseq.h`).

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::{c_char, c_int};

/// `PyStructSequence_Field`: one field of a struct sequence type.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyStructSequence_Field {
    /// Field name, or `PyStructSequence_UnnamedField` (3.11+); NULL ends the array.
    pub name: *const c_char,
    /// Field docstring.
    pub doc: *const c_char,
}

/// `PyStructSequence_Desc`: the description of a struct sequence type.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyStructSequence_Desc {
    /// Fully qualified type name.
    pub name: *const c_char,
    /// Docstring.
    pub doc: *const c_char,
    /// NULL-terminated array of fields.
    pub fields: *mut PyStructSequence_Field,
    /// Number of fields visible to the tuple side of the type.
    pub n_in_sequence: c_int,
}

extern "C" {
    /// Special value for [`PyStructSequence_Field::name`] of unnamed fields (exported from
    /// 3.11).
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_UnnamedField")]
    pub static PyStructSequence_UnnamedField: *const c_char;

    /// Initializes a static struct sequence type in place.
    #[cfg(not(Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_InitType")]
    pub fn PyStructSequence_InitType(tp: *mut PyTypeObject, desc: *mut PyStructSequence_Desc);
    /// Like [`PyStructSequence_InitType`], returning 0 on success and -1 on error.
    #[cfg(not(Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_InitType2")]
    pub fn PyStructSequence_InitType2(
        tp: *mut PyTypeObject,
        desc: *mut PyStructSequence_Desc,
    ) -> c_int;
    /// Creates a new struct sequence type (a heap type).
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_NewType")]
    pub fn PyStructSequence_NewType(desc: *mut PyStructSequence_Desc) -> *mut PyTypeObject;
    /// Creates an instance of a struct sequence type (items are NULL).
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_New")]
    pub fn PyStructSequence_New(tp: *mut PyTypeObject) -> *mut PyObject;
    /// Sets item `pos`, stealing a reference to `v`.
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_SetItem")]
    pub fn PyStructSequence_SetItem(p: *mut PyObject, pos: Py_ssize_t, v: *mut PyObject);
    /// Returns item `pos` (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_GetItem")]
    pub fn PyStructSequence_GetItem(p: *mut PyObject, pos: Py_ssize_t) -> *mut PyObject;
}

/// `PyStructSequence`: struct sequence instances are tuples.
#[cfg(not(Py_LIMITED_API))]
pub type PyStructSequence = crate::PyTupleObject;

/// `PyStructSequence_SET_ITEM(op, i, v)`: sets item `i`, stealing `v` (no checks).
#[inline]
pub unsafe fn PyStructSequence_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    #[cfg(all(not(Py_LIMITED_API), not(Py_3_13)))]
    {
        crate::PyTuple_SET_ITEM(op, i, v)
    }
    #[cfg(any(Py_LIMITED_API, Py_3_13))]
    {
        PyStructSequence_SetItem(op, i, v)
    }
}

/// `PyStructSequence_GET_ITEM(op, i)`: returns item `i` (borrowed, no checks).
#[inline]
pub unsafe fn PyStructSequence_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    #[cfg(all(not(Py_LIMITED_API), not(Py_3_13)))]
    {
        crate::PyTuple_GET_ITEM(op, i)
    }
    #[cfg(any(Py_LIMITED_API, Py_3_13))]
    {
        PyStructSequence_GetItem(op, i)
    }
}
