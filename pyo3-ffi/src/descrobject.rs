//! Descriptors and member/getset definitions (`descrobject.h`; `PyMemberDef` and the member
//! type codes were in `structmember.h` before 3.12).

use crate::{PyMethodDef, PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::{c_char, c_int, c_void};
use std::ptr;

/// `getter`: `PyObject *(*)(PyObject *, void *closure)`.
pub type getter = unsafe extern "C" fn(slf: *mut PyObject, closure: *mut c_void) -> *mut PyObject;
/// `setter`: `int (*)(PyObject *, PyObject *value, void *closure)`.
pub type setter =
    unsafe extern "C" fn(slf: *mut PyObject, value: *mut PyObject, closure: *mut c_void) -> c_int;

/// `PyGetSetDef`: one computed attribute of a type (`tp_getset`).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyGetSetDef {
    /// Attribute name.
    pub name: *const c_char,
    /// Getter, or None for write-only attributes.
    pub get: Option<getter>,
    /// Setter, or None for read-only attributes.
    pub set: Option<setter>,
    /// Docstring.
    pub doc: *const c_char,
    /// Extra data passed to the getter and setter.
    pub closure: *mut c_void,
}

impl Default for PyGetSetDef {
    fn default() -> PyGetSetDef {
        PyGetSetDef {
            name: ptr::null(),
            get: None,
            set: None,
            doc: ptr::null(),
            closure: ptr::null_mut(),
        }
    }
}

extern "C" {
    /// The type of class method descriptors of built-in types.
    #[cfg_attr(PyPy, link_name = "PyPyClassMethodDescr_Type")]
    pub static mut PyClassMethodDescr_Type: PyTypeObject;
    /// The type of getset descriptors.
    #[cfg_attr(PyPy, link_name = "PyPyGetSetDescr_Type")]
    pub static mut PyGetSetDescr_Type: PyTypeObject;
    /// The type of member descriptors.
    #[cfg_attr(PyPy, link_name = "PyPyMemberDescr_Type")]
    pub static mut PyMemberDescr_Type: PyTypeObject;
    /// The type of method descriptors.
    #[cfg_attr(PyPy, link_name = "PyPyMethodDescr_Type")]
    pub static mut PyMethodDescr_Type: PyTypeObject;
    /// The type of slot wrapper descriptors.
    #[cfg_attr(PyPy, link_name = "PyPyWrapperDescr_Type")]
    pub static mut PyWrapperDescr_Type: PyTypeObject;
    /// The type of `mappingproxy`.
    #[cfg_attr(PyPy, link_name = "PyPyDictProxy_Type")]
    pub static mut PyDictProxy_Type: PyTypeObject;
    /// The type of `property`.
    #[cfg_attr(PyPy, link_name = "PyPyProperty_Type")]
    pub static mut PyProperty_Type: PyTypeObject;

    /// Creates a method descriptor.
    #[cfg_attr(PyPy, link_name = "PyPyDescr_NewMethod")]
    pub fn PyDescr_NewMethod(tp: *mut PyTypeObject, method: *mut PyMethodDef) -> *mut PyObject;
    /// Creates a class method descriptor.
    #[cfg_attr(PyPy, link_name = "PyPyDescr_NewClassMethod")]
    pub fn PyDescr_NewClassMethod(tp: *mut PyTypeObject, method: *mut PyMethodDef)
        -> *mut PyObject;
    /// Creates a member descriptor.
    #[cfg(not(PyPy))]
    pub fn PyDescr_NewMember(tp: *mut PyTypeObject, member: *mut PyMemberDef) -> *mut PyObject;
    /// Creates a getset descriptor.
    #[cfg_attr(PyPy, link_name = "PyPyDescr_NewGetSet")]
    pub fn PyDescr_NewGetSet(tp: *mut PyTypeObject, getset: *mut PyGetSetDef) -> *mut PyObject;
    /// Creates a read-only `mappingproxy` of a mapping.
    #[cfg_attr(PyPy, link_name = "PyPyDictProxy_New")]
    pub fn PyDictProxy_New(mapping: *mut PyObject) -> *mut PyObject;
    /// Creates a bound method-wrapper from a slot wrapper and an instance.
    #[cfg(not(PyPy))]
    pub fn PyWrapper_New(descr: *mut PyObject, slf: *mut PyObject) -> *mut PyObject;
}

