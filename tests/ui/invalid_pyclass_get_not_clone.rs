use pyo3::prelude::*;

struct Opaque {
    _n: i32,
}

#[pyclass]
struct Holder {
    #[pyo3(get)]
    inner: Opaque,
}

fn main() {}
