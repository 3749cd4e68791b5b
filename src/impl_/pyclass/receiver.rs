//! The `&self` / `&mut self` receiver of generated methods and slots, borrowed straight from
//! the object's borrow flag.
//!
//! `PyRef` keeps the object alive with a reference of its own, which a call does not need:
//! the interpreter holds a reference to the receiver for the whole call (C methods and slots
//! rely on the same). These guards hold the borrowed pointer only, so taking `&self` costs
//! the borrow flag update and nothing else; `frozen` chains skip even that.

use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use crate::impl_::pyclass::{tracks_borrows, PyClassObject};
use crate::pyclass::boolean_struct::False;
use crate::pyclass::PyClass;
use crate::{ffi, PyErr, PyResult, Python};

/// A shared borrow of the value of `T` in a receiver object, released on drop.
pub struct SlfRef<'a, T: PyClass> {
    obj: *mut ffi::PyObject,
    _marker: PhantomData<&'a T>,
}

impl<'a, T: PyClass> SlfRef<'a, T> {
    /// Borrows the value of `slf`, whose type the interpreter has already checked (method
    /// and getset descriptors check `self` before calling the C function).
    ///
    /// # Safety
    /// Attached; `slf` is an instance of `T` that stays alive for `'a`.
    #[inline(always)]
    pub unsafe fn acquire(_py: Python<'_>, slf: *mut ffi::PyObject) -> PyResult<Self> {
        unsafe { PyClassObject::<T>::check_thread(slf) };
        if tracks_borrows::<T>() && !unsafe { PyClassObject::<T>::borrow_flag(slf) }.try_borrow() {
            return Err(borrow_error());
        }
        Ok(SlfRef {
            obj: slf,
            _marker: PhantomData,
        })
    }

    /// As [`acquire`](Self::acquire), for a slot called with an object not yet known to be a
    /// `T`: a `TypeError` if it is not.
    ///
    /// # Safety
    /// Attached; `slf` is a live object that stays alive for `'a`.
    #[inline(always)]
    pub unsafe fn acquire_checked(py: Python<'_>, slf: *mut ffi::PyObject) -> PyResult<Self> {
        unsafe {
            check_receiver::<T>(py, slf)?;
            Self::acquire(py, slf)
        }
    }
}

impl<'a, T: PyClass> SlfRef<'a, T> {
    /// Borrows `obj` if it is an instance of `T` that is not mutably borrowed; `None`
    /// otherwise (an operand that gives `NotImplemented`).
    ///
    /// # Safety
    /// Attached; `obj` is a live object that stays alive for `'a`.
    #[inline(always)]
    pub unsafe fn try_operand(py: Python<'_>, obj: *mut ffi::PyObject) -> Option<Self> {
        if !unsafe { is_instance_fast::<T>(py, obj) } {
            return None;
        }
        unsafe { PyClassObject::<T>::check_thread(obj) };
        if tracks_borrows::<T>() && !unsafe { PyClassObject::<T>::borrow_flag(obj) }.try_borrow() {
            return None;
        }
        Some(SlfRef {
            obj,
            _marker: PhantomData,
        })
    }
}

impl<T: PyClass> Deref for SlfRef<'_, T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: a live instance of `T`, borrowed shared by this guard.
        unsafe { &*PyClassObject::<T>::value_ptr(self.obj) }
    }
}

impl<T: PyClass> Drop for SlfRef<'_, T> {
    #[inline(always)]
    fn drop(&mut self) {
        if tracks_borrows::<T>() {
            // SAFETY: alive (see `acquire`), attached, borrowed by this guard.
            unsafe { PyClassObject::<T>::borrow_flag(self.obj) }.release_borrow();
        }
    }
}

/// An exclusive borrow of the value of `T` in a receiver object, released on drop.
pub struct SlfMut<'a, T: PyClass<Frozen = False>> {
    obj: *mut ffi::PyObject,
    _marker: PhantomData<&'a mut T>,
}

