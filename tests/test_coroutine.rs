//! `async fn` under `#[pyfunction]`: the coroutines they return, driven by `asyncio` and by
//! hand (the coroutine protocol), with wakers woken from other threads, timeouts,
//! cancellation (with and without `CancelHandle`), errors and panics.
#![cfg(all(
    feature = "experimental-async",
    feature = "macros",
    feature = "auto-initialize"
))]

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use pyo3::coroutine::CancelHandle;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::wrap_pyfunction;

/// A future completed by a Rust thread after `delay` (the waker is woken from that thread).
struct ThreadSleep {
    state: Arc<Mutex<(bool, Option<Waker>)>>,
}

fn thread_sleep(delay: Duration) -> ThreadSleep {
    let state = Arc::new(Mutex::new((false, None::<Waker>)));
    let theirs = Arc::clone(&state);
    std::thread::spawn(move || {
        std::thread::sleep(delay);
        let waker = {
            let mut s = theirs.lock().unwrap();
            s.0 = true;
            s.1.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    });
    ThreadSleep { state }
}

impl Future for ThreadSleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut s = self.state.lock().unwrap();
        if s.0 {
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// Counts the drops of the futures it is moved into.
static DROPPED: AtomicUsize = AtomicUsize::new(0);

struct DropCounter;

impl Drop for DropCounter {
    fn drop(&mut self) {
        DROPPED.fetch_add(1, Ordering::SeqCst);
    }
}

#[pyfunction]
async fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[pyfunction]
#[pyo3(signature = (seconds, result = None))]
async fn sleep(seconds: f64, result: Option<Py<PyAny>>) -> Option<Py<PyAny>> {
    thread_sleep(Duration::from_secs_f64(seconds)).await;
    result
}

/// `&str` arguments are copied into the future.
#[pyfunction]
#[pyo3(signature = (text, suffix = None, sep = "-"))]
async fn join(text: &str, suffix: Option<&str>, sep: &str) -> String {
    thread_sleep(Duration::from_millis(1)).await;
    match suffix {
        Some(s) => format!("{text}{sep}{s}"),
        None => text.to_string(),
    }
}

#[pyfunction]
async fn nothing() {
    thread_sleep(Duration::from_millis(1)).await;
}

#[pyfunction]
async fn fail(message: String) -> PyResult<()> {
    thread_sleep(Duration::from_millis(1)).await;
    Err(PyValueError::new_err(message))
}

#[pyfunction]
async fn explode() -> i32 {
    thread_sleep(Duration::from_millis(1)).await;
    panic!("exploded in a future")
}

#[pyfunction]
async fn stop_iteration() -> PyResult<i32> {
    Err(pyo3::exceptions::PyStopIteration::new_err(()))
}

/// Sleeps forever unless dropped; counts the drop.
#[pyfunction]
async fn sleep_forever_tracked() {
    let _counter = DropCounter;
    std::future::pending::<()>().await;
}

/// Returns what it observed of the cancellation.
#[pyfunction]
async fn cancellable(#[pyo3(cancel_handle)] mut cancel: CancelHandle) -> String {
    let exc = cancel.cancelled().await;
    assert!(cancel.is_cancelled());
    Python::attach(|py| format!("caught {}", exc.bind(py).get_type().name().unwrap()))
}

/// A cancel handle next to regular parameters, which keep their names and order.
#[pyfunction]
#[pyo3(signature = (seconds, *, label = "done".to_string()))]
async fn sleep_or_cancel(
    seconds: f64,
    #[pyo3(cancel_handle)] cancel: CancelHandle,
    label: String,
) -> String {
    let mut sleep = thread_sleep(Duration::from_secs_f64(seconds));
    let mut cancel = cancel;
    std::future::poll_fn(|cx| {
        if Pin::new(&mut sleep).poll(cx).is_ready() {
            return Poll::Ready(label.clone());
        }
        match cancel.poll_cancelled(cx) {
            Poll::Ready(_) => Poll::Ready("cancelled".to_string()),
            Poll::Pending => Poll::Pending,
        }
    })
    .await
}

/// Pending once, waking its own waker during the poll (the coroutine must not wait for an
/// event loop callback then).
#[pyfunction]
async fn yield_once() -> &'static str {
    let mut first = true;
    std::future::poll_fn(|cx| {
        if std::mem::take(&mut first) {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    "resumed"
}

fn module(py: Python<'_>) -> Bound<'_, PyDict> {
    let globals = PyDict::new(py);
    let add_fns = || -> PyResult<()> {
        globals.set_item("add", wrap_pyfunction!(add, py)?)?;
        globals.set_item("sleep", wrap_pyfunction!(sleep, py)?)?;
        globals.set_item("nothing", wrap_pyfunction!(nothing, py)?)?;
        globals.set_item("join", wrap_pyfunction!(join, py)?)?;
        globals.set_item("fail", wrap_pyfunction!(fail, py)?)?;
        globals.set_item("explode", wrap_pyfunction!(explode, py)?)?;
        globals.set_item("stop_iteration", wrap_pyfunction!(stop_iteration, py)?)?;
        globals.set_item(
            "sleep_forever_tracked",
            wrap_pyfunction!(sleep_forever_tracked, py)?,
        )?;
        globals.set_item("cancellable", wrap_pyfunction!(cancellable, py)?)?;
        globals.set_item("sleep_or_cancel", wrap_pyfunction!(sleep_or_cancel, py)?)?;
        globals.set_item("yield_once", wrap_pyfunction!(yield_once, py)?)?;
        globals.set_item(
            "PanicException",
            py.get_type::<pyo3::panic::PanicException>(),
        )?;
        Ok(())
    };
    add_fns().unwrap();
    globals
}

/// Runs `code` (which uses `assert`) with the test functions in scope.
fn run(code: &str) {
    Python::attach(|py| {
        let globals = module(py);
        let code = std::ffi::CString::new(format!("import asyncio\n{code}")).unwrap();
        if let Err(e) = py.run(&code, Some(&globals), None) {
            e.print(py);
            panic!("python code failed: {e}");
        }
    });
}

#[test]
fn awaited_from_asyncio() {
    run(r#"
assert asyncio.run(add(1, 2)) == 3
async def main():
    assert await add(a=40, b=2) == 42
    assert await sleep(0.01, "x") == "x"
    assert await sleep(0.01) is None
    assert await nothing() is None
    assert await join("a") == "a"
    assert await join("a", "b") == "a-b"
    assert await join("a", "b", sep="+") == "a+b"
    # As in PyO3, arguments are converted when the coroutine first runs: the call gives a
    # coroutine, the wrong type raises at the await (an arity error still raises at the call).
    coro = join(1)
    try:
        await coro
    except TypeError as e:
        assert str(e) == "'int' object is not an instance of 'str'", str(e)
    else:
        raise AssertionError("no error")
    try:
        join()
    except TypeError as e:
        assert str(e) == "join() missing 1 required positional argument: 'text'", str(e)
    else:
        raise AssertionError("no arity error")
    return "ok"
assert asyncio.run(main()) == "ok"
"#);
}

#[test]
fn gather_runs_concurrently() {
    run(r#"
import time
async def main():
    start = time.monotonic()
    results = await asyncio.gather(*(sleep(0.2, i) for i in range(10)))
    elapsed = time.monotonic() - start
    assert results == list(range(10)), results
    assert elapsed < 1.0, elapsed
asyncio.run(main())
"#);
}

#[test]
fn tasks_and_wakers_from_other_threads() {
    run(r#"
async def main():
    tasks = [asyncio.create_task(sleep(0.01 * (i % 3), i)) for i in range(30)]
    done = [await t for t in tasks]
    assert done == list(range(30))
    assert await yield_once() == "resumed"
asyncio.run(main())
"#);
}

#[test]
fn errors_and_panics() {
    run(r#"
async def main():
    try:
        await fail("bad value")
    except ValueError as e:
        assert str(e) == "bad value"
    else:
        raise AssertionError("no error")
    try:
        await explode()
    except PanicException as e:
        assert str(e) == "exploded in a future", str(e)
    else:
        raise AssertionError("no panic")
    try:
        await stop_iteration()
    except RuntimeError as e:
        assert str(e) == "coroutine raised StopIteration"
        assert isinstance(e.__cause__, StopIteration)
    else:
        raise AssertionError("no error")
asyncio.run(main())
"#);
}

#[test]
fn timeout_and_cancellation_drop_the_future() {
    DROPPED.store(0, Ordering::SeqCst);
    run(r#"
async def main():
    try:
        await asyncio.wait_for(sleep_forever_tracked(), 0.05)
    except asyncio.TimeoutError:
        pass
    else:
        raise AssertionError("no timeout")
    task = asyncio.create_task(sleep_forever_tracked())
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    else:
        raise AssertionError("not cancelled")
    assert task.cancelled()
asyncio.run(main())
"#);
    assert_eq!(DROPPED.load(Ordering::SeqCst), 2);
}

#[test]
fn timeout_while_a_thread_still_holds_the_waker() {
    run(r#"
async def main():
    try:
        await asyncio.wait_for(sleep(1.5, None), timeout=0.05)
    except asyncio.TimeoutError:
        pass
    else:
        raise AssertionError("no timeout")
asyncio.run(main())
"#);
    // The thread wakes the waker of the dropped future after the loop is closed.
    std::thread::sleep(Duration::from_secs(2));
    run("assert True");
}

#[test]
fn cancel_handle_receives_the_cancellation() {
    run(r#"
async def main():
    task = asyncio.create_task(cancellable())
    await asyncio.sleep(0.01)
    task.cancel()
    assert await task == "caught CancelledError"

    # Not cancelled: the sleep wins; the keyword-only parameter is still a parameter.
    assert await sleep_or_cancel(0.01, label="slept") == "slept"
    task = asyncio.create_task(sleep_or_cancel(10))
    await asyncio.sleep(0.01)
    task.cancel()
    assert await task == "cancelled"
asyncio.run(main())
import inspect
assert "cancel" not in str(inspect.signature(sleep_or_cancel)), inspect.signature(sleep_or_cancel)
"#);
}

#[test]
fn coroutine_protocol_by_hand() {
    run(r#"
import collections.abc
c = add(2, 3)
assert type(c).__name__ == "Coroutine"
assert isinstance(c, collections.abc.Coroutine)
assert c.__name__ == "add" and c.__qualname__ == "add"
assert c.__await__() is c
try:
    c.send(None)
except StopIteration as e:
    assert e.value == 5
else:
    raise AssertionError("not finished")
try:
    c.send(None)
except RuntimeError as e:
    assert str(e) == "cannot reuse already awaited coroutine"
else:
    raise AssertionError("reused")

# Without a running loop, a pending coroutine yields None and is simply resumed.
c = sleep(0.05, (1, 2))
steps = 0
while True:
    try:
        assert c.send(None) is None
        steps += 1
    except StopIteration as e:
        assert e.value == (1, 2)
        break
assert steps >= 1

# next() is send(None).
c = add(1, 1)
try:
    next(c)
except StopIteration as e:
    assert e.value == 2

# throw without a cancel handle drops the future and raises; the legacy forms work.
c = sleep(10)
assert c.send(None) is None
try:
    c.throw(ValueError("thrown"))
except ValueError as e:
    assert str(e) == "thrown"
try:
    c.send(None)
except RuntimeError as e:
    assert str(e) == "cannot reuse already awaited coroutine"
c = sleep(10)
try:
    c.throw(KeyError, "k")
except KeyError as e:
    assert e.args == ("k",)
try:
    sleep(10).throw(1)
except TypeError as e:
    assert "exceptions must be classes or instances deriving from BaseException" in str(e)

# throw with a cancel handle resumes the future.
c = cancellable()
assert c.send(None) is None
try:
    c.throw(KeyError("x"))
except StopIteration as e:
    assert e.value == "caught KeyError"

# close() drops the future.
c = sleep(10)
c.close()
c.close()
try:
    c.send(None)
except RuntimeError as e:
    assert str(e) == "cannot reuse already awaited coroutine"
"#);
}

#[test]
fn closing_a_pending_coroutine_drops_the_future() {
    DROPPED.store(0, Ordering::SeqCst);
    run(r#"
c = sleep_forever_tracked()
assert c.send(None) is None
c.close()
c = sleep_forever_tracked()
assert c.send(None) is None
del c
"#);
    assert_eq!(DROPPED.load(Ordering::SeqCst), 2);
}
