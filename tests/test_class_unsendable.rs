#![cfg(feature = "macros")]
//! `#[pyclass(unsendable)]`: use from another thread panics; a drop on another thread leaks the
//! value and reports it through `sys.unraisablehook`.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[pyclass(unsendable)]
struct Local {
    dropped: Arc<AtomicBool>,
}

impl Drop for Local {
    fn drop(&mut self) {
        self.dropped.store(true, Ordering::SeqCst);
    }
}

#[test]
fn dropped_on_another_thread_is_reported_and_leaked() {
    Python::attach(|py| {
        let env = PyDict::new(py);
        py.run(
            c"import sys\nseen = []\nold = sys.unraisablehook\nsys.unraisablehook = lambda u: seen.append((type(u.exc_value), str(u.exc_value), u.object))",
            Some(&env),
            None,
        )
        .unwrap();
        let dropped = Arc::new(AtomicBool::new(false));
        let obj = Py::new(
            py,
            Local {
                dropped: dropped.clone(),
            },
        )
        .unwrap();
        py.detach(|| {
            std::thread::spawn(move || Python::attach(move |_py| drop(obj)))
                .join()
                .unwrap();
        });
        assert!(!dropped.load(Ordering::SeqCst));
        py.run(
            c"sys.unraisablehook = old
assert len(seen) == 1, seen
ty, msg, o = seen[0]
assert ty is RuntimeError
assert msg.endswith('::Local is unsendable, but is being dropped on another thread'), msg
assert o is None",
            Some(&env),
            None,
        )
        .unwrap();
    });
}

#[test]
fn used_from_another_thread_panics() {
    Python::attach(|py| {
        let obj = Py::new(
            py,
            Local {
                dropped: Arc::new(AtomicBool::new(false)),
            },
        )
        .unwrap();
        let shared = obj.clone_ref(py);
        let r = py.detach(|| {
            std::thread::spawn(move || {
                Python::attach(move |py| {
                    let b = shared.bind(py);
                    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let _ = b.borrow();
                    }));
                    // Dropping `shared` here (another thread) would leak: give it back instead.
                    (res.is_err(), shared)
                })
            })
            .join()
            .unwrap()
        });
        assert!(r.0, "borrowing from another thread panics");
        drop(r.1);
        drop(obj);
    });
}
