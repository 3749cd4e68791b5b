//! Non-limited parts of the abstract object layer (`Include/cpython/abstract.h`):
//! the vectorcall protocol helpers and fast call wrappers.

#[cfg(not(Py_3_13))]
use crate::PyThreadState;
use crate::{vectorcallfunc, PyObject, Py_ssize_t, PY_VECTORCALL_ARGUMENTS_OFFSET};
#[cfg(not(Py_3_13))]
use std::ffi::c_char;

/// Number of positional arguments encoded in a vectorcall `nargsf` value.
#[inline]
pub unsafe fn PyVectorcall_NARGS(nargsf: usize) -> Py_ssize_t {
    (nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET) as Py_ssize_t
}

extern "C" {
    /// Calls `callable` through `tp_call` with vectorcall-style arguments.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyObject_MakeTpCall(
        tstate: *mut PyThreadState,
        callable: *mut PyObject,
        args: *const *mut PyObject,
        nargs: Py_ssize_t,
        keywords: *mut PyObject,
    ) -> *mut PyObject;

    /// Checks the result of a call against the error indicator.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _Py_CheckFunctionResult(
        tstate: *mut PyThreadState,
        callable: *mut PyObject,
        result: *mut PyObject,
        where_: *const c_char,
    ) -> *mut PyObject;
}

/// Vectorcall function pointer of `callable`, or `None` if its type does not support it.
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn PyVectorcall_Function(callable: *mut PyObject) -> Option<vectorcallfunc> {
    let tp = crate::Py_TYPE(callable);
    if crate::PyType_HasFeature(tp, crate::Py_TPFLAGS_HAVE_VECTORCALL) == 0 {
        return None;
    }
    let offset = (*tp).tp_vectorcall_offset;
    debug_assert!(offset > 0);
    let slot = callable
        .cast::<u8>()
        .offset(offset)
        .cast::<Option<vectorcallfunc>>();
    slot.read_unaligned()
}

/// Vectorcall with an explicit thread state (inline helper of Python < 3.11).
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn _PyObject_VectorcallTstate(
    tstate: *mut PyThreadState,
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    match PyVectorcall_Function(callable) {
        None => {
            let nargs = PyVectorcall_NARGS(nargsf);
            _PyObject_MakeTpCall(tstate, callable, args, nargs, kwnames)
        }
        Some(func) => {
            let res = func(callable, args, nargsf, kwnames);
            _Py_CheckFunctionResult(tstate, callable, res, std::ptr::null())
        }
    }
}

/// Calls `callable` with the vectorcall convention (inline before Python 3.11).
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn PyObject_Vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    _PyObject_VectorcallTstate(crate::PyThreadState_GET(), callable, args, nargsf, kwnames)
}

/// Calls `func` with the single positional argument `arg` (inline before Python 3.11).
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn PyObject_CallOneArg(func: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    debug_assert!(!arg.is_null());
    // Slot 0 is scratch space the callee may use thanks to PY_VECTORCALL_ARGUMENTS_OFFSET.
    let mut buf: [*mut PyObject; 2] = [std::ptr::null_mut(), arg];
    let args = buf.as_mut_ptr().add(1);
    let nargsf = 1 | PY_VECTORCALL_ARGUMENTS_OFFSET;
    _PyObject_VectorcallTstate(
        crate::PyThreadState_GET(),
        func,
        args,
        nargsf,
        std::ptr::null_mut(),
    )
}

extern "C" {
    /// Vectorcall function pointer of `callable`, or `None`.
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn PyVectorcall_Function(callable: *mut PyObject) -> Option<vectorcallfunc>;

    /// Calls `func` with the single positional argument `arg`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallOneArg")]
    pub fn PyObject_CallOneArg(func: *mut PyObject, arg: *mut PyObject) -> *mut PyObject;

    /// Like `PyObject_Vectorcall`, but keyword arguments are passed as a dict.
    #[cfg_attr(PyPy, link_name = "PyPyObject_VectorcallDict")]
    pub fn PyObject_VectorcallDict(
        callable: *mut PyObject,
        args: *const *mut PyObject,
        nargsf: usize,
        kwargs: *mut PyObject,
    ) -> *mut PyObject;

    /// Length of `o` if known, else its `__length_hint__`, else `default`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_LengthHint")]
    pub fn PyObject_LengthHint(o: *mut PyObject, default: Py_ssize_t) -> Py_ssize_t;
}

/// Calls method `name` of `self_` without arguments.
#[inline]
pub unsafe fn PyObject_CallMethodNoArgs(
    self_: *mut PyObject,
    name: *mut PyObject,
) -> *mut PyObject {
    let this = self_;
    crate::PyObject_VectorcallMethod(
        name,
        &this,
        1 | PY_VECTORCALL_ARGUMENTS_OFFSET,
        std::ptr::null_mut(),
    )
}

/// Calls method `name` of `self_` with one positional argument.
#[inline]
pub unsafe fn PyObject_CallMethodOneArg(
    self_: *mut PyObject,
    name: *mut PyObject,
    arg: *mut PyObject,
) -> *mut PyObject {
    debug_assert!(!arg.is_null());
    let args = [self_, arg];
    crate::PyObject_VectorcallMethod(
        name,
        args.as_ptr(),
        2 | PY_VECTORCALL_ARGUMENTS_OFFSET,
        std::ptr::null_mut(),
    )
}

/// `o[i]` through the type's `sq_item` slot, without negative index handling or checks.
#[inline]
pub unsafe fn PySequence_ITEM(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let sq = (*crate::Py_TYPE(o)).tp_as_sequence;
    ((*sq).sq_item.expect("sq_item"))(o, i)
}
