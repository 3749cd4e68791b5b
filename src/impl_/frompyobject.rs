//! Runtime support for `#[derive(FromPyObject)]`.

use crate::conversion::FromPyObjectOwned;
use crate::exceptions::PyTypeError;
use crate::types::{PyString, PyTuple};
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, PyResult, Python};

/// `obj.name` for a named field.
#[inline]
pub fn getattr<'py>(
    obj: &Borrowed<'_, 'py, PyAny>,
    name: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyAny>> {
    unsafe {
        Bound::from_owned_ptr_or_err(obj.py(), ffi::PyObject_GetAttr(obj.as_ptr(), name.as_ptr()))
    }
}

/// `obj.name`, `None` if looking it up fails (for `#[pyo3(default)]`: as PyO3, any error of
/// the lookup, not only `AttributeError`, selects the default; the error is discarded).
#[inline]
pub fn getattr_opt<'py>(
    obj: &Borrowed<'_, 'py, PyAny>,
    name: &Bound<'py, PyString>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    Ok(getattr(obj, name).ok())
}

/// `obj[key]` for an item field.
#[inline]
pub fn get_item<'py, K: IntoPyObject<'py>>(
    obj: &Borrowed<'_, 'py, PyAny>,
    key: K,
) -> PyResult<Bound<'py, PyAny>> {
    let py = obj.py();
    let key = crate::impl_::intopyobject::to_any(py, key)?;
    unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyObject_GetItem(obj.as_ptr(), key.as_ptr())) }
}

/// `obj[key]`, `None` if looking it up fails (for `#[pyo3(default)]`, as `getattr_opt`).
#[inline]
pub fn get_item_opt<'py, K: IntoPyObject<'py>>(
    obj: &Borrowed<'_, 'py, PyAny>,
    key: K,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    Ok(get_item(obj, key).ok())
}

#[cold]
fn field_error(py: Python<'_>, owner: &str, field: &str, cause: PyErr) -> PyErr {
    let err = PyTypeError::new_err(format!("failed to extract field {owner}.{field}"));
    err.set_cause(py, Some(cause));
    err
}

/// Extracts a field from its value, adding `failed to extract field Owner.field` context.
#[inline]
pub fn extract_field<'py, T: FromPyObjectOwned<'py>>(
    value: &Bound<'py, PyAny>,
    owner: &str,
    field: &str,
) -> PyResult<T> {
    match T::extract(value.as_borrowed()) {
        Ok(v) => Ok(v),
        Err(e) => Err(field_error(value.py(), owner, field, e.into())),
    }
}

/// Extracts a transparent field directly from the object.
#[inline]
pub fn extract_transparent<'a, 'py, T: FromPyObject<'a, 'py>>(
    obj: Borrowed<'a, 'py, PyAny>,
    owner: &str,
    field: &str,
) -> PyResult<T> {
    match T::extract(obj) {
        Ok(v) => Ok(v),
        Err(e) => Err(field_error(obj.py(), owner, field, e.into())),
    }
}

/// Adds field context to the result of a `from_py_with` function.
#[inline]
pub fn with_field_context<'py, T, E: Into<PyErr>>(
    py: Python<'py>,
    result: Result<T, E>,
    owner: &str,
    field: &str,
) -> PyResult<T> {
    result.map_err(|e| field_error(py, owner, field, e.into()))
}

/// Checks that `obj` is a tuple of length `n`.
pub fn as_tuple<'py>(obj: &Borrowed<'_, 'py, PyAny>, n: usize) -> PyResult<Bound<'py, PyTuple>> {
    let t = obj.cast::<PyTuple>().map_err(PyErr::from)?.to_owned();
    let len = unsafe { ffi::PyTuple_Size(t.as_ptr()) } as usize;
    if len != n {
        // A tuple of the wrong length is a wrong value, not a wrong type (as for `(A, B)`).
        return Err(crate::exceptions::PyValueError::new_err(format!(
            "expected tuple of length {n}, but got tuple of length {len}"
        )));
    }
    Ok(t)
}

/// Item `i` of a tuple checked by [`as_tuple`].
pub fn tuple_item<'py>(t: &Bound<'py, PyTuple>, i: usize) -> PyResult<Bound<'py, PyAny>> {
    unsafe {
        Bound::from_borrowed_ptr_or_err(
            t.py(),
            ffi::PyTuple_GetItem(t.as_ptr(), i as ffi::Py_ssize_t),
        )
    }
}

/// The error of an enum whose every variant failed:
/// `failed to extract enum Foo ('A | B')` followed by one line per variant.
#[cold]
pub fn failed_to_extract_enum(
    py: Python<'_>,
    type_name: &str,
    variant_names: &[&str],
    error_names: &[&str],
    errors: &[PyErr],
) -> PyErr {
    use std::fmt::Write;
    let mut msg = format!(
        "failed to extract enum {} ('{}')",
        type_name,
        error_names.join(" | ")
    );
    for ((variant, name), err) in variant_names.iter().zip(error_names).zip(errors) {
        let _ = write!(msg, "\n- variant {variant} ({name}): {}", flatten(py, err));
    }
    PyTypeError::new_err(msg)
}

/// `error, caused by cause, caused by ...` in one line.
fn flatten(py: Python<'_>, err: &PyErr) -> String {
    use std::fmt::Write;
    let mut out = err.to_string();
    let mut cur = err.cause(py);
    while let Some(c) = cur {
        let _ = write!(out, ", caused by {c}");
        cur = c.cause(py);
    }
    out
}
