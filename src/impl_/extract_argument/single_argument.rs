//! Extraction of one argument from its slot: the conversions `#[pyfunction]` wrappers call
//! per parameter (`FromPyObject`, `&str`, `&Bound`, pyclass references through holders,
//! `from_py_with`), the error note naming the argument, and the `*args`/`**kwargs` pointers.

use crate::exceptions::PyTypeError;
use crate::types::PyString;
use crate::{ffi, Borrowed, Bound, FromPyObject, PyAny, PyErr, PyResult, PyTypeCheck, Python};

/// Pointer of the `*args` tuple.
pub fn varargs_ptr(varargs: &Option<Bound<'_, PyAny>>) -> *mut ffi::PyObject {
    varargs
        .as_ref()
        .map_or(std::ptr::null_mut(), |t| t.as_ptr())
}

/// Pointer of the `**kwargs` dict, or `None` when no extra keywords were passed.
pub fn kwargs_ptr(kwargs: &Option<Bound<'_, PyAny>>) -> *mut ffi::PyObject {
    match kwargs {
        Some(d) => d.as_ptr(),
        None => unsafe { ffi::Py_None() },
    }
}

/// Pointer of the `**kwargs` dict, creating an empty one if needed (non-`Option` parameter).
pub fn kwargs_ptr_or_empty<'py>(
    py: Python<'py>,
    kwargs: &mut Option<Bound<'py, PyAny>>,
) -> *mut ffi::PyObject {
    if kwargs.is_none() {
        // SAFETY: attached; PyDict_New only fails on memory exhaustion.
        *kwargs = unsafe { Bound::from_owned_ptr_or_opt(py, ffi::PyDict_New()) };
    }
    kwargs
        .as_ref()
        .map_or(unsafe { ffi::Py_None() }, |d| d.as_ptr())
}

/// Records which argument a `TypeError` raised while extracting it belongs to: the message is
/// kept as is and the note `while processing '<name>'` is added to the exception (with
/// `add_note` from Python 3.11; before that the note is appended to `__notes__` directly).
/// Other exceptions are returned unchanged.
#[cold]
pub fn argument_extraction_error(py: Python<'_>, arg_name: &str, error: PyErr) -> PyErr {
    if error.get_type(py).as_ptr() == py.get_type::<PyTypeError>().as_ptr() {
        let note = format!("while processing '{arg_name}'");
        // A failure to attach the note must not replace the original error.
        let _ = add_note(error.value(py).as_any(), &note);
    }
    error
}

fn add_note(exc: &Bound<'_, PyAny>, note: &str) -> PyResult<()> {
    use crate::types::{PyAnyMethods, PyList, PyListMethods};
    let py = exc.py();
    if cfg!(Py_3_11) {
        exc.call_method1(crate::intern!(py, "add_note"), (note,))?;
    } else {
        let name = crate::intern!(py, "__notes__");
        match exc.getattr(name) {
            Ok(notes) => notes.cast_into::<PyList>()?.append(note)?,
            Err(_) => exc.setattr(name, PyList::new(py, [note])?)?,
        }
    }
    Ok(())
}

#[inline]
unsafe fn borrow<'a, 'py>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
) -> Borrowed<'a, 'py, PyAny> {
    // SAFETY: the slot holds a valid borrowed pointer for the duration of the call.
    unsafe { Borrowed::from_ptr(py, *slot) }
}

/// Extracts a `FromPyObject` argument.
#[inline]
pub fn extract_argument<'a, 'py, T>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    arg_name: &str,
) -> PyResult<T>
where
    T: FromPyObject<'a, 'py>,
{
    let obj = unsafe { borrow(py, slot) };
    match T::extract(obj) {
        Ok(v) => Ok(v),
        Err(e) => Err(argument_extraction_error(py, arg_name, e.into())),
    }
}

/// [`extract_argument`] of a parameter with a default: `default()` when the slot is empty
/// (the argument was not given). The default is a closure so that it is only evaluated then,
/// as the expression written in the signature would be.
#[inline]
pub fn extract_or<'a, 'py, T>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    arg_name: &str,
    default: impl FnOnce() -> T,
) -> PyResult<T>
where
    T: FromPyObject<'a, 'py>,
{
    if slot.is_null() {
        Ok(default())
    } else {
        extract_argument(py, slot, arg_name)
    }
}

/// The default of an `Option<T>` parameter: a `T` (wrapped in `Some`) or an `Option<T>`.
pub trait OptionDefault<T> {
    /// The default as an `Option<T>`.
    fn into_option_default(self) -> Option<T>;
}

impl<T> OptionDefault<T> for T {
    #[inline]
    fn into_option_default(self) -> Option<T> {
        Some(self)
    }
}

