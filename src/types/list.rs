//! [`PyList`]: Python `list` objects (type information; methods come with the list work).

use crate::ffi;
use crate::types::PyAny;

/// A Python `list` object.
#[repr(transparent)]
pub struct PyList(PyAny);

crate::pyobject_native_type!(
    PyList,
    "builtins",
    "list",
    |_py| unsafe { &raw mut ffi::PyList_Type },
    #checkfunction = ffi::PyList_Check
);
