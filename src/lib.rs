//! Rust bindings to the Python interpreter.
//!
//! The entry point is the [`Python`] token, obtained with [`Python::attach`]. Python objects are
//! held through the smart pointers [`Bound<'py, T>`](Bound) (attached to the thread),
//! [`Borrowed<'a, 'py, T>`](Borrowed) (a borrowed view) and [`Py<T>`](Py) (not tied to a
//! thread). Errors are [`PyErr`] values and fallible operations return [`PyResult`].
#![warn(missing_docs)]
// The `nightly` feature makes `Ungil` an auto trait (see `marker::Ungil`).
#![cfg_attr(feature = "nightly", feature(auto_traits, negative_impls))]
#![allow(clippy::missing_safety_doc, clippy::new_ret_no_self)]

pub use pyo3_ffi as ffi;

/// Items of the basic object protocol: [`CompareOp`](basic::CompareOp), the operator passed to
/// `__richcmp__`.
pub mod basic {
    pub use crate::pyclass::CompareOp;
}
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub mod buffer;
pub mod call;
pub mod class;
pub mod conversion;
mod conversions;
#[cfg(feature = "experimental-async")]
pub mod coroutine;
// The optional conversion modules are public at the crate root (`pyo3::chrono`,
// `pyo3::num_bigint`, ...), as in PyO3. Without any optional feature the glob is empty.
#[allow(unused_imports)]
pub use crate::conversions::*;
pub mod err;
pub mod exceptions;
#[doc(hidden)]
pub mod impl_;
mod instance;
pub(crate) mod internal;
mod macros_reexport;
pub mod marker;
#[cfg(not(Py_LIMITED_API))]
pub mod marshal;
pub mod panic;
pub mod prelude;
pub mod pybacked;
pub mod pycell;
pub mod pyclass;
mod pyclass_gc;
mod pyclass_guard;
mod pyclass_init;
pub mod sync;
pub mod type_object;
pub mod types;
pub mod version;

pub use crate::conversion::{
    BoundObject, FromPyObject, FromPyObjectOwned, IntoPyObject, IntoPyObjectExt,
};
pub use crate::err::{CastError, CastIntoError, PyErr, PyErrArguments, PyResult, ToPyErr};
pub use crate::instance::{Borrowed, Bound, Py};
#[cfg(feature = "macros")]
pub use crate::macros_reexport::*;
#[cfg(not(PyPy))]
pub use crate::marker::with_embedded_python_interpreter;
pub use crate::marker::Python;
pub use crate::pycell::{PyRef, PyRefMut};
pub use crate::pyclass::{PyClass, PyClassInitializer};
pub use crate::pyclass_gc::{PyTraverseError, PyVisit};
pub use crate::pyclass_guard::{PyClassGuard, PyClassGuardMut};

/// Garbage-collector support for `#[pyclass]`: the arguments of `__traverse__`.
pub mod gc {
    pub use crate::pyclass_gc::{PyTraverseError, PyVisit};
}
pub use crate::type_object::{PyTypeCheck, PyTypeInfo};
pub use crate::types::PyAny;
#[cfg(feature = "multiple-pymethods")]
#[doc(hidden)]
pub use inventory;

pub use crate::version::PythonVersionInfo;

// Unit tests use the same exact-type-and-message helpers as the integration tests.
#[cfg(test)]
extern crate self as pyo3;
#[cfg(test)]
#[path = "../tests/common/mod.rs"]
pub(crate) mod test_common;

/// Items used by the code that PyO3's macros expand to; not public API.
#[doc(hidden)]
pub mod __private {
    pub use std::ffi::CStr;
}

/// The Rust code blocks of the user guide (`guide/src/*.md`), compiled and run as doctests:
/// `cargo test --doc --features auto-initialize`. The guide's examples embed the interpreter
/// and use the full (non-abi3) API, hence the cfgs.
#[cfg(all(
    doctest,
    feature = "macros",
    feature = "auto-initialize",
    not(Py_LIMITED_API)
))]
mod guide_doctests {
    macro_rules! guide_chapter {
        ($name:ident, $file:literal) => {
            #[doc = include_str!(concat!("../guide/src/", $file))]
            pub struct $name;
        };
    }
    guide_chapter!(Introduction, "introduction.md");
    guide_chapter!(GettingStarted, "getting-started.md");
    guide_chapter!(Functions, "functions.md");
    guide_chapter!(Classes, "classes.md");
    guide_chapter!(ClassCustomization, "class-customization.md");
    guide_chapter!(Parallelism, "parallelism.md");
    guide_chapter!(Debugging, "debugging.md");
    guide_chapter!(Modules, "modules.md");
    guide_chapter!(Conversions, "conversions.md");
    guide_chapter!(Exceptions, "exceptions.md");
    guide_chapter!(PythonFromRust, "python-from-rust.md");
    #[cfg(feature = "experimental-async")]
    guide_chapter!(Async, "async.md");
    guide_chapter!(Building, "building.md");
    guide_chapter!(Features, "features.md");
    guide_chapter!(Ffi, "ffi.md");
    guide_chapter!(Performance, "performance.md");
    guide_chapter!(Differences, "differences.md");
    guide_chapter!(Distribution, "distribution.md");
    guide_chapter!(Migration, "migration.md");
    guide_chapter!(Faq, "faq.md");
}
