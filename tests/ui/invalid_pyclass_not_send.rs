use pyo3::prelude::*;
use std::rc::Rc;

// A class must be `Send + Sync` (or `unsendable`): the errors point at the class.
#[pyclass]
struct NotSend {
    _shared: Rc<u8>,
}

fn main() {}
