//! The names the macros' generated code uses most, under one short path.
//!
//! Each generated block imports this module once (`use ::pyo3::impl_::glue as __p;`) and
//! then writes `__p::Name` instead of `::pyo3::impl_::<module>::Name` or
//! `::core::option::Option::Some`: the same items, in far fewer tokens of expanded code
//! (which the compiler parses, resolves and type-checks per use). Code emitted where no
//! such import is in scope spells `::pyo3::impl_::glue::Name` instead.

// Everything of the support modules (a name in two of them is ambiguous here unless listed
// explicitly below; explicit imports take precedence over these globs).
pub use crate::impl_::extract_argument::*;
pub use crate::impl_::pyclass::*;
pub use crate::impl_::pyclass_slots::*;
pub use crate::impl_::pyfunction::*;
pub use crate::impl_::trampoline::*;

pub use crate::ffi::{self, PyObject};
pub use crate::impl_::extract_argument::{
    extract_argument, extract_bound_ref, extract_optional_bound_ref, extract_optional_pyclass_ref,
    extract_optional_pyclass_ref_mut, extract_optional_str, extract_pyclass_ref,
    extract_pyclass_ref_mut, extract_str, from_py_with, kwargs_ptr, kwargs_ptr_or_empty,
    varargs_ptr, FunctionDescription, InternedNames, KeywordOnlyParameterDescription,
    OptionDefault, RawArgs, StrHolder,
};
pub use crate::impl_::pyclass::{
    into_new_object, not_implemented, LazyTypeObject, NewResult, NewViaInitializer, NewViaObject,
    PyClassImpl, PyClassImplCollector, PyClassItems, PyMethodDefType, PyMethods, PySlot, SlfMut,
    SlfRef,
};
pub use crate::impl_::pyclass_slots::{compare_op, setter_value, LenOutput, UnitOutput};
pub use crate::impl_::pyfunction::{
    init_trampoline, none_ptr, unit_ptr, unit_result_ptr, varargs_trampoline, IntoPyResultPtr,
    PyFunctionDef,
};
pub use crate::impl_::pymodule::{module_init_result, ModuleDef, ModuleDefRef, ModuleInitializer};
pub use crate::impl_::trampoline::trampoline;
pub use crate::pyclass::{boolean_struct, CompareOp};
pub use crate::type_object::PyTypeInfo;
pub use crate::types::{DerefToPyAny, PyModule};
pub use crate::{Bound, IntoPyObject, Py, PyAny, PyClass, PyErr, PyResult, Python};
pub use core::ffi::{c_int, c_void};
pub use core::marker::{Send, Sync};
pub use core::option::Option::{self, None, Some};
pub use core::ptr::null_mut;
pub use core::result::Result::{self, Ok};

/// The initial value of an argument output slot (no argument given).
pub const NULL: *mut PyObject = core::ptr::null_mut();

/// The initial value of a function's `static` of interned parameter names (one `static` per
/// function, each a fresh empty cell: the only use of this constant).
#[allow(clippy::declare_interior_mutable_const)]
pub const NEW_NAMES: InternedNames = InternedNames::new();
