//! Runtime helpers of `create_exception!` and `import_exception!`.

use std::ffi::CStr;

use crate::types::{PyAnyMethods, PyModule, PyTracebackMethods, PyType};
use crate::{Bound, Py, Python};

/// Creates the class for `create_exception!`; `name` and `doc` are NUL-terminated.
///
/// # Panics
/// If the class cannot be created.
pub fn new_exception_type(
    py: Python<'_>,
    name: &'static str,
    doc: &'static str,
    base: &Bound<'_, PyType>,
) -> Py<PyType> {
    let name = CStr::from_bytes_with_nul(name.as_bytes()).expect("exception name contains NUL");
    let doc = CStr::from_bytes_with_nul(doc.as_bytes()).expect("exception doc contains NUL");
    let doc = if doc.is_empty() { None } else { Some(doc) };
    crate::PyErr::new_type(py, name, doc, Some(base), None)
        .expect("failed to create the exception type")
}

/// Imports `module.name` for `import_exception!`.
///
/// # Panics
/// If the import fails or the attribute is not a type.
pub fn import_exception_type(py: Python<'_>, module: &str, name: &str) -> Py<PyType> {
    let imported = PyModule::import(py, module).and_then(|m| m.getattr(name));
    match imported {
        Ok(obj) => match obj.cast_into::<PyType>() {
            Ok(ty) => ty.unbind(),
            Err(_) => panic!("`{module}.{name}` is not a type"),
        },
        Err(err) => {
            let traceback = err
                .traceback(py)
                .and_then(|tb| tb.format().ok())
                .unwrap_or_default();
            panic!("failed to import the exception `{module}.{name}`: {err}\n{traceback}")
        }
    }
}
