//! The internal states of a [`PyErr`](super::PyErr): lazy (not yet a Python object) or
//! normalized (an exception instance).

use std::sync::{Mutex, OnceLock};

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyBaseException, PyTraceback, PyType};
use crate::{ffi, Bound, Py, PyAny, Python};

/// What a lazy error produces when it is first needed: an exception type and the value to
/// call it with (`None`, a tuple of arguments, or a single argument).
pub(crate) struct PyErrStateLazyFnOutput {
    pub(crate) ptype: Py<PyAny>,
    pub(crate) pvalue: Py<PyAny>,
}

/// A deferred error: builds its type and arguments when first needed.
pub(crate) type PyErrStateLazyFn =
    dyn for<'py> FnOnce(Python<'py>) -> PyErrStateLazyFnOutput + Send + Sync;

/// A normalized error: an exception instance (plus, before 3.12, its type and traceback).
pub(crate) struct PyErrStateNormalized {
    #[cfg(not(Py_3_12))]
    ptype: Py<PyType>,
    pub(crate) pvalue: Py<PyBaseException>,
    #[cfg(not(Py_3_12))]
    ptraceback: Option<Py<PyTraceback>>,
}

impl PyErrStateNormalized {
    /// Normalizes from an exception instance.
    pub(crate) fn new(pvalue: Bound<'_, PyBaseException>) -> Self {
        #[cfg(not(Py_3_12))]
        {
            let py = pvalue.py();
            // SAFETY: attached; pvalue is an exception instance.
            let ptype =
                unsafe { Bound::from_borrowed_ptr(py, ffi::Py_TYPE(pvalue.as_ptr()).cast()) };
            let ptraceback =
                unsafe { ffi::PyException_GetTraceback(pvalue.as_ptr()).assume_owned_or_opt(py) };
            PyErrStateNormalized {
                ptype: unsafe { ptype.cast_into_unchecked::<PyType>() }.unbind(),
                pvalue: pvalue.unbind(),
                ptraceback: ptraceback.map(|tb| unsafe { tb.cast_into_unchecked() }.unbind()),
            }
        }
        #[cfg(Py_3_12)]
        {
            PyErrStateNormalized {
                pvalue: pvalue.unbind(),
            }
        }
    }

    pub(crate) fn ptype<'py>(&self, py: Python<'py>) -> Bound<'py, PyType> {
        #[cfg(not(Py_3_12))]
        {
            self.ptype.bind(py).clone()
        }
        #[cfg(Py_3_12)]
        {
            // SAFETY: attached; the type of a live object.
            unsafe {
                Bound::from_borrowed_ptr(py, ffi::Py_TYPE(self.pvalue.as_ptr()).cast())
                    .cast_into_unchecked()
            }
        }
    }

    pub(crate) fn ptraceback<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyTraceback>> {
        #[cfg(not(Py_3_12))]
        {
            self.ptraceback.as_ref().map(|tb| tb.bind(py).clone())
        }
        #[cfg(Py_3_12)]
        {
            // SAFETY: attached; returns a new reference or NULL.
            unsafe {
                ffi::PyException_GetTraceback(self.pvalue.as_ptr())
                    .assume_owned_or_opt(py)
                    .map(|tb| tb.cast_into_unchecked())
            }
        }
    }

    pub(crate) fn clone_ref(&self, py: Python<'_>) -> Self {
        PyErrStateNormalized {
            #[cfg(not(Py_3_12))]
            ptype: self.ptype.clone_ref(py),
            pvalue: self.pvalue.clone_ref(py),
            #[cfg(not(Py_3_12))]
            ptraceback: self.ptraceback.as_ref().map(|tb| tb.clone_ref(py)),
        }
    }

    /// Takes the currently raised exception (normalized), if any.
    pub(crate) fn take(py: Python<'_>) -> Option<Self> {
        #[cfg(Py_3_12)]
        {
            // SAFETY: attached.
            unsafe { ffi::PyErr_GetRaisedException().assume_owned_or_opt(py) }
                .map(|v| Self::new(unsafe { v.cast_into_unchecked() }))
        }
        #[cfg(not(Py_3_12))]
        {
            let (mut ptype, mut pvalue, mut ptraceback) = (
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            );
            // SAFETY: attached; the out-pointers receive owned references (or NULL).
            unsafe {
                ffi::PyErr_Fetch(&mut ptype, &mut pvalue, &mut ptraceback);
                if ptype.is_null() {
                    ffi::Py_XDECREF(pvalue);
                    ffi::Py_XDECREF(ptraceback);
                    return None;
                }
                ffi::PyErr_NormalizeException(&mut ptype, &mut pvalue, &mut ptraceback);
                if !ptraceback.is_null() {
                    ffi::PyException_SetTraceback(pvalue, ptraceback);
                }
                let ptype = ptype.assume_owned(py).cast_into_unchecked::<PyType>();
                let pvalue = pvalue
                    .assume_owned(py)
                    .cast_into_unchecked::<PyBaseException>();
                let ptraceback = ptraceback.assume_owned_or_opt(py);
                Some(PyErrStateNormalized {
                    ptype: ptype.unbind(),
                    pvalue: pvalue.unbind(),
                    ptraceback: ptraceback.map(|tb| tb.cast_into_unchecked().unbind()),
                })
            }
        }
    }

    /// Raises this exception in the interpreter.
    pub(crate) fn restore(self, py: Python<'_>) {
        #[cfg(Py_3_12)]
        {
            let _ = py;
            // SAFETY: attached; steals the reference.
            unsafe { ffi::PyErr_SetRaisedException(self.pvalue.into_ptr()) }
        }
        #[cfg(not(Py_3_12))]
        {
            let _ = py;
            // SAFETY: attached; steals the three references.
            unsafe {
                ffi::PyErr_Restore(
                    self.ptype.into_ptr(),
                    self.pvalue.into_ptr(),
                    self.ptraceback
                        .map_or(std::ptr::null_mut(), |tb| tb.into_ptr()),
                )
            }
        }
    }
}

