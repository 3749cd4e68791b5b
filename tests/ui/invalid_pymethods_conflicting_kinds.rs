use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Thing {
    #[getter]
    #[setter]
    fn value(&self) -> i32 {
        1
    }

    #[classmethod]
    #[staticmethod]
    fn both(_cls: &Bound<'_, pyo3::types::PyType>) {}
}

fn main() {}
