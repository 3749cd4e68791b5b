#![cfg(feature = "macros")]
//! Garbage collection through inheritance: a subclass without its own `__clear__` (or with one
//! that clears nothing of the base) still has the base's `__clear__` break the cycle.

use pyo3::gc::{PyTraverseError, PyVisit};
use pyo3::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static DROPPED: AtomicUsize = AtomicUsize::new(0);

struct DropCounter;
impl Drop for DropCounter {
    fn drop(&mut self) {
        DROPPED.fetch_add(1, Ordering::SeqCst);
    }
}

#[pyclass(subclass)]
struct Holder {
    other: Option<Py<PyAny>>,
    _c: DropCounter,
}

#[pymethods]
impl Holder {
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.other)
    }

    fn __clear__(&mut self) {
        self.other = None;
    }
}

#[pyclass(extends = Holder)]
struct PlainSub {}

#[pyclass(extends = Holder)]
struct SubWithOwnClear {}

#[pymethods]
impl SubWithOwnClear {
    fn __clear__(&mut self) {}
}

fn collect_cycle<S: pyo3::PyClass<BaseType = Holder>>(py: Python<'_>, sub: S) {
    let before = DROPPED.load(Ordering::SeqCst);
    let obj = Bound::new(
        py,
        PyClassInitializer::from(Holder {
            other: None,
            _c: DropCounter,
        })
        .add_subclass(sub),
    )
    .unwrap();
    let any = obj.clone().into_any();
    // The object refers to itself through the base's field.
    any.cast::<Holder>().unwrap().borrow_mut().other = Some(any.clone().unbind());
    drop(obj);
    drop(any);
    assert_eq!(
        DROPPED.load(Ordering::SeqCst),
        before,
        "kept alive by the cycle"
    );
    py.import("gc").unwrap().call_method0("collect").unwrap();
    assert_eq!(DROPPED.load(Ordering::SeqCst), before + 1, "collected once");
}

#[test]
fn subclass_cycles_are_collected() {
    Python::attach(|py| {
        collect_cycle(py, PlainSub {});
        collect_cycle(py, SubWithOwnClear {});
    });
}
