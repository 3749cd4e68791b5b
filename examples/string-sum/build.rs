fn main() {
    // The same `Py_3_x` / `Py_LIMITED_API` cfgs pyo3-ffi is built with, so the slot table can
    // be gated by version.
    pyo3_build_config::use_pyo3_cfgs();
    // Lets a plain `cargo build` link on macOS too (maturin passes these flags itself).
    pyo3_build_config::add_extension_module_link_args();
}
