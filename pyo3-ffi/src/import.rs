//! The import system from `Include/import.h`.

use crate::PyObject;
use std::ffi::{c_char, c_int, c_long};

extern "C" {
    /// Magic number of `.pyc` files.
    #[cfg(not(PyPy))]
    pub fn PyImport_GetMagicNumber() -> c_long;
    /// Magic tag of PEP 3147 file names.
    #[cfg(not(PyPy))]
    pub fn PyImport_GetMagicTag() -> *const c_char;
    /// Executes code object `co` as module `name`.
    #[cfg_attr(PyPy, link_name = "PyPyImport_ExecCodeModule")]
    pub fn PyImport_ExecCodeModule(name: *const c_char, co: *mut PyObject) -> *mut PyObject;
    /// Like [`PyImport_ExecCodeModule`] with a path.
    #[cfg_attr(PyPy, link_name = "PyPyImport_ExecCodeModuleEx")]
    pub fn PyImport_ExecCodeModuleEx(
        name: *const c_char,
        co: *mut PyObject,
        pathname: *const c_char,
    ) -> *mut PyObject;
    /// Like [`PyImport_ExecCodeModule`] with source and compiled paths.
    #[cfg(not(PyPy))]
    pub fn PyImport_ExecCodeModuleWithPathnames(
        name: *const c_char,
        co: *mut PyObject,
        pathname: *const c_char,
        cpathname: *const c_char,
    ) -> *mut PyObject;
    /// Like [`PyImport_ExecCodeModule`] with object arguments.
    #[cfg(not(PyPy))]
    pub fn PyImport_ExecCodeModuleObject(
        name: *mut PyObject,
        co: *mut PyObject,
        pathname: *mut PyObject,
        cpathname: *mut PyObject,
    ) -> *mut PyObject;
    /// `sys.modules` (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyImport_GetModuleDict")]
    pub fn PyImport_GetModuleDict() -> *mut PyObject;
    /// `sys.modules[name]` (new reference), or NULL.
    #[cfg_attr(PyPy, link_name = "PyPyImport_GetModule")]
    pub fn PyImport_GetModule(name: *mut PyObject) -> *mut PyObject;
    /// The module `name`, created if missing (borrowed).
    #[cfg(not(PyPy))]
    pub fn PyImport_AddModuleObject(name: *mut PyObject) -> *mut PyObject;
    /// The module `name`, created if missing (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyImport_AddModule")]
    pub fn PyImport_AddModule(name: *const c_char) -> *mut PyObject;
    /// Imports module `name`.
    #[cfg_attr(PyPy, link_name = "PyPyImport_ImportModule")]
    pub fn PyImport_ImportModule(name: *const c_char) -> *mut PyObject;
    #[cfg_attr(
        Py_3_13,
        deprecated(note = "deprecated since Python 3.13, use PyImport_ImportModule")
    )]
    /// Same as [`PyImport_ImportModule`] (deprecated).
    #[cfg_attr(PyPy, link_name = "PyPyImport_ImportModuleNoBlock")]
    pub fn PyImport_ImportModuleNoBlock(name: *const c_char) -> *mut PyObject;
    /// `__import__(name, globals, locals, fromlist, level)`.
    #[cfg_attr(PyPy, link_name = "PyPyImport_ImportModuleLevel")]
    pub fn PyImport_ImportModuleLevel(
        name: *const c_char,
        globals: *mut PyObject,
        locals: *mut PyObject,
        fromlist: *mut PyObject,
        level: c_int,
    ) -> *mut PyObject;
    /// Like [`PyImport_ImportModuleLevel`] with an object name.
    #[cfg_attr(PyPy, link_name = "PyPyImport_ImportModuleLevelObject")]
    pub fn PyImport_ImportModuleLevelObject(
        name: *mut PyObject,
        globals: *mut PyObject,
        locals: *mut PyObject,
        fromlist: *mut PyObject,
        level: c_int,
    ) -> *mut PyObject;
    /// Finder for path entry `path`.
    #[cfg(not(PyPy))]
    pub fn PyImport_GetImporter(path: *mut PyObject) -> *mut PyObject;
    /// Imports `name` through `__import__`.
    #[cfg_attr(PyPy, link_name = "PyPyImport_Import")]
    pub fn PyImport_Import(name: *mut PyObject) -> *mut PyObject;
    /// Reloads module `m`.
    #[cfg_attr(PyPy, link_name = "PyPyImport_ReloadModule")]
    pub fn PyImport_ReloadModule(m: *mut PyObject) -> *mut PyObject;
    /// Imports frozen module `name`.
    #[cfg(not(PyPy))]
    pub fn PyImport_ImportFrozenModuleObject(name: *mut PyObject) -> c_int;
    /// Imports frozen module `name`.
    #[cfg(not(PyPy))]
    pub fn PyImport_ImportFrozenModule(name: *const c_char) -> c_int;
    /// The module `name`, created if missing (new reference; 3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyImport_AddModuleRef")]
    pub fn PyImport_AddModuleRef(name: *const c_char) -> *mut PyObject;
    /// Adds a built-in module before `Py_Initialize`.
    #[cfg(not(PyPy))]
    pub fn PyImport_AppendInittab(
        name: *const c_char,
        initfunc: Option<unsafe extern "C" fn() -> *mut PyObject>,
    ) -> c_int;
}

/// `__import__(name, globals, locals, fromlist)` with level 0 (a C macro).
#[inline]
pub unsafe fn PyImport_ImportModuleEx(
    name: *const c_char,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
) -> *mut PyObject {
    PyImport_ImportModuleLevel(name, globals, locals, fromlist, 0)
}
