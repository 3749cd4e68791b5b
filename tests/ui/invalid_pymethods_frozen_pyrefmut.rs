use pyo3::prelude::*;

#[pyclass(frozen)]
struct Fixed {
    n: i32,
}

#[pymethods]
impl Fixed {
    fn bump(mut slf: PyRefMut<'_, Self>) {
        slf.n += 1;
    }
}

fn main() {}
