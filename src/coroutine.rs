//! Python coroutines backed by Rust futures: what an `async fn` under `#[pyfunction]` or
//! `#[pymethods]` returns (feature `experimental-async`).
//!
//! A [`Coroutine`] implements Python's coroutine protocol (`send`, `throw`, `close`,
//! `__await__`, `__next__`), so `await`, `asyncio.run`, `asyncio.gather`, `asyncio.wait_for`,
//! `asyncio.create_task` and task cancellation all work with it. Each `send` polls the Rust
//! future once, with the thread attached to the interpreter; the future's waker may be woken
//! from any thread. See the guide's chapter *Using `async` and `await`*.
//!
//! [`CancelHandle`] lets the future observe the exceptions thrown into its coroutine (such as
//! the `CancelledError` of a cancelled task) instead of being dropped.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

use crate::exceptions::{
    PyAttributeError, PyBaseException, PyRuntimeError, PyStopIteration, PyTypeError,
};
use crate::panic::PanicException;
use crate::types::{PyAnyMethods, PyString, PyStringMethods, PyTuple, PyType, PyTypeMethods};
use crate::{pyclass, pymethods, Bound, Py, PyAny, PyErr, PyRef, PyResult, Python};

pub(crate) mod cancel;
mod waker;

pub use cancel::CancelHandle;
use cancel::ThrowCallback;
use waker::AsyncioWaker;

const REUSED: &str = "cannot reuse already awaited coroutine";

type BoxFuture = Pin<Box<dyn Future<Output = PyResult<Py<PyAny>>> + Send>>;

/// A Python coroutine wrapping a Rust [`Future`].
///
/// Returned (as a Python object) by the `async fn`s of `#[pyfunction]` and `#[pymethods]`.
/// `send` polls the future; when it is pending, the coroutine suspends until the future's waker
/// is woken. Inside a running `asyncio` loop it yields an `asyncio` future completed by the
/// waker (from any thread); elsewhere it yields `None`, and the driver must simply `send`
/// again. When the future completes, `send` raises `StopIteration` carrying the converted
/// return value; a Rust panic in the future raises `PanicException`.
///
/// `throw(exc)` drops the future and raises `exc`, unless the function has a
/// [`CancelHandle`] argument: then `exc` is handed to the handle and the future is polled
/// again. `close()` drops the future. Awaiting a finished coroutine again raises
/// `RuntimeError: cannot reuse already awaited coroutine`.
#[pyclass(crate = "crate")]
pub struct Coroutine {
    name: Option<Py<PyString>>,
    qualname_prefix: Option<&'static str>,
    throw_callback: Option<ThrowCallback>,
    // Only touched through `&mut self`; the mutex makes the non-`Sync` future shareable
    // between threads as a `#[pyclass]` must be.
    future: Option<Mutex<BoxFuture>>,
}

impl Coroutine {
    /// Wraps `future` (already converting its output to a Python object) into a coroutine.
    pub(crate) fn new(
        name: Option<Py<PyString>>,
        qualname_prefix: Option<&'static str>,
        throw_callback: Option<ThrowCallback>,
        future: impl Future<Output = PyResult<Py<PyAny>>> + Send + 'static,
    ) -> Self {
        Coroutine {
            name,
            qualname_prefix,
            throw_callback,
            future: Some(Mutex::new(Box::pin(future))),
        }
    }

