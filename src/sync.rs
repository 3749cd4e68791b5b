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

pub mod critical_section;
#[cfg(feature = "lock_api")]
mod lock_api;

mod ext_sealed {
    pub trait Sealed {}
    impl Sealed for std::sync::Once {}
    impl<T> Sealed for std::sync::OnceLock<T> {}
    impl<T> Sealed for std::sync::Mutex<T> {}
    impl<T> Sealed for std::sync::RwLock<T> {}
    impl<T> Sealed for crate::impl_::platform::sync::nonpoison::Mutex<T> {}
}

/// Extension trait for [`std::sync::Once`]: waits for another thread's initializer without
/// blocking the interpreter.
///
/// If the `Once` is being run by another thread, the calling thread detaches from the
/// interpreter while it waits, so the initializer may itself need the interpreter.
///
/// ```
/// use std::sync::Once;
/// use pyo3::prelude::*;
/// use pyo3::sync::OnceExt;
///
/// static INIT: Once = Once::new();
/// # Python::initialize();
/// Python::attach(|py| INIT.call_once_py_attached(py, || { /* set something up */ }));
/// assert!(INIT.is_completed());
/// ```
pub trait OnceExt: ext_sealed::Sealed {
    /// The state passed to [`call_once_force_py_attached`](Self::call_once_force_py_attached).
    type OnceState;

    /// Like [`Once::call_once`](std::sync::Once::call_once), detaching while blocked.
    fn call_once_py_attached(&self, py: Python<'_>, f: impl FnOnce());

    /// Like [`Once::call_once_force`](std::sync::Once::call_once_force), detaching while
    /// blocked.
    fn call_once_force_py_attached(&self, py: Python<'_>, f: impl FnOnce(&Self::OnceState));
}

impl OnceExt for std::sync::Once {
    type OnceState = std::sync::OnceState;

    fn call_once_py_attached(&self, py: Python<'_>, f: impl FnOnce()) {
        if self.is_completed() {
            return;
        }
        // Run `f` attached: re-attach inside the detached wait.
        let f = crate::impl_::platform::SendPtr::new(f);
        py.detach(move || {
            self.call_once(move || {
                let f = f.into_inner();
                Python::attach(|_| f());
            })
        });
    }

    fn call_once_force_py_attached(&self, py: Python<'_>, f: impl FnOnce(&std::sync::OnceState)) {
        if self.is_completed() {
            return;
        }
        let f = crate::impl_::platform::SendPtr::new(f);
        py.detach(move || {
            self.call_once_force(move |state| {
                let f = f.into_inner();
                Python::attach(|_| f(state));
            })
        });
    }
}

/// Extension trait for [`std::sync::OnceLock`]: initializes without deadlocking with the
/// interpreter (see [`OnceExt`]).
pub trait OnceLockExt<T>: ext_sealed::Sealed {
    /// Returns the value, initializing it with `f` (run attached) if needed; detaches while
    /// waiting for another thread's initialization.
    fn get_or_init_py_attached<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T;
}

impl<T> OnceLockExt<T> for std::sync::OnceLock<T> {
    fn get_or_init_py_attached<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T,
    {
        if let Some(v) = self.get() {
            return v;
        }
        let f = crate::impl_::platform::SendPtr::new(f);
        let this = crate::impl_::platform::SendPtr::new(self);
        let value = py.detach(move || {
            let this = this.into_inner();
            let r: *const T = this.get_or_init(move || {
                let f = f.into_inner();
                Python::attach(|_| f())
            });
            crate::impl_::platform::SendPtr::new(r)
        });
        // SAFETY: the pointer refers to the value inside `self`, alive as long as `self`.
        unsafe { &*value.into_inner() }
    }
}

/// Extension trait for mutexes: locks without deadlocking with the interpreter.
///
/// The thread detaches from the interpreter while it waits for the lock and re-attaches once
/// it holds it, so a thread holding the lock can still run Python code.
///
/// ```
/// use std::sync::Mutex;
/// use pyo3::prelude::*;
/// use pyo3::sync::MutexExt;
///
/// static COUNTER: Mutex<u32> = Mutex::new(0);
/// # Python::initialize();
/// Python::attach(|py| *COUNTER.lock_py_attached(py).unwrap() += 1);
/// assert_eq!(*COUNTER.lock().unwrap(), 1);
/// ```
pub trait MutexExt<T>: ext_sealed::Sealed {
    /// What [`lock_py_attached`](Self::lock_py_attached) returns.
    type LockResult<'a>
    where
        Self: 'a;

    /// Locks the mutex, detaching from the interpreter while blocked.
    fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_>;
}

impl<T> MutexExt<T> for std::sync::Mutex<T> {
    type LockResult<'a>
        = std::sync::LockResult<std::sync::MutexGuard<'a, T>>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_> {
        // Fast path: uncontended.
        match self.try_lock() {
            Ok(guard) => return Ok(guard),
            Err(std::sync::TryLockError::Poisoned(e)) => return Err(e),
            Err(std::sync::TryLockError::WouldBlock) => {}
        }
        // The guard is !Send: carry it out of the detached closure as a raw wrapper.
        let this = crate::impl_::platform::SendPtr::new(self);
        let r = py.detach(move || crate::impl_::platform::SendPtr::new(this.into_inner().lock()));
        r.into_inner()
    }
}

impl<T> MutexExt<T> for crate::impl_::platform::sync::nonpoison::Mutex<T> {
    type LockResult<'a>
        = crate::impl_::platform::sync::nonpoison::MutexGuard<'a, T>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_> {
        if let Some(guard) = self.try_lock() {
            return guard;
        }
        let this = crate::impl_::platform::SendPtr::new(self);
        let r = py.detach(move || crate::impl_::platform::SendPtr::new(this.into_inner().lock()));
        r.into_inner()
    }
}

