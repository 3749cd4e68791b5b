#![cfg(feature = "auto-initialize")]
//! Threads: detach from several threads at once, deferred decrefs, nested attach.

use std::sync::{Arc, Barrier};

use pyo3::prelude::*;

#[test]
fn detach_allows_other_threads_to_attach() {
    // Each thread detaches while the others must attach: would deadlock if detach did not
    // release the thread state.
    const N: usize = 4;
    let barrier = Arc::new(Barrier::new(N));
    let handles: Vec<_> = (0..N)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                Python::attach(|py| {
                    let obj = py.eval(c"[1, 2, 3]", None, None).unwrap();
                    py.detach(|| barrier.wait());
                    assert_eq!(obj.len().unwrap(), 3);
                    i
                })
            })
        })
        .collect();
    let mut results: Vec<usize> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    results.sort();
    assert_eq!(results, (0..N).collect::<Vec<_>>());
}

#[test]
fn drop_py_while_detached_is_applied_after_attach() {
    Python::attach(|py| {
        let obj: Py<PyAny> = py.eval(c"object()", None, None).unwrap().unbind();
        let extra = obj.clone_ref(py);
        assert_eq!(obj.get_refcnt(py), 2);
        // Drop `extra` on another thread that is not attached.
        py.detach(|| {
            std::thread::spawn(move || drop(extra)).join().unwrap();
        });
        // Re-attaching after detach drains the pool.
        assert_eq!(obj.get_refcnt(py), 1);
    });
}

#[test]
fn drop_py_in_detach_on_same_thread() {
    Python::attach(|py| {
        let obj: Py<PyAny> = py.eval(c"object()", None, None).unwrap().unbind();
        let extra = obj.clone_ref(py);
        py.detach(move || drop(extra));
        assert_eq!(obj.get_refcnt(py), 1);
    });
}

#[test]
fn drop_py_from_unattached_thread_then_attach() {
    let (obj, extra) = Python::attach(|py| {
        let obj: Py<PyAny> = py.eval(c"object()", None, None).unwrap().unbind();
        let extra = obj.clone_ref(py);
        (obj, extra)
    });
    // Neither this thread nor the helper thread is attached here.
    std::thread::spawn(move || drop(extra)).join().unwrap();
    Python::attach(|py| {
        // The pending call or this attach has applied the decref.
        assert_eq!(obj.get_refcnt(py), 1);
    });
}

#[test]
fn nested_attach_on_threads() {
    let handles: Vec<_> = (0..3)
        .map(|_| {
            std::thread::spawn(|| {
                Python::attach(|py| {
                    Python::attach(|py2| {
                        let a = py.eval(c"2", None, None).unwrap();
                        let b = py2.eval(c"3", None, None).unwrap();
                        a.mul(b).unwrap().str().unwrap().to_string()
                    })
                })
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), "6");
    }
}

#[test]
fn py_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Py<PyAny>>();
    assert_send_sync::<PyErr>();
}
