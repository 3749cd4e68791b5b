use pyo3::prelude::*;

#[pyclass(frozen)]
struct Fixed {
    n: i32,
}

#[pymethods]
impl Fixed {
    #[setter]
    fn set_n(&mut self, n: i32) {
        self.n = n;
    }
}

fn main() {}
