//! Glue for the `async fn`s of `#[pyfunction]`/`#[pymethods]`: building the [`Coroutine`]
//! object and the receiver guards that keep `&self`/`&mut self` borrowed across `.await`.

use std::future::Future;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use crate::coroutine::{CancelHandle, Coroutine};
use crate::impl_::pyclass::PyClassObject;
use crate::impl_::pyfunction::IntoPyResultPtr;
use crate::pycell::{PyRef, PyRefMut};
use crate::pyclass::boolean_struct::False;
use crate::types::PyString;
use crate::{ffi, IntoPyObject, Py, PyAny, PyClass, PyResult, Python};

pub use crate::coroutine::cancel::ThrowCallback;

/// The future of an `async fn` exposed to Python: a Python coroutine may be resumed from any
/// thread and outlive the call, so the future must be `Send + 'static` (rustc explains which
/// captured value or value held across an `.await` is not).
pub trait AsyncFnFuture: Future + Send + 'static {}

impl<F: Future + Send + 'static> AsyncFnFuture for F {}

/// The throw callback of the function's [`CancelHandle`] argument.
pub fn throw_callback(handle: &CancelHandle) -> Option<ThrowCallback> {
    Some(handle.throw_callback())
}

/// Converts the output of an `async fn` like the return value of a synchronous function
/// (called by the future when it completes, so it may borrow from a receiver guard).
pub fn convert_output<T>(output: T) -> PyResult<Py<PyAny>>
where
    T: for<'py> IntoPyResultPtr<'py>,
{
    Python::attach(|py| {
        let ptr = output.into_result_ptr(py)?;
        // SAFETY: `into_result_ptr` returns a new reference.
        Ok(unsafe { Py::<PyAny>::from_owned_ptr(py, ptr) })
    })
}

/// The argument slots of an `async fn` call, kept alive in its future: as PyO3 does, the
/// arguments are converted when the coroutine first runs (a wrong type raises at the first
/// `await`), not at the call, so the borrowed slots of the call become owned references.
pub struct OwnedSlots<const N: usize>([Option<Py<PyAny>>; N]);

impl<const N: usize> OwnedSlots<N> {
    /// Takes a new reference to each non-NULL slot.
    ///
    /// # Safety
    /// Each slot is NULL or a valid borrowed object pointer of the attached thread `py`.
    pub unsafe fn new(py: Python<'_>, slots: [*mut ffi::PyObject; N]) -> Self {
        // SAFETY: as the caller guarantees.
        OwnedSlots(slots.map(|p| {
            unsafe { crate::Borrowed::from_ptr_or_opt(py, p) }.map(|b| b.to_owned().unbind())
        }))
    }

    /// The slots as the borrowed pointers the argument extraction reads (NULL: not given);
    /// valid as long as `self`.
    pub fn ptrs(&self) -> [*mut ffi::PyObject; N] {
        std::array::from_fn(|i| {
            self.0[i]
                .as_ref()
                .map_or(std::ptr::null_mut(), |p| p.as_ptr())
        })
    }
}

/// Wraps the future of an `async fn` (whose output is already converted) into a new
/// [`Coroutine`] object named `name`.
pub fn new_coroutine<F>(
    py: Python<'_>,
    name: &'static str,
    qualname_prefix: Option<&'static str>,
    throw_callback: Option<ThrowCallback>,
    future: F,
) -> PyResult<*mut ffi::PyObject>
where
    F: AsyncFnFuture<Output = PyResult<Py<PyAny>>>,
{
    let name = PyString::intern(py, name).unbind();
    let coroutine = Coroutine::new(Some(name), qualname_prefix, throw_callback, future);
    Ok(coroutine.into_pyobject(py)?.into_ptr())
}

/// The receiver of an `async` method taking `&self`/`&mut self`, checked to be a `T` when the
/// method is called; the future borrows it when it first runs.
///
/// # Safety
/// `slf` must be a valid object pointer.
pub unsafe fn receiver<T: PyClass>(py: Python<'_>, slf: *mut ffi::PyObject) -> PyResult<Py<T>> {
    let slf = unsafe { crate::impl_::pyclass_slots::bound_slf::<T>(py, slf)? };
    Ok((*slf).clone().unbind())
}