impl<T> OptionDefault<T> for Option<T> {
    #[inline]
    fn into_option_default(self) -> Option<T> {
        self
    }
}

/// Extracts an argument with a `from_py_with` function.
#[inline]
pub fn from_py_with<'a, 'py: 'a, T, E, F>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    arg_name: &str,
    f: F,
) -> PyResult<T>
where
    F: FnOnce(&'a Bound<'py, PyAny>) -> Result<T, E>,
    E: Into<PyErr>,
{
    // The reference lives as long as the slot (`'a`), not just this call: functions such as
    // `<Bound<'_, _> as PyAnyMethods>::extract` tie their result to it.
    // SAFETY: `Bound<PyAny>` is a transparent non-null object pointer and the slot holds a
    // valid borrowed reference for `'a`.
    let obj: &'a Bound<'py, PyAny> =
        unsafe { &*(slot as *const *mut ffi::PyObject).cast::<Bound<'py, PyAny>>() };
    match f(obj) {
        Ok(v) => Ok(v),
        Err(e) => Err(argument_extraction_error(py, arg_name, e.into())),
    }
}

/// Storage for `&str` arguments (keeps the UTF-8 buffer alive where needed).
pub struct StrHolder {
    #[allow(dead_code)]
    bytes: *mut ffi::PyObject,
}

impl StrHolder {
    /// An empty holder.
    #[inline]
    pub fn new() -> Self {
        StrHolder {
            bytes: std::ptr::null_mut(),
        }
    }
}

impl Default for StrHolder {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for StrHolder {
    fn drop(&mut self) {
        if !self.bytes.is_null() {
            // SAFETY: only set while attached, dropped within the same call.
            unsafe { ffi::Py_DecRef(self.bytes) }
        }
    }
}

/// Extracts a `&str` argument.
#[inline(always)]
pub fn extract_str<'a, 'py>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut StrHolder,
    arg_name: &str,
) -> PyResult<&'a str> {
    // Inlined fast path: a compact `str`, ASCII or with its UTF-8 already cached.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    // SAFETY: the slot holds a live object, borrowed for 'a; it is checked to be a `str`.
    unsafe {
        if ffi::PyUnicode_Check(*slot) != 0 {
            if let Some(text) = crate::types::string::compact_str(*slot) {
                return Ok(text);
            }
        }
    }
    extract_str_general(py, slot, holder, arg_name)
}

/// Every `&str` argument the inlined path of [`extract_str`] does not handle.
#[cfg_attr(not(any(Py_LIMITED_API, PyPy, GraalPy)), inline(never))]
fn extract_str_general<'a, 'py>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut StrHolder,
    arg_name: &str,
) -> PyResult<&'a str> {
    let obj = unsafe { borrow(py, slot) };
    let s = match obj.cast::<PyString>() {
        Ok(s) => s,
        Err(e) => return Err(argument_extraction_error(py, arg_name, e.into())),
    };
    let _ = &holder;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    // SAFETY: a live `str`, borrowed by the caller for 'a.
    if let Some(text) = unsafe { crate::types::string::compact_ascii_str(s.as_ptr()) } {
        return Ok(text);
    }
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    {
        let mut size: ffi::Py_ssize_t = 0;
        let data = unsafe { ffi::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
        if data.is_null() {
            return Err(argument_extraction_error(py, arg_name, PyErr::fetch(py)));
        }
        // SAFETY: CPython caches the UTF-8 buffer in the string object, which outlives 'a.
        let bytes = unsafe { std::slice::from_raw_parts(data as *const u8, size as usize) };
        Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
    }
    #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
    {
        let b = unsafe { ffi::PyUnicode_AsUTF8String(s.as_ptr()) };
        if b.is_null() {
            return Err(argument_extraction_error(py, arg_name, PyErr::fetch(py)));
        }
        holder.bytes = b;
        let data = unsafe { ffi::PyBytes_AsString(b) };
        let size = unsafe { ffi::PyBytes_Size(b) };
        let bytes = unsafe { std::slice::from_raw_parts(data as *const u8, size as usize) };
        Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
    }
}

#[inline]
fn is_none_or_null(slot: *mut ffi::PyObject) -> bool {
    slot.is_null() || slot == unsafe { ffi::Py_None() }
}

/// Extracts an `Option<&str>` argument (`None` -> `None`).
#[inline]
pub fn extract_optional_str<'a, 'py>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut StrHolder,
    arg_name: &str,
) -> PyResult<Option<&'a str>> {
    if is_none_or_null(*slot) {
        return Ok(None);
    }
    extract_str(py, slot, holder, arg_name).map(Some)
}