    /// One step of the coroutine: delivers `throw` (if any), then polls the future.
    /// `Ok(v)` is the value to yield; completion is `Err(StopIteration(result))`.
    fn step(&mut self, py: Python<'_>, throw: Option<Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        if self.future.is_none() {
            return Err(PyRuntimeError::new_err(REUSED));
        }
        if let Some(exc) = throw {
            match &self.throw_callback {
                Some(cb) => cb.throw(exc.unbind()),
                None => {
                    self.future = None;
                    return Err(PyErr::from_value(exc));
                }
            }
        }
        let waker = Arc::new(AsyncioWaker::default());
        let std_waker = Waker::from(Arc::clone(&waker));
        let mut cx = Context::from_waker(&std_waker);
        let future = self.future.as_mut().expect("checked above");
        let future = future.get_mut().unwrap_or_else(PoisonError::into_inner);
        let polled = catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(&mut cx)));
        let result = match polled {
            Ok(Poll::Pending) => return waker.suspend(py),
            Ok(Poll::Ready(result)) => result,
            Err(payload) => Err(PanicException::from_panic_payload(payload)),
        };
        self.future = None;
        match result {
            Ok(value) => Err(stop_iteration(py, value)?),
            Err(e) if e.is_instance_of::<PyStopIteration>(py) => {
                // As for Python coroutines (PEP 479): a `StopIteration` escaping the body would
                // otherwise look like a normal return.
                let err = PyRuntimeError::new_err("coroutine raised StopIteration");
                err.set_cause(py, Some(e));
                Err(err)
            }
            Err(e) => Err(e),
        }
    }
}

/// `StopIteration(value)`, built from the instance so that a tuple `value` is not unpacked
/// into several arguments.
fn stop_iteration(py: Python<'_>, value: Py<PyAny>) -> PyResult<PyErr> {
    let exc = py.get_type::<PyStopIteration>().call1((value,))?;
    Ok(PyErr::from_value(exc))
}

#[pymethods(crate = "crate")]
impl Coroutine {
    /// The name of the Rust function.
    #[getter]
    fn __name__(&self, py: Python<'_>) -> PyResult<Py<PyString>> {
        match &self.name {
            Some(name) => Ok(name.clone_ref(py)),
            None => Err(PyAttributeError::new_err("__name__")),
        }
    }

    /// `Class.name` for methods, else the name.
    #[getter]
    fn __qualname__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        match (&self.name, self.qualname_prefix) {
            (Some(name), Some(prefix)) => Ok(PyString::new(
                py,
                &format!("{}.{}", prefix, name.bind(py).to_cow()?),
            )),
            (Some(name), None) => Ok(name.bind(py).clone()),
            (None, _) => Err(PyAttributeError::new_err("__qualname__")),
        }
    }

    /// Resumes the coroutine; `value` is ignored (a suspended Rust future takes no input).
    fn send(&mut self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let _ = value;
        self.step(py, None)
    }

    /// Throws an exception into the coroutine. Accepts the legacy `(type, value, traceback)`
    /// form as well as a single exception (class or instance).
    #[pyo3(signature = (exc, value = None, traceback = None))]
    fn throw(
        &mut self,
        py: Python<'_>,
        exc: &Bound<'_, PyAny>,
        value: Option<&Bound<'_, PyAny>>,
        traceback: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let exc = normalize_exception(exc, value, traceback)?;
        self.step(py, Some(exc))
    }

    /// Drops the future (running its destructors); the coroutine cannot be resumed.
    fn close(&mut self) {
        self.future = None;
    }

    fn __await__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.step(py, None)
    }
}

/// The exception instance `throw` was asked to raise.
fn normalize_exception<'py>(
    exc: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
    traceback: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = value.filter(|v| !v.is_none());
    let instance = if exc.is_instance_of::<PyBaseException>() {
        if value.is_some() {
            return Err(PyTypeError::new_err(
                "instance exception may not have a separate value",
            ));
        }
        exc.clone()
    } else if is_exception_class(exc)? {
        match value {
            Some(v) if v.is_instance(exc)? => v.clone(),
            Some(v) => match v.cast::<PyTuple>() {
                Ok(args) => exc.call1(args.clone())?,
                Err(_) => exc.call1((v,))?,
            },
            None => exc.call0()?,
        }
    } else {
        return Err(PyTypeError::new_err(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            exc.get_type().name()?
        )));
    };
    if let Some(tb) = traceback.filter(|tb| !tb.is_none()) {
        instance.setattr("__traceback__", tb)?;
    }
    Ok(instance)
}

fn is_exception_class(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    match obj.cast::<PyType>() {
        Ok(ty) => ty.is_subclass_of::<PyBaseException>(),
        Err(_) => Ok(false),
    }
}
