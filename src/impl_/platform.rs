//! Platform helpers used by PyO3 and its test utilities (not public API).

/// Asserts that a value may cross a [`Python::detach`](crate::Python::detach) boundary.
///
/// Used to carry `!Send` values (closures, guards, references) through a detached section on
/// the same thread: the value never actually moves to another thread.
pub(crate) struct SendPtr<T>(T);

// SAFETY: only used for values that stay on the current thread (detach runs its closure
// in place).
unsafe impl<T> Send for SendPtr<T> {}

impl<T> SendPtr<T> {
    #[inline]
    pub(crate) fn new(value: T) -> Self {
        SendPtr(value)
    }

    #[inline]
    pub(crate) fn into_inner(self) -> T {
        self.0
    }
}

/// Synchronization primitives.
pub mod sync {
    /// Locks that do not poison.
    pub mod nonpoison {
        use std::ops::{Deref, DerefMut};

        /// A mutual-exclusion lock like [`std::sync::Mutex`] that is never poisoned: if a
        /// thread panics while holding the lock, later `lock` calls still succeed.
        #[derive(Debug, Default)]
        pub struct Mutex<T: ?Sized>(std::sync::Mutex<T>);

        /// RAII guard of a locked [`Mutex`]; unlocks when dropped.
        #[derive(Debug)]
        pub struct MutexGuard<'a, T: ?Sized + 'a>(std::sync::MutexGuard<'a, T>);

        impl<T> Mutex<T> {
            /// A new unlocked mutex holding `value`.
            pub const fn new(value: T) -> Self {
                Mutex(std::sync::Mutex::new(value))
            }

            /// Consumes the mutex, returning the value.
            pub fn into_inner(self) -> T {
                self.0.into_inner().unwrap_or_else(|e| e.into_inner())
            }
        }

        impl<T: ?Sized> Mutex<T> {
            /// Locks the mutex, blocking until it is available.
            pub fn lock(&self) -> MutexGuard<'_, T> {
                MutexGuard(self.0.lock().unwrap_or_else(|e| e.into_inner()))
            }

            /// Locks the mutex if it is free right now.
            pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
                match self.0.try_lock() {
                    Ok(g) => Some(MutexGuard(g)),
                    Err(std::sync::TryLockError::Poisoned(e)) => Some(MutexGuard(e.into_inner())),
                    Err(std::sync::TryLockError::WouldBlock) => None,
                }
            }

            /// Mutable access without locking (the borrow guarantees exclusivity).
            pub fn get_mut(&mut self) -> &mut T {
                self.0.get_mut().unwrap_or_else(|e| e.into_inner())
            }
        }

        impl<T> From<T> for Mutex<T> {
            fn from(value: T) -> Self {
                Mutex::new(value)
            }
        }

        impl<T: ?Sized> Deref for MutexGuard<'_, T> {
            type Target = T;
            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T: ?Sized> DerefMut for MutexGuard<'_, T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }
    }
}
