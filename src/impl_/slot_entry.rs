//! Generic C entry points of type slots, and the [`PySlot`] constructors that pick them.
//!
//! As for `#[pyfunction]` bodies (see `PyFunctionDef::new`), a `#[pymethods]` slot is emitted
//! as a non-capturing closure written directly in the class's slot table,
//! `PySlot::binary(ffi::Py_mp_subscript, |py, slf, arg| ...)`, instead of a named
//! `extern "C"` function per slot: the entry point is a generic function of this module,
//! instantiated for the closure's type, which conjures the (zero-sized) closure and runs it
//! in the [`trampoline`]. The machine code is the same; the expanded code is shorter.

use std::ffi::{c_int, c_void};
use std::panic::AssertUnwindSafe;

use crate::impl_::extract_argument::RawArgs;
use crate::impl_::operator_fallback::RichCompareFn;
use crate::impl_::pyclass::PySlot;
use crate::impl_::pyfunction::{conjure, run_body};
use crate::impl_::trampoline::{trampoline, PyCallbackOutput};
use crate::{ffi, PyResult, Python};

/// `slf` and the other operands, carried into the trampoline's closure: raw pointers, which
/// a panic cannot leave in a broken state.
type Operands<T> = AssertUnwindSafe<T>;

unsafe extern "C" fn unary_entry<F, R>(slf: *mut ffi::PyObject) -> R
where
    F: for<'py> Fn(Python<'py>, *mut ffi::PyObject) -> PyResult<R> + Copy,
    R: PyCallbackOutput,
{
    let data: Operands<_> = AssertUnwindSafe(slf);
    // SAFETY: called by the interpreter, attached; `F` conjurable (the constructor's promise).
    unsafe {
        trampoline(move |py| {
            let data = data;
            conjure::<F>()(py, data.0)
        })
    }
}

unsafe extern "C" fn binary_entry<F, R>(slf: *mut ffi::PyObject, arg: *mut ffi::PyObject) -> R
where
    F: for<'py> Fn(Python<'py>, *mut ffi::PyObject, *mut ffi::PyObject) -> PyResult<R> + Copy,
    R: PyCallbackOutput,
{
    let data: Operands<_> = AssertUnwindSafe((slf, arg));
    // SAFETY: as for `unary_entry`.
    unsafe {
        trampoline(move |py| {
            let data = data;
            let (slf, arg) = data.0;
            conjure::<F>()(py, slf, arg)
        })
    }
}

unsafe extern "C" fn richcmp_entry<F>(
    slf: *mut ffi::PyObject,
    other: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject
where
    F: for<'py> Fn(
            Python<'py>,
            *mut ffi::PyObject,
            *mut ffi::PyObject,
            c_int,
            RichCompareFn,
        ) -> PyResult<*mut ffi::PyObject>
        + Copy,
{
    let data: Operands<_> = AssertUnwindSafe((slf, other));
    // SAFETY: as for `unary_entry`.
    unsafe {
        trampoline(move |py| {
            let data = data;
            let (slf, other) = data.0;
            // The body gets this very entry point, for `!=` computed from `__eq__`.
            conjure::<F>()(py, slf, other, op, richcmp_entry::<F>)
        })
    }
}

unsafe extern "C" fn new_entry<F>(
    subtype: *mut ffi::PyTypeObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject
where
    F: crate::impl_::pyfunction::Body,
{
    // SAFETY: called by the interpreter as `tp_new`; the body receives the subtype as `slf`.
    unsafe { run_body::<F>(subtype.cast(), RawArgs::TupleDict { args, kwargs }) }
}

impl PySlot {
    /// The slot `slot` whose C function takes `self` only (`lenfunc`, `inquiry`, `hashfunc`,
    /// `unaryfunc`, `reprfunc`, ...), returning `R`; its body is the closure `body`.
    ///
    /// # Safety
    /// `F` must be a non-capturing closure or a function item (the entry point conjures its
    /// value from nothing); checked to be zero-sized here. `slot` must take such a function.
    pub const unsafe fn unary<F, R>(slot: c_int, body: F) -> Self
    where
        // spelled out, so that the closure's signature is inferred from it
        F: for<'py> Fn(Python<'py>, *mut ffi::PyObject) -> PyResult<R> + Copy,
        R: PyCallbackOutput,
    {
        assert!(
            std::mem::size_of::<F>() == 0,
            "a slot closure must not capture"
        );
        let _ = body;
        PySlot {
            slot,
            pfunc: unary_entry::<F, R> as *mut c_void,
        }
    }

    /// The slot `slot` whose C function takes `self` and one object (`binaryfunc`,
    /// `objobjproc`, ...), returning `R`.
    ///
    /// # Safety
    /// As for [`unary`](Self::unary).
    pub const unsafe fn binary<F, R>(slot: c_int, body: F) -> Self
    where
        F: for<'py> Fn(Python<'py>, *mut ffi::PyObject, *mut ffi::PyObject) -> PyResult<R> + Copy,
        R: PyCallbackOutput,
    {
        assert!(
            std::mem::size_of::<F>() == 0,
            "a slot closure must not capture"
        );
        let _ = body;
        PySlot {
            slot,
            pfunc: binary_entry::<F, R> as *mut c_void,
        }
    }

    /// `tp_richcompare`; the body also receives the slot's own function (for
    /// `ne_from_eq`).
    ///
    /// # Safety
    /// As for [`unary`](Self::unary).
    pub const unsafe fn richcmp<F>(body: F) -> Self
    where
        F: for<'py> Fn(
                Python<'py>,
                *mut ffi::PyObject,
                *mut ffi::PyObject,
                c_int,
                RichCompareFn,
            ) -> PyResult<*mut ffi::PyObject>
            + Copy,
    {
        assert!(
            std::mem::size_of::<F>() == 0,
            "a slot closure must not capture"
        );
        let _ = body;
        PySlot {
            slot: ffi::Py_tp_richcompare,
            pfunc: richcmp_entry::<F> as *mut c_void,
        }
    }

    /// `tp_new`: the body parses the tuple/dict arguments as a function body does, and gets
    /// the subtype as its `slf`.
    ///
    /// # Safety
    /// As for [`unary`](Self::unary).
    pub const unsafe fn new<F>(body: F) -> Self
    where
        F: for<'py> Fn(Python<'py>, *mut ffi::PyObject, RawArgs) -> PyResult<*mut ffi::PyObject>
            + Copy,
    {
        assert!(
            std::mem::size_of::<F>() == 0,
            "a slot closure must not capture"
        );
        let _ = body;
        PySlot {
            slot: ffi::Py_tp_new,
            pfunc: new_entry::<F> as *mut c_void,
        }
    }
}
