//! Shared pieces of the fuzz targets in `fuzz_targets/`: the interpreter-side helpers, the
//! decoder that turns fuzzer bytes into Python objects, and the checks every target makes.

pub mod call;
pub mod containers;
pub mod derive;
pub mod input;
pub mod scalars;
pub mod support;
