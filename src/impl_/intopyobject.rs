//! Runtime support for `#[derive(IntoPyObject)]` / `#[derive(IntoPyObjectRef)]`.

use crate::types::{PyDict, PyTuple};
use crate::{ffi, Bound, BoundObject, IntoPyObject, PyAny, PyErr, PyResult, Python};

/// Converts any `IntoPyObject` value to an owned `Bound<PyAny>`.
#[inline]
pub fn to_any<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> PyResult<Bound<'py, PyAny>> {
    match value.into_pyobject(py) {
        Ok(v) => Ok(v.into_any().into_bound()),
        Err(e) => Err(e.into()),
    }
}

/// A `py_run!` local: converted by reference when `&T: IntoPyObject`, else by cloning (so
/// `Clone` `#[pyclass]` values can be passed by name too). Autoref specialization: the
/// by-reference trait is implemented for the probe, the cloning one for `&probe`.
pub struct ToAnyProbe<'a, T>(pub &'a T);

/// `py_run!` conversion by reference.
pub trait ToAnyViaRef<'py> {
    /// Converts.
    fn probe_to_any(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl<'a, 'py, T> ToAnyViaRef<'py> for ToAnyProbe<'a, T>
where
    &'a T: IntoPyObject<'py>,
{
    fn probe_to_any(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_any(py, self.0)
    }
}

/// `py_run!` conversion of a clone.
pub trait ToAnyViaClone<'py> {
    /// Converts.
    fn probe_to_any(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl<'a, 'py, T> ToAnyViaClone<'py> for &ToAnyProbe<'a, T>
where
    T: Clone + IntoPyObject<'py>,
{
    fn probe_to_any(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_any(py, self.0.clone())
    }
}

/// The code of `py_run!(py, x, code)` when `code` is an expression (a `&str`, a `String`, ...).
/// A generic bound rather than `&$code` as `&str` keeps closure parameters inferable.
#[inline]
pub fn code_str<T: AsRef<str> + ?Sized>(code: &T) -> &str {
    code.as_ref()
}

/// Normalises the result of an `into_py_with` function.
#[inline]
pub fn any_result<'py, E: Into<PyErr>>(
    r: Result<Bound<'py, PyAny>, E>,
) -> PyResult<Bound<'py, PyAny>> {
    r.map_err(Into::into)
}

/// A new empty dict.
#[inline]
pub fn new_dict(py: Python<'_>) -> Bound<'_, PyAny> {
    unsafe { Bound::from_owned_ptr(py, ffi::PyDict_New()) }
}

/// `dict[key] = value`.
#[inline]
pub fn set_dict_item<'py, K: IntoPyObject<'py>>(
    dict: &Bound<'py, PyAny>,
    key: K,
    value: Bound<'py, PyAny>,
) -> PyResult<()> {
    let key = to_any(dict.py(), key)?;
    if unsafe { ffi::PyDict_SetItem(dict.as_ptr(), key.as_ptr(), value.as_ptr()) } != 0 {
        return Err(PyErr::fetch(dict.py()));
    }
    Ok(())
}

/// Identity (the dict is already a `Bound<PyAny>`).
#[inline]
pub fn dict_into_any(d: Bound<'_, PyAny>) -> Bound<'_, PyAny> {
    d
}

/// A tuple of the given items.
pub fn new_tuple<'py, const N: usize>(
    py: Python<'py>,
    items: [Bound<'py, PyAny>; N],
) -> Bound<'py, PyAny> {
    unsafe {
        let t = ffi::PyTuple_New(N as ffi::Py_ssize_t);
        let t = Bound::from_owned_ptr(py, t);
        for (i, item) in items.into_iter().enumerate() {
            ffi::PyTuple_SetItem(t.as_ptr(), i as ffi::Py_ssize_t, item.into_ptr());
        }
        t
    }
}

/// `Bound<PyAny>` known to be a dict -> `Bound<PyDict>`.
#[inline]
pub fn downcast_dict(b: Bound<'_, PyAny>) -> Bound<'_, PyDict> {
    unsafe { b.cast_into_unchecked() }
}

/// `Bound<PyAny>` known to be a tuple -> `Bound<PyTuple>`.
#[inline]
pub fn downcast_tuple(b: Bound<'_, PyAny>) -> Bound<'_, PyTuple> {
    unsafe { b.cast_into_unchecked() }
}
