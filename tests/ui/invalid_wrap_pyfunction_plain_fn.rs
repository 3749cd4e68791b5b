use pyo3::prelude::*;

// Not a `#[pyfunction]`: the error names the path given to the macro.
fn plain() {}

#[pymodule]
fn module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(plain, m)?)?;
    Ok(())
}

fn main() {}
