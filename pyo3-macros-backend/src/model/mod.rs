//! Typed models built from the parsed syntax; emitters only ever read these.

pub mod derive;
pub mod function;
pub mod method_checks;
pub mod module;
pub mod pyclass;
pub mod pymethods;
