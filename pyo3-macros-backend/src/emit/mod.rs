//! Code generation from the models.

pub mod buffer_slots;
pub mod complex_enum;
pub mod frompyobject;
pub mod intopyobject;
pub mod method_parts;
pub mod pyclass;
pub mod pyclass_gc;
pub mod pyfunction;
pub mod pymethods;
pub mod pymodule;
