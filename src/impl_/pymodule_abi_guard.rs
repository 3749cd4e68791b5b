//! Import-time check that a (non-abi3) extension module is loaded by the kind of CPython it was
//! compiled for.
//!
//! CPython's version-specific ABI differs between minor versions, between release and debug
//! builds, and between the GIL and free-threaded builds; the file-name tag
//! (`.cpython-312-x86_64-linux-gnu.so`) normally keeps a module away from the wrong interpreter,
//! but a renamed or hand-copied file (`mymod.so`), or a module loaded through
//! `append_to_inittab!` into another interpreter, gets past it and then misbehaves in ways that
//! are hard to trace back. `PyInit_<name>` runs this check before anything reads the module
//! definition, and raises `ImportError` with the way to fix the build instead.
//!
//! Only C function calls are made here (no reference counting, no struct field access), because
//! when the check fails the module's idea of the object layout may be wrong.

use std::ffi::{c_char, CStr};

use crate::ffi;

/// What an interpreter is, as far as the version-specific ABI is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AbiKind {
    pub minor: u32,
    /// `None` when the interpreter does not say (no `sys.abiflags` on Windows before 3.14).
    pub debug: Option<bool>,
    pub free_threaded: Option<bool>,
}

/// The kind this crate was compiled for (the build configuration's cfgs).
pub(crate) const fn built_for() -> AbiKind {
    AbiKind {
        minor: built_minor(),
        debug: Some(cfg!(py_sys_config = "Py_DEBUG")),
        free_threaded: Some(cfg!(Py_GIL_DISABLED)),
    }
}

const fn built_minor() -> u32 {
    // The highest `Py_3_N` cfg is the minor version of the configured interpreter.
    if cfg!(Py_3_20) {
        20
    } else if cfg!(Py_3_19) {
        19
    } else if cfg!(Py_3_18) {
        18
    } else if cfg!(Py_3_17) {
        17
    } else if cfg!(Py_3_16) {
        16
    } else if cfg!(Py_3_15) {
        15
    } else if cfg!(Py_3_14) {
        14
    } else if cfg!(Py_3_13) {
        13
    } else if cfg!(Py_3_12) {
        12
    } else if cfg!(Py_3_11) {
        11
    } else if cfg!(Py_3_10) {
        10
    } else {
        9
    }
}

fn describe(kind: &AbiKind, version: &str) -> String {
    let mut text = format!("CPython {version}");
    match (kind.debug, kind.free_threaded) {
        (Some(true), Some(true)) => text.push_str(" (free-threaded debug build)"),
        (Some(true), _) => text.push_str(" (debug build)"),
        (_, Some(true)) => text.push_str(" (free-threaded build)"),
        _ => {}
    }
    text
}

/// The `ImportError` message when `running` cannot load a module compiled for `built`; `None`
/// when they match (facts the interpreter does not report are not compared).
pub(crate) fn mismatch_message(
    built: &AbiKind,
    running: &AbiKind,
    version: &str,
) -> Option<String> {
    let differs = |a: Option<bool>, b: Option<bool>| matches!((a, b), (Some(x), Some(y)) if x != y);
    if built.minor == running.minor
        && !differs(built.debug, running.debug)
        && !differs(built.free_threaded, running.free_threaded)
    {
        return None;
    }
    Some(format!(
        "this extension module was compiled for {} but is being imported by {}: rebuild it \
         with the interpreter that imports it (run `maturin develop` or `pip install .` with \
         that interpreter's virtualenv active, or set PYO3_PYTHON to its path before \
         `cargo build`), or build it for the stable ABI with an `abi3-py3X` feature",
        describe(built, &format!("3.{}", built.minor)),
        describe(running, version),
    ))
}

/// The running interpreter's kind and its version text (`3.11.9`). Must be attached.
unsafe fn running() -> Option<(AbiKind, String)> {
    // SAFETY: `Py_GetVersion` returns a static NUL-terminated string, valid at any time.
    let full = unsafe { CStr::from_ptr(ffi::Py_GetVersion()) }
        .to_str()
        .ok()?;
    let version = full.split_whitespace().next()?.to_owned();
    let mut parts = version.split('.');
    let (major, minor) = (parts.next()?, parts.next()?);
    let minor: u32 = minor.parse().ok()?;
    if major != "3" {
        return None;
    }
    // SAFETY: attached; `abiflags` is a borrowed reference owned by the `sys` module.
    let abiflags = unsafe { sys_str(c"abiflags") };
    let kind = AbiKind {
        minor,
        debug: abiflags.as_ref().map(|f| f.contains('d')),
        free_threaded: abiflags.as_ref().map(|f| f.contains('t')),
    };
    Some((kind, version))
}

