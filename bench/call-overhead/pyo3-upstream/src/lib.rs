//! `bench_pyo3`: the call-overhead benchmark functions built with PyO3 0.30.1 from crates.io.

#[macro_use]
#[path = "../../src/bench_fns.rs"]
pub mod bench_fns;

bench_module!(bench_pyo3);
