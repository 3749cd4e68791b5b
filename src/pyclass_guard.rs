//! [`PyClassGuard`] and [`PyClassGuardMut`]: borrows of a `#[pyclass]` value, usable as method
//! receivers (`slf: PyClassGuard<'_, Self>`) and arguments.
//!
//! They check and hold the same borrow flag as [`PyRef`] / [`PyRefMut`] (which they wrap), so
//! mixing the two kinds of borrows is checked as one.

use std::fmt;
use std::ops::{Deref, DerefMut};

use crate::pycell::PyRefMutSuper;
use crate::pyclass::boolean_struct::False;
use crate::pyclass::PyClass;
use crate::{Borrowed, FromPyObject, PyAny, PyErr, PyRef, PyRefMut};

/// A shared borrow of a `#[pyclass]` value.
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
/// ```
#[repr(transparent)]
pub struct PyClassGuard<'a, T: PyClass> {
    inner: PyRef<'a, T>,
}

/// An exclusive borrow of a `#[pyclass]` value.
#[repr(transparent)]
pub struct PyClassGuardMut<'a, T: PyClass<Frozen = False>> {
    inner: PyRefMut<'a, T>,
}

/// The base-class view of a [`PyClassGuardMut`], from [`PyClassGuardMut::as_super`]: it
/// dereferences to the base's value while the guard stays (mutably) borrowed.
pub struct PyClassGuardMutSuper<'a, 'g, T: PyClass<Frozen = False>> {
    inner: PyRefMutSuper<'a, 'g, T>,
}

impl<'a, T: PyClass> PyClassGuard<'a, T> {
    /// The guard as a guard of the base class (same object, same borrow).
    pub fn as_super(&self) -> &PyClassGuard<'a, T::BaseType>
    where
        T::BaseType: PyClass,
    {
        let base: &PyRef<'a, T::BaseType> = self.inner.as_super();
        // SAFETY: `PyClassGuard` is a transparent wrapper of `PyRef`.
        unsafe { &*(base as *const PyRef<'a, T::BaseType>).cast::<PyClassGuard<'a, T::BaseType>>() }
    }

    /// Converts into a guard of the base class.
    pub fn into_super(self) -> PyClassGuard<'a, T::BaseType>
    where
        T::BaseType: PyClass,
    {
        PyClassGuard {
            inner: self.inner.into_super(),
        }
    }

    /// The object (the guard keeps it borrowed).
    pub fn as_any(&self) -> &crate::Bound<'a, PyAny> {
        self.inner.as_any()
    }
}

impl<'a, T: PyClass<Frozen = False>> PyClassGuardMut<'a, T> {
    /// A mutable view of the base class's value, through the same borrow.
    pub fn as_super(&mut self) -> PyClassGuardMutSuper<'_, 'a, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        PyClassGuardMutSuper {
            inner: self.inner.as_super(),
        }
    }

    /// Converts into a guard of the base class.
    pub fn into_super(self) -> PyClassGuardMut<'a, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        PyClassGuardMut {
            inner: self.inner.into_super(),
        }
    }

    /// The object (the guard keeps it borrowed).
    pub fn as_any(&self) -> &crate::Bound<'a, PyAny> {
        self.inner.as_any()
    }
}

impl<'a, 'g, T: PyClass<Frozen = False>> PyClassGuardMutSuper<'a, 'g, T> {
    /// The next base class up.
    pub fn as_super(&mut self) -> PyClassGuardMutSuper<'_, 'g, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        PyClassGuardMutSuper {
            inner: self.inner.as_super(),
        }
    }
}

impl<'a, T: PyClass> From<PyRef<'a, T>> for PyClassGuard<'a, T> {
    fn from(inner: PyRef<'a, T>) -> Self {
        PyClassGuard { inner }
    }
}

impl<'a, T: PyClass<Frozen = False>> From<PyRefMut<'a, T>> for PyClassGuardMut<'a, T> {
    fn from(inner: PyRefMut<'a, T>) -> Self {
        PyClassGuardMut { inner }
    }
}

impl<T: PyClass> Deref for PyClassGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyClassGuardMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyClassGuardMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.inner
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyClassGuardMutSuper<'_, '_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyClassGuardMutSuper<'_, '_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.inner
    }
}

impl<'a, 'py: 'a, T: PyClass> FromPyObject<'a, 'py> for PyClassGuard<'a, T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, PyErr> {
        let r: PyRef<'py, T> = FromPyObject::extract(obj)?;
        Ok(PyClassGuard { inner: r })
    }
}

impl<'a, 'py: 'a, T: PyClass<Frozen = False>> FromPyObject<'a, 'py> for PyClassGuardMut<'a, T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, PyErr> {
        let r: PyRefMut<'py, T> = FromPyObject::extract(obj)?;
        Ok(PyClassGuardMut { inner: r })
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
