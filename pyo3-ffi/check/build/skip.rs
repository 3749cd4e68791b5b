//! Rust-only helper types of pyo3-ffi that have no C counterpart, with the reason.
//! Everything listed here is still reported (as skipped) by the layout test.

/// (Rust type name, reason it has no C layout to compare with)
pub const SKIP: &[(&str, &str)] = &[];

/// Reason for skipping `name`, if it is in the list.
pub fn skip_reason(name: &str) -> Option<&'static str> {
    SKIP.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}
