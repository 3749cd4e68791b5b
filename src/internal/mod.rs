//! Crate-internal helpers (not public API).

pub(crate) mod ptr_ext;
pub(crate) mod state;
