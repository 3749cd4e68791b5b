//! Context variables (`contextvars`).
//!
//! `context.h` only holds declarations outside the limited API; they are in
//! `cpython/context.rs` so that they follow the crate's `Py_LIMITED_API` gating.
