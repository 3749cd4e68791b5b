#![cfg(feature = "macros")]
//! `#[getter]` / `#[setter]` naming with raw identifiers, and `#[pyo3(warn)]` on accessors and
//! slot methods.

use pyo3::prelude::*;
use pyo3::py_run;

#[pyclass]
struct Raw {
    r#type: u32,
}

#[pymethods]
impl Raw {
    #[getter(r#type)]
    fn get_type(&self) -> u32 {
        self.r#type
    }

    #[setter(r#type)]
    fn set_type(&mut self, v: u32) {
        self.r#type = v;
    }
}

#[pyclass]
struct Warns {
    v: u32,
}

#[pymethods]
impl Warns {
    #[getter]
    #[pyo3(warn(message = "reading v"))]
    fn v(&self) -> u32 {
        self.v
    }

    #[pyo3(warn(message = "indexing", category = pyo3::exceptions::PyDeprecationWarning))]
    fn __getitem__(&self, i: u32) -> u32 {
        self.v + i
    }
}

#[test]
fn raw_accessor_names() {
    Python::attach(|py| {
        let o = Py::new(py, Raw { r#type: 1 }).unwrap();
        py_run!(py, o, "assert o.type == 1\no.type = 5\nassert o.type == 5");
    });
}

#[test]
fn warnings_on_accessors_and_slots() {
    Python::attach(|py| {
        let o = Py::new(py, Warns { v: 2 }).unwrap();
        py_run!(
            py,
            o,
            r#"
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    assert o.v == 2
    assert o[3] == 5
assert [(type(x.message), str(x.message)) for x in w] == [
    (UserWarning, 'reading v'), (DeprecationWarning, 'indexing')
], w
"#
        );
    });
}
