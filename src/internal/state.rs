//! Attachment tracking and the deferred reference pool.
//!
//! # Design
//!
//! *Is this thread attached?* A thread-local count of our live attach guards answers first:
//! `Python::attach` (also when nested), `with_embedded_python_interpreter` and, on the limited
//! API, the trampolines increment it for their lifetime; `Python::detach` saves it, sets it to 0
//! and restores it; a running `__traverse__` sets it to a negative mark (the thread then counts
//! as detached). A positive count is therefore proof of attachment, and the hot paths (a nested
//! [`Python::attach`], dropping a `Py<T>` inside one) cost one thread-local read, with no call
//! into the interpreter.
//!
//! A count of 0 means "no guard of ours": the thread may still be attached because Python called
//! into Rust. On full-API builds the trampolines of `impl_::trampoline` do *not* count (so a
//! Python -> Rust call pays nothing for it); there we ask CPython instead: from 3.12 a thread is
//! attached exactly when its thread-local current thread state is set, which
//! `PyThreadState_GetUnchecked()` returns without side effects; before 3.12 the current thread
//! state is process-wide (the GIL holder's), so we compare it with this thread's own state
//! (`PyGILState_GetThisThreadState()`). The limited API has neither query, so there the
//! trampolines count and a count of 0 means detached. The free-threaded build needs nothing
//! else: "attached" means the same there (an active thread state), and the count is per thread.
//!
//! *Dropping a `Py<T>` while detached.* A reference count must only be changed while attached.
//! When a `Py<T>` is dropped on a detached thread, its pointer is pushed onto a global pool
//! (`Mutex<Vec<_>>`). When the pool goes from empty to non-empty we schedule one
//! `Py_AddPendingCall` that drains it: the interpreter runs it on the main thread while
//! attached (from 3.13 at its next eval-breaker check; before 3.13 a call added by another
//! thread is noticed when the main thread next takes the GIL, e.g. after any blocking call).
//! In addition the outermost [`Python::attach`] (the one that really attaches the thread) and
//! the end of [`Python::detach`] drain the pool, after checking a "dirty" flag with
//! a relaxed atomic load, so the common path costs one load. The nested attach fast path and
//! the trampolines never look at the pool.
//!
//! With `--cfg pyo3_disable_reference_pool` there is no pool: dropping a `Py<T>` while detached
//! aborts the process with a message (or leaks the reference with
//! `--cfg pyo3_leak_on_drop_without_reference_pool`).
//!
//! [`Python::attach`]: crate::Python::attach
//! [`Python::detach`]: crate::Python::detach

use std::cell::Cell;
use std::ptr::NonNull;
#[cfg(not(pyo3_disable_reference_pool))]
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Mutex;

use crate::{ffi, Python};

thread_local! {
    /// Number of our live attach guards on this thread; [`TRAVERSING`] while a `__traverse__`
    /// runs (see the module documentation).
    static ATTACH_COUNT: Cell<isize> = const { Cell::new(0) };
}

/// `ATTACH_COUNT` while a `__traverse__` implementation runs. Far below 0 so that guards
/// created meanwhile (limited-API trampolines) keep it negative.
const TRAVERSING: isize = isize::MIN / 2;

/// Marks the current thread as running a `__traverse__` implementation until dropped: it then
/// counts as detached (dropped `Py<T>`s go to the pool) and `Python::attach` panics.
pub(crate) struct TraverseGuard(isize);

impl TraverseGuard {
    /// Enters traversal mode.
    pub(crate) fn new() -> Self {
        TraverseGuard(ATTACH_COUNT.with(|c| c.replace(TRAVERSING)))
    }
}

impl Drop for TraverseGuard {
    fn drop(&mut self) {
        let previous = self.0;
        ATTACH_COUNT.with(|c| c.set(previous));
    }
}

#[inline]
fn traversing() -> bool {
    ATTACH_COUNT.with(Cell::get) < 0
}

