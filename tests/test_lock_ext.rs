#![cfg(all(feature = "auto-initialize", feature = "lock_api"))]
//! `MutexExt` / `RwLockExt` / `OnceExt` for lock_api, parking_lot and arc_lock: a thread
//! that holds a lock and then needs the interpreter does not deadlock with an attached thread
//! waiting for the same lock.

use std::sync::{Arc, Barrier};

use pyo3::prelude::*;
use pyo3::sync::{MutexExt, RwLockExt};

/// Thread A takes `lock` detached, signals, then attaches to Python while still holding it;
/// the main thread (attached) waits for the lock with `wait`. Without detaching in `wait` the
/// two would deadlock.
fn contend<L: Send + Sync + 'static>(
    lock: Arc<L>,
    hold: impl FnOnce(&L, &Barrier) + Send + 'static,
    wait: impl FnOnce(Python<'_>, &L),
) {
    let barrier = Arc::new(Barrier::new(2));
    let (l2, b2) = (lock.clone(), barrier.clone());
    let handle = std::thread::spawn(move || hold(&l2, &b2));
    Python::attach(|py| {
        py.detach(|| barrier.wait());
        wait(py, &lock);
    });
    handle.join().unwrap();
}

#[cfg(feature = "parking_lot")]
#[test]
fn parking_lot_mutex_does_not_deadlock() {
    let lock = Arc::new(parking_lot::Mutex::new(0));
    contend(
        lock,
        |l, b| {
            let mut g = l.lock();
            b.wait();
            Python::attach(|py| {
                *g = py.eval(c"40 + 2", None, None).unwrap().extract().unwrap();
            });
        },
        |py, l| assert_eq!(*l.lock_py_attached(py), 42),
    );
}

#[cfg(feature = "parking_lot")]
#[test]
fn parking_lot_rwlock_and_reentrant() {
    let lock = Arc::new(parking_lot::RwLock::new(String::new()));
    contend(
        lock,
        |l, b| {
            let mut g = l.write();
            b.wait();
            Python::attach(|py| g.push_str(&py.version_info().major.to_string()));
        },
        |py, l| assert_eq!(l.read_py_attached(py).as_str(), "3"),
    );
    Python::attach(|py| {
        let re = parking_lot::ReentrantMutex::new(1);
        let outer = re.lock_py_attached(py);
        let inner = re.lock_py_attached(py);
        assert_eq!(*outer + *inner, 2);
        let rw = parking_lot::RwLock::new(5);
        *rw.write_py_attached(py) += 1;
        assert_eq!(*rw.read_py_attached(py), 6);
    });
}

#[cfg(feature = "parking_lot")]
#[test]
fn parking_lot_once_runs_attached_once() {
    use pyo3::sync::OnceExt;
    static ONCE: parking_lot::Once = parking_lot::Once::new();
    static mut HITS: u32 = 0;
    Python::attach(|py| {
        for _ in 0..3 {
            // SAFETY: the Once serializes the writes.
            ONCE.call_once_py_attached(py, || unsafe { HITS += 1 });
        }
        let mut forced = false;
        ONCE.call_once_force_py_attached(py, |_| forced = true);
        assert!(!forced);
    });
    assert!(ONCE.state().done());
    // SAFETY: no more writers.
    assert_eq!(unsafe { HITS }, 1);
}

#[cfg(all(feature = "arc_lock", feature = "parking_lot"))]
#[test]
fn arc_guards_are_owned() {
    Python::attach(|py| {
        let m = Arc::new(parking_lot::Mutex::new(vec![1]));
        let guard: lock_api::ArcMutexGuard<parking_lot::RawMutex, Vec<i32>> =
            m.lock_py_attached(py);
        drop(m); // the guard keeps the mutex alive
        assert_eq!(guard.len(), 1);
        let rw = Arc::new(parking_lot::RwLock::new(1));
        *rw.write_py_attached(py) = 2;
        assert_eq!(*rw.read_py_attached(py), 2);
        let re = Arc::new(parking_lot::ReentrantMutex::new(3));
        assert_eq!(*re.lock_py_attached(py), 3);
    });
}

#[test]
fn std_rwlock_ext() {
    let lock = Arc::new(std::sync::RwLock::new(0u8));
    contend(
        lock,
        |l, b| {
            let mut g = l.write().unwrap();
            b.wait();
            Python::attach(|_| *g = 9);
        },
        |py, l| assert_eq!(*l.read_py_attached(py).unwrap(), 9),
    );
}
