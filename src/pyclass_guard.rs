//! [`PyClassGuard`] and [`PyClassGuardMut`]: borrows of a `#[pyclass]` value that do not own
//! a reference to the object (they live no longer than a reference held elsewhere, `'a`), so
//! they are `Send`/`Sync` when the value is, and convert back to a [`Borrowed`].
//!
//! They take and release the same borrow flag as [`PyRef`](crate::PyRef) /
//! [`PyRefMut`](crate::PyRefMut), so mixing the kinds of borrows is checked as one.

use std::convert::Infallible;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use crate::impl_::pyclass::{tracks_borrows, PyClassObject};
use crate::pycell::{try_borrow_mut_raw, try_borrow_raw, PyBorrowError, PyBorrowMutError};
use crate::pyclass::boolean_struct::False;
use crate::pyclass::PyClass;
use crate::pyclass_guard_map::{PyClassGuardError, PyClassGuardMutError};
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyAny, Python};

pub use crate::pyclass_guard_map::{PyClassGuardMap, PyClassGuardMapMut};

/// A shared borrow of a `#[pyclass]` value, valid while the object is kept alive elsewhere.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::pyclass::PyClassGuard;
///
/// #[pyclass]
/// struct Counter {
///     n: u32,
/// }
///
/// #[pymethods]
/// impl Counter {
///     fn value(slf: PyClassGuard<'_, Self>) -> u32 {
///         slf.n
///     }
/// }
///
/// # Python::initialize();
/// Python::attach(|py| {
///     let obj = Bound::new(py, Counter { n: 3 }).unwrap();
///     let guard = PyClassGuard::try_from(&obj).unwrap();
///     let n = guard.map(|c| &c.n);
///     assert_eq!(*n, 3);
/// });
/// ```
#[repr(transparent)]
pub struct PyClassGuard<'a, T: PyClass> {
    ptr: NonNull<ffi::PyObject>,
    _marker: PhantomData<&'a Py<T>>,
}

/// An exclusive borrow of a `#[pyclass]` value, valid while the object is kept alive elsewhere.
#[repr(transparent)]
pub struct PyClassGuardMut<'a, T: PyClass<Frozen = False>> {
    ptr: NonNull<ffi::PyObject>,
    _marker: PhantomData<&'a Py<T>>,
}

/// The base-class view of a [`PyClassGuardMut`], from [`PyClassGuardMut::as_super`]: it
/// dereferences to the base's value while the guard stays (mutably) borrowed.
pub struct PyClassGuardMutSuper<'a, 'g, T: PyClass<Frozen = False>> {
    ptr: NonNull<ffi::PyObject>,
    _marker: PhantomData<&'a mut PyClassGuardMut<'g, T>>,
}

impl<'a, T: PyClass> PyClassGuard<'a, T> {
    /// Takes a shared borrow of `ptr`.
    ///
    /// # Safety
    /// `ptr` is an instance of `T` that stays alive for `'a`.
    pub(crate) unsafe fn try_borrow_ptr(ptr: *mut ffi::PyObject) -> Result<Self, PyBorrowError> {
        try_borrow_raw::<T>(ptr)?;
        Ok(PyClassGuard {
            // SAFETY: the caller passes a valid object.
            ptr: unsafe { NonNull::new_unchecked(ptr) },
            _marker: PhantomData,
        })
    }

    fn value(&self) -> &T {
        // SAFETY: the shared borrow is held; nothing can write to the value meanwhile.
        unsafe { &*PyClassObject::<T>::value_ptr(self.ptr.as_ptr()) }
    }

    /// Narrows the guard to a part of the value; the borrow lasts as long as the result.
    pub fn map<F, U: ?Sized>(self, f: F) -> PyClassGuardMap<'a, U>
    where
        F: FnOnce(&T) -> &U,
    {
        // A panic in `f` drops `self`, which releases the borrow.
        let part = NonNull::from(f(self.value()));
        let flag = tracks_borrows::<T>()
            .then(|| unsafe { PyClassObject::<T>::borrow_flag(self.ptr.as_ptr()) });
        std::mem::forget(self);
        // SAFETY: `part` points into the object, alive for `'a`; `flag` holds its borrow.
        unsafe { PyClassGuardMap::new(part, flag) }
    }