/// Returns whether the current thread is attached to the interpreter.
#[inline]
pub(crate) fn thread_is_attached() -> bool {
    let count = ATTACH_COUNT.with(Cell::get);
    if count > 0 {
        return true;
    }
    count == 0 && interpreter_says_attached()
}

/// Asks the interpreter whether this thread is attached (when none of our guards says so).
#[inline]
fn interpreter_says_attached() -> bool {
    #[cfg(all(Py_3_12, not(Py_LIMITED_API)))]
    {
        // SAFETY: reads the thread-local current thread state; callable at any time.
        unsafe { !ffi::compat::PyThreadState_GetUnchecked().is_null() }
    }
    #[cfg(all(not(Py_3_12), not(Py_LIMITED_API)))]
    {
        // Before 3.12 the "current thread state" is a process-wide variable (the GIL holder),
        // so it cannot tell whether *this* thread is attached: compare it with this thread's
        // own thread state (what `PyGILState_Check` does, minus its "uninitialized or
        // sub-interpreters exist: say yes" shortcuts).
        // The GIL holder first: when nobody holds it (the common case of a detached thread)
        // one call answers.
        // SAFETY: both are callable at any time, also before initialization.
        unsafe {
            let holder = ffi::compat::PyThreadState_GetUnchecked();
            !holder.is_null() && holder == ffi::PyGILState_GetThisThreadState()
        }
    }
    #[cfg(Py_LIMITED_API)]
    {
        // Trampolines count here, so a count of 0 means detached.
        false
    }
}

#[inline(always)]
fn increment_attach_count() {
    ATTACH_COUNT.with(|c| c.set(c.get() + 1));
}

#[inline(always)]
fn decrement_attach_count() {
    ATTACH_COUNT.with(|c| c.set(c.get() - 1));
}

/// The current thread's attach count (for tests).
#[cfg(test)]
pub(crate) fn attach_count() -> isize {
    ATTACH_COUNT.with(Cell::get)
}

/// `INIT_STATE`: nobody has started initializing the interpreter through us.
const INIT_NOT_STARTED: u8 = 0;
/// `INIT_STATE`: a thread is inside [`initialize_interpreter`] (CPython may release the GIL
/// meanwhile, e.g. while `site` is imported, so other threads must not attach yet).
const INIT_IN_PROGRESS: u8 = 1;
/// `INIT_STATE`: the interpreter was initialized (by us or found initialized).
const INIT_DONE: u8 = 2;

/// Our own view of interpreter initialization (see the `INIT_*` constants).
static INIT_STATE: AtomicU8 = AtomicU8::new(INIT_NOT_STARTED);
/// Held by the initializing thread for the whole initialization; waiting threads lock it.
static INIT_LOCK: Mutex<()> = Mutex::new(());

thread_local! {
    /// Whether this thread is the one running [`initialize_interpreter`] (so that a re-entrant
    /// call from code run during initialization does not deadlock on `INIT_LOCK`).
    static IS_INITIALIZER: Cell<bool> = const { Cell::new(false) };
}

fn this_thread_is_initializer() -> bool {
    IS_INITIALIZER.try_with(Cell::get).unwrap_or(false)
}

/// Initializes the interpreter if needed and releases the initializing thread.
///
/// Other threads calling this meanwhile block until the initialization has finished.
pub(crate) fn initialize_interpreter() {
    if INIT_STATE.load(Ordering::Acquire) == INIT_DONE || this_thread_is_initializer() {
        return;
    }
    initialize_interpreter_slow();
}

#[cold]
fn initialize_interpreter_slow() {
    let _lock = INIT_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if INIT_STATE.load(Ordering::Acquire) == INIT_DONE {
        return;
    }
    // Already initialized by someone else (e.g. we are in an extension module): nothing to wait
    // for, so never report "in progress" (which would make `try_attach` fail meanwhile).
    // SAFETY: may be called at any time.
    if unsafe { ffi::Py_IsInitialized() } != 0 {
        INIT_STATE.store(INIT_DONE, Ordering::SeqCst);
        return;
    }
    // PyPy cannot be embedded: its interpreter is only ever the one that loaded the extension.
    #[cfg(PyPy)]
    panic!("the PyPy interpreter is not initialized, and PyO3 cannot embed PyPy");
    #[cfg(not(PyPy))]
    initialize_now();
}

