//! Built-in functions and methods (`methodobject.h`): `PyMethodDef`, the `PyCFunction`
//! signatures, `METH_*` flags and `PyCFunction_*` functions.

#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
use crate::Py_ssize_t;
use crate::{PyObject, PyObject_TypeCheck, PyTypeObject, Py_IS_TYPE};
use std::ffi::{c_char, c_int, c_void};
use std::{fmt, mem, ptr};

extern "C" {
    /// The type of built-in functions (`builtin_function_or_method`).
    #[cfg_attr(PyPy, link_name = "PyPyCFunction_Type")]
    pub static mut PyCFunction_Type: PyTypeObject;
}

/// `PyCFunction_CheckExact(op)`: whether `op` is exactly a built-in function.
#[inline]
pub unsafe fn PyCFunction_CheckExact(op: *mut PyObject) -> c_int {
    Py_IS_TYPE(op, ptr::addr_of_mut!(PyCFunction_Type))
}

/// `PyCFunction_Check(op)`: whether `op` is a built-in function (or a subtype instance).
#[inline]
pub unsafe fn PyCFunction_Check(op: *mut PyObject) -> c_int {
    PyObject_TypeCheck(op, ptr::addr_of_mut!(PyCFunction_Type))
}

/// `PyCFunction`: `PyObject *(*)(PyObject *self, PyObject *args)`, for `METH_VARARGS`,
/// `METH_NOARGS` and `METH_O`.
pub type PyCFunction =
    unsafe extern "C" fn(slf: *mut PyObject, args: *mut PyObject) -> *mut PyObject;

/// `PyCFunctionFast`: `PyObject *(*)(PyObject *self, PyObject *const *args, Py_ssize_t nargs)`,
/// for `METH_FASTCALL`. The argument array is `*mut *mut` (as in PyO3) although C declares it
/// `PyObject *const *`; the callee must not write through it.
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
pub type PyCFunctionFast = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *mut *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject;

/// Old name of [`PyCFunctionFast`].
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
#[deprecated(note = "renamed to PyCFunctionFast")]
pub type _PyCFunctionFast = PyCFunctionFast;

/// `PyCFunctionWithKeywords`: `PyObject *(*)(PyObject *self, PyObject *args, PyObject *kwargs)`,
/// for `METH_VARARGS | METH_KEYWORDS`.
pub type PyCFunctionWithKeywords = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject;

/// `PyCFunctionFastWithKeywords`: `PyObject *(*)(PyObject *self, PyObject *const *args,
/// Py_ssize_t nargs, PyObject *kwnames)`, for `METH_FASTCALL | METH_KEYWORDS`.
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
pub type PyCFunctionFastWithKeywords = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject;

/// Old name of [`PyCFunctionFastWithKeywords`].
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
#[deprecated(note = "renamed to PyCFunctionFastWithKeywords")]
pub type _PyCFunctionFastWithKeywords = PyCFunctionFastWithKeywords;

/// `PyCMethod`: `PyObject *(*)(PyObject *self, PyTypeObject *defining_class,
/// PyObject *const *args, size_t nargsf, PyObject *kwnames)`, for
/// `METH_METHOD | METH_FASTCALL | METH_KEYWORDS`.
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
pub type PyCMethod = unsafe extern "C" fn(
    slf: *mut PyObject,
    defining_class: *mut PyTypeObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject;

extern "C" {
    /// Returns the C function of a built-in function object.
    #[cfg_attr(PyPy, link_name = "PyPyCFunction_GetFunction")]
    pub fn PyCFunction_GetFunction(f: *mut PyObject) -> Option<PyCFunction>;
    /// Returns the `self` of a built-in function object (borrowed).
    #[cfg(not(PyPy))]
    pub fn PyCFunction_GetSelf(f: *mut PyObject) -> *mut PyObject;
    /// Returns the `METH_*` flags of a built-in function object.
    #[cfg(not(PyPy))]
    pub fn PyCFunction_GetFlags(f: *mut PyObject) -> c_int;
    /// Calls a built-in function object (deprecated since 3.9, removed from the headers in
    /// 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyCFunction_Call")]
    pub fn PyCFunction_Call(
        f: *mut PyObject,
        args: *mut PyObject,
        kwds: *mut PyObject,
    ) -> *mut PyObject;
}

/// The C function of a [`PyMethodDef`]; which member is valid depends on `ml_flags`.
#[repr(C)]
#[derive(Copy, Clone)]
pub union PyMethodDefPointer {
    /// For `METH_VARARGS`, `METH_NOARGS` or `METH_O`.
    pub PyCFunction: PyCFunction,
    /// For `METH_VARARGS | METH_KEYWORDS`.
    pub PyCFunctionWithKeywords: PyCFunctionWithKeywords,
    /// For `METH_FASTCALL` (old name).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[deprecated(note = "renamed to PyCFunctionFast")]
    pub _PyCFunctionFast: PyCFunctionFast,
    /// For `METH_FASTCALL`.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    pub PyCFunctionFast: PyCFunctionFast,
    /// For `METH_FASTCALL | METH_KEYWORDS` (old name).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[deprecated(note = "renamed to PyCFunctionFastWithKeywords")]
    pub _PyCFunctionFastWithKeywords: PyCFunctionFastWithKeywords,
    /// For `METH_FASTCALL | METH_KEYWORDS`.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    pub PyCFunctionFastWithKeywords: PyCFunctionFastWithKeywords,
    /// For `METH_METHOD | METH_FASTCALL | METH_KEYWORDS`.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    pub PyCMethod: PyCMethod,
    /// The raw pointer (also used for the NULL sentinel).
    Void: *mut c_void,
}

impl PyMethodDefPointer {
    /// A NULL function pointer, for the sentinel entry of a method table.
    pub const fn zeroed() -> PyMethodDefPointer {
        PyMethodDefPointer {
            Void: ptr::null_mut(),
        }
    }

    /// Whether the pointer is NULL.
    pub fn is_null(&self) -> bool {
        // SAFETY: every member is pointer-sized; reading it as a raw pointer is always valid.
        unsafe { self.Void.is_null() }
    }

    /// The pointer as a raw `void *`.
    pub fn as_ptr(&self) -> *mut c_void {
        // SAFETY: see `is_null`.
        unsafe { self.Void }
    }
}

impl PartialEq for PyMethodDefPointer {
    fn eq(&self, other: &Self) -> bool {
        self.as_ptr() == other.as_ptr()
    }
}

impl Eq for PyMethodDefPointer {}

impl fmt::Pointer for PyMethodDefPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Pointer::fmt(&self.as_ptr(), f)
    }
}

