#![cfg(feature = "multiple-pymethods")]
//! `multiple-pymethods`: several `#[pymethods]` blocks for one class, in this module and in
//! another one.

use pyo3::prelude::*;
use pyo3::py_run;

#[pyclass]
pub struct Split {
    v: i32,
}

#[pymethods]
impl Split {
    #[new]
    fn new(v: i32) -> Self {
        Split { v }
    }

    fn first(&self) -> i32 {
        self.v
    }
}

#[pymethods]
impl Split {
    fn second(&self) -> i32 {
        self.v * 2
    }

    fn __len__(&self) -> usize {
        self.v as usize
    }
}

mod elsewhere {
    use pyo3::prelude::*;

    #[pymethods]
    impl super::Split {
        #[classattr]
        fn third() -> &'static str {
            "three"
        }

        #[getter]
        fn doubled(&self) -> i32 {
            self.v * 2
        }
    }
}

#[test]
fn all_blocks_contribute() {
    Python::attach(|py| {
        let cls = py.get_type::<Split>();
        py_run!(
            py,
            cls,
            r#"
s = cls(4)
assert s.first() == 4 and s.second() == 8 and len(s) == 4
assert cls.third == 'three' and s.doubled == 8
"#
        );
    });
}

#[test]
fn class_without_pymethods() {
    #[pyclass]
    struct Bare {}

    Python::attach(|py| {
        let b = Py::new(py, Bare {}).unwrap();
        py_run!(py, b, "assert type(b).__name__ == 'Bare'");
    });
}
