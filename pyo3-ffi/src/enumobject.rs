//! `enumerate` and `reversed`: declarations from `Include/enumobject.h`.

use crate::PyTypeObject;

extern "C" {
    /// The `enumerate` type object.
    #[cfg(not(PyPy))]
    pub static mut PyEnum_Type: PyTypeObject;
    /// The `reversed` type object.
    #[cfg_attr(PyPy, link_name = "PyPyReversed_Type")]
    pub static mut PyReversed_Type: PyTypeObject;
}
