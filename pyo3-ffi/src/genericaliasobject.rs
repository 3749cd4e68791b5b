//! `types.GenericAlias`: declarations from `Include/genericaliasobject.h`.

use crate::{PyObject, PyTypeObject};

extern "C" {
    /// Create a `types.GenericAlias` (`origin[args]`).
    #[cfg_attr(PyPy, link_name = "PyPy_GenericAlias")]
    pub fn Py_GenericAlias(origin: *mut PyObject, args: *mut PyObject) -> *mut PyObject;
    /// The `types.GenericAlias` type object.
    #[cfg_attr(PyPy, link_name = "PyPy_GenericAliasType")]
    pub static mut Py_GenericAliasType: PyTypeObject;
}