/// A not yet created exception.
pub(crate) enum PyErrStateLazy {
    /// Any type and arguments, built by a boxed closure.
    Boxed(Box<PyErrStateLazyFn>),
    /// The very common `SomeError::new_err("static message")`, kept without allocating:
    /// the exception type's accessor and the message.
    StaticMessage {
        /// Returns the exception type (borrowed).
        ptype: fn(Python<'_>) -> *mut ffi::PyTypeObject,
        /// The single argument, converted to `str` when raised.
        message: &'static str,
    },
}

/// Where the lazy part of a [`PyErrState`] is.
enum LazySlot {
    /// Not normalized yet.
    Pending(PyErrStateLazy),
    /// Being normalized by this thread (normalization runs Python code, which may release the
    /// GIL: other threads wait for it).
    Normalizing(std::thread::ThreadId),
    /// Normalization panicked: there is no exception and never will be.
    Poisoned,
    /// Normalized (or created normalized).
    Done,
}

/// The state cell of a `PyErr`: normalized once, on first need.
pub(crate) struct PyErrState {
    normalized: OnceLock<PyErrStateNormalized>,
    lazy: Mutex<LazySlot>,
}

/// Marks the state poisoned if normalization unwinds.
struct PoisonOnUnwind<'a>(&'a Mutex<LazySlot>);

impl Drop for PoisonOnUnwind<'_> {
    fn drop(&mut self) {
        *lock(self.0) = LazySlot::Poisoned;
    }
}

fn lock(m: &Mutex<LazySlot>) -> std::sync::MutexGuard<'_, LazySlot> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

const POISONED: &str = "a panic occurred while this PyErr was being normalized";

impl PyErrState {
    pub(crate) fn lazy(f: Box<PyErrStateLazyFn>) -> Self {
        Self::lazy_state(PyErrStateLazy::Boxed(f))
    }

