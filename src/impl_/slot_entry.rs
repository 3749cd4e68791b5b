//! Generic C entry points of type slots, and the [`PySlot`] constructors that pick them.
//!
//! As for `#[pyfunction]` bodies (see `PyFunctionDef::new`), a `#[pymethods]` slot is emitted
//! as a non-capturing closure written directly in the class's slot table,
//! `PySlot::binary(ffi::Py_mp_subscript, |py, slf, arg| ...)`, instead of a named
//! `extern "C"` function per slot: the entry point is a generic function of this module,
//! instantiated for the closure's type, which conjures the (zero-sized) closure and runs it
//! in the [`trampoline`]. The machine code is the same; the expanded code is shorter.

use std::ffi::{c_int, c_void, CStr};
use std::panic::AssertUnwindSafe;

use crate::impl_::extract_argument::RawArgs;
use crate::impl_::operator_fallback::RichCompareFn;
use crate::impl_::pyclass::{PyMethodDefType, PySlot};
use crate::impl_::pyfunction::{assert_conjurable, conjure, run_body};
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

/// The `PyGetSetDef.get` of a getter body `F`: called directly by the descriptor, which has
/// checked the type of `slf` (no indirect call through a table, and the body's result is
/// matched where it is made).
unsafe extern "C" fn getter_entry<F>(
    slf: *mut ffi::PyObject,
    _closure: *mut c_void,
) -> *mut ffi::PyObject
where
    F: for<'py> Fn(Python<'py>, *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject> + Copy,
{
    let data: Operands<_> = AssertUnwindSafe(slf);
    // SAFETY: as for `unary_entry`.
    unsafe {
        trampoline(move |py| {
            let data = data;
            conjure::<F>()(py, data.0)
        })
    }
}

