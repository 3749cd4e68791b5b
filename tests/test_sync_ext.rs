#![cfg(feature = "auto-initialize")]
//! OnceExt, OnceLockExt, MutexExt, critical sections and the non-poisoning mutex.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once, OnceLock};

use pyo3::impl_::platform::sync::nonpoison;
use pyo3::prelude::*;
use pyo3::sync::critical_section::{with_critical_section, with_critical_section2};
use pyo3::sync::{MutexExt, OnceExt, OnceLockExt};
use pyo3::types::{PyList, PyString};

/// Several threads contend while the winner runs Python code and detaches; nobody deadlocks.
#[test]
fn once_ext_runs_once_without_deadlock() {
    static ONCE: Once = Once::new();
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    static ARRIVED: AtomicUsize = AtomicUsize::new(0);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                Python::attach(|py| {
                    ARRIVED.fetch_add(1, Ordering::SeqCst);
                    ONCE.call_once_py_attached(py, || {
                        CALLS.fetch_add(1, Ordering::SeqCst);
                        // Runs attached: Python works here.
                        Python::attach(|py| {
                            let s = PyString::new(py, "x");
                            assert_eq!(s.to_cow().unwrap(), "x");
                            // Detached, wait until every thread has reached the `Once`, so
                            // the others wait on it while it runs (and must not deadlock).
                            py.detach(|| {
                                while ARRIVED.load(Ordering::SeqCst) < 4 {
                                    std::thread::yield_now();
                                }
                            });
                        });
                    });
                    assert!(ONCE.is_completed());
                })
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(CALLS.load(Ordering::SeqCst), 1);
}

#[test]
fn once_ext_force_sees_state() {
    static ONCE: Once = Once::new();
    Python::attach(|py| {
        let mut poisoned = None;
        ONCE.call_once_force_py_attached(py, |state| poisoned = Some(state.is_poisoned()));
        assert_eq!(poisoned, Some(false));
        // Second call does nothing.
        ONCE.call_once_force_py_attached(py, |_| panic!("must not run"));
    });
}

#[test]
fn once_lock_ext() {
    static LOCK: OnceLock<Py<PyString>> = OnceLock::new();
    Python::attach(|py| {
        let v = LOCK.get_or_init_py_attached(py, || PyString::new(py, "cached").unbind());
        assert_eq!(v.bind(py).to_cow().unwrap(), "cached");
        let again = LOCK.get_or_init_py_attached(py, || unreachable!());
        assert!(std::ptr::eq(v, again));
    });
}

#[test]
fn mutex_ext_contended() {
    static COUNTER: Mutex<u64> = Mutex::new(0);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                for _ in 0..50 {
                    Python::attach(|py| {
                        let mut guard = COUNTER.lock_py_attached(py).unwrap();
                        // Holding the lock while running Python code must not deadlock with
                        // other threads waiting for the lock.
                        let list = PyList::empty(py);
                        list.append(1).unwrap();
                        *guard += list.len() as u64;
                    });
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(*COUNTER.lock().unwrap(), 200);
}

#[test]
fn mutex_ext_reports_poison() {
    let m = Mutex::new(1);
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _g = m.lock().unwrap();
        panic!("poison it");
    }));
    Python::attach(|py| {
        assert!(m.lock_py_attached(py).is_err());
    });
}

#[test]
fn nonpoison_mutex() {
    let m = nonpoison::Mutex::new(vec![1]);
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut g = m.lock();
        g.push(2);
        panic!("would poison a std mutex");
    }));
    // Still usable, with the data as the panicking thread left it.
    assert_eq!(*m.lock(), vec![1, 2]);
    {
        let _g = m.lock();
        assert!(m.try_lock().is_none());
    }
    assert!(m.try_lock().is_some());
    Python::attach(|py| m.lock_py_attached(py).push(3));
    let mut m = m;
    m.get_mut().push(4);
    assert_eq!(m.into_inner(), vec![1, 2, 3, 4]);
    static GLOBAL: nonpoison::Mutex<u32> = nonpoison::Mutex::new(5);
    assert_eq!(*GLOBAL.lock(), 5);
}

#[test]
fn critical_sections() {
    Python::attach(|py| {
        let a = PyList::empty(py);
        let b = PyList::empty(py);
        let n = with_critical_section(&a, || {
            a.append(1).unwrap();
            a.len()
        });
        assert_eq!(n, 1);
        let (la, lb) = with_critical_section2(&a, &b, || {
            b.append(2).unwrap();
            (a.len(), b.len())
        });
        assert_eq!((la, lb), (1, 1));
        // Same object twice is fine.
        assert_eq!(with_critical_section2(&a, &a, || a.len()), 1);
        assert_eq!(a.get_refcnt(), 1);
        #[allow(deprecated)]
        {
            assert_eq!(pyo3::sync::with_critical_section(&a, || 7), 7);
            assert_eq!(pyo3::sync::with_critical_section2(&a, &b, || 8), 8);
        }
    });
}

/// Readers and writers contend while running Python code; nobody deadlocks and every write
/// lands.
#[test]
fn rwlock_ext_contended() {
    use pyo3::sync::RwLockExt;
    use std::sync::RwLock;
    static DATA: RwLock<Vec<u64>> = RwLock::new(Vec::new());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                for _ in 0..25 {
                    Python::attach(|py| {
                        if i % 2 == 0 {
                            let mut guard = DATA.write_py_attached(py).unwrap();
                            let list = PyList::new(py, [1u64]).unwrap();
                            guard.push(list.get_item(0).unwrap().extract().unwrap());
                        } else {
                            let guard = DATA.read_py_attached(py).unwrap();
                            let total: u64 = guard.iter().sum();
                            assert_eq!(total, guard.len() as u64);
                            PyString::new(py, "reader").len().unwrap();
                        }
                    });
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(DATA.read().unwrap().len(), 50);

    let poisoned = RwLock::new(0);
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _g = poisoned.write().unwrap();
        panic!("poison it");
    }));
    Python::attach(|py| {
        assert!(poisoned.read_py_attached(py).is_err());
        assert!(poisoned.write_py_attached(py).is_err());
    });
}
