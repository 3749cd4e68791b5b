//! `r2p_pyo3`: the Rust -> Python benchmark cases built with PyO3 0.30.1 from crates.io.

#[path = "../../src/cases.rs"]
mod cases;

fn main() {
    cases::main()
}
