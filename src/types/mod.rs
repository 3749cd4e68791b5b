//! Rust types for Python's builtin types, and the method traits that `Bound<'py, T>` gets for
//! each (e.g. [`PyAnyMethods`] for every object, [`PyDictMethods`] for dicts).
//!
//! # Adding a builtin type
//!
//! A native type is a `#[repr(transparent)]` wrapper of [`PyAny`] plus the declaration macros
//! of `native_macros` for its type information (and, where the C struct of its instances is
//! known, its layout):
//!
//! ```text
//! #[repr(transparent)]
//! pub struct PyList(PyAny);
//! pyobject_native_type_core!(PyList, pyobject_native_static_type_object!(ffi::PyList_Type),
//!     #checkfunction = ffi::PyList_Check);
//! ```
//!
//! Methods go in a `PyListMethods<'py>` trait implemented for `Bound<'py, PyList>`.

mod any;
mod boolobject;
mod bytearray;
pub mod bytes;
mod bytes_writer;
pub mod capsule;
pub mod code;
mod complex;
pub mod context;
pub mod datetime;
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
mod datetime_access;
pub mod dict;
mod ellipsis;
mod float;
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod frame;
pub mod frozenset;
mod function;
mod genericalias;
mod int;
pub mod iterator;
pub mod list;
pub mod mapping;
pub mod mappingproxy;
mod memoryview;
mod module;
mod native_macros;
mod none;
mod notimplemented;
mod pysuper;
mod range;
pub(crate) mod sequence;
pub mod set;
pub mod slice;
pub mod string;
mod traceback;
pub mod tuple;
mod typeobject;
pub mod weakref;

pub use any::{PyAny, PyAnyMethods};
pub use boolobject::{PyBool, PyBoolMethods};
pub use bytearray::{PyByteArray, PyByteArrayMethods};
pub use bytes::{PyBytes, PyBytesMethods};
pub use capsule::{PyCapsule, PyCapsuleMethods};
pub use code::{PyCode, PyCodeInput, PyCodeMethods};
pub use complex::{PyComplex, PyComplexMethods};
pub use context::{
    PyContext, PyContextMethods, PyContextToken, PyContextTokenMethods, PyContextVar,
    PyContextVarMethods,
};
pub use datetime::{
    timezone_utc, PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyTime, PyTimeAccess,
    PyTzInfo, PyTzInfoAccess,
};
pub use ellipsis::PyEllipsis;
pub use float::{PyFloat, PyFloatMethods};
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub use frame::{PyFrame, PyFrameMethods};
pub use function::PyCFunction;
#[cfg(not(PyPy))]
pub use function::PyFunction;
pub use genericalias::PyGenericAlias;
pub use int::PyInt;
pub use iterator::PyIterator;
#[cfg(all(not(PyPy), Py_3_10))]
pub use iterator::PySendResult;
pub use list::{BoundListIterator, PyList, PyListMethods};
pub use memoryview::PyMemoryView;
/// Deprecated alias for [`capsule::CapsuleName`].
#[deprecated(since = "0.30.0", note = "moved to pyo3::types::capsule::CapsuleName")]
pub type CapsuleName = capsule::CapsuleName;
pub use dict::{IntoPyDict, PyDict, PyDictMethods};
#[cfg(not(any(PyPy, GraalPy)))]
pub use dict::{PyDictItems, PyDictKeys, PyDictValues};
pub use frozenset::{PyFrozenSet, PyFrozenSetBuilder, PyFrozenSetMethods};
pub use mapping::{PyMapping, PyMappingMethods};
pub use mappingproxy::{PyMappingProxy, PyMappingProxyMethods};
pub use module::{PyModule, PyModuleMethods};
pub use none::PyNone;
pub use notimplemented::PyNotImplemented;
pub use pysuper::PySuper;
pub use range::{PyRange, PyRangeMethods};
pub use sequence::{PySequence, PySequenceMethods};
pub use set::{PySet, PySetMethods};
pub use slice::{PySlice, PySliceIndices, PySliceMethods};
#[cfg(not(any(Py_LIMITED_API, GraalPy, PyPy)))]
pub use string::PyStringData;
pub use string::{PyString, PyStringMethods};
pub use traceback::{PyTraceback, PyTracebackMethods};
pub use tuple::{BorrowedTupleIterator, BoundTupleIterator, PyTuple, PyTupleMethods};
pub use typeobject::{PyType, PyTypeMethods};
pub use weakref::{PyWeakref, PyWeakrefMethods, PyWeakrefProxy, PyWeakrefReference};

pub use crate::exceptions::PyBaseException;

/// Iteration over Python collections.
///
/// Iterating over a collection directly is cheaper than converting it to a Rust collection
/// first:
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyDict;
///
/// Python::attach(|py| -> PyResult<()> {
///     let dict = py.eval(c"{'a': 'b', 'c': 'd'}", None, None)?.cast_into::<PyDict>()?;
///     for (key, value) in &dict {
///         println!("{key} = {value}");
///     }
///     Ok(())
/// })
/// # .unwrap();
/// ```
///
/// The iterators panic if they detect that the collection is changed while it is iterated.
pub mod iter {
    pub use super::dict::BoundDictIterator;
    pub use super::frozenset::BoundFrozenSetIterator;
    pub use super::list::BoundListIterator;
    pub use super::set::BoundSetIterator;
    pub use super::tuple::{BorrowedTupleIterator, BoundTupleIterator};
}

/// Marker for types whose `Bound<'py, Self>` dereferences to `Bound<'py, PyAny>` (all native
/// types except `PyAny` itself).
pub trait DerefToPyAny {}
