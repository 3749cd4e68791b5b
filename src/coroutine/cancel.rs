//! [`CancelHandle`]: how an exception thrown into a [`Coroutine`](super::Coroutine) (for
//! example the `CancelledError` of `asyncio`'s task cancellation) reaches the Rust future.

use std::future::poll_fn;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

use crate::{Py, PyAny};

/// What the coroutine and the handle share.
#[derive(Debug, Default)]
struct Shared {
    /// The last exception thrown into the coroutine and not yet retrieved.
    exception: Option<Py<PyAny>>,
    /// Set once an exception was thrown, even after it was retrieved.
    cancelled: bool,
    /// The waker of the task waiting in [`CancelHandle::poll_cancelled`].
    waker: Option<Waker>,
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // Nothing panics while the lock is held, but a poisoned lock still has consistent data.
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Receives the exceptions thrown into the [`Coroutine`](super::Coroutine) of an `async fn`.
///
/// Give an `async fn` of `#[pyfunction]`/`#[pymethods]` an argument of this type marked
/// `#[pyo3(cancel_handle)]` (it is not a Python parameter). Then `coroutine.throw(exc)`
/// (what `asyncio` does when the task is cancelled) does not drop the future: the exception is
/// stored in the handle and the future is polled again, so it can clean up and decide what to
/// return or raise. Only the last exception thrown is kept.
///
/// ```rust
/// # #[cfg(feature = "experimental-async")] {
/// use pyo3::coroutine::CancelHandle;
/// use pyo3::prelude::*;
///
/// #[pyfunction]
/// async fn wait_for_cancel(#[pyo3(cancel_handle)] mut cancel: CancelHandle) -> String {
///     let exc = cancel.cancelled().await;
///     Python::attach(|py| exc.bind(py).to_string())
/// }
/// # }
/// ```
#[derive(Debug, Default)]
pub struct CancelHandle(Arc<Mutex<Shared>>);

impl CancelHandle {
    /// A handle not yet associated with a coroutine.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether an exception has been thrown into the associated coroutine.
    pub fn is_cancelled(&self) -> bool {
        lock(&self.0).cancelled
    }

    /// Polls for the exception thrown into the associated coroutine; `Pending` registers the
    /// waker of `cx`, which is woken by the next `throw`.
    pub fn poll_cancelled(&mut self, cx: &mut Context<'_>) -> Poll<Py<PyAny>> {
        let mut shared = lock(&self.0);
        if let Some(exc) = shared.exception.take() {
            return Poll::Ready(exc);
        }
        match &shared.waker {
            Some(w) if w.will_wake(cx.waker()) => {}
            _ => shared.waker = Some(cx.waker().clone()),
        }
        Poll::Pending
    }

    /// Waits for an exception to be thrown into the associated coroutine and returns it.
    pub async fn cancelled(&mut self) -> Py<PyAny> {
        poll_fn(|cx| self.poll_cancelled(cx)).await
    }

    /// The other end, kept by the coroutine.
    pub(crate) fn throw_callback(&self) -> ThrowCallback {
        ThrowCallback(Arc::clone(&self.0))
    }
}

/// The coroutine's end of a [`CancelHandle`].
#[derive(Debug)]
pub struct ThrowCallback(Arc<Mutex<Shared>>);

impl ThrowCallback {
    /// Stores `exc` for the handle and wakes the future waiting for it.
    pub(crate) fn throw(&self, exc: Py<PyAny>) {
        let waker = {
            let mut shared = lock(&self.0);
            shared.exception = Some(exc);
            shared.cancelled = true;
            shared.waker.take()
        };
        // Woken outside the lock: the waker may run arbitrary code.
        if let Some(w) = waker {
            w.wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;
    use crate::{IntoPyObject, Python};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;

    struct CountWake(AtomicUsize);
    impl Wake for CountWake {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn throw_wakes_and_delivers_last_exception() {
        Python::attach(|py| {
            let mut handle = CancelHandle::new();
            let cb = handle.throw_callback();
            let counter = Arc::new(CountWake(AtomicUsize::new(0)));
            let waker = Waker::from(counter.clone());
            let mut cx = Context::from_waker(&waker);
            assert!(handle.poll_cancelled(&mut cx).is_pending());
            assert!(!handle.is_cancelled());
            cb.throw(py.None());
            cb.throw(1i32.into_pyobject(py).unwrap().into_any().unbind());
            assert_eq!(counter.0.load(Ordering::SeqCst), 1);
            assert!(handle.is_cancelled());
            match handle.poll_cancelled(&mut cx) {
                Poll::Ready(v) => assert_eq!(v.bind(py).extract::<i32>().unwrap(), 1),
                Poll::Pending => panic!("the thrown exception was not delivered"),
            }
            // Retrieved: pending again, but still cancelled.
            assert!(handle.poll_cancelled(&mut cx).is_pending());
            assert!(handle.is_cancelled());
        });
    }
}
