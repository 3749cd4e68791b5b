fn main() {
    // Lets `cargo build` of this crate work on macOS too (maturin passes these flags itself).
    pyo3_build_config::add_extension_module_link_args();
}
