//! #[derive(FromPyObject)] structs (items, attributes, tuple, newtype) and enums from
//! arbitrary objects.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyo3::prelude::*;
use pyo3_fuzz::input::Input;

fuzz_target!(|data: &[u8]| {
    Python::attach(|py| {
        let mut input = Input::new(data);
        while !input.is_empty() {
            let obj = input.object(py, 0);
            pyo3_fuzz::derive::check_derives(&obj);
        }
    })
});
