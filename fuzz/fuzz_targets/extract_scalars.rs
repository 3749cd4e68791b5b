//! Integer, float, bool and char extraction from arbitrary Python objects.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyo3::prelude::*;
use pyo3_fuzz::input::Input;
use pyo3_fuzz::scalars;

fuzz_target!(|data: &[u8]| {
    Python::attach(|py| {
        let mut input = Input::new(data);
        while !input.is_empty() {
            let obj = input.object(py, 0);
            scalars::check_ints(&obj);
            scalars::check_floats(&obj);
            scalars::check_bool_char(&obj);
        }
    })
});
