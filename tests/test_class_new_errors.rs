#![cfg(feature = "macros")]
//! Errors from `#[new]` of a subclass, including ones raised while building its base with `?`,
//! reach Python as the mapped exception, and nothing is left half-built.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

static BASE_DROPS: AtomicUsize = AtomicUsize::new(0);

#[pyclass(subclass)]
struct Measured {
    len: u16,
}

impl Drop for Measured {
    fn drop(&mut self) {
        BASE_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

impl Measured {
    /// Fails (with `TryFromIntError`) for lengths a `u16` cannot hold.
    fn checked(len: i64) -> Result<Self, std::num::TryFromIntError> {
        Ok(Measured {
            len: u16::try_from(len)?,
        })
    }
}

#[pyclass(extends = Measured)]
struct Named {
    name: String,
}

#[pymethods]
impl Named {
    #[new]
    fn new(name: String, len: i64) -> PyResult<PyClassInitializer<Self>> {
        if name.is_empty() {
            return Err(PyRuntimeError::new_err("a name is required"));
        }
        let base = Measured::checked(len)?;
        Ok(PyClassInitializer::from(base).add_subclass(Named { name }))
    }

    fn describe(slf: PyRef<'_, Self>) -> String {
        format!("{} ({})", slf.name, slf.as_super().len)
    }
}

#[test]
fn base_conversion_error_in_subclass_new_is_a_value_error() {
    Python::attach(|py| {
        let cls = py.get_type::<Named>();
        let before = BASE_DROPS.load(Ordering::SeqCst);
        let err = cls.call1(("x", -1)).unwrap_err();
        common::assert_err::<PyValueError>(
            py,
            &err,
            "out of range integral type conversion attempted",
        );
        let err = cls.call1(("x", 70_000)).unwrap_err();
        common::assert_err::<PyValueError>(
            py,
            &err,
            "out of range integral type conversion attempted",
        );
        let err = cls.call1(("", 1)).unwrap_err();
        common::assert_err::<PyRuntimeError>(py, &err, "a name is required");
        // No base value was made by the failing calls.
        assert_eq!(BASE_DROPS.load(Ordering::SeqCst), before);

        let ok = cls.call1(("seven", 7)).unwrap();
        assert_eq!(
            ok.call_method0("describe")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "seven (7)"
        );
        drop(ok);
        assert_eq!(BASE_DROPS.load(Ordering::SeqCst), before + 1);
    });
}