/// Runs `Py_InitializeEx`, with the other threads waiting on `INIT_LOCK`.
#[cfg(not(PyPy))]
fn initialize_now() {
    INIT_STATE.store(INIT_IN_PROGRESS, Ordering::SeqCst);
    let _ = IS_INITIALIZER.try_with(|c| c.set(true));
    // SAFETY: valid to call before initialization; Py_InitializeEx leaves the calling thread
    // attached, which PyEval_SaveThread undoes.
    unsafe {
        ffi::Py_InitializeEx(0);
        ffi::PyEval_SaveThread();
    }
    let _ = IS_INITIALIZER.try_with(|c| c.set(false));
    INIT_STATE.store(INIT_DONE, Ordering::SeqCst);
}

/// Whether another thread is initializing the interpreter through [`initialize_interpreter`].
#[inline]
fn initialization_in_progress() -> bool {
    INIT_STATE.load(Ordering::SeqCst) == INIT_IN_PROGRESS && !this_thread_is_initializer()
}

/// Blocks until an initialization running on another thread has finished.
fn wait_for_initialization() {
    if initialization_in_progress() {
        drop(INIT_LOCK.lock().unwrap_or_else(|e| e.into_inner()));
    }
}

/// Marks the interpreter as initialized or finalized by [`with_embedded_python_interpreter`].
///
/// [`with_embedded_python_interpreter`]: crate::with_embedded_python_interpreter
#[cfg(not(PyPy))]
pub(crate) fn set_embedded_initialized(initialized: bool) {
    let state = if initialized {
        INIT_DONE
    } else {
        INIT_NOT_STARTED
    };
    INIT_STATE.store(state, Ordering::SeqCst);
}

/// Whether a thread may attach now: initialized and not finalizing.
fn interpreter_usable() -> bool {
    // SAFETY: may be called at any time.
    if unsafe { ffi::Py_IsInitialized() } == 0 {
        return false;
    }
    // A thread attaching to a finalizing interpreter blocks forever or (before 3.14) is ended
    // by CPython without unwinding its Rust frames.
    !interpreter_finalizing()
}

/// Whether the interpreter is being finalized.
fn interpreter_finalizing() -> bool {
    #[cfg(Py_3_13)]
    // SAFETY: may be called at any time (public from 3.13, also in the stable ABI).
    return unsafe { ffi::Py_IsFinalizing() } != 0;
    #[cfg(all(not(Py_3_13), not(Py_LIMITED_API), not(PyPy)))]
    // SAFETY: may be called at any time (the private name of the same query before 3.13).
    return unsafe { ffi::_Py_IsFinalizing() } != 0;
    #[cfg(all(not(Py_3_13), any(Py_LIMITED_API, PyPy)))]
    return limited_api_finalizing();
}

/// The stable ABI has no finalization query before 3.13: look up the running interpreter's
/// (`Py_IsFinalizing` from 3.13, `_Py_IsFinalizing` before) among the loaded symbols.
#[cfg(all(not(Py_3_13), any(Py_LIMITED_API, PyPy)))]
fn limited_api_finalizing() -> bool {
    type Query = unsafe extern "C" fn() -> std::os::raw::c_int;
    static QUERY: std::sync::OnceLock<Option<Query>> = std::sync::OnceLock::new();
    let query = QUERY.get_or_init(|| {
        #[cfg(unix)]
        for name in [c"Py_IsFinalizing", c"_Py_IsFinalizing"] {
            // SAFETY: a symbol lookup in the already loaded objects.
            let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) };
            if !p.is_null() {
                // SAFETY: both functions take nothing and return an int.
                return Some(unsafe { std::mem::transmute::<*mut libc::c_void, Query>(p) });
            }
        }
        None
    });
    // SAFETY: may be called at any time.
    query.is_some_and(|q| unsafe { q() } != 0)
}

