//! Function objects from `cpython/funcobject.h` (`funcobject.h` before CPython 3.11).

use crate::{PyObject, PyTypeObject};
use std::ffi::c_int;

/// A Python function object (layout of the targeted CPython version).
#[cfg(all(not(PyPy), not(GraalPy)))]
#[repr(C)]
pub struct PyFunctionObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Code object (3.9 field order).
    #[cfg(not(Py_3_10))]
    pub func_code: *mut PyObject,
    /// Globals dict.
    pub func_globals: *mut PyObject,
    /// Builtins dict.
    #[cfg(Py_3_10)]
    pub func_builtins: *mut PyObject,
    /// `__name__`.
    #[cfg(Py_3_10)]
    pub func_name: *mut PyObject,
    /// `__qualname__`.
    #[cfg(Py_3_10)]
    pub func_qualname: *mut PyObject,
    /// Code object.
    #[cfg(Py_3_10)]
    pub func_code: *mut PyObject,
    /// Tuple of default values, or NULL.
    pub func_defaults: *mut PyObject,
    /// Dict of keyword-only defaults, or NULL.
    pub func_kwdefaults: *mut PyObject,
    /// Tuple of cells, or NULL.
    pub func_closure: *mut PyObject,
    /// `__doc__`.
    pub func_doc: *mut PyObject,
    /// `__name__` (3.9 field order).
    #[cfg(not(Py_3_10))]
    pub func_name: *mut PyObject,
    /// `__dict__`, or NULL.
    pub func_dict: *mut PyObject,
    /// List of weak references.
    pub func_weakreflist: *mut PyObject,
    /// `__module__`.
    pub func_module: *mut PyObject,
    /// `__annotations__`, or NULL.
    pub func_annotations: *mut PyObject,
    /// Callable that computes the annotations dict (`__annotate__`, 3.14+).
    #[cfg(Py_3_14)]
    pub func_annotate: *mut PyObject,
    /// `__qualname__` (3.9 field order).
    #[cfg(not(Py_3_10))]
    pub func_qualname: *mut PyObject,
    /// `__type_params__` (3.12+).
    #[cfg(Py_3_12)]
    pub func_typeparams: *mut PyObject,
    /// Vectorcall entry point.
    pub vectorcall: Option<crate::vectorcallfunc>,
    /// Version tag used by the specializing interpreter (3.11+).
    #[cfg(Py_3_11)]
    pub func_version: u32,
}

/// A Python function object (opaque on PyPy / GraalPy).
#[cfg(any(PyPy, GraalPy))]
#[repr(C)]
pub struct PyFunctionObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

extern "C" {
    /// The `function` type.
    #[cfg_attr(PyPy, link_name = "PyPyFunction_Type")]
    pub static mut PyFunction_Type: PyTypeObject;
    /// The `classmethod` type.
    #[cfg_attr(PyPy, link_name = "PyPyClassMethod_Type")]
    pub static mut PyClassMethod_Type: PyTypeObject;
    /// The `staticmethod` type.
    #[cfg_attr(PyPy, link_name = "PyPyStaticMethod_Type")]
    pub static mut PyStaticMethod_Type: PyTypeObject;
}

/// Returns 1 if `op` is exactly a Python function.
#[inline]
pub unsafe fn PyFunction_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyFunction_Type)
}