    /// A lazy error of type `ptype()` with the single `str` argument `message`; allocates
    /// nothing until raised or normalized.
    #[inline]
    pub(crate) fn lazy_static_message(
        ptype: fn(Python<'_>) -> *mut ffi::PyTypeObject,
        message: &'static str,
    ) -> Self {
        Self::lazy_state(PyErrStateLazy::StaticMessage { ptype, message })
    }

    #[inline]
    fn lazy_state(lazy: PyErrStateLazy) -> Self {
        PyErrState {
            normalized: OnceLock::new(),
            lazy: Mutex::new(LazySlot::Pending(lazy)),
        }
    }

    pub(crate) fn normalized(n: PyErrStateNormalized) -> Self {
        let cell = OnceLock::new();
        let _ = cell.set(n);
        PyErrState {
            normalized: cell,
            lazy: Mutex::new(LazySlot::Done),
        }
    }

    /// The normalized state, creating the exception object if still lazy.
    pub(crate) fn as_normalized(&self, py: Python<'_>) -> &PyErrStateNormalized {
        if let Some(n) = self.normalized.get() {
            return n;
        }
        self.make_normalized(py)
    }

    #[cold]
    fn make_normalized(&self, py: Python<'_>) -> &PyErrStateNormalized {
        let me = std::thread::current().id();
        let pending = {
            let mut slot = lock(&self.lazy);
            match std::mem::replace(&mut *slot, LazySlot::Normalizing(me)) {
                LazySlot::Pending(f) => Some(f),
                other => {
                    let reentrant = matches!(other, LazySlot::Normalizing(id) if id == me);
                    let poisoned = matches!(other, LazySlot::Poisoned);
                    *slot = other;
                    drop(slot);
                    // Waiting for ourselves (the exception's constructor uses this very
                    // error) or for a normalization that died would never end.
                    assert!(!reentrant, "re-entrant normalization of a PyErr");
                    assert!(!poisoned, "{}", POISONED);
                    None
                }
            }
        };
        match pending {
            Some(f) => {
                let guard = PoisonOnUnwind(&self.lazy);
                raise_lazy(py, f);
                let n = PyErrStateNormalized::take(py)
                    .expect("exception missing after raising a lazy error");
                std::mem::forget(guard);
                let _ = self.normalized.set(n);
                *lock(&self.lazy) = LazySlot::Done;
            }
            None => {
                // Another thread is normalizing: let it run (it may need the GIL) until done.
                while self.normalized.get().is_none() {
                    assert!(
                        !matches!(*lock(&self.lazy), LazySlot::Poisoned),
                        "{}",
                        POISONED
                    );
                    py.detach(std::thread::yield_now);
                }
            }
        }
        self.normalized.get().expect("normalized state missing")
    }

    /// Converts into the normalized state (consuming).
    pub(crate) fn into_normalized(self, py: Python<'_>) -> PyErrStateNormalized {
        self.as_normalized(py);
        self.normalized
            .into_inner()
            .expect("normalized state missing")
    }

    /// Raises the error in the interpreter without normalizing first when lazy.
    pub(crate) fn restore(self, py: Python<'_>) {
        if let Some(n) = self.normalized.into_inner() {
            n.restore(py)
        } else {
            match self.lazy.into_inner().unwrap_or_else(|e| e.into_inner()) {
                LazySlot::Pending(f) => raise_lazy(py, f),
                // Some error must be raised: the caller returns the error value to Python.
                _ => {
                    let msg = std::ffi::CString::new(POISONED).expect("no NUL");
                    // SAFETY: attached.
                    unsafe { ffi::PyErr_SetString(ffi::PyExc_SystemError, msg.as_ptr()) }
                }
            }
        }
    }
}

/// Raises a lazy error: `ptype(*args)` via `PyErr_SetObject`, or a `TypeError` if `ptype` is not
/// an exception class.
fn raise_lazy(py: Python<'_>, lazy: PyErrStateLazy) {
    match lazy {
        PyErrStateLazy::Boxed(f) => {
            let PyErrStateLazyFnOutput { ptype, pvalue } = f(py);
            // SAFETY: attached; valid objects.
            unsafe { set_object(ptype.as_ptr(), pvalue.as_ptr()) }
        }
        PyErrStateLazy::StaticMessage { ptype, message } => {
            let ptype = ptype(py).cast::<ffi::PyObject>();
            // SAFETY: attached; `ptype` is a live type object (borrowed); the message string
            // is a new reference released here (PyErr_SetObject takes its own).
            unsafe {
                let pvalue = ffi::PyUnicode_FromStringAndSize(
                    message.as_ptr().cast(),
                    message.len() as ffi::Py_ssize_t,
                );
                if pvalue.is_null() {
                    // The MemoryError (or similar) is now the raised exception.
                    return;
                }
                set_object(ptype, pvalue);
                ffi::Py_DECREF(pvalue);
            }
        }
    }
}

/// `PyErr_SetObject(ptype, pvalue)`, or a `TypeError` if `ptype` is not an exception class.
///
/// # Safety
/// Attached; both pointers are live objects (borrowed).
unsafe fn set_object(ptype: *mut ffi::PyObject, pvalue: *mut ffi::PyObject) {
    unsafe {
        if ffi::PyExceptionClass_Check(ptype) == 0 {
            ffi::PyErr_SetString(
                ffi::PyExc_TypeError,
                c"exceptions must derive from BaseException".as_ptr(),
            );
        } else {
            ffi::PyErr_SetObject(ptype, pvalue);
        }
    }
}
