//! Helpers called by the code `#[pyclass]` / `#[pymethods]` generate for field accessors and
//! type slots (receivers, `NotImplemented`, comparisons, hashing, iteration results).

use std::ffi::c_int;
use std::marker::PhantomData;

pub use crate::impl_::operator_fallback::{binary_with_reflected, ne_from_eq, no_operator};

use crate::conversion::FromPyObjectOwned;
use crate::exceptions::PyAttributeError;
use crate::impl_::pyclass::check_instance;
use crate::pyclass::boolean_struct::False;
use crate::pyclass::{CompareOp, PyClass};
use crate::{
    ffi, Borrowed, Bound, BoundObject, IntoPyObject, PyAny, PyErr, PyRef, PyRefMut, PyResult,
    Python,
};

/// Borrows `slf` (checked to be an instance of `T`) as a [`PyRef`].
///
/// # Safety
/// `slf` must be a valid object pointer.
#[inline]
pub unsafe fn pyref<'py, T: PyClass>(
    py: Python<'py>,
    slf: *mut ffi::PyObject,
) -> PyResult<PyRef<'py, T>> {
    unsafe { check_instance::<T>(py, slf)? };
    let b = unsafe { Bound::from_borrowed_ptr(py, slf).cast_into_unchecked::<T>() };
    Ok(PyRef::try_borrow(&b)?)
}

/// Borrows `slf` (checked to be an instance of `T`) as a [`PyRefMut`].
///
/// # Safety
/// `slf` must be a valid object pointer.
#[inline]
pub unsafe fn pyrefmut<'py, T: PyClass<Frozen = False>>(
    py: Python<'py>,
    slf: *mut ffi::PyObject,
) -> PyResult<PyRefMut<'py, T>> {
    unsafe { check_instance::<T>(py, slf)? };
    let b = unsafe { Bound::from_borrowed_ptr(py, slf).cast_into_unchecked::<T>() };
    Ok(PyRefMut::try_borrow(&b)?)
}

/// Borrows `slf` (checked to be an instance of `T`) as a [`PyClassGuard`](crate::PyClassGuard).
///
/// # Safety
/// `slf` must be a valid object pointer that stays alive for `'a` (the call's duration).
#[inline]
pub unsafe fn guard<'a, T: PyClass>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
) -> PyResult<crate::PyClassGuard<'a, T>> {
    unsafe { check_instance::<T>(py, slf)? };
    Ok(unsafe { crate::PyClassGuard::try_borrow_ptr(slf)? })
}

/// Borrows `slf` (checked to be an instance of `T`) as a [`PyClassGuardMut`].
///
/// # Safety
/// `slf` must be a valid object pointer that stays alive for `'a` (the call's duration).
///
/// [`PyClassGuardMut`]: crate::PyClassGuardMut
#[inline]
pub unsafe fn guard_mut<'a, T: PyClass<Frozen = False>>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
) -> PyResult<crate::PyClassGuardMut<'a, T>> {
    unsafe { check_instance::<T>(py, slf)? };
    Ok(unsafe { crate::PyClassGuardMut::try_borrow_ptr(slf)? })
}

/// Whether the receiver of a binary operator can be borrowed (shared, or exclusively when
/// `mutable`): when it cannot, the operator returns `NotImplemented` (Python then tries the
/// reflected operation and raises `TypeError`), as for an operand that does not extract.
///
/// # Safety
/// `slf` must be a valid pointer to an instance of `T`.
#[inline]
pub unsafe fn operator_receiver_available<T: PyClass>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    mutable: bool,
) -> bool {
    let b = unsafe { Borrowed::from_ptr(py, slf).cast_unchecked::<T>() };
    if mutable {
        unsafe { crate::pycell::can_borrow_mut_raw::<T>(b.as_ptr()) }
    } else {
        b.try_borrow().is_ok()
    }
}