/// `PyMemberDef`: one attribute of a type mapped to a C struct field (`tp_members`).
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PyMemberDef {
    /// Attribute name.
    pub name: *const c_char,
    /// Type code of the field, one of the `Py_T_*` constants.
    pub type_code: c_int,
    /// Byte offset of the field in the instance.
    pub offset: Py_ssize_t,
    /// `Py_READONLY`, `Py_AUDIT_READ`, `Py_RELATIVE_OFFSET` flags.
    pub flags: c_int,
    /// Docstring.
    pub doc: *const c_char,
}

impl Default for PyMemberDef {
    fn default() -> PyMemberDef {
        PyMemberDef {
            name: ptr::null(),
            type_code: 0,
            offset: 0,
            flags: 0,
            doc: ptr::null(),
        }
    }
}

/// Member type: C `short`.
pub const Py_T_SHORT: c_int = 0;
/// Member type: C `int`.
pub const Py_T_INT: c_int = 1;
/// Member type: C `long`.
pub const Py_T_LONG: c_int = 2;
/// Member type: C `float`.
pub const Py_T_FLOAT: c_int = 3;
/// Member type: C `double`.
pub const Py_T_DOUBLE: c_int = 4;
/// Member type: `const char *` (read-only).
pub const Py_T_STRING: c_int = 5;
/// Member type: `PyObject *`, NULL reads as `None` (deprecated).
pub const _Py_T_OBJECT: c_int = 6;
/// Member type: a `char` read as a 1-character string.
pub const Py_T_CHAR: c_int = 7;
/// Member type: C `signed char` as an int.
pub const Py_T_BYTE: c_int = 8;
/// Member type: C `unsigned char`.
pub const Py_T_UBYTE: c_int = 9;
/// Member type: C `unsigned short`.
pub const Py_T_USHORT: c_int = 10;
/// Member type: C `unsigned int`.
pub const Py_T_UINT: c_int = 11;
/// Member type: C `unsigned long`.
pub const Py_T_ULONG: c_int = 12;
/// Member type: a `char` array stored in the struct (read-only).
pub const Py_T_STRING_INPLACE: c_int = 13;
/// Member type: a `char` holding a bool.
pub const Py_T_BOOL: c_int = 14;
/// Member type: `PyObject *`, NULL raises `AttributeError`.
pub const Py_T_OBJECT_EX: c_int = 16;
/// Member type: C `long long`.
pub const Py_T_LONGLONG: c_int = 17;
/// Member type: C `unsigned long long`.
pub const Py_T_ULONGLONG: c_int = 18;
/// Member type: `Py_ssize_t`.
pub const Py_T_PYSSIZET: c_int = 19;
/// Member type: always `None` (deprecated).
pub const _Py_T_NONE: c_int = 20;

/// Member flag: read-only.
pub const Py_READONLY: c_int = 1;
/// Member flag: emit an `object.__getattr__` audit event when read (3.10+).
#[cfg(Py_3_10)]
pub const Py_AUDIT_READ: c_int = 2;
/// Member flag: deprecated no-op.
pub const _Py_WRITE_RESTRICTED: c_int = 4;
/// Member flag: the offset is relative to the type's own data (`PyObject_GetTypeData`).
pub const Py_RELATIVE_OFFSET: c_int = 8;

/// Old `structmember.h` flag, same value as `Py_AUDIT_READ`.
#[deprecated(note = "use Py_AUDIT_READ")]
pub const READ_RESTRICTED: c_int = 2;
/// Old `structmember.h` flag, a no-op.
#[deprecated(note = "no-op flag")]
pub const PY_WRITE_RESTRICTED: c_int = 4;
/// Old `structmember.h` flag combination.
#[deprecated(note = "use Py_AUDIT_READ")]
pub const RESTRICTED: c_int = 2 | 4;

extern "C" {
    /// Reads the member described by `m` from the C struct at `addr`.
    #[cfg_attr(PyPy, link_name = "PyPyMember_GetOne")]
    pub fn PyMember_GetOne(addr: *const c_char, m: *mut PyMemberDef) -> *mut PyObject;
    /// Writes `v` to the member described by `m` in the C struct at `addr`.
    #[cfg_attr(PyPy, link_name = "PyPyMember_SetOne")]
    pub fn PyMember_SetOne(addr: *mut c_char, m: *mut PyMemberDef, v: *mut PyObject) -> c_int;
}
