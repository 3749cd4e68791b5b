//! Older paths of the class protocol items, kept for compatibility.

/// Basic protocol items.
pub mod basic {
    pub use crate::pyclass::CompareOp;
}

/// Garbage collector protocol items.
pub mod gc {
    pub use crate::pyclass_gc::{PyTraverseError, PyVisit};
}

pub use crate::pyclass::CompareOp;
pub use crate::pyclass_gc::{PyTraverseError, PyVisit};