/// `slf` (checked to be an instance of `T`) as a borrowed `Bound<T>`.
///
/// # Safety
/// `slf` must be a valid object pointer, alive for `'a`.
#[inline]
pub unsafe fn bound_slf<'a, 'py, T: PyClass>(
    py: Python<'py>,
    slf: *mut ffi::PyObject,
) -> PyResult<Borrowed<'a, 'py, T>> {
    unsafe { check_instance::<T>(py, slf)? };
    Ok(unsafe { Borrowed::from_ptr(py, slf).cast_unchecked::<T>() })
}

/// The class object passed to a `#[classmethod]`.
///
/// # Safety
/// `cls` must be a valid type object pointer, alive for `'a`.
#[inline]
pub unsafe fn cls_arg<'a, 'py>(
    py: Python<'py>,
    cls: *mut ffi::PyObject,
) -> Borrowed<'a, 'py, crate::types::PyType> {
    unsafe { Borrowed::from_ptr(py, cls).cast_unchecked() }
}

/// Selects how a field getter converts the field: by reference if `&T: IntoPyObject`, else by
/// cloning, else an error naming the field's type (autoref specialization: the getter calls
/// `(&&FieldProbe::<T>::new()).field_to_ptr(..)`, which tries the impls for `&FieldProbe`,
/// then `&&FieldProbe`, then `FieldProbe`).
pub struct FieldProbe<T>(PhantomData<T>);

impl<T> FieldProbe<T> {
    /// The probe.
    pub fn new() -> Self {
        FieldProbe(PhantomData)
    }
}