    /// The guard as a guard of the base class (same object, same borrow).
    pub fn as_super(&self) -> &PyClassGuard<'a, T::BaseType>
    where
        T::BaseType: PyClass,
    {
        // SAFETY: both are transparent over the same pointer; the flag is shared by all levels.
        unsafe { &*(self as *const Self).cast::<PyClassGuard<'a, T::BaseType>>() }
    }

    /// Converts into a guard of the base class.
    pub fn into_super(self) -> PyClassGuard<'a, T::BaseType>
    where
        T::BaseType: PyClass,
    {
        let ptr = self.ptr;
        // A base whose chain is `frozen` throughout does not count borrows, so its guard would
        // not release the one `T` took: release it now.
        if tracks_borrows::<T>() && !tracks_borrows::<T::BaseType>() {
            unsafe { PyClassObject::<T>::borrow_flag(ptr.as_ptr()) }.release_borrow();
        }
        std::mem::forget(self);
        PyClassGuard {
            ptr,
            _marker: PhantomData,
        }
    }
}

impl<'a, T: PyClass<Frozen = False>> PyClassGuardMut<'a, T> {
    /// Takes an exclusive borrow of `ptr`.
    ///
    /// # Safety
    /// `ptr` is an instance of `T` that stays alive for `'a`.
    pub(crate) unsafe fn try_borrow_ptr(ptr: *mut ffi::PyObject) -> Result<Self, PyBorrowMutError> {
        try_borrow_mut_raw::<T>(ptr)?;
        Ok(PyClassGuardMut {
            // SAFETY: the caller passes a valid object.
            ptr: unsafe { NonNull::new_unchecked(ptr) },
            _marker: PhantomData,
        })
    }

    /// Narrows the guard to a part of the value; the borrow lasts as long as the result.
    pub fn map<F, U: ?Sized>(mut self, f: F) -> PyClassGuardMapMut<'a, U>
    where
        F: FnOnce(&mut T) -> &mut U,
    {
        let part = NonNull::from(f(&mut *self));
        let flag = unsafe { PyClassObject::<T>::borrow_flag(self.ptr.as_ptr()) };
        std::mem::forget(self);
        // SAFETY: `part` points into the object, alive for `'a`; `flag` holds its borrow.
        unsafe { PyClassGuardMapMut::new(part, flag) }
    }

    /// A mutable view of the base class's value, through the same borrow.
    pub fn as_super(&mut self) -> PyClassGuardMutSuper<'_, 'a, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        PyClassGuardMutSuper {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }

    /// Converts into a guard of the base class.
    pub fn into_super(self) -> PyClassGuardMut<'a, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        let ptr = self.ptr;
        std::mem::forget(self);
        PyClassGuardMut {
            ptr,
            _marker: PhantomData,
        }
    }
}

impl<'g, T: PyClass<Frozen = False>> PyClassGuardMutSuper<'_, 'g, T> {
    /// The next base class up.
    pub fn as_super(&mut self) -> PyClassGuardMutSuper<'_, 'g, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        PyClassGuardMutSuper {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl<T: PyClass> Drop for PyClassGuard<'_, T> {
    fn drop(&mut self) {
        if tracks_borrows::<T>() {
            unsafe { PyClassObject::<T>::borrow_flag(self.ptr.as_ptr()) }.release_borrow();
        }
    }
}

impl<T: PyClass<Frozen = False>> Drop for PyClassGuardMut<'_, T> {
    fn drop(&mut self) {
        unsafe { PyClassObject::<T>::borrow_flag(self.ptr.as_ptr()) }.release_borrow_mut();
    }
}

