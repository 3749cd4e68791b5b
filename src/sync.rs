//! Synchronization helpers that are aware of the Python interpreter: [`PyOnceLock`] and the
//! [`intern!`](crate::intern) macro.

use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::types::{PyAnyMethods, PyModule, PyString};
use crate::{Bound, Py, PyResult, PyTypeCheck, Python};

const EMPTY: u8 = 0;
const RUNNING: u8 = 1;
const COMPLETE: u8 = 2;

/// A cell initialized at most once, safe to use while attached to Python.
///
/// Unlike [`std::sync::OnceLock`], a thread that finds another thread initializing the cell
/// detaches from the interpreter while it waits, so the initializer may run Python code (which
/// can need the GIL, or be waited on by the garbage collector) without deadlocking.
pub struct PyOnceLock<T> {
    state: AtomicU8,
    value: UnsafeCell<MaybeUninit<T>>,
}

// SAFETY: the value is written once (by the thread that moved state to RUNNING) before COMPLETE
// is published with Release; readers Acquire COMPLETE before reading.
unsafe impl<T: Send + Sync> Sync for PyOnceLock<T> {}
// SAFETY: moving the cell moves the value.
unsafe impl<T: Send> Send for PyOnceLock<T> {}

impl<T> Default for PyOnceLock<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Resets the cell if the initializer panics.
struct ResetOnUnwind<'a>(&'a AtomicU8);

impl Drop for ResetOnUnwind<'_> {
    fn drop(&mut self) {
        self.0.store(EMPTY, Ordering::Release);
    }
}

impl<T> PyOnceLock<T> {
    /// An empty cell.
    pub const fn new() -> Self {
        PyOnceLock {
            state: AtomicU8::new(EMPTY),
            value: UnsafeCell::new(MaybeUninit::uninit()),
        }
    }

    /// The value, if initialized.
    #[inline]
    pub fn get(&self, _py: Python<'_>) -> Option<&T> {
        self.get_inner()
    }

    #[inline]
    fn get_inner(&self) -> Option<&T> {
        if self.state.load(Ordering::Acquire) == COMPLETE {
            // SAFETY: COMPLETE means the value was written.
            Some(unsafe { (*self.value.get()).assume_init_ref() })
        } else {
            None
        }
    }

    /// The value, initializing it with `f` if empty. `f` runs at most once (unless it panics).
    #[inline]
    pub fn get_or_init<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T,
    {
        if let Some(v) = self.get_inner() {
            return v;
        }
        match self.init(py, || Ok::<T, std::convert::Infallible>(f())) {
            Ok(v) => v,
            Err(e) => match e {},
        }
    }

    /// Like [`get_or_init`](Self::get_or_init) with a fallible initializer; on error the cell
    /// stays empty.
    pub fn get_or_try_init<F, E>(&self, py: Python<'_>, f: F) -> Result<&T, E>
    where
        F: FnOnce() -> Result<T, E>,
    {
        if let Some(v) = self.get_inner() {
            return Ok(v);
        }
        self.init(py, f)
    }

    #[cold]
    fn init<F, E>(&self, py: Python<'_>, f: F) -> Result<&T, E>
    where
        F: FnOnce() -> Result<T, E>,
    {
        loop {
            match self
                .state
                .compare_exchange(EMPTY, RUNNING, Ordering::Acquire, Ordering::Acquire)
            {
                Ok(_) => {
                    let reset = ResetOnUnwind(&self.state);
                    let value = f()?;
                    std::mem::forget(reset);
                    // SAFETY: we own the RUNNING state, nobody else touches the value.
                    unsafe { (*self.value.get()).write(value) };
                    self.state.store(COMPLETE, Ordering::Release);
                    return Ok(self.get_inner().expect("just initialized"));
                }
                Err(COMPLETE) => return Ok(self.get_inner().expect("complete")),
                Err(_) => {
                    // Someone else is initializing: let it run.
                    py.detach(std::thread::yield_now);
                }
            }
        }
    }

    /// Sets the value if the cell is empty; otherwise returns `value` back.
    pub fn set(&self, _py: Python<'_>, value: T) -> Result<(), T> {
        match self
            .state
            .compare_exchange(EMPTY, RUNNING, Ordering::Acquire, Ordering::Acquire)
        {
            Ok(_) => {
                // SAFETY: we own the RUNNING state.
                unsafe { (*self.value.get()).write(value) };
                self.state.store(COMPLETE, Ordering::Release);
                Ok(())
            }
            Err(_) => Err(value),
        }
    }

    /// Mutable access to the value, if initialized.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        if *self.state.get_mut() == COMPLETE {
            // SAFETY: initialized, and we have exclusive access.
            Some(unsafe { self.value.get_mut().assume_init_mut() })
        } else {
            None
        }
    }

    /// Takes the value out, leaving the cell empty.
    pub fn take(&mut self) -> Option<T> {
        if *self.state.get_mut() == COMPLETE {
            *self.state.get_mut() = EMPTY;
            // SAFETY: was initialized; state reset so it is not read or dropped again.
            Some(unsafe { self.value.get_mut().assume_init_read() })
        } else {
            None
        }
    }

    /// Consumes the cell, returning the value if initialized.
    pub fn into_inner(mut self) -> Option<T> {
        self.take()
    }
}

impl<T> Drop for PyOnceLock<T> {
    fn drop(&mut self) {
        if *self.state.get_mut() == COMPLETE {
            // SAFETY: initialized and dropped exactly once.
            unsafe { self.value.get_mut().assume_init_drop() }
        }
    }
}

impl<T> PyOnceLock<Py<T>> {
    /// Clones the value with [`Py::clone_ref`], if initialized.
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        let cell = PyOnceLock::new();
        if let Some(v) = self.get(py) {
            let _ = cell.set(py, v.clone_ref(py));
        }
        cell
    }
}

impl<T: PyTypeCheck> PyOnceLock<Py<T>> {
    /// Imports `module_name.attr_name` (once) and returns it cast to `T`; a convenient way to
    /// cache Python classes and functions.
    pub fn import<'py>(
        &self,
        py: Python<'py>,
        module_name: &str,
        attr_name: &str,
    ) -> PyResult<&Bound<'py, T>> {
        self.get_or_try_init(py, || {
            let value = PyModule::import(py, module_name)?.getattr(attr_name)?;
            Ok(value.cast_into::<T>()?.unbind())
        })
        .map(|v| v.bind(py))
    }
}

/// An interned Python string, created on first use; what [`intern!`](crate::intern) expands to.
#[doc(hidden)]
pub struct Interned(&'static str, PyOnceLock<Py<PyString>>);

impl Interned {
    /// A cell for `value`.
    pub const fn new(value: &'static str) -> Self {
        Interned(value, PyOnceLock::new())
    }

    /// The interned string.
    #[inline]
    pub fn get<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        self.1
            .get_or_init(py, || PyString::intern(py, self.0).unbind())
            .bind(py)
    }
}

/// Returns an interned `&Bound<PyString>` for a string literal, created once and reused: cheap
/// attribute names for `getattr` and friends.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::intern;
///
/// # Python::initialize();
/// # Python::attach(|py| {
/// let name = intern!(py, "__name__");
/// # let _ = name;
/// # });
/// ```
#[macro_export]
macro_rules! intern {
    ($py:expr, $text:expr) => {{
        static INTERNED: $crate::sync::Interned = $crate::sync::Interned::new($text);
        INTERNED.get($py)
    }};
}
