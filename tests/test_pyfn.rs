#![cfg(feature = "macros")]
//! `#[pyfn(m)]`: functions declared inside a `#[pymodule]` function and added to it.

use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::types::PyModule;

#[pymodule]
fn with_pyfns(m: &Bound<'_, PyModule>) -> PyResult<()> {
    #[pyfn(m)]
    fn double(x: i64) -> i64 {
        x * 2
    }

    #[pyfn(m, name = "renamed", signature = (a, b = 10))]
    fn add(a: i64, b: i64) -> i64 {
        a + b
    }

    #[pyfn(m)]
    #[pyo3(pass_module)]
    fn module_name(module: &Bound<'_, PyModule>) -> PyResult<String> {
        module.name()?.extract()
    }

    m.add("after", 1)?;
    Ok(())
}

#[test]
fn pyfns_are_added_to_the_module() {
    Python::attach(|py| {
        let m = PyModule::new(py, "with_pyfns").unwrap();
        with_pyfns(&m).unwrap();
        py_run!(
            py,
            m,
            r#"
assert m.double(21) == 42
assert m.renamed(1) == 11 and m.renamed(1, 2) == 3
assert not hasattr(m, 'add')
assert m.module_name() == 'with_pyfns'
assert m.after == 1
try:
    m.double('x')
except TypeError as e:
    assert str(e) == "'str' object cannot be interpreted as an integer", str(e)
else:
    assert False
"#
        );
    });
}
