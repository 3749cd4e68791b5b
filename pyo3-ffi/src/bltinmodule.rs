//! Built-in iterator types from `Include/bltinmodule.h`.

use crate::PyTypeObject;

extern "C" {
    /// The `filter` type.
    #[cfg(not(PyPy))]
    pub static mut PyFilter_Type: PyTypeObject;
    /// The `map` type.
    #[cfg(not(PyPy))]
    pub static mut PyMap_Type: PyTypeObject;
    /// The `zip` type.
    #[cfg(not(PyPy))]
    pub static mut PyZip_Type: PyTypeObject;
}
