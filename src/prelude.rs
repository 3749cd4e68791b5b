//! The commonly used items: `use pyo3::prelude::*;`.

pub use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject};
pub use crate::err::{PyErr, PyResult};
pub use crate::instance::{Borrowed, Bound, Py};
pub use crate::marker::Python;
pub use crate::types::{
    PyAny, PyAnyMethods, PyBoolMethods, PyCapsuleMethods, PyDictMethods, PyFrozenSetMethods,
    PyMappingMethods, PyMappingProxyMethods, PyModule, PyModuleMethods, PySetMethods,
    PyStringMethods, PyTracebackMethods, PyTupleMethods, PyTypeMethods, PyWeakrefMethods,
};
