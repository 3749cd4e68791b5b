//! [`PyGenericAlias`]: `types.GenericAlias`, the objects of subscripted classes such as
//! `list[int]`.

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Bound, PyResult, Python};

/// A `types.GenericAlias` object, such as `list[int]` or `dict[str, float]`.
#[repr(transparent)]
pub struct PyGenericAlias(PyAny);

crate::pyobject_native_type_core!(
    PyGenericAlias,
    crate::pyobject_native_static_type_object!(ffi::Py_GenericAliasType),
    #module = ::std::option::Option::Some("types")
);

impl PyGenericAlias {
    /// `types.GenericAlias(origin, args)`: `origin` subscripted with `args` (a tuple for
    /// several parameters, any object for one).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyGenericAlias, PyList, PyInt};
    /// Python::attach(|py| -> PyResult<()> {
    ///     let list_of_int = PyGenericAlias::new(py, &py.get_type::<PyList>(), &py.get_type::<PyInt>())?;
    ///     assert_eq!(list_of_int.repr()?.to_string(), "list[int]");
    ///     Ok(())
    /// })
    /// # .unwrap();
    /// ```
    pub fn new<'py>(
        py: Python<'py>,
        origin: &Bound<'py, PyAny>,
        args: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyGenericAlias>> {
        // SAFETY: attached; valid objects; returns a new reference or NULL with an error set.
        unsafe {
            ffi::Py_GenericAlias(origin.as_ptr(), args.as_ptr())
                .assume_owned_or_err(py)
                .map(|alias| alias.cast_into_unchecked())
        }
    }
}
