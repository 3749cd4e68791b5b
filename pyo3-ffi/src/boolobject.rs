//! `bool` and the `True`/`False` singletons (`boolobject.h`).

use crate::{PyObject, PyTypeObject, Py_IS_TYPE, Py_Is};
#[cfg(all(Py_LIMITED_API, Py_3_13))]
use crate::{Py_CONSTANT_FALSE, Py_CONSTANT_TRUE, Py_GetConstantBorrowed};
use std::ffi::{c_int, c_long};
use std::ptr;

extern "C" {
    /// The `bool` type.
    #[cfg_attr(PyPy, link_name = "PyPyBool_Type")]
    pub static mut PyBool_Type: PyTypeObject;
}

/// `PyBool_Check(x)`: whether `x` is a `bool` (`bool` cannot be subclassed).
#[inline]
pub unsafe fn PyBool_Check(op: *mut PyObject) -> c_int {
    Py_IS_TYPE(op, ptr::addr_of_mut!(PyBool_Type))
}

// The singletons are `PyLongObject`s; only their addresses are used here.
#[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
extern "C" {
    #[cfg_attr(PyPy, link_name = "_PyPy_FalseStruct")]
    static mut _Py_FalseStruct: PyObject;
    #[cfg_attr(PyPy, link_name = "_PyPy_TrueStruct")]
    static mut _Py_TrueStruct: PyObject;
}

/// `Py_False`: borrowed pointer to the `False` singleton.
#[inline]
pub unsafe fn Py_False() -> *mut PyObject {
    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    {
        Py_GetConstantBorrowed(Py_CONSTANT_FALSE)
    }
    #[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
    {
        ptr::addr_of_mut!(_Py_FalseStruct)
    }
}

/// `Py_True`: borrowed pointer to the `True` singleton.
#[inline]
pub unsafe fn Py_True() -> *mut PyObject {
    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    {
        Py_GetConstantBorrowed(Py_CONSTANT_TRUE)
    }
    #[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
    {
        ptr::addr_of_mut!(_Py_TrueStruct)
    }
}

/// `Py_IsTrue(x)`: whether `x` is `True`.
#[inline]
pub unsafe fn Py_IsTrue(x: *mut PyObject) -> c_int {
    Py_Is(x, Py_True())
}

/// `Py_IsFalse(x)`: whether `x` is `False`.
#[inline]
pub unsafe fn Py_IsFalse(x: *mut PyObject) -> c_int {
    Py_Is(x, Py_False())
}

extern "C" {
    /// Returns `True` or `False` (new reference) depending on `v`.
    #[cfg_attr(PyPy, link_name = "PyPyBool_FromLong")]
    pub fn PyBool_FromLong(v: c_long) -> *mut PyObject;
}
