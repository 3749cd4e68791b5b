//! Non-limited import API from `Include/cpython/import.h`: the built-in module table and
//! frozen modules.

use crate::PyObject;
use std::ffi::{c_char, c_int, c_uchar};

#[cfg(not(PyPy))]
/// An entry of the table of built-in modules ([`PyImport_Inittab`]).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct _inittab {
    /// Module name (UTF-8).
    pub name: *const c_char,
    /// Module initialization function.
    pub initfunc: Option<unsafe extern "C" fn() -> *mut PyObject>,
}

#[cfg(not(PyPy))]
/// An entry of the table of frozen modules ([`PyImport_FrozenModules`]).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct _frozen {
    /// Module name.
    pub name: *const c_char,
    /// Marshalled code object.
    pub code: *const c_uchar,
    /// Size of `code` in bytes.
    pub size: c_int,
    /// Whether the module is a package (3.11+).
    #[cfg(Py_3_11)]
    pub is_package: c_int,
    /// Function returning the code object (3.11 and 3.12 only).
    #[cfg(all(Py_3_11, not(Py_3_13)))]
    pub get_code: Option<unsafe extern "C" fn() -> *mut PyObject>,
}

extern "C" {
    /// The table of built-in modules, terminated by an entry with a NULL name.
    #[cfg(not(PyPy))]
    pub static mut PyImport_Inittab: *mut _inittab;
    /// Adds the entries of `newtab` (terminated by a NULL name) to the built-in module table.
    #[cfg(not(PyPy))]
    pub fn PyImport_ExtendInittab(newtab: *mut _inittab) -> c_int;
    /// The table of frozen modules, terminated by an entry with a NULL name.
    #[cfg(not(PyPy))]
    pub static mut PyImport_FrozenModules: *const _frozen;
}

#[cfg(Py_3_14)]
extern "C" {
    /// `getattr(import(mod_name), attr_name)` (new reference), or NULL with an exception set.
    pub fn PyImport_ImportModuleAttr(
        mod_name: *mut PyObject,
        attr_name: *mut PyObject,
    ) -> *mut PyObject;
    /// As `PyImport_ImportModuleAttr`, with UTF-8 C strings.
    pub fn PyImport_ImportModuleAttrString(
        mod_name: *const c_char,
        attr_name: *const c_char,
    ) -> *mut PyObject;
}
