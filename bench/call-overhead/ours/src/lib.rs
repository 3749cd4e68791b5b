//! `bench_ours`: the call-overhead benchmark functions built with this repository's `pyo3` (by path).

#[macro_use]
#[path = "../../src/bench_fns.rs"]
pub mod bench_fns;

bench_module!(bench_ours);
