use pyo3::prelude::*;

#[pyclass]
struct NoGc {
    #[pyo3(traverse)]
    held: Py<PyAny>,
}

#[pyclass(gc)]
enum NotAStruct {
    A(),
}

struct Plain;

#[pyclass(gc)]
struct NotTraversable {
    #[pyo3(traverse)]
    plain: Plain,
}

fn main() {}
