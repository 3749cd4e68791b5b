fn main() {
    // Lets the binary find a libpython that is not on the default library path (pyenv, ...).
    pyo3_build_config::add_libpython_rpath_link_args();
}
