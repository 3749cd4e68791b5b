//! Layouts of built-in function objects (`Include/cpython/methodobject.h`).

use crate::{
    vectorcallfunc, PyCFunction, PyMethodDef, PyObject, PyObject_TypeCheck, PyTypeObject,
    Py_IS_TYPE, METH_METHOD, METH_STATIC,
};
use std::ffi::c_int;
use std::ptr;

#[cfg(not(PyPy))]
/// `PyCFunctionObject`: a built-in function or method.
#[repr(C)]
#[derive(Debug)]
pub struct PyCFunctionObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Description of the C function to call.
    pub m_ml: *mut PyMethodDef,
    /// Passed as `self` to the C function; can be NULL.
    pub m_self: *mut PyObject,
    /// The `__module__` attribute.
    pub m_module: *mut PyObject,
    /// List of weak references.
    pub m_weakreflist: *mut PyObject,
    /// Vectorcall entry point.
    pub vectorcall: Option<vectorcallfunc>,
}

#[cfg(not(PyPy))]
/// `PyCMethodObject`: a built-in method that knows its defining class (`METH_METHOD`).
#[repr(C)]
#[derive(Debug)]
pub struct PyCMethodObject {
    /// The function part.
    pub func: PyCFunctionObject,
    /// Class that defines this method.
    pub mm_class: *mut PyTypeObject,
}

extern "C" {
    /// The type of `METH_METHOD` built-in methods.
    #[cfg(not(PyPy))]
    pub static mut PyCMethod_Type: PyTypeObject;
}

#[cfg(not(PyPy))]
/// `PyCMethod_CheckExact(op)`.
#[inline]
pub unsafe fn PyCMethod_CheckExact(op: *mut PyObject) -> c_int {
    Py_IS_TYPE(op, ptr::addr_of_mut!(PyCMethod_Type))
}

#[cfg(not(PyPy))]
/// `PyCMethod_Check(op)`.
#[inline]
pub unsafe fn PyCMethod_Check(op: *mut PyObject) -> c_int {
    PyObject_TypeCheck(op, ptr::addr_of_mut!(PyCMethod_Type))
}

#[cfg(not(PyPy))]
/// `PyCFunction_GET_FUNCTION(func)`: the C function (no type check).
#[inline]
pub unsafe fn PyCFunction_GET_FUNCTION(func: *mut PyObject) -> PyCFunction {
    (*(*func.cast::<PyCFunctionObject>()).m_ml)
        .ml_meth
        .PyCFunction
}

#[cfg(not(PyPy))]
/// `PyCFunction_GET_SELF(func)`: the bound `self`, NULL for `METH_STATIC` (no type check).
#[inline]
pub unsafe fn PyCFunction_GET_SELF(func: *mut PyObject) -> *mut PyObject {
    let func = func.cast::<PyCFunctionObject>();
    if (*(*func).m_ml).ml_flags & METH_STATIC != 0 {
        ptr::null_mut()
    } else {
        (*func).m_self
    }
}

#[cfg(not(PyPy))]
/// `PyCFunction_GET_FLAGS(func)`: the `METH_*` flags (no type check).
#[inline]
pub unsafe fn PyCFunction_GET_FLAGS(func: *mut PyObject) -> c_int {
    (*(*func.cast::<PyCFunctionObject>()).m_ml).ml_flags
}

#[cfg(not(PyPy))]
/// `PyCFunction_GET_CLASS(func)`: the defining class for `METH_METHOD`, else NULL.
#[inline]
pub unsafe fn PyCFunction_GET_CLASS(func: *mut PyObject) -> *mut PyTypeObject {
    let func = func.cast::<PyCFunctionObject>();
    if (*(*func).m_ml).ml_flags & METH_METHOD != 0 {
        (*func.cast::<PyCMethodObject>()).mm_class
    } else {
        ptr::null_mut()
    }
}
