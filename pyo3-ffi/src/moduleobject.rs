//! Module objects and module definitions (`moduleobject.h`).

use crate::{
    freefunc, inquiry, traverseproc, PyMethodDef, PyObject, PyObject_TypeCheck, PyTypeObject,
    Py_IS_TYPE, Py_ssize_t,
};
use std::ffi::{c_char, c_int, c_void};
use std::ptr;

extern "C" {
    /// The type of module objects.
    #[cfg_attr(PyPy, link_name = "PyPyModule_Type")]
    pub static mut PyModule_Type: PyTypeObject;
}

/// `PyModule_Check(op)`: whether `op` is a module (or an instance of a subtype).
#[inline]
pub unsafe fn PyModule_Check(op: *mut PyObject) -> c_int {
    PyObject_TypeCheck(op, ptr::addr_of_mut!(PyModule_Type))
}

/// `PyModule_CheckExact(op)`: whether `op` is exactly a module.
#[inline]
pub unsafe fn PyModule_CheckExact(op: *mut PyObject) -> c_int {
    Py_IS_TYPE(op, ptr::addr_of_mut!(PyModule_Type))
}

extern "C" {
    /// Creates a module with the given `__name__` object.
    #[cfg_attr(PyPy, link_name = "PyPyModule_NewObject")]
    pub fn PyModule_NewObject(name: *mut PyObject) -> *mut PyObject;
    /// Creates a module with the given UTF-8 name.
    #[cfg_attr(PyPy, link_name = "PyPyModule_New")]
    pub fn PyModule_New(name: *const c_char) -> *mut PyObject;
    /// Returns the module's `__dict__` (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetDict")]
    pub fn PyModule_GetDict(module: *mut PyObject) -> *mut PyObject;
    /// Returns the module's `__name__` (new reference).
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetNameObject")]
    pub fn PyModule_GetNameObject(module: *mut PyObject) -> *mut PyObject;
    /// Returns the module's name as UTF-8.
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetName")]
    pub fn PyModule_GetName(module: *mut PyObject) -> *const c_char;
    /// Returns the module's `__file__` as a C string (deprecated since 3.2).
    #[deprecated(note = "Python 3.2: use PyModule_GetFilenameObject")]
    #[cfg(not(PyPy))]
    pub fn PyModule_GetFilename(module: *mut PyObject) -> *const c_char;
    /// Returns the module's `__file__` (new reference).
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetFilenameObject")]
    pub fn PyModule_GetFilenameObject(module: *mut PyObject) -> *mut PyObject;
    /// Returns the definition the module was created from, or NULL.
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetDef")]
    pub fn PyModule_GetDef(module: *mut PyObject) -> *mut PyModuleDef;
    /// Returns the module's per-module state memory.
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetState")]
    pub fn PyModule_GetState(module: *mut PyObject) -> *mut c_void;
    /// Makes `def` a proper object for multi-phase initialization and returns it.
    #[cfg_attr(PyPy, link_name = "PyPyModuleDef_Init")]
    pub fn PyModuleDef_Init(def: *mut PyModuleDef) -> *mut PyObject;
    /// The type of module definition objects.
    #[cfg(not(PyPy))]
    pub static mut PyModuleDef_Type: PyTypeObject;
}

/// `PyModuleDef_Base`: the object header of a [`PyModuleDef`].
#[repr(C)]
#[derive(Debug)]
pub struct PyModuleDef_Base {
    /// Object header.
    pub ob_base: PyObject,
    /// The module's init function (single-phase init only).
    pub m_init: Option<unsafe extern "C" fn() -> *mut PyObject>,
    /// Index of the module in the interpreter's module list.
    pub m_index: Py_ssize_t,
    /// Copy of the module dict (single-phase init without re-initialization support).
    pub m_copy: *mut PyObject,
}

/// `PyModuleDef_HEAD_INIT`: the initial value of [`PyModuleDef::m_base`].
#[allow(clippy::declare_interior_mutable_const)]
pub const PyModuleDef_HEAD_INIT: PyModuleDef_Base = PyModuleDef_Base {
    ob_base: crate::PyObject_HEAD_INIT,
    m_init: None,
    m_index: 0,
    m_copy: ptr::null_mut(),
};

/// `PyModuleDef_Slot`: one `(slot id, value)` pair of multi-phase module initialization.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PyModuleDef_Slot {
    /// A `Py_mod_*` id; `0` ends the array.
    pub slot: c_int,
    /// The function pointer or value for the slot.
    pub value: *mut c_void,
}

