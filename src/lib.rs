//! Rust bindings to the Python interpreter.
pub use pyo3_ffi as ffi;
