//! Support code for PyO3's macros. Not public API: may change at any time.

pub mod extract_argument;
pub mod frompyobject;
pub mod intopyobject;
pub mod pyfunction;
pub mod pymodule;
