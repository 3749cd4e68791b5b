//! Items related to Python classes defined in Rust.

use crate::ffi;

/// The operator of a rich comparison (`__lt__`, `__eq__`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum CompareOp {
    /// `<`
    Lt = ffi::Py_LT,
    /// `<=`
    Le = ffi::Py_LE,
    /// `==`
    Eq = ffi::Py_EQ,
    /// `!=`
    Ne = ffi::Py_NE,
    /// `>`
    Gt = ffi::Py_GT,
    /// `>=`
    Ge = ffi::Py_GE,
}

impl CompareOp {
    /// Converts a raw `Py_LT`..`Py_GE` value.
    pub fn from_raw(op: std::os::raw::c_int) -> Option<CompareOp> {
        match op {
            ffi::Py_LT => Some(CompareOp::Lt),
            ffi::Py_LE => Some(CompareOp::Le),
            ffi::Py_EQ => Some(CompareOp::Eq),
            ffi::Py_NE => Some(CompareOp::Ne),
            ffi::Py_GT => Some(CompareOp::Gt),
            ffi::Py_GE => Some(CompareOp::Ge),
            _ => None,
        }
    }

    /// Applies the operator to an [`Ordering`](std::cmp::Ordering).
    pub fn matches(&self, result: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => result == Less,
            CompareOp::Le => result != Greater,
            CompareOp::Eq => result == Equal,
            CompareOp::Ne => result != Equal,
            CompareOp::Gt => result == Greater,
            CompareOp::Ge => result != Less,
        }
    }
}

/// A Rust type exposed to Python as a class by `#[pyclass]`.
///
/// Implemented by the macro; `Frozen` is [`boolean_struct::True`] for `#[pyclass(frozen)]`
/// (no mutable borrows; [`Bound::get`](crate::Bound::get) is available when `Self: Sync`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `#[pyclass]`",
    note = "`#[pymethods]`, `PyRef<{Self}>` and `Py<{Self}>` need `#[pyclass]` on `{Self}`"
)]
pub trait PyClass: crate::PyTypeInfo + crate::impl_::pyclass::PyClassImpl {
    /// The Python name of the class (`#[pyclass(name = "...")]`, else the Rust name).
    const NAME: &'static str;
    /// Whether the class is `frozen`.
    type Frozen: boolean_struct::private::Boolean;
}

/// Type-level booleans used as [`PyClass::Frozen`].
pub mod boolean_struct {
    pub(crate) mod private {
        /// A type-level boolean.
        pub trait Boolean {
            /// Its value.
            const VALUE: bool;
        }
    }

    /// Type-level `true`.
    pub struct True(());
    /// Type-level `false`.
    pub struct False(());

    impl private::Boolean for True {
        const VALUE: bool = true;
    }
    impl private::Boolean for False {
        const VALUE: bool = false;
    }
}

pub use crate::pyclass_gc::{PyTraverseError, PyVisit};
pub use crate::pyclass_gc_fields::GcTraverse;
pub use crate::pyclass_guard::{
    PyClassGuard, PyClassGuardMap, PyClassGuardMapMut, PyClassGuardMut, PyClassGuardMutSuper,
};
pub use crate::pyclass_guard_map::{PyClassGuardError, PyClassGuardMutError};
pub use crate::pyclass_init::PyClassInitializer;
