//! What a downstream build script does with the resolved configuration: read it through the
//! getters and decide on the target ABI.

#![cfg(feature = "resolve-config")]

use pyo3_build_config::{GilUsed, PythonAbiKind, PythonImplementation, StableAbi};

#[test]
fn resolved_config_through_getters() {
    let config = pyo3_build_config::get();
    // The workspace is built against a CPython interpreter of at least 3.9.
    assert_eq!(config.implementation(), PythonImplementation::CPython);
    assert!(config.version() >= pyo3_build_config::PythonVersion { major: 3, minor: 9 });
    assert_eq!(
        config.pointer_width(),
        Some(8 * std::mem::size_of::<usize>() as u32)
    );
    let abi = config.target_abi();
    assert_eq!(abi.implementation(), config.implementation());
    let limited = match abi.kind() {
        PythonAbiKind::Stable(StableAbi::Abi3 | StableAbi::Abi3t) => true,
        PythonAbiKind::VersionSpecific(GilUsed::GilEnabled | GilUsed::FreeThreaded) => false,
    };
    let outputs = config.build_script_outputs();
    assert_eq!(
        outputs.contains(&"cargo:rustc-cfg=Py_LIMITED_API".to_string()),
        limited
    );
    assert_eq!(abi.kind().is_free_threaded(), config.is_free_threaded());
    // The text form names the same ABI.
    assert_eq!(
        abi.to_string()
            .parse::<pyo3_build_config::PythonAbi>()
            .unwrap(),
        abi
    );
}
