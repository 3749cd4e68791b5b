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

/// Fields that pyo3-ffi names differently from C (beyond `type_`/`r#type` keyword escapes):
/// (Rust type, Rust field, C member).
pub const FIELD_RENAMES: &[(&str, &str, &str)] = &[
    // `type` is a Rust keyword; PyO3's public API calls the field `type_code`.
    ("PyMemberDef", "type_code", "type"),
];

/// The C member name for a renamed field, if it is in the list.
pub fn renamed_field(ty: &str, field: &str) -> Option<&'static str> {
    FIELD_RENAMES
        .iter()
        .find(|(t, f, _)| *t == ty && *f == field)
        .map(|(_, _, c)| *c)
}
