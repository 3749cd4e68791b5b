//! Unit tests of the thread-local attach count (`super`: `internal::state`).

use super::{attach_count, thread_is_attached, TraverseGuard};
use crate::{ffi, Python};

/// Runs `f` on a new thread, whose count starts at 0 whatever other tests do.
fn on_fresh_thread(f: impl FnOnce() + Send + 'static) {
    Python::initialize();
    std::thread::spawn(f).join().unwrap();
}

#[test]
fn nested_attach_counts_exactly() {
    on_fresh_thread(|| {
        assert_eq!(attach_count(), 0);
        assert!(!thread_is_attached());
        Python::attach(|_| {
            assert_eq!(attach_count(), 1);
            Python::attach(|_| assert_eq!(attach_count(), 2));
            assert_eq!(attach_count(), 1);
            assert!(thread_is_attached());
        });
        assert_eq!(attach_count(), 0);
        assert!(!thread_is_attached());
    });
}

#[test]
fn detach_zeroes_then_restores_the_count() {
    on_fresh_thread(|| {
        Python::attach(|_| {
            Python::attach(|py| {
                py.detach(|| {
                    assert_eq!(attach_count(), 0);
                    assert!(!thread_is_attached());
                    // Attaching from inside `detach` really attaches (and counts from 0).
                    Python::attach(|_| assert_eq!(attach_count(), 1));
                    assert_eq!(attach_count(), 0);
                });
                assert_eq!(attach_count(), 2);
            });
        });
        assert_eq!(attach_count(), 0);
    });
}

#[test]
fn panics_unwind_the_count() {
    on_fresh_thread(|| {
        Python::attach(|_| {
            let r = std::panic::catch_unwind(|| {
                Python::attach(|py| py.detach(|| Python::attach(|_| panic!("inner"))))
            });
            assert!(r.is_err());
            assert_eq!(attach_count(), 1);
            assert!(thread_is_attached());
        });
        let r = std::panic::catch_unwind(|| Python::attach(|_| panic!("outer")));
        assert!(r.is_err());
        assert_eq!(attach_count(), 0);
        assert!(!thread_is_attached());
    });
}

#[test]
fn traversal_counts_as_detached() {
    on_fresh_thread(|| {
        Python::attach(|_| {
            {
                let _t = TraverseGuard::new();
                assert!(!thread_is_attached());
                assert!(Python::try_attach(|_| ()).is_none());
                let r = std::panic::catch_unwind(|| Python::attach(|_| ()));
                assert!(r.is_err());
            }
            assert_eq!(attach_count(), 1);
            assert!(thread_is_attached());
        });
    });
}

/// A thread attached by someone else (as when Python calls into Rust) has no count: the
/// full API asks the interpreter, and an attach on top of it counts from there.
#[test]
fn attached_by_the_interpreter_without_a_count() {
    on_fresh_thread(|| unsafe {
        let gstate = ffi::PyGILState_Ensure();
        assert_eq!(attach_count(), 0);
        assert_eq!(thread_is_attached(), cfg!(not(Py_LIMITED_API)));
        #[cfg(not(Py_LIMITED_API))]
        Python::attach(|_| assert_eq!(attach_count(), 1));
        assert_eq!(attach_count(), 0);
        ffi::PyGILState_Release(gstate);
        assert!(!thread_is_attached());
    });
}