/// A shared borrow of a `#[pyclass]` value owned by a coroutine: `&self` of an `async` method.
/// Other methods may also borrow the value while the coroutine runs; `&mut self` methods fail
/// with "Already borrowed" until the coroutine is finished or dropped.
pub struct RefGuard<T: PyClass> {
    object: Py<T>,
    // `Send`/`Sync` only if `&T` is.
    _marker: PhantomData<&'static T>,
}

impl<T: PyClass> RefGuard<T> {
    /// Borrows `object`; called by the future when it is first polled (like the body of an
    /// `async fn`, the borrow starts when the coroutine first runs).
    pub fn new(object: Py<T>) -> PyResult<Self> {
        Python::attach(|py| Ok(Self::from(PyRef::try_borrow(object.bind(py))?)))
    }
}

impl<T: PyClass> Deref for RefGuard<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: a live instance of `T`, borrowed shared by this guard.
        unsafe { &*PyClassObject::<T>::value_ptr(self.object.as_ptr()) }
    }
}

impl<T: PyClass> Drop for RefGuard<T> {
    fn drop(&mut self) {
        if !T::FROZEN {
            // The future may be dropped by a thread that is not attached, and with the GIL
            // the flag is only updated by attached threads (see `BorrowFlag`).
            Python::attach(|_| {
                // SAFETY: the object is alive (`self.object`).
                unsafe { PyClassObject::<T>::borrow_flag(self.object.as_ptr()) }.release_borrow();
            });
        }
    }
}

/// An exclusive borrow of a `#[pyclass]` value owned by a coroutine: `&mut self` of an `async`
/// method. Any other borrow fails until the coroutine is finished or dropped.
pub struct RefMutGuard<T: PyClass<Frozen = False>> {
    object: Py<T>,
    // `Send` only if `T` is, `Sync` only if `T` is.
    _marker: PhantomData<&'static mut T>,
}

impl<T: PyClass<Frozen = False>> RefMutGuard<T> {
    /// Borrows `object` mutably; called by the future when it is first polled.
    pub fn new(object: Py<T>) -> PyResult<Self> {
        Python::attach(|py| Ok(Self::from(PyRefMut::try_borrow(object.bind(py))?)))
    }
}

impl<T: PyClass<Frozen = False>> Deref for RefMutGuard<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: a live instance of `T`, borrowed exclusively by this guard.
        unsafe { &*PyClassObject::<T>::value_ptr(self.object.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for RefMutGuard<T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`; `&mut self` makes this the only access.
        unsafe { &mut *PyClassObject::<T>::value_ptr(self.object.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> Drop for RefMutGuard<T> {
    fn drop(&mut self) {
        // As for `RefGuard`: the flag is only updated by attached threads.
        Python::attach(|_| {
            // SAFETY: the object is alive (`self.object`).
            unsafe { PyClassObject::<T>::borrow_flag(self.object.as_ptr()) }.release_borrow_mut();
        });
    }
}

impl<T: PyClass> From<PyRef<'_, T>> for RefGuard<T> {
    fn from(borrowed: PyRef<'_, T>) -> Self {
        RefGuard {
            object: borrowed.into_bound_keeping_borrow().unbind(),
            _marker: PhantomData,
        }
    }
}

impl<T: PyClass<Frozen = False>> From<PyRefMut<'_, T>> for RefMutGuard<T> {
    fn from(borrowed: PyRefMut<'_, T>) -> Self {
        RefMutGuard {
            object: borrowed.into_bound_keeping_borrow().unbind(),
            _marker: PhantomData,
        }
    }
}

/// The guard of a `&T` argument of an `async fn`, from the holder filled by its extraction.
pub fn ref_arg_guard<T: PyClass>(holder: Option<PyRef<'_, T>>) -> RefGuard<T> {
    // The macro rejects defaults for these arguments: extraction always fills the holder.
    RefGuard::from(holder.expect("extracted argument"))
}

/// The guard of a `&mut T` argument of an `async fn`, from the holder filled by its extraction.
pub fn ref_mut_arg_guard<T: PyClass<Frozen = False>>(
    holder: Option<PyRefMut<'_, T>>,
) -> RefMutGuard<T> {
    RefMutGuard::from(holder.expect("extracted argument"))
}
