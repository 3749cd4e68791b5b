//! `Python::initialize` on one thread while other threads try to attach: nobody may get in
//! before initialization (including `site` / `sitecustomize`) has finished, even though
//! CPython releases the GIL while the `sitecustomize` below sleeps.
//! (One test in its own binary: it needs an uninitialized interpreter and sets PYTHONPATH.)
#![cfg(not(any(PyPy, GraalPy)))]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use pyo3::prelude::*;

fn site_finished(py: Python<'_>) -> bool {
    py.import("builtins")
        .unwrap()
        .getattr("_rtfix_site_finished")
        .unwrap()
        .extract::<bool>()
        .unwrap()
}

#[test]
fn attach_waits_for_initialization_in_progress() {
    let dir = std::env::temp_dir().join(format!("pyo3_rtfix_init_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The sleep releases the GIL half-way through `Py_InitializeEx`.
    std::fs::write(
        dir.join("sitecustomize.py"),
        "import builtins, time\n\
         builtins._rtfix_site_finished = False\n\
         time.sleep(1.5)\n\
         builtins._rtfix_site_finished = True\n",
    )
    .unwrap();
    // SAFETY: no other thread runs yet, and Python has not been started.
    unsafe { std::env::set_var("PYTHONPATH", &dir) };

    let initializer_started = AtomicBool::new(false);
    let none_seen = AtomicUsize::new(0);
    std::thread::scope(|s| {
        s.spawn(|| {
            initializer_started.store(true, Ordering::SeqCst);
            Python::initialize();
        });
        // Polls with try_attach: None until initialization is complete, then a finished site.
        s.spawn(|| {
            while !initializer_started.load(Ordering::SeqCst) {
                std::hint::spin_loop();
            }
            loop {
                match Python::try_attach(site_finished) {
                    Some(finished) => {
                        assert!(finished, "try_attach got in before site had finished");
                        break;
                    }
                    None => {
                        none_seen.fetch_add(1, Ordering::Relaxed);
                        std::thread::yield_now();
                    }
                }
            }
        });
        // A second initializer and a plain attach started meanwhile wait for completion.
        s.spawn(|| {
            std::thread::sleep(Duration::from_millis(300));
            Python::initialize();
            #[cfg(feature = "auto-initialize")]
            assert!(Python::attach(site_finished));
            assert_eq!(Python::try_attach(site_finished), Some(true));
        });
    });
    assert!(none_seen.load(Ordering::Relaxed) > 0);
    // Once initialized, every way of attaching works (and nesting is fine).
    assert_eq!(
        Python::try_attach(|py| Python::attach(|_| site_finished(py))),
        Some(true)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
