//! [`PyCFunction`]: built-in functions (`builtin_function_or_method`), such as the ones
//! `#[pyfunction]` and `wrap_pyfunction!` create.

use crate::ffi;
use crate::types::PyAny;

/// A built-in function object (`builtin_function_or_method`).
#[repr(transparent)]
pub struct PyCFunction(PyAny);

crate::pyobject_native_type!(
    PyCFunction,
    "builtins",
    "builtin_function_or_method",
    |_py| &raw mut ffi::PyCFunction_Type,
    #checkfunction = ffi::PyCFunction_Check
);
