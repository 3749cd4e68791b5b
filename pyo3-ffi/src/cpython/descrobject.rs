//! Descriptor object layouts and slot wrappers (`Include/cpython/descrobject.h`).

use crate::{vectorcallfunc, PyGetSetDef, PyMemberDef, PyMethodDef, PyObject, PyTypeObject};
use std::ffi::{c_char, c_int, c_void};

/// `wrapperfunc`: `PyObject *(*)(PyObject *self, PyObject *args, void *wrapped)`.
pub type wrapperfunc = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *mut PyObject,
    wrapped: *mut c_void,
) -> *mut PyObject;

/// `wrapperfunc_kwds`: `PyObject *(*)(PyObject *self, PyObject *args, void *wrapped,
/// PyObject *kwds)`.
pub type wrapperfunc_kwds = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *mut PyObject,
    wrapped: *mut c_void,
    kwds: *mut PyObject,
) -> *mut PyObject;

/// `struct wrapperbase`: describes one slot wrapper (`__add__` for `nb_add`, ...).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct wrapperbase {
    /// Special method name.
    pub name: *const c_char,
    /// Offset of the slot in the heap type object.
    pub offset: c_int,
    /// Slot function implementing the method for Python classes.
    pub function: *mut c_void,
    /// Wrapper calling the slot from Python.
    pub wrapper: Option<wrapperfunc>,
    /// Docstring.
    pub doc: *const c_char,
    /// `PyWrapperFlag_KEYWORDS` if `wrapper` is a `wrapperfunc_kwds`.
    pub flags: c_int,
    /// Interned `name`.
    pub name_strobj: *mut PyObject,
}

/// `wrapperbase` flag: the wrapper takes keyword arguments.
pub const PyWrapperFlag_KEYWORDS: c_int = 1;

/// `PyDescrObject`: the common header of descriptor objects.
#[repr(C)]
#[derive(Debug)]
pub struct PyDescrObject {
    /// Object header.
    pub ob_base: PyObject,
    /// The type the descriptor belongs to.
    pub d_type: *mut PyTypeObject,
    /// Attribute name.
    pub d_name: *mut PyObject,
    /// Qualified name.
    pub d_qualname: *mut PyObject,
}

#[cfg(not(PyPy))]
/// `PyMethodDescrObject`: a method descriptor.
#[repr(C)]
#[derive(Debug)]
pub struct PyMethodDescrObject {
    /// Descriptor header.
    pub d_common: PyDescrObject,
    /// The method definition.
    pub d_method: *mut PyMethodDef,
    /// Vectorcall entry point.
    pub vectorcall: Option<vectorcallfunc>,
}

/// `PyMemberDescrObject`: a member descriptor.
#[repr(C)]
#[derive(Debug)]
pub struct PyMemberDescrObject {
    /// Descriptor header.
    pub d_common: PyDescrObject,
    /// The member definition.
    pub d_member: *mut PyMemberDef,
}

/// `PyGetSetDescrObject`: a getset descriptor.
#[repr(C)]
#[derive(Debug)]
pub struct PyGetSetDescrObject {
    /// Descriptor header.
    pub d_common: PyDescrObject,
    /// The getset definition.
    pub d_getset: *mut PyGetSetDef,
}

/// `PyWrapperDescrObject`: a slot wrapper descriptor.
#[repr(C)]
#[derive(Debug)]
pub struct PyWrapperDescrObject {
    /// Descriptor header.
    pub d_common: PyDescrObject,
    /// The slot description.
    pub d_base: *mut wrapperbase,
    /// The wrapped slot function.
    pub d_wrapped: *mut c_void,
}

extern "C" {
    /// Creates a slot wrapper descriptor.
    #[cfg(not(PyPy))]
    pub fn PyDescr_NewWrapper(
        tp: *mut PyTypeObject,
        base: *mut wrapperbase,
        wrapped: *mut c_void,
    ) -> *mut PyObject;
    /// Whether the descriptor is a data descriptor (defines `__set__`/`__delete__`) (3.10+).
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyDescr_IsData(descr: *mut PyObject) -> c_int;
}

/// `PyDescr_IsData(d)`: whether the descriptor defines `__set__` (a macro before 3.10).
#[cfg(not(Py_3_10))]
#[inline]
pub unsafe fn PyDescr_IsData(descr: *mut PyObject) -> c_int {
    (*crate::Py_TYPE(descr)).tp_descr_set.is_some() as c_int
}