impl<T> Default for FieldProbe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Field conversion through `&T: IntoPyObject`.
pub trait FieldViaRef<T> {
    /// Converts.
    fn field_to_ptr(&self, py: Python<'_>, value: &T) -> PyResult<*mut ffi::PyObject>;
}

impl<T> FieldViaRef<T> for &FieldProbe<T>
where
    for<'a, 'py> &'a T: IntoPyObject<'py>,
{
    fn field_to_ptr(&self, py: Python<'_>, value: &T) -> PyResult<*mut ffi::PyObject> {
        match value.into_pyobject(py) {
            Ok(v) => Ok(v.into_ptr()),
            Err(e) => Err(e.into()),
        }
    }
}

/// Field conversion by cloning.
pub trait FieldViaClone<T> {
    /// Converts.
    fn field_to_ptr(&self, py: Python<'_>, value: &T) -> PyResult<*mut ffi::PyObject>;
}

impl<T> FieldViaClone<T> for &&FieldProbe<T>
where
    T: Clone + for<'py> IntoPyObject<'py>,
{
    fn field_to_ptr(&self, py: Python<'_>, value: &T) -> PyResult<*mut ffi::PyObject> {
        match value.clone().into_pyobject(py) {
            Ok(v) => Ok(v.into_ptr()),
            Err(e) => Err(e.into()),
        }
    }
}

/// A field type the getter cannot convert. No type implements it: it only exists so that the
/// last candidate of [`FieldProbe`] fails with a message about the user's field.
#[diagnostic::on_unimplemented(
    message = "`#[pyo3(get)]` cannot convert a field of type `{Self}` to a Python object",
    label = "this field's type is neither `Clone + IntoPyObject` nor has `&{Self}: IntoPyObject`",
    note = "derive or implement `Clone` for `{Self}` (a `#[pyclass]` is then converted by cloning), or implement `IntoPyObject` for `&{Self}`"
)]
pub trait UnsupportedGetterField {
    /// Never called.
    fn convert(&self, py: Python<'_>) -> PyResult<*mut ffi::PyObject>;
}

/// The last candidate of [`FieldProbe`]: reports [`UnsupportedGetterField`].
pub trait FieldUnsupported<T> {
    /// Converts (never: `T: UnsupportedGetterField` does not hold).
    fn field_to_ptr(&self, py: Python<'_>, value: &T) -> PyResult<*mut ffi::PyObject>
    where
        T: UnsupportedGetterField;
}

impl<T> FieldUnsupported<T> for FieldProbe<T> {
    fn field_to_ptr(&self, py: Python<'_>, value: &T) -> PyResult<*mut ffi::PyObject>
    where
        T: UnsupportedGetterField,
    {
        value.convert(py)
    }
}

/// The value given to a setter; deleting is an `AttributeError`.
///
/// # Safety
/// `value` must be NULL or a valid object pointer alive for `'a`.
#[inline]
pub unsafe fn setter_value<'a, 'py>(
    py: Python<'py>,
    value: *mut ffi::PyObject,
) -> PyResult<Borrowed<'a, 'py, PyAny>> {
    if value.is_null() {
        // PyO3's wording for deleting a property that has a setter but no deleter.
        Err(PyAttributeError::new_err("property has no deleter"))
    } else {
        Ok(unsafe { Borrowed::from_ptr(py, value) })
    }
}

/// Extracts a setter value.
#[inline]
pub fn extract_value<'py, T: FromPyObjectOwned<'py>>(
    value: Borrowed<'_, 'py, PyAny>,
) -> PyResult<T> {
    T::extract(value).map_err(Into::into)
}

/// Extracts the other operand of a binary operator; `None` means "return `NotImplemented`".
#[inline]
pub fn extract_operand<'a, 'py, T: crate::FromPyObject<'a, 'py>>(
    py: Python<'py>,
    slot: &'a *mut ffi::PyObject,
) -> Option<T> {
    let obj = unsafe { Borrowed::from_ptr(py, *slot) };
    T::extract(obj).ok()
}

/// A `&T` operand of a binary operator, for a `#[pyclass]` `T`, borrowed through `holder`:
/// `None` (the slot then returns `NotImplemented`) when it is not a `T` or cannot be borrowed.
/// The operand is an argument of the slot call, alive for the call, so the guard holds no
/// reference of its own; a mismatch creates no exception object.
#[inline]
pub fn pyclass_ref_operand<'h, 'a: 'h, T: crate::PyClass>(
    py: Python<'_>,
    slot: &'a *mut ffi::PyObject,
    holder: &'h mut Option<crate::impl_::pyclass::SlfRef<'a, T>>,
) -> Option<&'h T> {
    // SAFETY: a live object for the call (`'a`).
    let r = unsafe { crate::impl_::pyclass::SlfRef::<T>::try_operand(py, *slot) }?;
    Some(&*holder.insert(r))
}

/// A `&mut T` operand of a binary operator, for a `#[pyclass]` `T` (see [`pyclass_ref_operand`]).
#[inline]
pub fn pyclass_ref_mut_operand<
    'h,
    'a: 'h,
    T: crate::PyClass<Frozen = crate::pyclass::boolean_struct::False>,
>(
    py: Python<'_>,
    slot: &'a *mut ffi::PyObject,
    holder: &'h mut Option<crate::impl_::pyclass::SlfMut<'a, T>>,
) -> Option<&'h mut T> {
    // SAFETY: a live object for the call (`'a`).
    let r = unsafe { crate::impl_::pyclass::SlfMut::<T>::try_operand(py, *slot) }?;
    Some(&mut *holder.insert(r))
}

/// An optional operand (the modulo of `__pow__`): `None` when absent (NULL) or Python's `None`.
///
/// # Safety
/// `ptr` must be NULL or a valid object pointer alive for `'a`.
#[inline]
pub unsafe fn optional_operand<'a, 'py>(
    py: Python<'py>,
    ptr: *mut ffi::PyObject,
) -> Option<Borrowed<'a, 'py, PyAny>> {
    if ptr.is_null() || ptr == unsafe { ffi::Py_None() } {
        None
    } else {
        // SAFETY: a non-NULL argument of a slot call, alive for the call.
        Some(unsafe { Borrowed::from_ptr(py, ptr) })
    }
}

/// The operator of a `tp_richcompare` call.
#[inline]
pub fn compare_op(op: c_int) -> PyResult<CompareOp> {
    CompareOp::from_raw(op)
        .ok_or_else(|| crate::exceptions::PySystemError::new_err("invalid comparison operator"))
}

