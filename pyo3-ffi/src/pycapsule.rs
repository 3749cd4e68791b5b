//! Capsules: opaque C pointers wrapped in Python objects (`pycapsule.h`).

use crate::{PyObject, PyTypeObject, Py_IS_TYPE};
use std::ffi::{c_char, c_int, c_void};
use std::ptr;

extern "C" {
    /// The capsule type.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_Type")]
    pub static mut PyCapsule_Type: PyTypeObject;
}

/// `PyCapsule_Destructor`: called with the capsule when it is destroyed.
pub type PyCapsule_Destructor = unsafe extern "C" fn(o: *mut PyObject);

/// `PyCapsule_CheckExact(op)`: whether `op` is a capsule.
#[inline]
pub unsafe fn PyCapsule_CheckExact(ob: *mut PyObject) -> c_int {
    Py_IS_TYPE(ob, ptr::addr_of_mut!(PyCapsule_Type))
}

extern "C" {
    /// Creates a capsule holding `pointer` (must not be NULL) under `name` (may be NULL; must
    /// outlive the capsule).
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_New")]
    pub fn PyCapsule_New(
        pointer: *mut c_void,
        name: *const c_char,
        destructor: Option<PyCapsule_Destructor>,
    ) -> *mut PyObject;
    /// Returns the stored pointer if `name` matches the capsule's name.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_GetPointer")]
    pub fn PyCapsule_GetPointer(capsule: *mut PyObject, name: *const c_char) -> *mut c_void;
    /// Returns the capsule's destructor.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_GetDestructor")]
    pub fn PyCapsule_GetDestructor(capsule: *mut PyObject) -> Option<PyCapsule_Destructor>;
    /// Returns the capsule's name.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_GetName")]
    pub fn PyCapsule_GetName(capsule: *mut PyObject) -> *const c_char;
    /// Returns the capsule's context pointer.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_GetContext")]
    pub fn PyCapsule_GetContext(capsule: *mut PyObject) -> *mut c_void;
    /// Whether `capsule` is a valid capsule with the given name.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_IsValid")]
    pub fn PyCapsule_IsValid(capsule: *mut PyObject, name: *const c_char) -> c_int;
    /// Replaces the stored pointer (must not be NULL).
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_SetPointer")]
    pub fn PyCapsule_SetPointer(capsule: *mut PyObject, pointer: *mut c_void) -> c_int;
    /// Replaces the destructor.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_SetDestructor")]
    pub fn PyCapsule_SetDestructor(
        capsule: *mut PyObject,
        destructor: Option<PyCapsule_Destructor>,
    ) -> c_int;
    /// Replaces the name.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_SetName")]
    pub fn PyCapsule_SetName(capsule: *mut PyObject, name: *const c_char) -> c_int;
    /// Replaces the context pointer.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_SetContext")]
    pub fn PyCapsule_SetContext(capsule: *mut PyObject, context: *mut c_void) -> c_int;
    /// Imports the capsule at dotted path `name` (`"module.attribute"`) and returns its pointer.
    #[cfg_attr(PyPy, link_name = "PyPyCapsule_Import")]
    pub fn PyCapsule_Import(name: *const c_char, no_block: c_int) -> *mut c_void;
}
