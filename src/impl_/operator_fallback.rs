//! The fallbacks between the slot methods that share one slot function, run by the
//! generated slot functions instead of being generated into every crate: `!=` computed
//! from `__eq__`, and a binary operator trying its reflected form when the forward one
//! gives `NotImplemented`.

use std::ffi::c_int;

use crate::impl_::pyclass::{is_not_implemented, not_implemented};
use crate::{ffi, PyErr, PyResult, Python};

/// A `tp_richcompare` function.
pub type RichCompareFn =
    unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject, c_int) -> *mut ffi::PyObject;

/// `slf != other` for a class that defines `__eq__` but not `__ne__`: the negated truth of
/// `richcmp(slf, other, Py_EQ)`, or its `NotImplemented`.
///
/// # Safety
/// Attached; `slf` and `other` are live objects; `richcmp` is the class's slot function.
pub unsafe fn ne_from_eq(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    other: *mut ffi::PyObject,
    richcmp: RichCompareFn,
) -> PyResult<*mut ffi::PyObject> {
    unsafe {
        let eq = richcmp(slf, other, ffi::Py_EQ);
        if eq.is_null() {
            return Err(PyErr::fetch(py));
        }
        if is_not_implemented(eq) {
            return Ok(eq);
        }
        let truth = ffi::PyObject_IsTrue(eq);
        ffi::Py_DecRef(eq);
        if truth < 0 {
            return Err(PyErr::fetch(py));
        }
        Ok(crate::impl_::pyclass_slots::bool_ptr(truth == 0))
    }
}

/// A binary operator slot: the forward method, then, if it gives `NotImplemented` (the
/// left operand is not the class, cannot be borrowed, or the method said so), the
/// reflected one. Either side is [`no_operator`] when the class does not define it.
#[inline]
pub fn binary_with_reflected<'py>(
    py: Python<'py>,
    forward: impl FnOnce(Python<'py>) -> PyResult<*mut ffi::PyObject>,
    reflected: impl FnOnce(Python<'py>) -> PyResult<*mut ffi::PyObject>,
) -> PyResult<*mut ffi::PyObject> {
    let result = forward(py)?;
    if !is_not_implemented(result) {
        return Ok(result);
    }
    // SAFETY: the new reference to `NotImplemented` returned by `forward`.
    unsafe { ffi::Py_DecRef(result) };
    reflected(py)
}

/// The side of a binary operator that the class does not define: `NotImplemented`.
pub fn no_operator(py: Python<'_>) -> PyResult<*mut ffi::PyObject> {
    Ok(not_implemented(py))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflected_runs_only_after_not_implemented() {
        Python::attach(|py| {
            let one = unsafe { ffi::PyLong_FromLong(1) };
            let r = binary_with_reflected(py, |_| Ok(one), |_| panic!("not reached")).unwrap();
            assert_eq!(r, one);
            let two = unsafe { ffi::PyLong_FromLong(2) };
            let r = binary_with_reflected(py, no_operator, |_| Ok(two)).unwrap();
            assert_eq!(r, two);
            let r = binary_with_reflected(py, no_operator, no_operator).unwrap();
            assert!(is_not_implemented(r));
            unsafe {
                ffi::Py_DecRef(one);
                ffi::Py_DecRef(two);
                ffi::Py_DecRef(r);
            }
        });
    }

    #[test]
    fn forward_error_stops() {
        Python::attach(|py| {
            let err = binary_with_reflected(
                py,
                |_| Err(crate::exceptions::PyValueError::new_err("fwd")),
                |_| panic!("not reached"),
            )
            .unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyValueError>(py));
        });
    }
}