impl<'a, T: PyClass<Frozen = False>> SlfMut<'a, T> {
    /// Borrows the value of `slf` exclusively; see [`SlfRef::acquire`].
    ///
    /// # Safety
    /// Attached; `slf` is an instance of `T` that stays alive for `'a`.
    #[inline(always)]
    pub unsafe fn acquire(_py: Python<'_>, slf: *mut ffi::PyObject) -> PyResult<Self> {
        unsafe { PyClassObject::<T>::check_thread(slf) };
        if !unsafe { PyClassObject::<T>::borrow_flag(slf) }.try_borrow_mut() {
            return Err(borrow_mut_error());
        }
        Ok(SlfMut {
            obj: slf,
            _marker: PhantomData,
        })
    }

    /// As [`acquire`](Self::acquire), after checking that `slf` is a `T`.
    ///
    /// # Safety
    /// Attached; `slf` is a live object that stays alive for `'a`.
    #[inline(always)]
    pub unsafe fn acquire_checked(py: Python<'_>, slf: *mut ffi::PyObject) -> PyResult<Self> {
        unsafe {
            check_receiver::<T>(py, slf)?;
            Self::acquire(py, slf)
        }
    }
}

impl<'a, T: PyClass<Frozen = False>> SlfMut<'a, T> {
    /// Borrows `obj` exclusively if it is an instance of `T` that is not borrowed at all;
    /// `None` otherwise (see [`SlfRef::try_operand`]).
    ///
    /// # Safety
    /// Attached; `obj` is a live object that stays alive for `'a`.
    #[inline(always)]
    pub unsafe fn try_operand(py: Python<'_>, obj: *mut ffi::PyObject) -> Option<Self> {
        if !unsafe { is_instance_fast::<T>(py, obj) } {
            return None;
        }
        unsafe { PyClassObject::<T>::check_thread(obj) };
        if !unsafe { PyClassObject::<T>::borrow_flag(obj) }.try_borrow_mut() {
            return None;
        }
        Some(SlfMut {
            obj,
            _marker: PhantomData,
        })
    }
}

impl<T: PyClass<Frozen = False>> Deref for SlfMut<'_, T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: a live instance of `T`, borrowed exclusively by this guard.
        unsafe { &*PyClassObject::<T>::value_ptr(self.obj) }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for SlfMut<'_, T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`; `&mut self` makes this the only access.
        unsafe { &mut *PyClassObject::<T>::value_ptr(self.obj) }
    }
}

impl<T: PyClass<Frozen = False>> Drop for SlfMut<'_, T> {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: alive (see `acquire`), attached, borrowed by this guard.
        unsafe { PyClassObject::<T>::borrow_flag(self.obj) }.release_borrow_mut();
    }
}

/// `Ok` if `slf` is an instance of `T`: the exact type is compared first (one load), the
/// subtype walk only for other types.
#[inline(always)]
unsafe fn check_receiver<T: PyClass>(py: Python<'_>, slf: *mut ffi::PyObject) -> PyResult<()> {
    if unsafe { ffi::Py_TYPE(slf) } == T::type_object_raw(py) {
        Ok(())
    } else {
        unsafe { crate::impl_::pyclass::check_instance::<T>(py, slf) }
    }
}

/// Whether `obj` is an instance of `T`, comparing the exact type first.
#[inline(always)]
unsafe fn is_instance_fast<T: PyClass>(py: Python<'_>, obj: *mut ffi::PyObject) -> bool {
    let ty = T::type_object_raw(py);
    unsafe { ffi::Py_TYPE(obj) == ty || ffi::PyType_IsSubtype(ffi::Py_TYPE(obj), ty) != 0 }
}

#[cold]
#[inline(never)]
fn borrow_error() -> PyErr {
    PyErr::from(crate::pycell::PyBorrowError::new())
}

#[cold]
#[inline(never)]
fn borrow_mut_error() -> PyErr {
    PyErr::from(crate::pycell::PyBorrowMutError::new())
}