/// `#[pyclass(eq)]`: `==` / `!=` with `PartialEq`, `NotImplemented` otherwise.
/// # Safety
/// `other` must be a valid object pointer.
pub unsafe fn richcmp_eq<T: PyClass + PartialEq>(
    py: Python<'_>,
    slf: &T,
    other: *mut ffi::PyObject,
    op: CompareOp,
) -> PyResult<*mut ffi::PyObject> {
    let other_ref = match unsafe { crate::impl_::pyclass::is_instance::<T>(py, other) } {
        true => unsafe { super::pyclass_slots::pyref::<T>(py, other)? },
        false => return Ok(crate::impl_::pyclass::not_implemented(py)),
    };
    let r = match op {
        CompareOp::Eq => *slf == *other_ref,
        CompareOp::Ne => *slf != *other_ref,
        _ => return Ok(crate::impl_::pyclass::not_implemented(py)),
    };
    Ok(bool_ptr(r))
}

/// `#[pyclass(ord)]`: all comparisons with `PartialOrd`.
/// # Safety
/// `other` must be a valid object pointer.
pub unsafe fn richcmp_ord<T: PyClass + PartialOrd>(
    py: Python<'_>,
    slf: &T,
    other: *mut ffi::PyObject,
    op: CompareOp,
) -> PyResult<*mut ffi::PyObject> {
    if !unsafe { crate::impl_::pyclass::is_instance::<T>(py, other) } {
        return Ok(crate::impl_::pyclass::not_implemented(py));
    }
    let other_ref = unsafe { pyref::<T>(py, other)? };
    let r = match op {
        CompareOp::Eq => *slf == *other_ref,
        CompareOp::Ne => *slf != *other_ref,
        CompareOp::Lt => *slf < *other_ref,
        CompareOp::Le => *slf <= *other_ref,
        CompareOp::Gt => *slf > *other_ref,
        CompareOp::Ge => *slf >= *other_ref,
    };
    Ok(bool_ptr(r))
}

/// Equality of fieldless enum values (by variant).
/// # Safety
/// `other` must be a valid object pointer.
pub unsafe fn richcmp_enum<T: PyClass>(
    py: Python<'_>,
    slf: &T,
    other: *mut ffi::PyObject,
    op: CompareOp,
) -> PyResult<*mut ffi::PyObject> {
    if !unsafe { crate::impl_::pyclass::is_instance::<T>(py, other) } {
        return Ok(crate::impl_::pyclass::not_implemented(py));
    }
    let other_ref = unsafe { pyref::<T>(py, other)? };
    let same = std::mem::discriminant(slf) == std::mem::discriminant(&*other_ref);
    match op {
        CompareOp::Eq => Ok(bool_ptr(same)),
        CompareOp::Ne => Ok(bool_ptr(!same)),
        _ => Ok(crate::impl_::pyclass::not_implemented(py)),
    }
}

/// `eq_int`: a simple enum's discriminant against a non-instance `other` that extracts as the
/// discriminant's type (an `int` in its range, or an object with `__index__`): `==` / `!=`,
/// and with `ord` the orderings too. Anything else gives `NotImplemented` (so a float, or an
/// int out of range, compares by identity for `==` and raises `TypeError` for `<`).
///
/// # Safety
/// `other` must be a valid object pointer.
pub unsafe fn richcmp_int<I>(
    py: Python<'_>,
    discriminant: I,
    other: *mut ffi::PyObject,
    op: CompareOp,
    ord: bool,
) -> PyResult<*mut ffi::PyObject>
where
    I: for<'a, 'py> crate::FromPyObject<'a, 'py> + Ord,
{
    if !(ord || matches!(op, CompareOp::Eq | CompareOp::Ne)) {
        return Ok(crate::impl_::pyclass::not_implemented(py));
    }
    // SAFETY: the caller passes a valid object, borrowed for this call.
    let other = unsafe { crate::Borrowed::from_ptr(py, other) };
    match other.extract::<I>() {
        Ok(value) => Ok(bool_ptr(op.matches(discriminant.cmp(&value)))),
        Err(_) => Ok(crate::impl_::pyclass::not_implemented(py)),
    }
}