#[track_caller]
fn ensure_initialized() {
    #[cfg(feature = "auto-initialize")]
    initialize_interpreter();
    #[cfg(not(feature = "auto-initialize"))]
    wait_for_initialization();
    // SAFETY: may be called at any time.
    if unsafe { ffi::Py_IsInitialized() } == 0 {
        panic!(
            "The Python interpreter is not initialized and the `auto-initialize` feature is not \
             enabled.\n\nCall `Python::initialize()` before using Python APIs from Rust, or \
             enable the `auto-initialize` feature."
        );
    }
}

/// Keeps the current thread attached; created by `Python::attach`.
pub(crate) enum AttachGuard {
    /// The thread was already attached (nested attach, trampolines, embedded interpreter).
    Assumed,
    /// This guard attached the thread with `PyGILState_Ensure`.
    Ensured { gstate: ffi::PyGILState_STATE },
}

impl AttachGuard {
    /// Attaches the current thread, or reuses the existing attachment.
    #[inline]
    #[track_caller]
    pub(crate) fn acquire() -> Self {
        // Fast path: one of our guards is live (one thread-local access in all).
        let nested = ATTACH_COUNT.with(|c| {
            let n = c.get();
            if n > 0 {
                c.set(n + 1);
            }
            n > 0
        });
        if nested {
            return AttachGuard::Assumed;
        }
        Self::acquire_slow()
    }

    #[cold]
    #[track_caller]
    fn acquire_slow() -> Self {
        if traversing() {
            panic!(
                "Access to the GIL is prohibited while a __traverse__ implementation is running."
            );
        }
        if thread_is_attached() {
            // SAFETY: just checked (attached by Python calling into Rust).
            return unsafe { Self::assume() };
        }
        loop {
            ensure_initialized();
            // SAFETY: the interpreter is initialized.
            let guard = unsafe { Self::ensure_no_drain() };
            // A thread that started initializing after our checks may have released the GIL
            // half-way (see `try_acquire_slow`): wait for it to finish, then attach again.
            if initialization_in_progress() {
                drop(guard);
                wait_for_initialization();
                continue;
            }
            // SAFETY: attached through `guard`.
            drain_reference_pool_if_dirty(unsafe { guard.python() });
            return guard;
        }
    }

    /// Attaches without looking at the interpreter's state: no initialization, no waiting for
    /// one in progress, no finalization check.
    ///
    /// # Safety
    /// The interpreter must be initialized and usable (as `acquire` would find it).
    pub(crate) unsafe fn acquire_unchecked() -> Self {
        if thread_is_attached() {
            // SAFETY: just checked.
            return unsafe { Self::assume() };
        }
        // SAFETY: initialized, per the caller.
        let guard = unsafe { Self::ensure_no_drain() };
        // SAFETY: attached through `guard`.
        drain_reference_pool_if_dirty(unsafe { guard.python() });
        guard
    }

    /// Like `acquire`, but `None` if the interpreter is not usable.
    #[inline]
    pub(crate) fn try_acquire() -> Option<Self> {
        if traversing() {
            return None;
        }
        if thread_is_attached() {
            // SAFETY: just checked.
            return Some(unsafe { Self::assume() });
        }
        Self::try_acquire_slow()
    }

    #[cold]
    fn try_acquire_slow() -> Option<Self> {
        if initialization_in_progress() || !interpreter_usable() {
            return None;
        }
        // SAFETY: the interpreter is initialized.
        let guard = unsafe { Self::ensure_no_drain() };
        // Another thread may have started initializing between the checks above and
        // `PyGILState_Ensure` (which can get in while CPython releases the GIL half-way through
        // initialization): check again now that we hold the interpreter.
        if initialization_in_progress() {
            drop(guard);
            return None;
        }
        // SAFETY: attached through `guard`.
        drain_reference_pool_if_dirty(unsafe { guard.python() });
        Some(guard)
    }

