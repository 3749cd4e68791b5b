//! `Python::initialize` on one thread while other threads try to attach: nobody may get in
//! before initialization (including `site` / `sitecustomize`) has finished, even though
//! CPython releases the GIL while the `sitecustomize` below blocks.
//! (One test in its own binary: it needs an uninitialized interpreter and sets PYTHONPATH.)
//!
//! No sleeps: `sitecustomize` blocks reading a FIFO that the test only opens for writing once
//! a poller has seen initialization in progress and a second initializer has started, so
//! the interleaving the test is about happens on every run.
#![cfg(all(unix, not(any(PyPy, GraalPy))))]

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

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
    let fifo = dir.join("release");
    let c_fifo = CString::new(fifo.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(
        unsafe { libc::mkfifo(c_fifo.as_ptr(), 0o600) },
        0,
        "mkfifo failed"
    );
    // Reading the FIFO blocks (with the GIL released) until the test writes to it.
    std::fs::write(
        dir.join("sitecustomize.py"),
        format!(
            "import builtins\n\
             builtins._rtfix_site_finished = False\n\
             with open({:?}, 'rb') as f:\n    f.read()\n\
             builtins._rtfix_site_finished = True\n",
            fifo.to_str().unwrap()
        ),
    )
    .unwrap();
    // SAFETY: no other thread runs yet, and Python has not been started.
    unsafe { std::env::set_var("PYTHONPATH", &dir) };

    let initializer_started = AtomicBool::new(false);
    let none_seen = AtomicUsize::new(0);
    let (in_progress_tx, in_progress_rx) = mpsc::channel::<()>();
    let (second_started_tx, second_started_rx) = mpsc::channel::<()>();
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
                        if none_seen.fetch_add(1, Ordering::SeqCst) == 0 {
                            in_progress_tx.send(()).unwrap();
                        }
                        std::thread::yield_now();
                    }
                }
            }
        });
        // Once initialization is known to be in progress, a second initializer and a plain
        // attach must wait for it to complete.
        s.spawn(move || {
            in_progress_rx.recv().unwrap();
            second_started_tx.send(()).unwrap();
            Python::initialize();
            #[cfg(feature = "auto-initialize")]
            assert!(Python::attach(site_finished));
            assert_eq!(Python::try_attach(site_finished), Some(true));
        });
        // Let sitecustomize finish only after all of the above is under way.
        let release = fifo.clone();
        s.spawn(move || {
            second_started_rx.recv().unwrap();
            std::fs::write(&release, b"go").unwrap();
        });
    });
    assert!(none_seen.load(Ordering::SeqCst) > 0);
    // Once initialized, every way of attaching works (and nesting is fine).
    assert_eq!(
        Python::try_attach(|py| Python::attach(|_| site_finished(py))),
        Some(true)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
