#![cfg(feature = "auto-initialize")]
//! PyOnceLock and intern!.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};

#[test]
fn once_lock_initializes_once() {
    static CELL: PyOnceLock<Py<PyString>> = PyOnceLock::new();
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    static ARRIVED: AtomicUsize = AtomicUsize::new(0);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                Python::attach(|py| {
                    ARRIVED.fetch_add(1, Ordering::SeqCst);
                    let v = CELL.get_or_init(py, || {
                        CALLS.fetch_add(1, Ordering::SeqCst);
                        // Detached, wait until every thread has reached `get_or_init`: the
                        // others are then contending for the cell while it is initialized.
                        py.detach(|| {
                            while ARRIVED.load(Ordering::SeqCst) < 4 {
                                std::thread::yield_now();
                            }
                        });
                        PyString::new(py, "value").unbind()
                    });
                    v.bind(py).to_cow().unwrap().into_owned()
                })
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), "value");
    }
    assert_eq!(CALLS.load(Ordering::SeqCst), 1);
}

#[test]
fn once_lock_api() {
    Python::attach(|py| {
        let mut cell: PyOnceLock<u32> = PyOnceLock::new();
        assert!(cell.get(py).is_none());
        assert_eq!(
            cell.get_or_try_init(py, || Err::<u32, &str>("no")),
            Err("no")
        );
        assert!(cell.get(py).is_none());
        assert_eq!(cell.set(py, 5), Ok(()));
        assert_eq!(cell.set(py, 6), Err(6));
        assert_eq!(*cell.get_or_init(py, || 7), 5);
        *cell.get_mut().unwrap() = 8;
        assert_eq!(cell.take(), Some(8));
        assert!(cell.get(py).is_none());
        assert_eq!(cell.into_inner(), None);

        static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let od = TYPE.import(py, "collections", "OrderedDict").unwrap();
        assert_eq!(od.name().unwrap(), "OrderedDict");
        assert!(TYPE
            .import(py, "collections", "OrderedDict")
            .unwrap()
            .is(od));
    });
}

#[test]
fn once_lock_panic_resets() {
    Python::attach(|py| {
        let cell: PyOnceLock<u32> = PyOnceLock::new();
        common::assert_panics_with("init failed", || {
            cell.get_or_init(py, || panic!("init failed"));
        });
        assert_eq!(*cell.get_or_init(py, || 3), 3);
    });
}

#[test]
fn intern_returns_same_object() {
    Python::attach(|py| {
        let get = |py| pyo3::intern!(py, "some_name").clone();
        let a = get(py);
        let b = get(py);
        assert!(a.is(&b));
        assert_eq!(a, "some_name");
    });
}
