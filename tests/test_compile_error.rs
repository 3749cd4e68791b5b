//! Misuse of the macros must fail to compile with a clear error on the offending token.
#![cfg(feature = "macros")]

#[test]
#[cfg_attr(any(Py_LIMITED_API, Py_GIL_DISABLED), ignore)]
fn test_compile_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/invalid_*.rs");
}
