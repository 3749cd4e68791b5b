//! The [`Waker`](std::task::Waker) given to the futures of [`Coroutine`](super::Coroutine)s.
//!
//! When the future is pending, the coroutine suspends by yielding an `asyncio` future created on
//! the running loop (the task awaiting the coroutine then sleeps until that future is done).
//! Waking the Rust waker, from any thread, completes that `asyncio` future through
//! `loop.call_soon_threadsafe`, which resumes the task, which calls `send` again, which polls
//! the Rust future. A wake that happens before the coroutine yields (during the poll itself)
//! makes it yield `None` instead: a bare `yield` tells `asyncio` to resume the task at once.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::Wake;

use crate::sync::PyOnceLock;
use crate::types::{PyAnyMethods, PyCFunction, PyTuple, PyTupleMethods};
use crate::{ffi, Bound, Py, PyAny, PyResult, Python};

/// Where the waker is in its life (one waker per poll).
#[derive(Default)]
enum State {
    /// The poll is running and nothing woke it yet.
    #[default]
    Polling,
    /// Woken before the coroutine suspended.
    Woken,
    /// The coroutine yielded `future` (of `event_loop`) and waits for it.
    Waiting {
        event_loop: Py<PyAny>,
        future: Py<PyAny>,
    },
}

/// The waker of one poll of a coroutine's future.
#[derive(Default)]
pub(crate) struct AsyncioWaker(Mutex<State>);

impl AsyncioWaker {
    fn state(&self) -> MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What the coroutine yields after a `Pending` poll: `None` if already woken (or if no
    /// `asyncio` loop runs, so that a driver that just calls `send(None)` again still works),
    /// else an `asyncio` future completed by the next wake.
    pub(crate) fn suspend(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        if matches!(*self.state(), State::Woken) {
            return Ok(py.None());
        }
        let Some(event_loop) = running_loop(py)? else {
            return Ok(py.None());
        };
        let future = event_loop.call_method0("create_future")?;
        // The first step of `future.__await__()` flags the future as awaited
        // (`_asyncio_future_blocking`) and yields it: exactly what a task expects to receive.
        let yielded = future.call_method0("__await__")?.call_method0("__next__")?;
        // The lock is not held while Python code runs (creating the future may let another
        // thread run and wake us), hence the second look at the state.
        let mut state = self.state();
        if matches!(*state, State::Woken) {
            drop(state);
            future.call_method1("set_result", (py.None(),))?;
        } else {
            *state = State::Waiting {
                event_loop: event_loop.unbind(),
                future: future.unbind(),
            };
        }
        Ok(yielded.unbind())
    }
}

impl Wake for AsyncioWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // A waker may outlive the interpreter (kept by a Rust runtime): nothing to wake then.
        if unsafe { ffi::Py_IsInitialized() } == 0 {
            return;
        }
        Python::attach(|py| {
            let previous = std::mem::replace(&mut *self.state(), State::Woken);
            if let State::Waiting { event_loop, future } = previous {
                // Fails only if the loop is closed: the task is gone and nobody waits.
                let _ = release_waiter(py).and_then(|release| {
                    event_loop
                        .bind(py)
                        .call_method1("call_soon_threadsafe", (release, future))
                });
            }
        });
    }
}

/// `asyncio.get_running_loop()`, or `None` outside a running loop.
fn running_loop(py: Python<'_>) -> PyResult<Option<Bound<'_, PyAny>>> {
    static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let get = GET_RUNNING_LOOP.import(py, "asyncio", "get_running_loop")?;
    match get.call0() {
        Ok(event_loop) => Ok(Some(event_loop)),
        Err(e) if e.is_instance_of::<crate::exceptions::PyRuntimeError>(py) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A builtin `release_waiter(future)` that completes `future` unless it is already done
/// (`asyncio` cancels the future a task waits on when the task is cancelled).
fn release_waiter(py: Python<'_>) -> PyResult<&Bound<'_, PyCFunction>> {
    static RELEASE_WAITER: PyOnceLock<Py<PyCFunction>> = PyOnceLock::new();
    RELEASE_WAITER
        .get_or_try_init(py, || {
            let f = PyCFunction::new_closure(
                py,
                Some(c"release_waiter"),
                None,
                |args: &Bound<'_, PyTuple>, _kwargs| -> PyResult<()> {
                    let future = args.get_item(0)?;
                    if !future.call_method0("done")?.is_truthy()? {
                        future.call_method1("set_result", (args.py().None(),))?;
                    }
                    Ok(())
                },
            )?;
            Ok::<_, crate::PyErr>(f.unbind())
        })
        .map(|f| f.bind(py))
}