/// A new reference to `True` / `False`.
#[inline]
pub fn bool_ptr(b: bool) -> *mut ffi::PyObject {
    unsafe {
        let p = if b { ffi::Py_True() } else { ffi::Py_False() };
        ffi::Py_IncRef(p);
        p
    }
}

/// `#[pyclass(hash)]`: the Rust `Hash` of the value.
pub fn hash_of<T: std::hash::Hash>(value: &T) -> ffi::Py_hash_t {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    fix_hash(h.finish() as ffi::Py_hash_t)
}

/// `-1` is reserved for errors in `tp_hash`.
#[inline]
pub fn fix_hash(h: ffi::Py_hash_t) -> ffi::Py_hash_t {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Converts what `__hash__` returns.
#[diagnostic::on_unimplemented(
    message = "`__hash__` must return an integer (`u64`, `isize`, ...) or a `PyResult` of one, not `{Self}`"
)]
pub trait HashOutput {
    /// The hash.
    fn into_hash(self) -> PyResult<ffi::Py_hash_t>;
}

macro_rules! hash_output_int {
    ($($t:ty),*) => {$(
        impl HashOutput for $t {
            #[inline]
            fn into_hash(self) -> PyResult<ffi::Py_hash_t> {
                Ok(fix_hash(self as ffi::Py_hash_t))
            }
        }
    )*};
}
hash_output_int!(u64, i64, isize, usize, u32, i32, u16, i16, u8, i8);

impl<T: HashOutput, E: Into<PyErr>> HashOutput for Result<T, E> {
    fn into_hash(self) -> PyResult<ffi::Py_hash_t> {
        self.map_err(Into::into)?.into_hash()
    }
}

/// Converts what `__len__` returns.
pub fn len_output(n: usize) -> PyResult<ffi::Py_ssize_t> {
    if n > ffi::Py_ssize_t::MAX as usize {
        // An `OverflowError` without a message, as PyO3 raises here.
        Err(crate::exceptions::PyOverflowError::new_err(()))
    } else {
        Ok(n as ffi::Py_ssize_t)
    }
}

/// Converts what `__len__` returns (`usize` or a `Result` of it).
pub trait LenOutput {
    /// The length.
    fn into_len(self) -> PyResult<ffi::Py_ssize_t>;
}

impl LenOutput for usize {
    fn into_len(self) -> PyResult<ffi::Py_ssize_t> {
        len_output(self)
    }
}

impl<E: Into<PyErr>> LenOutput for Result<usize, E> {
    fn into_len(self) -> PyResult<ffi::Py_ssize_t> {
        len_output(self.map_err(Into::into)?)
    }
}

/// Converts what `__bool__` / `__contains__` return.
pub trait BoolOutput {
    /// The truth value as a C int.
    fn into_c_bool(self) -> PyResult<c_int>;
}

impl BoolOutput for bool {
    fn into_c_bool(self) -> PyResult<c_int> {
        Ok(self as c_int)
    }
}

impl<E: Into<PyErr>> BoolOutput for Result<bool, E> {
    fn into_c_bool(self) -> PyResult<c_int> {
        Ok(self.map_err(Into::into)? as c_int)
    }
}

/// Converts what a setter-like method (`__setitem__`, `__delitem__`, `__clear__`...) returns.
pub trait UnitOutput {
    /// `0`, or the error.
    fn into_c_unit(self) -> PyResult<c_int>;
}

impl UnitOutput for () {
    fn into_c_unit(self) -> PyResult<c_int> {
        Ok(0)
    }
}

impl<E: Into<PyErr>> UnitOutput for Result<(), E> {
    fn into_c_unit(self) -> PyResult<c_int> {
        self.map_err(Into::into)?;
        Ok(0)
    }
}