impl fmt::Debug for PyMethodDefPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PyMethodDefPointer({:p})", self.as_ptr())
    }
}

const _: () =
    assert!(mem::size_of::<PyMethodDefPointer>() == mem::size_of::<Option<PyCFunction>>());

/// `PyMethodDef`: one entry of a method table (`tp_methods`, `m_methods`).
///
/// CPython may leave the fields after a NULL `ml_name` uninitialized: check `ml_name` first.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PyMethodDef {
    /// Name of the method.
    pub ml_name: *const c_char,
    /// The C implementation; its signature must match `ml_flags`.
    pub ml_meth: PyMethodDefPointer,
    /// `METH_*` flags.
    pub ml_flags: c_int,
    /// Docstring, or NULL.
    pub ml_doc: *const c_char,
}

impl PyMethodDef {
    /// An all-NULL entry, used to terminate method tables.
    pub const fn zeroed() -> PyMethodDef {
        PyMethodDef {
            ml_name: ptr::null(),
            ml_meth: PyMethodDefPointer::zeroed(),
            ml_flags: 0,
            ml_doc: ptr::null(),
        }
    }
}

impl Default for PyMethodDef {
    fn default() -> PyMethodDef {
        PyMethodDef::zeroed()
    }
}

/// `PyCFunction_New(ml, self)`: creates a built-in function object (a macro over
/// `PyCFunction_NewEx` in C).
#[inline]
pub unsafe fn PyCFunction_New(ml: *mut PyMethodDef, slf: *mut PyObject) -> *mut PyObject {
    PyCFunction_NewEx(ml, slf, ptr::null_mut())
}

extern "C" {
    /// Creates a built-in function object with a `__module__`.
    #[cfg(not(PyPy))]
    pub fn PyCFunction_NewEx(
        ml: *mut PyMethodDef,
        slf: *mut PyObject,
        module: *mut PyObject,
    ) -> *mut PyObject;
    /// Creates a built-in method object bound to a defining class (`METH_METHOD`).
    #[cfg_attr(PyPy, link_name = "PyPyCMethod_New")]
    pub fn PyCMethod_New(
        ml: *mut PyMethodDef,
        slf: *mut PyObject,
        module: *mut PyObject,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject;
}

/// Positional arguments are passed as a tuple.
pub const METH_VARARGS: c_int = 0x0001;
/// Keyword arguments are passed too (with `METH_VARARGS` or `METH_FASTCALL`).
pub const METH_KEYWORDS: c_int = 0x0002;
/// No arguments.
pub const METH_NOARGS: c_int = 0x0004;
/// A single object argument.
pub const METH_O: c_int = 0x0008;
/// The method receives the type instead of an instance (class method).
pub const METH_CLASS: c_int = 0x0010;
/// The method receives NULL instead of an instance (static method).
pub const METH_STATIC: c_int = 0x0020;
/// The method replaces a slot wrapper of the same name.
pub const METH_COEXIST: c_int = 0x0040;
/// Arguments are passed as a C array (vectorcall convention).
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
pub const METH_FASTCALL: c_int = 0x0080;
/// Reserved for Stackless Python (zero in regular builds).
pub const METH_STACKLESS: c_int = 0x0000;
/// The method receives the defining class (`PyCMethod`).
pub const METH_METHOD: c_int = 0x0200;

/// `PyCFunction_NewEx(ml, self, module)` on PyPy, which defines it as a macro over
/// `PyCMethod_New` (no defining class).
#[cfg(PyPy)]
#[inline]
pub unsafe fn PyCFunction_NewEx(
    ml: *mut PyMethodDef,
    slf: *mut PyObject,
    module: *mut PyObject,
) -> *mut PyObject {
    PyCMethod_New(ml, slf, module, ptr::null_mut())
}
