//! Built-in iterator types from `Include/bltinmodule.h`.

use crate::PyTypeObject;

extern "C" {
    /// The `filter` type.
    #[cfg_attr(PyPy, link_name = "PyPyFilter_Type")]
    pub static mut PyFilter_Type: PyTypeObject;
    /// The `map` type.
    #[cfg_attr(PyPy, link_name = "PyPyMap_Type")]
    pub static mut PyMap_Type: PyTypeObject;
    /// The `zip` type.
    #[cfg_attr(PyPy, link_name = "PyPyZip_Type")]
    pub static mut PyZip_Type: PyTypeObject;
}