    /// Attaches for cleanup work (releasing resources in `Drop` impls): waits for an
    /// initialization in progress, and returns `None` (so that the caller leaks) when the
    /// interpreter is not initialized or is finalizing, or a `__traverse__` is running. Never
    /// initializes the interpreter.
    #[cfg(any(Py_3_11, not(Py_LIMITED_API)))] // only `PyBuffer` needs it so far
    pub(crate) fn acquire_if_initialized() -> Option<Self> {
        // A `__traverse__` must not touch the interpreter: leak instead.
        if traversing() {
            return None;
        }
        if thread_is_attached() {
            // SAFETY: just checked.
            return Some(unsafe { Self::assume() });
        }
        wait_for_initialization();
        if !interpreter_usable() {
            return None;
        }
        // SAFETY: the interpreter is initialized.
        let guard = unsafe { Self::ensure_no_drain() };
        // SAFETY: attached through `guard`.
        drain_reference_pool_if_dirty(unsafe { guard.python() });
        Some(guard)
    }

    /// # Safety
    /// The interpreter must be initialized.
    unsafe fn ensure_no_drain() -> Self {
        let gstate = unsafe { ffi::PyGILState_Ensure() };
        increment_attach_count();
        AttachGuard::Ensured { gstate }
    }

    /// A guard for a thread that is known to be attached.
    ///
    /// # Safety
    /// The current thread must be attached for the guard's lifetime.
    #[inline]
    pub(crate) unsafe fn assume() -> Self {
        increment_attach_count();
        AttachGuard::Assumed
    }

    /// # Safety
    /// The returned token must not outlive the guard.
    #[inline]
    pub(crate) unsafe fn python<'py>(&self) -> Python<'py> {
        unsafe { Python::assume_attached() }
    }
}

impl Drop for AttachGuard {
    #[inline]
    fn drop(&mut self) {
        decrement_attach_count();
        if let AttachGuard::Ensured { gstate } = self {
            // SAFETY: balances the PyGILState_Ensure of `ensure`.
            unsafe { ffi::PyGILState_Release(*gstate) };
        }
    }
}

/// The attachment marker used by trampolines (calls from Python into Rust).
///
/// Zero cost on full-API builds: there a count of 0 falls back to asking the interpreter, which
/// knows that the thread is attached. The limited API has no such query, so it counts.
pub(crate) struct TrampolineGuard(());

impl TrampolineGuard {
    /// # Safety
    /// The current thread must be attached for the guard's lifetime.
    #[inline(always)]
    pub(crate) unsafe fn assume() -> Self {
        #[cfg(Py_LIMITED_API)]
        increment_attach_count();
        TrampolineGuard(())
    }
}

#[cfg(Py_LIMITED_API)]
impl Drop for TrampolineGuard {
    #[inline(always)]
    fn drop(&mut self) {
        decrement_attach_count();
    }
}

/// Detaches the current thread until dropped (used by `Python::detach`).
pub(crate) struct DetachGuard {
    tstate: *mut ffi::PyThreadState,
    /// The attach count to restore (while detached it is 0: no guard of ours is valid then).
    count: isize,
}

impl DetachGuard {
    /// # Safety
    /// The current thread must be attached.
    pub(crate) unsafe fn new() -> Self {
        let count = ATTACH_COUNT.with(|c| c.replace(0));
        let tstate = unsafe { ffi::PyEval_SaveThread() };
        DetachGuard { tstate, count }
    }
}

impl Drop for DetachGuard {
    fn drop(&mut self) {
        // SAFETY: restores the thread state saved in `new`.
        unsafe { ffi::PyEval_RestoreThread(self.tstate) };
        ATTACH_COUNT.with(|c| c.set(self.count));
        // SAFETY: attached again.
        drain_reference_pool_if_dirty(unsafe { Python::assume_attached() });
    }
}

#[cfg(not(pyo3_disable_reference_pool))]
struct PendingDecref(NonNull<ffi::PyObject>);