/// Extension trait for read-write locks: locks without deadlocking with the interpreter.
///
/// Like [`MutexExt`], the thread detaches from the interpreter while it waits for the lock and
/// re-attaches once it holds it.
///
/// ```
/// use std::sync::RwLock;
/// use pyo3::prelude::*;
/// use pyo3::sync::RwLockExt;
///
/// static NAMES: RwLock<Vec<String>> = RwLock::new(Vec::new());
/// # Python::initialize();
/// Python::attach(|py| {
///     NAMES.write_py_attached(py).unwrap().push("a".to_owned());
///     assert_eq!(NAMES.read_py_attached(py).unwrap().len(), 1);
/// });
/// ```
pub trait RwLockExt<T>: ext_sealed::Sealed {
    /// What [`read_py_attached`](Self::read_py_attached) returns.
    type ReadLockResult<'a>
    where
        Self: 'a;
    /// What [`write_py_attached`](Self::write_py_attached) returns.
    type WriteLockResult<'a>
    where
        Self: 'a;

    /// Locks for reading, detaching from the interpreter while blocked.
    fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_>;
    /// Locks for writing, detaching from the interpreter while blocked.
    fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_>;
}

impl<T> RwLockExt<T> for std::sync::RwLock<T> {
    type ReadLockResult<'a>
        = std::sync::LockResult<std::sync::RwLockReadGuard<'a, T>>
    where
        Self: 'a;
    type WriteLockResult<'a>
        = std::sync::LockResult<std::sync::RwLockWriteGuard<'a, T>>
    where
        Self: 'a;

    fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_> {
        match self.try_read() {
            Ok(guard) => return Ok(guard),
            Err(std::sync::TryLockError::Poisoned(e)) => return Err(e),
            Err(std::sync::TryLockError::WouldBlock) => {}
        }
        let this = crate::impl_::platform::SendPtr::new(self);
        py.detach(move || crate::impl_::platform::SendPtr::new(this.into_inner().read()))
            .into_inner()
    }

    fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_> {
        match self.try_write() {
            Ok(guard) => return Ok(guard),
            Err(std::sync::TryLockError::Poisoned(e)) => return Err(e),
            Err(std::sync::TryLockError::WouldBlock) => {}
        }
        let this = crate::impl_::platform::SendPtr::new(self);
        py.detach(move || crate::impl_::platform::SendPtr::new(this.into_inner().write()))
            .into_inner()
    }
}

/// Runs `f` inside a critical section on `object`.
#[deprecated(
    since = "0.28.0",
    note = "use pyo3::sync::critical_section::with_critical_section instead"
)]
pub fn with_critical_section<F, R>(object: &Bound<'_, crate::PyAny>, f: F) -> R
where
    F: FnOnce() -> R,
{
    critical_section::with_critical_section(object, f)
}

/// Runs `f` inside a critical section on `a` and `b`.
#[deprecated(
    since = "0.28.0",
    note = "use pyo3::sync::critical_section::with_critical_section2 instead"
)]
pub fn with_critical_section2<F, R>(
    a: &Bound<'_, crate::PyAny>,
    b: &Bound<'_, crate::PyAny>,
    f: F,
) -> R
where
    F: FnOnce() -> R,
{
    critical_section::with_critical_section2(a, b, f)
}
