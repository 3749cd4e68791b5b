//! [`MutexExt`], [`RwLockExt`] and [`OnceExt`] for the `lock_api` family of locks (features
//! `lock_api`, `parking_lot` and `arc_lock`).
//!
//! Each lock first tries to take the lock without blocking; if that fails the thread detaches
//! from the interpreter while it waits, so a thread that holds the lock and needs the
//! interpreter (or a garbage collection that needs every thread) cannot deadlock with it.
//!
//! ```
//! use pyo3::prelude::*;
//! use pyo3::sync::MutexExt;
//!
//! static COUNTER: parking_lot::Mutex<u32> = parking_lot::const_mutex(0);
//! # Python::initialize();
//! Python::attach(|py| *COUNTER.lock_py_attached(py) += 1);
//! assert_eq!(*COUNTER.lock(), 1);
//! ```

use lock_api::{
    GetThreadId, Mutex, MutexGuard, RawMutex, RawRwLock, ReentrantMutex, ReentrantMutexGuard,
    RwLock, RwLockReadGuard, RwLockWriteGuard,
};

use super::ext_sealed::Sealed;
use super::{MutexExt, RwLockExt};
use crate::impl_::platform::SendPtr;
use crate::Python;

/// Runs `block` (which waits for a lock) detached from the interpreter; the guard it returns
/// may be `!Send`, which is fine because `detach` runs the closure on this thread.
fn wait_detached<'a, S: ?Sized + 'a, G>(py: Python<'_>, lock: &'a S, block: fn(&'a S) -> G) -> G {
    let lock = SendPtr::new(lock);
    py.detach(move || SendPtr::new(block(lock.into_inner())))
        .into_inner()
}

impl<R: RawMutex, T> Sealed for Mutex<R, T> {}
impl<R: RawMutex, G: GetThreadId, T> Sealed for ReentrantMutex<R, G, T> {}
impl<R: RawRwLock, T> Sealed for RwLock<R, T> {}

impl<R: RawMutex, T> MutexExt<T> for Mutex<R, T> {
    type LockResult<'a>
        = MutexGuard<'a, R, T>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_> {
        if let Some(guard) = self.try_lock() {
            return guard;
        }
        wait_detached(py, self, Mutex::lock)
    }
}

impl<R: RawMutex, G: GetThreadId, T> MutexExt<T> for ReentrantMutex<R, G, T> {
    type LockResult<'a>
        = ReentrantMutexGuard<'a, R, G, T>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_> {
        // Succeeds at once when this thread already holds the lock.
        if let Some(guard) = self.try_lock() {
            return guard;
        }
        wait_detached(py, self, ReentrantMutex::lock)
    }
}

impl<R: RawRwLock, T> RwLockExt<T> for RwLock<R, T> {
    type ReadLockResult<'a>
        = RwLockReadGuard<'a, R, T>
    where
        Self: 'a;
    type WriteLockResult<'a>
        = RwLockWriteGuard<'a, R, T>
    where
        Self: 'a;

    fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_> {
        if let Some(guard) = self.try_read() {
            return guard;
        }
        wait_detached(py, self, RwLock::read)
    }

    fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_> {
        if let Some(guard) = self.try_write() {
            return guard;
        }
        wait_detached(py, self, RwLock::write)
    }
}

#[cfg(feature = "arc_lock")]
mod arc {
    //! The `Arc` forms, whose guards own an `Arc` of the lock (`'static` guards).
    use super::*;
    use lock_api::{
        ArcMutexGuard, ArcReentrantMutexGuard, ArcRwLockReadGuard, ArcRwLockWriteGuard,
    };
    use std::sync::Arc;

    impl<R: RawMutex, T> Sealed for Arc<Mutex<R, T>> {}
    impl<R: RawMutex, G: GetThreadId, T> Sealed for Arc<ReentrantMutex<R, G, T>> {}
    impl<R: RawRwLock, T> Sealed for Arc<RwLock<R, T>> {}

    impl<R: RawMutex, T> MutexExt<T> for Arc<Mutex<R, T>> {
        type LockResult<'a>
            = ArcMutexGuard<R, T>
        where
            Self: 'a;

        fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_> {
            if let Some(guard) = self.try_lock_arc() {
                return guard;
            }
            wait_detached(py, self, Mutex::lock_arc)
        }
    }

    impl<R: RawMutex, G: GetThreadId, T> MutexExt<T> for Arc<ReentrantMutex<R, G, T>> {
        type LockResult<'a>
            = ArcReentrantMutexGuard<R, G, T>
        where
            Self: 'a;

        fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_> {
            if let Some(guard) = self.try_lock_arc() {
                return guard;
            }
            wait_detached(py, self, ReentrantMutex::lock_arc)
        }
    }

    impl<R: RawRwLock, T> RwLockExt<T> for Arc<RwLock<R, T>> {
        type ReadLockResult<'a>
            = ArcRwLockReadGuard<R, T>
        where
            Self: 'a;
        type WriteLockResult<'a>
            = ArcRwLockWriteGuard<R, T>
        where
            Self: 'a;

        fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_> {
            if let Some(guard) = self.try_read_arc() {
                return guard;
            }
            wait_detached(py, self, RwLock::read_arc)
        }

        fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_> {
            if let Some(guard) = self.try_write_arc() {
                return guard;
            }
            wait_detached(py, self, RwLock::write_arc)
        }
    }
}

#[cfg(feature = "parking_lot")]
mod once {
    //! [`OnceExt`] for `parking_lot::Once`.
    use super::*;
    use crate::sync::OnceExt;

    impl Sealed for parking_lot::Once {}

    impl OnceExt for parking_lot::Once {
        type OnceState = parking_lot::OnceState;

        fn call_once_py_attached(&self, py: Python<'_>, f: impl FnOnce()) {
            if self.state().done() {
                return;
            }
            // Wait detached; run the initializer attached again.
            let f = SendPtr::new(f);
            py.detach(move || {
                self.call_once(move || {
                    let f = f.into_inner();
                    Python::attach(|_| f());
                })
            });
        }

        fn call_once_force_py_attached(
            &self,
            py: Python<'_>,
            f: impl FnOnce(&parking_lot::OnceState),
        ) {
            if self.state().done() {
                return;
            }
            let f = SendPtr::new(f);
            py.detach(move || {
                self.call_once_force(move |state| {
                    let f = f.into_inner();
                    Python::attach(|_| f(&state));
                })
            });
        }
    }
}
