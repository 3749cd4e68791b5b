//! Argument parsing, value building and module helpers (`modsupport.h`).
//!
//! Before 3.13 the argument parsing / building functions are linked to their `_SizeT`
//! variants, i.e. they behave as in C code compiled with `PY_SSIZE_T_CLEAN` (lengths for `#`
//! formats are `Py_ssize_t`), which 3.13 made the only behaviour.

use crate::{PyMethodDef, PyModuleDef, PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::{c_char, c_int, c_long};

extern "C" {
    /// Parses a single object according to a format string.
    #[cfg_attr(all(not(PyPy), not(Py_3_13)), link_name = "_PyArg_Parse_SizeT")]
    #[cfg_attr(PyPy, link_name = "PyPyArg_Parse")]
    pub fn PyArg_Parse(args: *mut PyObject, format: *const c_char, ...) -> c_int;
    /// Parses a tuple of positional arguments according to a format string.
    #[cfg_attr(all(not(PyPy), not(Py_3_13)), link_name = "_PyArg_ParseTuple_SizeT")]
    #[cfg_attr(PyPy, link_name = "PyPyArg_ParseTuple")]
    pub fn PyArg_ParseTuple(args: *mut PyObject, format: *const c_char, ...) -> c_int;
    /// Parses positional and keyword arguments according to a format string.
    #[cfg_attr(
        all(not(PyPy), not(Py_3_13)),
        link_name = "_PyArg_ParseTupleAndKeywords_SizeT"
    )]
    #[cfg_attr(PyPy, link_name = "PyPyArg_ParseTupleAndKeywords")]
    pub fn PyArg_ParseTupleAndKeywords(
        args: *mut PyObject,
        kw: *mut PyObject,
        format: *const c_char,
        keywords: *mut *mut c_char,
        ...
    ) -> c_int;
    /// Checks that all keys of a keyword-argument dict are strings.
    pub fn PyArg_ValidateKeywordArguments(kw: *mut PyObject) -> c_int;
    /// Unpacks a tuple into `PyObject **` out-parameters without conversion.
    #[cfg_attr(PyPy, link_name = "PyPyArg_UnpackTuple")]
    pub fn PyArg_UnpackTuple(
        args: *mut PyObject,
        name: *const c_char,
        min: Py_ssize_t,
        max: Py_ssize_t,
        ...
    ) -> c_int;
    /// Builds a value according to a format string.
    #[cfg_attr(all(not(PyPy), not(Py_3_13)), link_name = "_Py_BuildValue_SizeT")]
    #[cfg_attr(PyPy, link_name = "PyPy_BuildValue")]
    pub fn Py_BuildValue(format: *const c_char, ...) -> *mut PyObject;

    /// Adds `value` to the module as `name`; does not steal the reference (3.10+).
    #[cfg(Py_3_10)]
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddObjectRef")]
    pub fn PyModule_AddObjectRef(
        module: *mut PyObject,
        name: *const c_char,
        value: *mut PyObject,
    ) -> c_int;
    /// Adds `value` to the module as `name`; always steals the reference (3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyModule_Add")]
    pub fn PyModule_Add(module: *mut PyObject, name: *const c_char, value: *mut PyObject) -> c_int;
    /// Adds `value` to the module as `name`; steals the reference only on success.
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddObject")]
    pub fn PyModule_AddObject(
        module: *mut PyObject,
        name: *const c_char,
        value: *mut PyObject,
    ) -> c_int;
    /// Adds an integer constant to the module.
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddIntConstant")]
    pub fn PyModule_AddIntConstant(
        module: *mut PyObject,
        name: *const c_char,
        value: c_long,
    ) -> c_int;
    /// Adds a string constant to the module.
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddStringConstant")]
    pub fn PyModule_AddStringConstant(
        module: *mut PyObject,
        name: *const c_char,
        value: *const c_char,
    ) -> c_int;
    /// Adds a type object to the module under its short name.
    pub fn PyModule_AddType(module: *mut PyObject, type_: *mut PyTypeObject) -> c_int;
    /// Sets the module's docstring.
    #[cfg(not(PyPy))]
    pub fn PyModule_SetDocString(module: *mut PyObject, docs: *const c_char) -> c_int;
    /// Adds the functions of a NULL-terminated method table to the module.
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddFunctions")]
    pub fn PyModule_AddFunctions(module: *mut PyObject, functions: *mut PyMethodDef) -> c_int;
    /// Runs the `Py_mod_exec` slots of `def` on the module.
    #[cfg_attr(PyPy, link_name = "PyPyModule_ExecDef")]
    pub fn PyModule_ExecDef(module: *mut PyObject, def: *mut PyModuleDef) -> c_int;
}