/// Extracts a `&Bound<'py, T>` argument (a checked cast, no new reference).
#[inline]
pub fn extract_bound_ref<'a, 'py, T: PyTypeCheck>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut Option<Borrowed<'a, 'py, T>>,
    arg_name: &str,
) -> PyResult<&'a Bound<'py, T>> {
    let obj = unsafe { borrow(py, slot) };
    match obj.cast::<T>() {
        Ok(b) => Ok(&*holder.insert(b)),
        Err(e) => Err(argument_extraction_error(py, arg_name, e.into())),
    }
}

/// Extracts an `Option<&Bound<'py, T>>` argument (`None` -> `None`).
#[inline]
pub fn extract_optional_bound_ref<'a, 'py, T: PyTypeCheck>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut Option<Borrowed<'a, 'py, T>>,
    arg_name: &str,
) -> PyResult<Option<&'a Bound<'py, T>>> {
    if is_none_or_null(*slot) {
        return Ok(None);
    }
    extract_bound_ref(py, slot, holder, arg_name).map(Some)
}

/// Extracts a `&T` argument for a `#[pyclass]` `T` (borrowed for the call).
#[inline]
pub fn extract_pyclass_ref<'a, 'py: 'a, T: crate::PyClass>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut Option<crate::PyRef<'py, T>>,
    arg_name: &str,
) -> PyResult<&'a T> {
    let obj = unsafe { borrow(py, slot) };
    match <crate::PyRef<'py, T> as FromPyObject<'_, 'py>>::extract(obj) {
        Ok(r) => Ok(&*holder.insert(r)),
        Err(e) => Err(argument_extraction_error(py, arg_name, e)),
    }
}

/// Extracts a `&mut T` argument for a `#[pyclass]` `T` (borrowed mutably for the call).
#[inline]
pub fn extract_pyclass_ref_mut<
    'a,
    'py: 'a,
    T: crate::PyClass<Frozen = crate::pyclass::boolean_struct::False>,
>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut Option<crate::PyRefMut<'py, T>>,
    arg_name: &str,
) -> PyResult<&'a mut T> {
    let obj = unsafe { borrow(py, slot) };
    match <crate::PyRefMut<'py, T> as FromPyObject<'_, 'py>>::extract(obj) {
        Ok(r) => Ok(&mut *holder.insert(r)),
        Err(e) => Err(argument_extraction_error(py, arg_name, e)),
    }
}

/// Extracts an `Option<&T>` argument for a `#[pyclass]` `T`.
#[inline]
pub fn extract_optional_pyclass_ref<'a, 'py: 'a, T: crate::PyClass>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut Option<crate::PyRef<'py, T>>,
    arg_name: &str,
) -> PyResult<Option<&'a T>> {
    if is_none_or_null(*slot) {
        return Ok(None);
    }
    extract_pyclass_ref(py, slot, holder, arg_name).map(Some)
}

/// Extracts an `Option<&mut T>` argument for a `#[pyclass]` `T`.
#[inline]
pub fn extract_optional_pyclass_ref_mut<
    'a,
    'py: 'a,
    T: crate::PyClass<Frozen = crate::pyclass::boolean_struct::False>,
>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
    holder: &'a mut Option<crate::PyRefMut<'py, T>>,
    arg_name: &str,
) -> PyResult<Option<&'a mut T>> {
    if is_none_or_null(*slot) {
        return Ok(None);
    }
    extract_pyclass_ref_mut(py, slot, holder, arg_name).map(Some)
}

#[cfg(test)]
mod tests {
    use super::extract_or;
    use crate::types::PyAnyMethods;
    use crate::{IntoPyObject, Python};

    /// The default is taken, and only evaluated, when the slot is empty; a given argument is
    /// extracted, and a wrong one raises the argument's error.
    #[test]
    fn extract_or_default_only_when_absent() {
        Python::initialize();
        Python::attach(|py| {
            let mut evaluated = 0;
            let absent: *mut crate::ffi::PyObject = std::ptr::null_mut();
            let v: i64 = extract_or(py, &absent, "b", || {
                evaluated += 1;
                7
            })
            .unwrap();
            assert_eq!((v, evaluated), (7, 1));
            let five = 5i64.into_pyobject(py).unwrap();
            let given = five.as_ptr();
            let v: i64 = extract_or(py, &given, "b", || {
                evaluated += 1;
                7
            })
            .unwrap();
            assert_eq!((v, evaluated), (5, 1));
            let s = "x".into_pyobject(py).unwrap();
            let wrong = s.as_ptr();
            let err = extract_or::<i64>(py, &wrong, "b", || 7).unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyTypeError>(py));
            assert_eq!(
                err.value(py).to_string(),
                "'str' object cannot be interpreted as an integer"
            );
            let notes = err.value(py).getattr("__notes__").unwrap();
            assert_eq!(
                notes.extract::<Vec<String>>().unwrap(),
                ["while processing 'b'"]
            );
        });
    }
}
