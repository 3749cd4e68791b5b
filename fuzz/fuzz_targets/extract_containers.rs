//! String, bytes, Vec, HashMap, HashSet, tuple and Option extraction from arbitrary objects.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyo3::prelude::*;
use pyo3_fuzz::containers;
use pyo3_fuzz::input::Input;

fuzz_target!(|data: &[u8]| {
    Python::attach(|py| {
        let mut input = Input::new(data);
        while !input.is_empty() {
            let obj = input.object(py, 0);
            containers::check_strings(&obj);
            containers::check_bytes(&obj);
            containers::check_vecs(&obj);
            containers::check_maps(&obj);
            containers::check_tuple_option(&obj);
        }
    })
});
