//! `r2p_ours`: the Rust -> Python benchmark cases built with this repository's `pyo3` (by path).

#[path = "../../src/cases.rs"]
mod cases;

fn main() {
    cases::main()
}
