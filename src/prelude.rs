//! The commonly used items: `use pyo3::prelude::*;`.

pub use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject};
pub use crate::err::{PyErr, PyResult};
pub use crate::instance::{Borrowed, Bound, Py};
#[cfg(feature = "macros")]
pub use crate::macros_reexport::{
    pyfunction, pymodule, FromPyObject, IntoPyObject, IntoPyObjectRef,
};
pub use crate::marker::Python;
pub use crate::types::{
    PyAny, PyAnyMethods, PyBoolMethods, PyDictMethods, PyModule, PyModuleMethods, PyStringMethods,
    PyTracebackMethods, PyTupleMethods, PyTypeMethods,
};
#[cfg(feature = "macros")]
pub use crate::wrap_pyfunction;
