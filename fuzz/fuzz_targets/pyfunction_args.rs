//! A #[pyfunction] with positional, defaulted, *args, keyword-only and **kwargs parameters,
//! called with arbitrary arguments.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyo3::prelude::*;

fuzz_target!(|data: &[u8]| Python::attach(|py| pyo3_fuzz::call::check_calls(py, data)));