/// The result of `__getbuffer__`: on error, `view->obj` is released and cleared, as the
/// buffer protocol requires of a failing `bf_getbuffer`.
///
/// # Safety
/// `view` must be the `Py_buffer` passed to the slot.
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub unsafe fn getbuffer_result(
    result: PyResult<c_int>,
    view: *mut ffi::Py_buffer,
) -> PyResult<c_int> {
    if result.is_err() && !view.is_null() {
        unsafe {
            let obj = std::mem::replace(&mut (*view).obj, std::ptr::null_mut());
            if !obj.is_null() {
                ffi::Py_DecRef(obj);
            }
        }
    }
    result
}

/// Runs `__releasebuffer__` (`bf_releasebuffer` cannot fail): its errors and panics are
/// reported through `sys.unraisablehook` with the object.
///
/// # Safety
/// Only from the slot, attached, with `slf` the live object.
pub unsafe fn releasebuffer_trampoline<F>(body: F, slf: *mut ffi::PyObject)
where
    F: for<'py> FnOnce(Python<'py>) -> PyResult<()> + std::panic::UnwindSafe,
{
    let _guard = unsafe { crate::internal::state::TrampolineGuard::assume() };
    let py = unsafe { Python::assume_attached() };
    match std::panic::catch_unwind(move || body(py)) {
        Ok(Ok(())) => {}
        Ok(Err(e)) => unsafe { crate::impl_::trampoline::write_unraisable_err(py, e, slf) },
        Err(p) => unsafe { crate::impl_::trampoline::write_unraisable_panic(py, p, slf) },
    }
}

/// `__next__` returning `Option<T>`: `None` ends the iteration (NULL without error).
pub fn iternext_option<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    value: Option<T>,
) -> PyResult<*mut ffi::PyObject> {
    match value {
        Some(v) => crate::impl_::pyfunction::IntoPyResultPtr::into_result_ptr(v, py),
        None => Ok(std::ptr::null_mut()),
    }
}

/// The error of `__getattribute__` without `__getattr__`: an `AttributeError` is replaced by
/// `AttributeError(name)`, what the default `__getattr__` raises; other errors are kept.
///
/// # Safety
/// `name` must be a valid object pointer.
pub unsafe fn default_getattr_error(py: Python<'_>, err: PyErr, name: *mut ffi::PyObject) -> PyErr {
    if err.is_instance_of::<PyAttributeError>(py) {
        let name = unsafe { Borrowed::from_ptr(py, name) };
        PyAttributeError::new_err(name.to_owned().unbind())
    } else {
        err
    }
}

/// `__anext__` returning `Option<T>`: `None` raises `StopAsyncIteration`.
pub fn anext_option<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    value: Option<T>,
) -> PyResult<*mut ffi::PyObject> {
    match value {
        Some(v) => crate::impl_::pyfunction::IntoPyResultPtr::into_result_ptr(v, py),
        None => Err(crate::exceptions::PyStopAsyncIteration::new_err(())),
    }
}

/// `__next__` returning `Result<Option<T>, E>`.
pub fn iternext_result_option<'py, T: IntoPyObject<'py>, E: Into<PyErr>>(
    py: Python<'py>,
    value: Result<Option<T>, E>,
) -> PyResult<*mut ffi::PyObject> {
    iternext_option(py, value.map_err(Into::into)?)
}

/// The error of the `tp_setattro` half a class does not define (`what`: "set" / "delete").
#[cold]
pub fn unsupported_attr_op(what: &str) -> PyErr {
    PyAttributeError::new_err(format!("can't {what} attribute"))
}

/// The error of the `mp_ass_subscript` half a class does not define (`what`: "set" /
/// "delete").
#[cold]
pub fn unsupported_item_op(what: &str) -> PyErr {
    crate::exceptions::PyNotImplementedError::new_err(format!("can't {what} item"))
}

/// The PyVisit given to `__traverse__`.
pub use crate::pyclass_gc::{PyTraverseError, PyVisit};