impl Default for PyModuleDef_Slot {
    fn default() -> PyModuleDef_Slot {
        PyModuleDef_Slot {
            slot: 0,
            value: ptr::null_mut(),
        }
    }
}

/// Slot: `PyObject *create(PyObject *spec, PyModuleDef *def)` creating the module object.
pub const Py_mod_create: c_int = crate::typeslots::compat_slot(1, 84);
/// Slot: `int exec(PyObject *module)` run on the new module.
pub const Py_mod_exec: c_int = crate::typeslots::compat_slot(2, 85);
/// Slot: support for sub-interpreters, one of the `Py_MOD_*INTERPRETER*` values.
///
/// Only understood by Python 3.12+ (older versions reject unknown slots); declared for every
/// version so that it can be named unconditionally.
pub const Py_mod_multiple_interpreters: c_int = crate::typeslots::compat_slot(3, 86);
/// Slot: whether the module needs the GIL, `Py_MOD_GIL_USED` or `Py_MOD_GIL_NOT_USED`.
///
/// Only understood by Python 3.13+ (older versions reject unknown slots); declared for every
/// version so that it can be named unconditionally.
pub const Py_mod_gil: c_int = crate::typeslots::compat_slot(4, 87);

/// `Py_mod_multiple_interpreters` value: the module cannot be imported in sub-interpreters.
#[cfg(Py_3_12)]
pub const Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED: *mut c_void = ptr::null_mut();
/// `Py_mod_multiple_interpreters` value: sub-interpreters sharing the GIL are supported.
#[cfg(Py_3_12)]
pub const Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED: *mut c_void = 1 as *mut c_void;
/// `Py_mod_multiple_interpreters` value: sub-interpreters with their own GIL are supported.
#[cfg(Py_3_12)]
pub const Py_MOD_PER_INTERPRETER_GIL_SUPPORTED: *mut c_void = 2 as *mut c_void;

/// `Py_mod_gil` value: the module relies on the GIL.
#[cfg(Py_3_13)]
pub const Py_MOD_GIL_USED: *mut c_void = ptr::null_mut();
/// `Py_mod_gil` value: the module is safe to run without the GIL.
#[cfg(Py_3_13)]
pub const Py_MOD_GIL_NOT_USED: *mut c_void = 1 as *mut c_void;

#[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
extern "C" {
    /// Declares whether a single-phase-init module supports running without the GIL.
    pub fn PyUnstable_Module_SetGIL(module: *mut PyObject, gil: *mut c_void) -> c_int;
}

/// `PyModuleDef`: the definition of an extension module.
#[repr(C)]
#[derive(Debug)]
pub struct PyModuleDef {
    /// Always [`PyModuleDef_HEAD_INIT`].
    pub m_base: PyModuleDef_Base,
    /// Module name.
    pub m_name: *const c_char,
    /// Module docstring.
    pub m_doc: *const c_char,
    /// Size of the per-module state, or -1 (no sub-interpreter support).
    pub m_size: Py_ssize_t,
    /// Module-level functions, terminated by a zeroed entry.
    pub m_methods: *mut PyMethodDef,
    /// Multi-phase initialization slots, terminated by a zeroed entry.
    pub m_slots: *mut PyModuleDef_Slot,
    /// GC traversal of the module state.
    pub m_traverse: Option<traverseproc>,
    /// GC clearing of the module state.
    pub m_clear: Option<inquiry>,
    /// Called when the module object is deallocated.
    pub m_free: Option<freefunc>,
}

#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
extern "C" {
    /// Runs the module's execution slots (for modules created by `PyModule_FromSlotsAndSpec`).
    pub fn PyModule_Exec(module: *mut PyObject) -> c_int;
    /// Stores the size of the module's state in `*result`: 0, or -1 with an exception set.
    pub fn PyModule_GetStateSize(module: *mut PyObject, result: *mut crate::Py_ssize_t) -> c_int;
    /// Stores the module's token in `*result`: 0, or -1 with an exception set.
    pub fn PyModule_GetToken(module: *mut PyObject, result: *mut *mut c_void) -> c_int;
    /// The module's state, callable while the garbage collector runs.
    pub fn PyModule_GetState_DuringGC(module: *mut PyObject) -> *mut c_void;
    /// `PyModule_GetToken`, callable while the garbage collector runs.
    pub fn PyModule_GetToken_DuringGC(module: *mut PyObject, result: *mut *mut c_void) -> c_int;
}
