fn main() {
    pyo3_build_config::pyo3_build_script_impl::run(
        pyo3_build_config::pyo3_build_script_impl::ffi_build_script,
    );
}
