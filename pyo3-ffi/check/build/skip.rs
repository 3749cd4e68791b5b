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
        "_anon_union_32b",
        "names C's first anonymous union of PySlot (checked as PySlot.anon1)",
    ),
    (
        "_anon_union_64b",
        "names C's value union of PySlot (checked as PySlot.anon2)",
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
    // C's anonymous unions of `PySlot` (3.15): measured through their first member.
    ("PySlot", "anon1", &["sl_reserved"]),
    ("PySlot", "anon2", &["sl_ptr"]),
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
    // PyPy's generated declarations (`pypy_decl.h`) type some pointers loosely (`void *`,
    // `PyObject *` for a type or `PyObject **`): the same pointer in every ABI, so the Rust
    // side keeps CPython's precise types.
    ("PyPyBytes_AS_STRING", "PyPy declares the object as void *"),
    ("PyPyList_GET_SIZE", "PyPy declares the object as void *"),
    ("PyPyList_GET_ITEM", "PyPy declares the object as void *"),
    ("PyPyList_SET_ITEM", "PyPy declares the object as void *"),
    ("PyPySet_GET_SIZE", "PyPy declares the object as void *"),
    (
        "PyPyWeakref_GET_OBJECT",
        "PyPy declares the object as void *",
    ),
    (
        "PyPyCMethod_New",
        "PyPy declares the defining class as PyObject *",
    ),
    (
        "_PyPyLong_AsByteArrayO",
        "PyPy declares the int as PyObject *",
    ),
    (
        "PyPyUnicode_FSConverter",
        "PyPy declares the result slot as PyObject **, CPython void *",
    ),
    (
        "PyPyUnicode_FSDecoder",
        "PyPy declares the result slot as PyObject **, CPython void *",
    ),
    // Integer types of one size on LP64 (the targets PyPy is packaged for here).
    (
        "PyPyLong_FromLongLong",
        "PyPy declares long (64 bits on LP64) for long long",
    ),
    (
        "PyPyThread_start_new_thread",
        "PyPy returns long, CPython unsigned long (same size)",
    ),
    (
        "PyPyThread_get_thread_ident",
        "PyPy returns long, CPython unsigned long (same size)",
    ),
    // Argument and return value that do not matter for the call.
    (
        "PyPyErr_WarnEx",
        "PyPy takes the stack level as int: the Py_ssize_t argument's low half is what it reads",
    ),
    (
        "PyPyThread_exit_thread",
        "PyPy's declaration returns a PyObject *; the function does not return",
    ),
];

/// Reason a signature difference of `name` is accepted, if it is listed.
pub fn sig_accepted(name: &str) -> Option<&'static str> {
    SIG_ACCEPTED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, r)| *r)
}