/// `sys.<name>` as a string, or `None` (with no exception left set) if it is missing.
unsafe fn sys_str(name: &CStr) -> Option<String> {
    unsafe {
        let obj = ffi::PySys_GetObject(name.as_ptr());
        if obj.is_null() {
            ffi::PyErr_Clear();
            return None;
        }
        let mut len: ffi::Py_ssize_t = 0;
        let data = ffi::PyUnicode_AsUTF8AndSize(obj, &mut len);
        if data.is_null() {
            ffi::PyErr_Clear();
            return None;
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), usize::try_from(len).ok()?);
        std::str::from_utf8(bytes).ok().map(str::to_owned)
    }
}

/// Sets `ImportError` and returns `false` if the running interpreter cannot use this module.
///
/// # Safety
/// Must be called attached to the interpreter (from `PyInit_<name>`).
pub(crate) unsafe fn check() -> bool {
    // SAFETY: attached (caller's contract).
    let Some((running, version)) = (unsafe { running() }) else {
        return true;
    };
    let Some(message) = mismatch_message(&built_for(), &running, &version) else {
        return true;
    };
    // An interior NUL cannot occur (the text is built from version digits and our own words),
    // but the fallback keeps this free of panics inside `extern "C"`.
    let message = std::ffi::CString::new(message).unwrap_or_default();
    // SAFETY: attached; `PyExc_ImportError` is an immortal static exception type.
    unsafe {
        ffi::PyErr_SetString(ffi::PyExc_ImportError, message.as_ptr() as *const c_char);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(minor: u32, debug: Option<bool>, free_threaded: Option<bool>) -> AbiKind {
        AbiKind {
            minor,
            debug,
            free_threaded,
        }
    }

    const FIX: &str = ": rebuild it with the interpreter that imports it (run `maturin develop` \
        or `pip install .` with that interpreter's virtualenv active, or set PYO3_PYTHON to its \
        path before `cargo build`), or build it for the stable ABI with an `abi3-py3X` feature";

    #[test]
    fn same_kind_is_accepted() {
        let k = kind(12, Some(false), Some(false));
        assert_eq!(mismatch_message(&k, &k, "3.12.4"), None);
        // Unknown flags (Windows before 3.14) are not compared.
        assert_eq!(mismatch_message(&k, &kind(12, None, None), "3.12.4"), None);
    }

    #[test]
    fn other_minor_version() {
        let msg = mismatch_message(
            &kind(12, Some(false), Some(false)),
            &kind(11, Some(false), Some(false)),
            "3.11.9",
        );
        assert_eq!(
            msg.as_deref(),
            Some(&*format!(
                "this extension module was compiled for CPython 3.12 but is being imported \
                     by CPython 3.11.9{FIX}"
            ))
        );
    }

    #[test]
    fn debug_release_mismatch() {
        let msg = mismatch_message(
            &kind(14, Some(false), Some(false)),
            &kind(14, Some(true), Some(false)),
            "3.14.0",
        );
        assert_eq!(
            msg,
            Some(format!(
                "this extension module was compiled for CPython 3.14 but is being imported by \
                 CPython 3.14.0 (debug build){FIX}"
            ))
        );
        let msg = mismatch_message(
            &kind(13, Some(true), Some(false)),
            &kind(13, Some(false), Some(false)),
            "3.13.0",
        );
        assert_eq!(
            msg,
            Some(format!(
                "this extension module was compiled for CPython 3.13 (debug build) but is being \
                 imported by CPython 3.13.0{FIX}"
            ))
        );
    }

    #[test]
    fn free_threaded_mismatch() {
        let msg = mismatch_message(
            &kind(14, Some(false), Some(true)),
            &kind(14, Some(false), Some(false)),
            "3.14.0",
        );
        assert_eq!(
            msg,
            Some(format!(
                "this extension module was compiled for CPython 3.14 (free-threaded build) but \
                 is being imported by CPython 3.14.0{FIX}"
            ))
        );
    }

    #[cfg(feature = "auto-initialize")]
    #[test]
    fn this_interpreter_matches_the_build() {
        crate::Python::attach(|_py| {
            // SAFETY: attached.
            let (running, version) = unsafe { running() }.expect("version and abiflags");
            assert_eq!(mismatch_message(&built_for(), &running, &version), None);
            assert!(
                version.starts_with(&format!("3.{}.", built_minor())),
                "{version}"
            );
        });
    }
}
