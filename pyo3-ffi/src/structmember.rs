//! The legacy `structmember.h` names (`T_*` member types, `READONLY`, ...).
//!
//! Since Python 3.12 these are superseded by the `Py_T_*` / `Py_READONLY` constants of
//! `descrobject.h`, which are available at the crate root for every version. This module is
//! public and not glob re-exported, like the C header it mirrors, which must be included
//! explicitly.

use std::ffi::c_int;

#[allow(deprecated)]
pub use crate::{
    PyMemberDef, PyMember_GetOne, PyMember_SetOne, PY_WRITE_RESTRICTED, READ_RESTRICTED, RESTRICTED,
};

/// C `short`.
pub const T_SHORT: c_int = crate::Py_T_SHORT;
/// C `int`.
pub const T_INT: c_int = crate::Py_T_INT;
/// C `long`.
pub const T_LONG: c_int = crate::Py_T_LONG;
/// C `float`.
pub const T_FLOAT: c_int = crate::Py_T_FLOAT;
/// C `double`.
pub const T_DOUBLE: c_int = crate::Py_T_DOUBLE;
/// `const char *`.
pub const T_STRING: c_int = crate::Py_T_STRING;
/// `PyObject *`, NULL reads as `None`.
#[deprecated(note = "Use Py_T_OBJECT_EX instead")]
pub const T_OBJECT: c_int = crate::_Py_T_OBJECT;
/// A `char` read as a 1-character string.
pub const T_CHAR: c_int = crate::Py_T_CHAR;
/// C `signed char`.
pub const T_BYTE: c_int = crate::Py_T_BYTE;
/// C `unsigned char`.
pub const T_UBYTE: c_int = crate::Py_T_UBYTE;
/// C `unsigned short`.
pub const T_USHORT: c_int = crate::Py_T_USHORT;
/// C `unsigned int`.
pub const T_UINT: c_int = crate::Py_T_UINT;
/// C `unsigned long`.
pub const T_ULONG: c_int = crate::Py_T_ULONG;
/// A `char` array stored in the struct.
pub const T_STRING_INPLACE: c_int = crate::Py_T_STRING_INPLACE;
/// A `char` holding a bool.
pub const T_BOOL: c_int = crate::Py_T_BOOL;
/// `PyObject *`, NULL raises `AttributeError`.
pub const T_OBJECT_EX: c_int = crate::Py_T_OBJECT_EX;
/// C `long long`.
pub const T_LONGLONG: c_int = crate::Py_T_LONGLONG;
/// C `unsigned long long`.
pub const T_ULONGLONG: c_int = crate::Py_T_ULONGLONG;
/// `Py_ssize_t`.
pub const T_PYSSIZET: c_int = crate::Py_T_PYSSIZET;
/// Always `None`.
#[deprecated(note = "Value is always None")]
pub const T_NONE: c_int = crate::_Py_T_NONE;

/// Read-only member.
pub const READONLY: c_int = crate::Py_READONLY;
