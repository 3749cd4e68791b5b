//! Misuse of the macros must fail to compile with a clear error on the offending token.
#![cfg(feature = "macros")]

// The expected messages are recorded for the full-API build; the limited API changes some
// spans and suggestions, so the ui tests run only there.
#[cfg(not(any(Py_LIMITED_API, Py_GIL_DISABLED)))]
#[test]
fn test_compile_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/invalid_*.rs");
    // `async fn` is an error without the feature, and has its own misuses with it.
    #[cfg(not(feature = "experimental-async"))]
    t.compile_fail("tests/ui/without_async/*.rs");
    #[cfg(feature = "experimental-async")]
    t.compile_fail("tests/ui/async/*.rs");
}
