//! Misuse of the macros must fail to compile with a clear error on the offending token.
#![cfg(feature = "macros")]

// The expected messages are recorded for the full-API build; the limited API changes some
// spans and suggestions, so the ui tests run only there.
#[cfg(not(any(Py_LIMITED_API, Py_GIL_DISABLED)))]
#[test]
fn test_compile_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/invalid_*.rs");
}
