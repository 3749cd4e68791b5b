use pyo3::prelude::*;

#[pyclass]
struct MagicOptions;

#[pymethods]
impl MagicOptions {
    #[pyo3(signature = ())]
    fn __repr__(&self) -> String {
        String::new()
    }

    #[pyo3(text_signature = "(self)")]
    fn __len__(&self) -> usize {
        0
    }

    #[pyo3(text_signature = "(self, a)")]
    fn __call__(&self, a: i64) -> i64 {
        a
    }

    #[pyo3(signature = (other, op))]
    fn __richcmp__(&self, other: i64, op: pyo3::basic::CompareOp) -> bool {
        let _ = (other, op);
        true
    }

    // Allowed: `__init__` parses its arguments like a function.
    #[pyo3(signature = (a, b = 1))]
    fn __init__(&mut self, a: i64, b: i64) {
        let _ = (a, b);
    }
}

fn main() {}
