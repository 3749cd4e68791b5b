//! Code generation from the models.

pub mod frompyobject;
pub mod intopyobject;
pub mod pyfunction;
pub mod pymodule;