// SAFETY: the pointer is only dereferenced (decref'd) while attached, on whichever thread.
#[cfg(not(pyo3_disable_reference_pool))]
unsafe impl Send for PendingDecref {}

#[cfg(not(pyo3_disable_reference_pool))]
struct ReferencePool {
    dirty: AtomicBool,
    pending: Mutex<Vec<PendingDecref>>,
}

#[cfg(not(pyo3_disable_reference_pool))]
static POOL: ReferencePool = ReferencePool {
    dirty: AtomicBool::new(false),
    pending: Mutex::new(Vec::new()),
};

#[cfg(not(pyo3_disable_reference_pool))]
impl ReferencePool {
    /// Defers one decrement to the next attach, or leaks it once the interpreter is gone.
    fn push(&self, obj: NonNull<ffi::PyObject>) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let was_empty = pending.is_empty();
        // After finalization (e.g. a `Py<T>` that escaped `with_embedded_python_interpreter`)
        // the object is gone with its interpreter: leak the pointer rather than keep it,
        // where a later interpreter would decrement a dangling pointer. Only an empty pool
        // needs the question: a non-empty one has a drain registered as a pending call,
        // which finalization runs, so the pool is empty again after every finalization
        // (`forget_reference_pool` also empties it after ours). That keeps the call off
        // the common detached drop, which finds entries already waiting.
        // SAFETY: may be called at any time.
        if was_empty && unsafe { ffi::Py_IsInitialized() } == 0 {
            return;
        }
        pending.push(PendingDecref(obj));
        self.dirty.store(true, Ordering::Release);
        drop(pending);
        if was_empty {
            // If the queue is full the next attach drains the pool instead.
            // SAFETY: Py_AddPendingCall may be called from any thread, attached or not.
            let _ =
                unsafe { ffi::Py_AddPendingCall(Some(drain_pending_call), std::ptr::null_mut()) };
        }
    }

    fn drain(&self, _py: Python<'_>) {
        self.dirty.store(false, Ordering::Relaxed);
        // Decrement outside the lock: a decrement can run `__del__`, which may drop more
        // `Py<T>`s on other threads (and push here).
        let mut pending =
            std::mem::take(&mut *self.pending.lock().unwrap_or_else(|e| e.into_inner()));
        for PendingDecref(obj) in pending.drain(..) {
            // SAFETY: attached (token), and each entry owns one reference.
            unsafe { ffi::Py_DECREF(obj.as_ptr()) };
        }
        // Give the (now empty) buffer back unless something was pushed meanwhile, so that
        // the next detached drops reuse its memory instead of growing (and page-faulting in)
        // a new vector; a buffer above `KEEP_CAPACITY` entries (1 MiB) is freed instead.
        const KEEP_CAPACITY: usize = 1 << 17;
        let mut slot = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_empty()
            && slot.capacity() < pending.capacity()
            && pending.capacity() <= KEEP_CAPACITY
        {
            *slot = pending;
        }
    }
}

#[cfg(not(pyo3_disable_reference_pool))]
unsafe extern "C" fn drain_pending_call(_arg: *mut std::os::raw::c_void) -> std::os::raw::c_int {
    // SAFETY: pending calls run with the thread attached.
    let _guard = unsafe { TrampolineGuard::assume() };
    POOL.drain(unsafe { Python::assume_attached() });
    0
}

/// Applies the decrements deferred while detached, if there are any.
#[inline]
pub(crate) fn drain_reference_pool_if_dirty(py: Python<'_>) {
    #[cfg(not(pyo3_disable_reference_pool))]
    if POOL.dirty.load(Ordering::Relaxed) {
        POOL.drain(py);
    }
    let _ = py;
}

