//! The commonly used items: `use pyo3::prelude::*;`.

pub use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject};
pub use crate::err::{PyErr, PyResult};
pub use crate::instance::{Borrowed, Bound, Py};
#[cfg(feature = "macros")]
pub use crate::macros_reexport::{
    pyclass, pyfunction, pymethods, pymodule, FromPyObject, IntoPyObject, IntoPyObjectRef,
};
pub use crate::marker::Python;
pub use crate::pycell::{PyRef, PyRefMut};
pub use crate::pyclass::PyClassInitializer;
pub use crate::pyclass_guard::{PyClassGuard, PyClassGuardMut};
// One item per line: parallel work adds lines here without conflicting.
pub use crate::types::PyAny;
pub use crate::types::PyAnyMethods;
pub use crate::types::PyBoolMethods;
pub use crate::types::PyByteArrayMethods;
pub use crate::types::PyBytesMethods;
pub use crate::types::PyCapsuleMethods;
pub use crate::types::PyComplexMethods;
pub use crate::types::PyDictMethods;
pub use crate::types::PyFloatMethods;
pub use crate::types::PyFrozenSetMethods;
pub use crate::types::PyListMethods;
pub use crate::types::PyMappingMethods;
pub use crate::types::PyMappingProxyMethods;
pub use crate::types::PyModule;
pub use crate::types::PyModuleMethods;
pub use crate::types::PyRangeMethods;
pub use crate::types::PySequenceMethods;
pub use crate::types::PySetMethods;
pub use crate::types::PySliceMethods;
pub use crate::types::PyStringMethods;
pub use crate::types::PyTracebackMethods;
pub use crate::types::PyTupleMethods;
pub use crate::types::PyTypeMethods;
pub use crate::types::PyWeakrefMethods;
#[cfg(feature = "macros")]
pub use crate::wrap_pyfunction;