/// `PyModule_AddObjectRef` for Python 3.9, where libpython does not have it: adds `value` to
/// the module as `name` without stealing the reference (`value` may be NULL with an exception
/// set, which is reported as -1).
#[cfg(not(Py_3_10))]
#[inline]
pub unsafe fn PyModule_AddObjectRef(
    module: *mut PyObject,
    name: *const c_char,
    value: *mut PyObject,
) -> c_int {
    // PyModule_AddObject steals the reference only on success (and reports NULL values).
    crate::Py_XINCREF(value);
    let result = PyModule_AddObject(module, name, value);
    if result < 0 {
        crate::Py_XDECREF(value);
    }
    result
}

/// `PyModule_Add` before Python 3.13, where libpython does not have it: adds `value` to the
/// module as `name`, always stealing the reference (also on failure).
#[cfg(not(Py_3_13))]
#[inline]
pub unsafe fn PyModule_Add(
    module: *mut PyObject,
    name: *const c_char,
    value: *mut PyObject,
) -> c_int {
    let result = PyModule_AddObjectRef(module, name, value);
    crate::Py_XDECREF(value);
    result
}

/// Flag for `O&` converters: the converter is called again with NULL to clean up on failure.
pub const Py_CLEANUP_SUPPORTED: i32 = 0x20000;

/// The C API version this crate targets (`PYTHON_API_VERSION`).
pub const PYTHON_API_VERSION: i32 = 1013;
/// The stable ABI version (`PYTHON_ABI_VERSION`).
pub const PYTHON_ABI_VERSION: i32 = 3;

extern "C" {
    /// Creates a module from a definition (single-phase init), checking the API version.
    #[cfg_attr(PyPy, link_name = "PyPyModule_Create2")]
    pub fn PyModule_Create2(module: *mut PyModuleDef, apiver: c_int) -> *mut PyObject;
    /// Creates a module from a definition and a `ModuleSpec` (multi-phase init).
    #[cfg_attr(PyPy, link_name = "PyPyModule_FromDefAndSpec2")]
    pub fn PyModule_FromDefAndSpec2(
        def: *mut PyModuleDef,
        spec: *mut PyObject,
        module_api_version: c_int,
    ) -> *mut PyObject;
}

/// The API version passed by `PyModule_Create` / `PyModule_FromDefAndSpec`.
#[cfg(Py_LIMITED_API)]
const MODULE_API_VERSION: c_int = PYTHON_ABI_VERSION;
#[cfg(not(Py_LIMITED_API))]
const MODULE_API_VERSION: c_int = PYTHON_API_VERSION;

/// `PyModule_Create(module)`: [`PyModule_Create2`] with this build's API version.
#[inline]
pub unsafe fn PyModule_Create(module: *mut PyModuleDef) -> *mut PyObject {
    PyModule_Create2(module, MODULE_API_VERSION)
}

/// `PyModule_FromDefAndSpec(def, spec)`: [`PyModule_FromDefAndSpec2`] with this build's API
/// version.
#[inline]
pub unsafe fn PyModule_FromDefAndSpec(def: *mut PyModuleDef, spec: *mut PyObject) -> *mut PyObject {
    PyModule_FromDefAndSpec2(def, spec, MODULE_API_VERSION)
}

/// `PyABIInfo`: the ABI an extension module was built for (3.15+), checked by
/// `PyABIInfo_Check` and given to the interpreter with the `Py_mod_abi` slot.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyABIInfo {
    /// Version of this structure's layout (major).
    pub abiinfo_major_version: u8,
    /// Version of this structure's layout (minor).
    pub abiinfo_minor_version: u8,
    /// `PyABIInfo_STABLE`, `PyABIInfo_GIL`, `PyABIInfo_FREETHREADED`, `PyABIInfo_INTERNAL`.
    pub flags: u16,
    /// `PY_VERSION_HEX` of the headers the module was built with.
    pub build_version: u32,
    /// The stable ABI version (`Py_LIMITED_API`) or `PY_VERSION_HEX`.
    pub abi_version: u32,
}

/// `PyABIInfo` flag: built for the stable ABI.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
pub const PyABIInfo_STABLE: u16 = 0x0001;
/// `PyABIInfo` flag: built for the GIL-enabled build.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
pub const PyABIInfo_GIL: u16 = 0x0002;
/// `PyABIInfo` flag: built for the free-threaded build.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
pub const PyABIInfo_FREETHREADED: u16 = 0x0004;
/// `PyABIInfo` flag: uses the internal API.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
pub const PyABIInfo_INTERNAL: u16 = 0x0008;
/// `PyABIInfo` flags: works with both builds.
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
pub const PyABIInfo_FREETHREADING_AGNOSTIC: u16 = PyABIInfo_GIL | PyABIInfo_FREETHREADED;

#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
extern "C" {
    /// Checks that `info` is compatible with the running interpreter: 0, or -1 with an
    /// `ImportError` naming `module_name`.
    pub fn PyABIInfo_Check(info: *mut PyABIInfo, module_name: *const c_char) -> c_int;
}