impl<T: PyClass> Deref for PyClassGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value()
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyClassGuardMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the exclusive borrow is held.
        unsafe { &*PyClassObject::<T>::value_ptr(self.ptr.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyClassGuardMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the exclusive borrow is held, and `&mut self` makes this the only access.
        unsafe { &mut *PyClassObject::<T>::value_ptr(self.ptr.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyClassGuardMutSuper<'_, '_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the object is an instance of a subclass of `T`, exclusively borrowed by the
        // guard this view borrows.
        unsafe { &*PyClassObject::<T>::value_ptr(self.ptr.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyClassGuardMutSuper<'_, '_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`, and `&mut self` makes this the only access.
        unsafe { &mut *PyClassObject::<T>::value_ptr(self.ptr.as_ptr()) }
    }
}

// SAFETY: the guards own no Python reference (dropping one on another thread only updates the
// atomic borrow flag) and give access to `&T` (`&mut T`), which `T: Sync` (`Send + Sync`)
// makes shareable across threads.
unsafe impl<T: PyClass + Sync> Send for PyClassGuard<'_, T> {}
unsafe impl<T: PyClass + Sync> Sync for PyClassGuard<'_, T> {}
unsafe impl<T: PyClass<Frozen = False> + Send + Sync> Send for PyClassGuardMut<'_, T> {}
unsafe impl<T: PyClass<Frozen = False> + Sync> Sync for PyClassGuardMut<'_, T> {}
unsafe impl<T: PyClass<Frozen = False> + Send + Sync> Send for PyClassGuardMutSuper<'_, '_, T> {}
unsafe impl<T: PyClass<Frozen = False> + Sync> Sync for PyClassGuardMutSuper<'_, '_, T> {}

impl<'a, 'py, T: PyClass> TryFrom<&'a Bound<'py, T>> for PyClassGuard<'a, T> {
    type Error = PyBorrowError;
    fn try_from(value: &'a Bound<'py, T>) -> Result<Self, PyBorrowError> {
        // SAFETY: `value` keeps the object alive for `'a`.
        unsafe { PyClassGuard::try_borrow_ptr(value.as_ptr()) }
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> TryFrom<&'a Bound<'py, T>> for PyClassGuardMut<'a, T> {
    type Error = PyBorrowMutError;
    fn try_from(value: &'a Bound<'py, T>) -> Result<Self, PyBorrowMutError> {
        // SAFETY: `value` keeps the object alive for `'a`.
        unsafe { PyClassGuardMut::try_borrow_ptr(value.as_ptr()) }
    }
}

impl<'a, 'py, T: PyClass> FromPyObject<'a, 'py> for PyClassGuard<'a, T> {
    type Error = PyClassGuardError<'a, 'py>;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let obj = obj.cast::<T>().map_err(PyClassGuardError::cast)?;
        // SAFETY: `obj` is borrowed for `'a`.
        unsafe { PyClassGuard::try_borrow_ptr(obj.as_ptr()) }.map_err(PyClassGuardError::borrow)
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> FromPyObject<'a, 'py> for PyClassGuardMut<'a, T> {
    type Error = PyClassGuardMutError<'a, 'py>;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let obj = obj.cast::<T>().map_err(PyClassGuardMutError::cast)?;
        // SAFETY: `obj` is borrowed for `'a`.
        unsafe { PyClassGuardMut::try_borrow_ptr(obj.as_ptr()) }
            .map_err(PyClassGuardMutError::borrow)
    }
}

/// The object a guard borrows, as a [`Borrowed`] for the guard's `'a` (the borrow of the value
/// ends with the guard; the object stays alive through whoever keeps it for `'a`).
fn borrowed_object<'a, 'py, T>(
    py: Python<'py>,
    ptr: NonNull<ffi::PyObject>,
) -> Borrowed<'a, 'py, T> {
    // SAFETY: the guard's `'a` guarantees the object outlives the result.
    unsafe { Borrowed::from_ptr(py, ptr.as_ptr()).cast_unchecked() }
}

impl<'a, 'py, T: PyClass> IntoPyObject<'py> for PyClassGuard<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(borrowed_object(py, self.ptr))
    }
}

impl<'a, 'py, T: PyClass> IntoPyObject<'py> for &PyClassGuard<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(borrowed_object(py, self.ptr))
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for PyClassGuardMut<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(borrowed_object(py, self.ptr))
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for &PyClassGuardMut<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(borrowed_object(py, self.ptr))
    }
}

impl<T: PyClass + fmt::Debug> fmt::Debug for PyClassGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: PyClass<Frozen = False> + fmt::Debug> fmt::Debug for PyClassGuardMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
