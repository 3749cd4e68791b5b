//! [`GcTraverse`]: what `#[pyclass(gc)]` (an extension of this crate, not in PyO3) visits in
//! each field when it derives `__traverse__`.

use crate::pyclass_gc::{PyTraverseError, PyVisit};
use crate::{Bound, Py};

/// A value that may hold Python objects, reported to the garbage collector one by one.
///
/// `#[pyclass(gc)]` calls it for each field of type `Py<T>`, `Bound<T>`, `Option<..>` or
/// `Vec<..>` of those, and for each field marked `#[pyo3(traverse)]` (whose type must implement
/// this trait: implement it for your own containers of `Py<T>`).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::pyclass::{GcTraverse, PyTraverseError, PyVisit};
///
/// struct Pair(Py<PyAny>, Py<PyAny>);
///
/// impl GcTraverse for Pair {
///     fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
///         self.0.gc_traverse(visit)?;
///         self.1.gc_traverse(visit)
///     }
/// }
///
/// #[pyclass(gc)]
/// struct Node {
///     #[pyo3(traverse)]
///     pair: Pair,
///     next: Option<Py<Node>>,
/// }
/// ```
pub trait GcTraverse {
    /// Reports every Python object this value holds a strong reference to.
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError>;
}

impl<T> GcTraverse for Py<T> {
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.visit_ptr(self.as_ptr())
    }
}

impl<T> GcTraverse for Bound<'_, T> {
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.visit_ptr(self.as_ptr())
    }
}

impl<T: GcTraverse> GcTraverse for Option<T> {
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        match self {
            Some(v) => v.gc_traverse(visit),
            None => Ok(()),
        }
    }
}

impl<T: GcTraverse> GcTraverse for [T] {
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        self.iter().try_for_each(|v| v.gc_traverse(visit))
    }
}

impl<T: GcTraverse, const N: usize> GcTraverse for [T; N] {
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        self[..].gc_traverse(visit)
    }
}

impl<T: GcTraverse> GcTraverse for Vec<T> {
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        self[..].gc_traverse(visit)
    }
}

impl<T: GcTraverse + ?Sized> GcTraverse for Box<T> {
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        (**self).gc_traverse(visit)
    }
}
