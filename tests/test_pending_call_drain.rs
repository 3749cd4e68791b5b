//! A `Py<T>` dropped on a thread that is not attached is released by the pending call the
//! reference pool schedules, while the main thread keeps running Python code and never
//! detaches or re-attaches (the other two drain points).
//!
//! CPython runs pending calls only on the main thread, so this binary has no libtest harness:
//! `main` is the test and runs on the process's main thread.
#![cfg(all(feature = "auto-initialize", not(pyo3_disable_reference_pool)))]

use pyo3::prelude::*;
use pyo3::types::PyList;

fn main() {
    Python::attach(|py| {
        // A fresh list: never immortal, so its count moves.
        let list = PyList::empty(py).unbind();
        let before = list.get_refcnt(py);
        let extra = list.clone_ref(py);
        assert_eq!(list.get_refcnt(py), before + 1);

        // The drop happens on a thread that never attaches: it can only queue the decref.
        std::thread::spawn(move || drop(extra)).join().unwrap();
        assert_eq!(
            list.get_refcnt(py),
            before + 1,
            "the decref must be deferred, not done on the detached thread"
        );

        // Still attached (from Rust's point of view): running bytecode lets the interpreter
        // process pending calls. Before 3.13 a pending call added by a non-main thread is only
        // noticed once the main thread re-evaluates its "eval breaker", which it does when it
        // takes the GIL again; `time.sleep(0)` releases and retakes it inside CPython.
        py.run(
            c"import time\nfor _ in range(100):\n    time.sleep(0)",
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            list.get_refcnt(py),
            before,
            "the pending call scheduled by the pool should have released the reference"
        );
    });
    println!("1 passed, 0 failed");
}
