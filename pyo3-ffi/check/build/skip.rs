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
        "PyBytesWriter",
        "compat emulation of the 3.15 API below 3.15 (C's PyBytesWriter is opaque and 3.15+)",
    ),
    (
        "PyObjectObRefcnt",
        "names C's anonymous refcount union of the 3.12+ object header (checked as PyObject.ob_refcnt)",
    ),
    (
        "PyObjectObFlagsAndRefcnt",
        "names C's anonymous struct inside the 3.14+ refcount union (no C type name to measure; \
         the union's size is checked as PyObject.ob_refcnt)",
    ),
];

/// Reason for skipping `name`, if it is in the list.
pub fn skip_reason(name: &str) -> Option<&'static str> {
    SKIP.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}

/// Fields that pyo3-ffi names differently from C (beyond `type_`/`r#type` keyword escapes):
/// (Rust type, Rust field, C member candidates). The candidates are tried in order; the first
/// that the headers define is measured.
pub const FIELD_RENAMES: &[(&str, &str, &[&str])] = &[
    // `type` is a Rust keyword; PyO3's public API calls the field `type_code`.
    ("PyMemberDef", "type_code", &["type"]),
    // The Rust field is the whole refcount word. From 3.14 (64-bit) C's anonymous union names
    // that word `ob_refcnt_full` and `ob_refcnt` is only its low 32 bits; before 3.14 (and on
    // 32-bit targets) `ob_refcnt` is the whole word.
    ("PyObject", "ob_refcnt", &["ob_refcnt_full", "ob_refcnt"]),
];

/// The C member name candidates for a renamed field, if it is in the list.
pub fn renamed_field(ty: &str, field: &str) -> Option<&'static [&'static str]> {
    FIELD_RENAMES
        .iter()
        .find(|(t, f, _)| *t == ty && *f == field)
        .map(|(_, _, c)| *c)
}

/// Signature differences from the C headers that are deliberate and ABI-neutral:
/// (symbol, reason). Still printed by the signature test.
pub const SIG_ACCEPTED: &[(&str, &str)] = &[
    (
        "_Py_FalseStruct",
        "private static typed PyObject (C: PyLongObject); only its address is used",
    ),
    (
        "_Py_TrueStruct",
        "private static typed PyObject (C: PyLongObject); only its address is used",
    ),
];

/// Reason a signature difference of `name` is accepted, if it is listed.
pub fn sig_accepted(name: &str) -> Option<&'static str> {
    SIG_ACCEPTED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, r)| *r)
}
