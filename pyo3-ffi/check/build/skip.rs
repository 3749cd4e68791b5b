//! Rust-only helper types of pyo3-ffi that have no C counterpart, with the reason.
//! Everything listed here is still reported (as skipped) by the layout test.

/// (Rust type name, reason it has no C layout to compare with)
pub const SKIP: &[(&str, &str)] = &[
    (
        "PyMethodDefPointer",
        "Rust union of the method pointer types; C has a plain pointer (checked as PyMethodDef.ml_meth)",
    ),
    (
        "PyUnicodeObjectData",
        "names C's anonymous `data` union (checked as PyUnicodeObject.data)",
    ),
    (
        "PyObjectObRefcnt",
        "names C's anonymous refcount union of the 3.12+ object header (checked as PyObject.ob_refcnt)",
    ),
];

/// Reason for skipping `name`, if it is in the list.
pub fn skip_reason(name: &str) -> Option<&'static str> {
    SKIP.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}