extern "C" {
    /// Creates a function from a code object and globals.
    #[cfg(not(PyPy))]
    pub fn PyFunction_New(code: *mut PyObject, globals: *mut PyObject) -> *mut PyObject;
    /// Like `PyFunction_New` and also sets `__qualname__`.
    #[cfg(not(PyPy))]
    pub fn PyFunction_NewWithQualName(
        code: *mut PyObject,
        globals: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    /// Returns the code object of a function (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyFunction_GetCode")]
    pub fn PyFunction_GetCode(op: *mut PyObject) -> *mut PyObject;
    /// Returns the globals of a function (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyFunction_GetGlobals")]
    pub fn PyFunction_GetGlobals(op: *mut PyObject) -> *mut PyObject;
    /// Returns `__module__` of a function (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyFunction_GetModule")]
    pub fn PyFunction_GetModule(op: *mut PyObject) -> *mut PyObject;
    /// Returns the default argument tuple of a function (borrowed), or NULL.
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetDefaults(op: *mut PyObject) -> *mut PyObject;
    /// Sets the default argument tuple of a function.
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetDefaults(op: *mut PyObject, defaults: *mut PyObject) -> c_int;
    /// Sets the vectorcall entry point of a function (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyFunction_SetVectorcall(func: *mut PyFunctionObject, vectorcall: crate::vectorcallfunc);
    /// Returns the keyword-only defaults of a function (borrowed), or NULL.
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetKwDefaults(op: *mut PyObject) -> *mut PyObject;
    /// Sets the keyword-only defaults of a function.
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetKwDefaults(op: *mut PyObject, defaults: *mut PyObject) -> c_int;
    /// Returns the closure of a function (borrowed), or NULL.
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetClosure(op: *mut PyObject) -> *mut PyObject;
    /// Sets the closure of a function.
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetClosure(op: *mut PyObject, closure: *mut PyObject) -> c_int;
    /// Returns the annotations of a function (borrowed), or NULL.
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetAnnotations(op: *mut PyObject) -> *mut PyObject;
    /// Sets the annotations of a function.
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetAnnotations(op: *mut PyObject, annotations: *mut PyObject) -> c_int;
    /// Wraps a callable in a `classmethod`.
    #[cfg_attr(PyPy, link_name = "PyPyClassMethod_New")]
    pub fn PyClassMethod_New(callable: *mut PyObject) -> *mut PyObject;
    /// Wraps a callable in a `staticmethod`.
    #[cfg_attr(PyPy, link_name = "PyPyStaticMethod_New")]
    pub fn PyStaticMethod_New(callable: *mut PyObject) -> *mut PyObject;
}

/// Casts a function object pointer to `*mut PyFunctionObject`.
#[inline]
pub unsafe fn _PyFunction_CAST(func: *mut PyObject) -> *mut PyFunctionObject {
    debug_assert!(PyFunction_Check(func) != 0);
    func.cast()
}

/// Returns `func.__code__` (borrowed, no checks).
#[cfg(all(not(PyPy), not(GraalPy)))]
#[inline]
pub unsafe fn PyFunction_GET_CODE(func: *mut PyObject) -> *mut PyObject {
    (*_PyFunction_CAST(func)).func_code
}

/// Returns `func.__globals__` (borrowed, no checks).
#[cfg(all(not(PyPy), not(GraalPy)))]
#[inline]
pub unsafe fn PyFunction_GET_GLOBALS(func: *mut PyObject) -> *mut PyObject {
    (*_PyFunction_CAST(func)).func_globals
}

/// Returns `func.__module__` (borrowed, no checks).
#[cfg(all(not(PyPy), not(GraalPy)))]
#[inline]
pub unsafe fn PyFunction_GET_MODULE(func: *mut PyObject) -> *mut PyObject {
    (*_PyFunction_CAST(func)).func_module
}

/// Returns `func.__defaults__` (borrowed, no checks).
#[cfg(all(not(PyPy), not(GraalPy)))]
#[inline]
pub unsafe fn PyFunction_GET_DEFAULTS(func: *mut PyObject) -> *mut PyObject {
    (*_PyFunction_CAST(func)).func_defaults
}

/// Returns `func.__kwdefaults__` (borrowed, no checks).
#[cfg(all(not(PyPy), not(GraalPy)))]
#[inline]
pub unsafe fn PyFunction_GET_KW_DEFAULTS(func: *mut PyObject) -> *mut PyObject {
    (*_PyFunction_CAST(func)).func_kwdefaults
}

/// Returns `func.__closure__` (borrowed, no checks).
#[cfg(all(not(PyPy), not(GraalPy)))]
#[inline]
pub unsafe fn PyFunction_GET_CLOSURE(func: *mut PyObject) -> *mut PyObject {
    (*_PyFunction_CAST(func)).func_closure
}

/// Returns `func.__annotations__` (borrowed, no checks).
#[cfg(all(not(PyPy), not(GraalPy)))]
#[inline]
pub unsafe fn PyFunction_GET_ANNOTATIONS(func: *mut PyObject) -> *mut PyObject {
    (*_PyFunction_CAST(func)).func_annotations
}
