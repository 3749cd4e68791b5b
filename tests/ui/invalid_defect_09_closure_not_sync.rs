// `PyCFunction::new_closure` may call the closure from several threads at once: a closure
// that is `Send` but not `Sync` (here: it captures a `Cell`) is refused.
use std::cell::Cell;

use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyDict, PyTuple};

fn main() {
    Python::attach(|py| {
        let calls = Cell::new(0u32);
        let count = move |_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>| {
            calls.set(calls.get() + 1);
            calls.get()
        };
        let _ = PyCFunction::new_closure(py, None, None, count);
    });
}