impl PyMethodDefType {
    /// A `#[getter]` (or `#[pyo3(get)]` field) named `name` whose body is `body`, called with
    /// the instance and returning a new reference.
    ///
    /// # Safety
    /// `F` must be a non-capturing closure or a function item (checked to be zero-sized
    /// here); the body may assume `slf` is an instance of the class.
    pub const unsafe fn getter<F>(name: &'static CStr, body: F, doc: Option<&'static CStr>) -> Self
    where
        F: for<'py> Fn(Python<'py>, *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject> + Copy,
    {
        assert_conjurable(body);
        PyMethodDefType::Getter(name, getter_entry::<F>, doc)
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
        assert_conjurable(body);
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
        assert_conjurable(body);
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
        assert_conjurable(body);
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
        assert_conjurable(body);
        PySlot {
            slot: ffi::Py_tp_new,
            pfunc: new_entry::<F> as *mut c_void,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::PyValueError;
    use crate::types::{PyAnyMethods, PyTuple};
    use crate::{IntoPyObject, PyErr, PyTypeInfo};

    type LenFn = unsafe extern "C" fn(*mut ffi::PyObject) -> ffi::Py_ssize_t;
    type BinaryFn =
        unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject;
    type NewFn = unsafe extern "C" fn(
        *mut ffi::PyTypeObject,
        *mut ffi::PyObject,
        *mut ffi::PyObject,
    ) -> *mut ffi::PyObject;

    // SAFETY (all): non-capturing closures.
    static LEN: PySlot = unsafe { PySlot::unary(ffi::Py_mp_length, |_py, _slf| Ok(3)) };
    static LEN_ERR: PySlot = unsafe {
        PySlot::unary(
            ffi::Py_mp_length,
            |_py, _slf| -> PyResult<ffi::Py_ssize_t> { Err(PyValueError::new_err("no length")) },
        )
    };
    static LEN_PANIC: PySlot = unsafe {
        PySlot::unary(
            ffi::Py_mp_length,
            |_py, _slf| -> PyResult<ffi::Py_ssize_t> { panic!("len panicked") },
        )
    };
    // Returns its argument (a new reference).
    static SECOND: PySlot = unsafe {
        PySlot::binary(ffi::Py_mp_subscript, |_py, _slf, arg| {
            ffi::Py_IncRef(arg);
            Ok(arg)
        })
    };
    // `==` is identity; `!=` is computed from `==` through the function it is given.
    static CMP: PySlot = unsafe {
        PySlot::richcmp(|py, slf, other, op, this| {
            if op == ffi::Py_NE {
                crate::impl_::operator_fallback::ne_from_eq(py, slf, other, this)
            } else {
                Ok(crate::impl_::pyclass_slots::bool_ptr(slf == other))
            }
        })
    };
    // Returns the number of positional arguments.
    static NEW: PySlot = unsafe {
        PySlot::new(|py, _slf, args| {
            let n = match args {
                RawArgs::TupleDict { args, .. } => ffi::PyTuple_Size(args),
                RawArgs::Fastcall { nargs, .. } => nargs,
            };
            Ok(n.into_pyobject(py)?.into_ptr())
        })
    };

    // Getters: the object's `repr`, an error, a panic.
    static GET_REPR: PyMethodDefType = unsafe {
        PyMethodDefType::getter(
            c"r",
            |py, slf| {
                let obj = crate::Borrowed::from_ptr(py, slf);
                Ok(obj.repr()?.into_ptr())
            },
            None,
        )
    };
    static GET_ERR: PyMethodDefType = unsafe {
        PyMethodDefType::getter(
            c"e",
            |_py, _slf| Err(PyValueError::new_err("no value")),
            None,
        )
    };
    static GET_PANIC: PyMethodDefType =
        unsafe { PyMethodDefType::getter(c"p", |_py, _slf| panic!("getter panicked"), None) };

    fn getter_fn(def: &PyMethodDefType) -> ffi::getter {
        match def {
            PyMethodDefType::Getter(_, f, _) => *f,
            _ => unreachable!(),
        }
    }

    #[test]
    fn getter_entry_points() {
        Python::initialize();
        Python::attach(|py| unsafe {
            let obj = 10i32.into_pyobject(py).unwrap();
            let r = getter_fn(&GET_REPR)(obj.as_ptr(), std::ptr::null_mut());
            let r = crate::Bound::from_owned_ptr(py, r);
            assert_eq!(r.extract::<String>().unwrap(), "10");
            // an error is raised and NULL returned
            let r = getter_fn(&GET_ERR)(obj.as_ptr(), std::ptr::null_mut());
            assert!(r.is_null());
            let err = taken_error(py);
            assert!(err.is_instance_of::<PyValueError>(py));
            assert_eq!(err.value(py).to_string(), "no value");
            // a panic becomes a raised PanicException
            let r = getter_fn(&GET_PANIC)(obj.as_ptr(), std::ptr::null_mut());
            assert!(r.is_null());
            let panic_type = crate::panic::PanicException::type_object_raw(py);
            assert_eq!(ffi::PyErr_ExceptionMatches(panic_type.cast()), 1);
            ffi::PyErr_Clear();
        });
    }

    fn taken_error(py: Python<'_>) -> PyErr {
        PyErr::take(py).expect("an error is set")
    }

    #[test]
    fn entry_points_run_their_bodies() {
        assert_eq!(
            (LEN.slot, SECOND.slot),
            (ffi::Py_mp_length, ffi::Py_mp_subscript)
        );
        assert_eq!(
            (CMP.slot, NEW.slot),
            (ffi::Py_tp_richcompare, ffi::Py_tp_new)
        );
        Python::initialize();
        Python::attach(|py| unsafe {
            let obj = 10i32.into_pyobject(py).unwrap();
            let len: LenFn = std::mem::transmute(LEN.pfunc);
            assert_eq!(len(obj.as_ptr()), 3);
            // an error is raised and the C error value returned
            let len_err: LenFn = std::mem::transmute(LEN_ERR.pfunc);
            assert_eq!(len_err(obj.as_ptr()), -1);
            let err = taken_error(py);
            assert!(err.is_instance_of::<PyValueError>(py));
            assert_eq!(err.value(py).to_string(), "no length");
            // a panic does not unwind out of the entry point
            let len_panic: LenFn = std::mem::transmute(LEN_PANIC.pfunc);
            assert_eq!(len_panic(obj.as_ptr()), -1);
            // (`PyErr::take` would resume a `PanicException` as a panic: checked raw)
            let panic_type = crate::panic::PanicException::type_object_raw(py);
            assert_eq!(ffi::PyErr_ExceptionMatches(panic_type.cast()), 1);
            ffi::PyErr_Clear();

            let other = "x".into_pyobject(py).unwrap();
            let second: BinaryFn = std::mem::transmute(SECOND.pfunc);
            let r = second(obj.as_ptr(), other.as_ptr());
            assert_eq!(r, other.as_ptr());
            ffi::Py_DecRef(r);

            let cmp: RichCompareFn = std::mem::transmute(CMP.pfunc);
            let (a_obj, b_obj) = (obj.as_ptr(), other.as_ptr());
            for (a, b, op, expected) in [
                (a_obj, a_obj, ffi::Py_EQ, true),
                (a_obj, a_obj, ffi::Py_NE, false),
                (a_obj, b_obj, ffi::Py_NE, true),
            ] {
                let r = cmp(a, b, op);
                assert_eq!(r == ffi::Py_True(), expected);
                ffi::Py_DecRef(r);
            }

            let new: NewFn = std::mem::transmute(NEW.pfunc);
            let args = PyTuple::new(py, [1, 2]).unwrap();
            let subtype = std::ptr::addr_of_mut!(ffi::PyLong_Type);
            let r = new(subtype, args.as_ptr(), std::ptr::null_mut());
            let n = crate::Bound::from_owned_ptr(py, r);
            assert_eq!(n.extract::<isize>().unwrap(), 2);
        });
    }
}
