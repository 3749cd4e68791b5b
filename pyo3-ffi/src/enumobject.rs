//! `enumerate` and `reversed`: declarations from `Include/enumobject.h`.

use crate::PyTypeObject;

extern "C" {
    /// The `enumerate` type object.
    pub static mut PyEnum_Type: PyTypeObject;
    /// The `reversed` type object.
    pub static mut PyReversed_Type: PyTypeObject;
}
