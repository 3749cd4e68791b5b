//! Runtime support for complex `#[pyclass]` enums (enums with struct or tuple variants).
//!
//! The enum `E` is the base class; each variant `V` is a subclass `E.V` whose instances hold
//! the whole enum value in `E`'s level (the variant level itself is empty). Variant classes
//! read their fields from `E`'s level, so all the generated accessors go through the helpers
//! here.

use crate::exceptions::{PyIndexError, PyRuntimeError};
use crate::impl_::pyclass::PyClassBaseType;
use crate::pyclass::PyClass;
use crate::types::{PyAnyMethods, PyTuple};
use crate::{Bound, Py, PyAny, PyClassInitializer, PyErr, PyResult, Python};

/// Creates the Python object of `value`, as an instance of its variant class `V`.
pub fn into_variant_object<'py, E, V>(
    py: Python<'py>,
    value: E,
    variant: V,
) -> PyResult<Bound<'py, E>>
where
    E: PyClass + PyClassBaseType<Initializer = PyClassInitializer<E>>,
    V: PyClass<BaseType = E>,
    PyClassInitializer<E>: From<E>,
{
    let obj = PyClassInitializer::from(value)
        .add_subclass(variant)
        .create_class_object(py)?;
    // SAFETY: `V` is a subclass of `E`.
    Ok(unsafe { obj.into_any().cast_into_unchecked() })
}

/// The initializer a variant constructor (`E.V(...)`) returns.
pub fn variant_initializer<E, V>(value: E, variant: V) -> PyClassInitializer<V>
where
    E: PyClass + PyClassBaseType<Initializer = PyClassInitializer<E>>,
    V: PyClass<BaseType = E>,
    PyClassInitializer<E>: From<E>,
{
    PyClassInitializer::from(value).add_subclass(variant)
}

/// The class attribute `E.V`: the variant's type object, given its `__qualname__` `E.V`
/// (the default would be the bare variant name).
pub fn variant_class<V: PyClass>(py: Python<'_>, qualname: &str) -> PyResult<Py<PyAny>> {
    let ty = V::type_object(py);
    ty.setattr("__qualname__", qualname)?;
    Ok(ty.into_any().unbind())
}

/// The class attribute `__match_args__` of a variant class.
pub fn match_args(py: Python<'_>, names: &[&str]) -> PyResult<Py<PyAny>> {
    Ok(PyTuple::new(py, names)?.into_any().unbind())
}

/// The error of an accessor of variant `V` used on an object whose value was changed to
/// another variant (possible through `&mut self` methods of a non-frozen enum).
pub fn variant_mismatch(enum_name: &str, variant: &str) -> PyErr {
    PyRuntimeError::new_err(format!(
        "the value of this {enum_name}.{variant} object is no longer a {variant} variant"
    ))
}

/// `__getitem__` of a tuple variant with an index past its fields.
pub fn tuple_index_error() -> PyErr {
    PyIndexError::new_err("tuple index out of range")
}

/// `IntoPyObject` of a simple enum: the class attribute of the value's variant, so that
/// identity (`f() is E.A`) holds; a new object if the attribute was replaced.
pub fn enum_variant_object<T: PyClass>(
    py: Python<'_>,
    value: T,
    name: impl FnOnce(&T) -> &'static str,
) -> PyResult<Bound<'_, T>> {
    let attr = T::type_object(py).getattr(name(&value))?;
    match attr.cast_into::<T>() {
        Ok(obj) => Ok(obj),
        Err(_) => crate::impl_::pyclass::into_new_object(py, value),
    }
}