/// Forgets (leaks) the deferred decrements; used once the interpreter has been finalized, when
/// the pointers in the pool no longer refer to live objects.
#[cfg(not(PyPy))]
pub(crate) fn forget_reference_pool() {
    #[cfg(not(pyo3_disable_reference_pool))]
    {
        POOL.dirty.store(false, Ordering::Relaxed);
        // `PendingDecref` has no `Drop`: clearing the vector only forgets the pointers.
        POOL.pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

/// Applies the deferred decrements unconditionally.
#[cfg(not(PyPy))]
pub(crate) fn drain_reference_pool(py: Python<'_>) {
    #[cfg(not(pyo3_disable_reference_pool))]
    POOL.drain(py);
    let _ = py;
}

/// Releases one reference to `obj`: immediately if attached, otherwise through the pool.
///
/// # Safety
/// `obj` must own a reference.
#[inline]
pub(crate) unsafe fn register_decref(obj: NonNull<ffi::PyObject>) {
    // Only the counted case is inlined (a compare and the decrement at every `Py<T>` drop);
    // the rest, which may call into the interpreter, stays out of line.
    if ATTACH_COUNT.with(Cell::get) > 0 {
        unsafe { ffi::Py_DECREF(obj.as_ptr()) }
    } else {
        register_decref_uncounted(obj)
    }
}

#[inline(never)]
fn register_decref_uncounted(obj: NonNull<ffi::PyObject>) {
    if thread_is_attached() {
        // SAFETY: attached, and the caller gave us one reference.
        unsafe { ffi::Py_DECREF(obj.as_ptr()) }
    } else {
        register_decref_detached(obj)
    }
}

#[cold]
fn register_decref_detached(obj: NonNull<ffi::PyObject>) {
    // (The pool leaks the pointer after finalization: see `ReferencePool::push`.)
    #[cfg(not(pyo3_disable_reference_pool))]
    POOL.push(obj);
    #[cfg(all(pyo3_disable_reference_pool, pyo3_leak_on_drop_without_reference_pool))]
    let _ = obj;
    #[cfg(all(
        pyo3_disable_reference_pool,
        not(pyo3_leak_on_drop_without_reference_pool)
    ))]
    {
        let _ = obj;
        // After finalization the object is gone with its interpreter: nothing to keep.
        // SAFETY: may be called at any time.
        if unsafe { ffi::Py_IsInitialized() } == 0 {
            return;
        }
        eprintln!(
            "Cannot drop a `Py<T>` while the thread is not attached to the Python interpreter \
             (the reference pool is disabled by `pyo3_disable_reference_pool`); aborting."
        );
        std::process::abort();
    }
}

/// Increments the reference count of `obj`, which requires an attached thread.
///
/// # Panics
/// If the thread is not attached.
#[cfg(feature = "py-clone")]
#[track_caller]
pub(crate) fn incref_attached(obj: NonNull<ffi::PyObject>) {
    if thread_is_attached() {
        // SAFETY: attached, and `obj` is a live object.
        unsafe { ffi::Py_INCREF(obj.as_ptr()) }
    } else {
        panic!(
            "Cannot clone a `Py<T>` while the thread is not attached to the Python interpreter."
        );
    }
}

/// Number of references waiting in the pool (for tests).
#[doc(hidden)]
pub fn pending_decrefs() -> usize {
    #[cfg(not(pyo3_disable_reference_pool))]
    {
        POOL.pending.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
    #[cfg(pyo3_disable_reference_pool)]
    {
        0
    }
}

#[cfg(test)]
mod finalizing_tests {
    /// The finalization check behind `try_attach` (issue 7: it was missing before 3.13) is
    /// answered on every build, the stable ABI before 3.13 included.
    #[test]
    fn finalizing_query_available() {
        crate::Python::initialize();
        assert!(!super::interpreter_finalizing());
        assert!(super::interpreter_usable());
        #[cfg(all(unix, not(Py_3_13), any(Py_LIMITED_API, PyPy)))]
        {
            super::limited_api_finalizing();
            let found = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"_Py_IsFinalizing".as_ptr()) };
            let found13 = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"Py_IsFinalizing".as_ptr()) };
            assert!(!found.is_null() || !found13.is_null());
        }
    }
}

#[cfg(test)]
#[path = "attach_count_tests.rs"]
mod attach_count_tests;
