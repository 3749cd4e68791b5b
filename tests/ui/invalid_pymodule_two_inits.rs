use pyo3::prelude::*;

#[pymodule]
mod m {
    use pyo3::prelude::*;

    #[pymodule_init]
    fn a(_m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }

    #[pymodule_init]
    fn b(_m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }
}

fn main() {}
