#![cfg(feature = "macros")]
//! `#[getter]` / `#[setter]` naming with raw identifiers, `#[pyo3(warn)]` on accessors and
//! slot methods, and the errors of half-defined properties.

mod common;

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

/// Half-defined properties and an impossible length, for the messages PyO3 raises.
#[pyclass]
struct Partial {
    #[pyo3(get, set)]
    plain: i32,
}

#[pymethods]
impl Partial {
    #[getter]
    fn gone(&self) -> i32 {
        0
    }
    #[deleter]
    fn delete_gone(&mut self) {}
    #[setter]
    fn set_only(&mut self, v: i32) {
        self.plain = v;
    }
    fn __len__(&self) -> usize {
        usize::MAX
    }
}

#[test]
fn missing_setter_deleter_and_len_overflow_messages() {
    use pyo3::exceptions::{PyAttributeError, PyOverflowError};
    Python::attach(|py| {
        let p = Bound::new(py, Partial { plain: 1 }).unwrap();
        let locals = pyo3::types::PyDict::new(py);
        locals.set_item("p", &p).unwrap();
        let no_setter = "property has no setter";
        common::assert_py_raises::<PyAttributeError>(py, &locals, c"p.gone = 1", no_setter);
        let no_deleter = "property has no deleter";
        common::assert_py_raises::<PyAttributeError>(py, &locals, c"del p.plain", no_deleter);
        common::assert_py_raises::<PyAttributeError>(py, &locals, c"del p.only", no_deleter);
        common::assert_py_raises::<PyOverflowError>(py, &locals, c"len(p)", "");
        py_run!(py, p, "del p.gone; p.only = 5; assert p.plain == 5");
    });
}
