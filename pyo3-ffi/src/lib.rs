//! Raw bindings to the CPython C API, declared by hand from CPython's headers.
//!
//! The layout follows CPython's `Include/` directory: one module per header, with the
//! non-limited (`Include/cpython/`) declarations under [`cpython`]. Everything is re-exported
//! at the crate root, so items are named as in C: `pyo3_ffi::PyLong_FromLong`.
//!
//! Which items exist depends on the cfgs that `pyo3-build-config` emits for the target
//! interpreter: `Py_3_9`..`Py_3_x`, `Py_LIMITED_API`, `Py_GIL_DISABLED`, `PyPy`, `GraalPy`.
#![allow(
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals,
    clippy::missing_safety_doc
)]
#[doc(hidden)]
pub use core;
pub use libc;

mod abstract_;
pub use self::abstract_::*;
mod bltinmodule;
pub use self::bltinmodule::*;
mod boolobject;
pub use self::boolobject::*;
mod bytearrayobject;
pub use self::bytearrayobject::*;
mod bytesobject;
pub use self::bytesobject::*;
mod ceval;
pub use self::ceval::*;
mod codecs;
pub use self::codecs::*;
mod compile;
pub use self::compile::*;
mod complexobject;
pub use self::complexobject::*;
mod context;
pub use self::context::*;
mod datetime;
pub use self::datetime::*;
mod descrobject;
pub use self::descrobject::*;
mod dictobject;
pub use self::dictobject::*;
mod enumobject;
pub use self::enumobject::*;
mod fileobject;
pub use self::fileobject::*;
mod fileutils;
pub use self::fileutils::*;
mod floatobject;
pub use self::floatobject::*;
mod genericaliasobject;
pub use self::genericaliasobject::*;
mod import;
pub use self::import::*;
mod intrcheck;
pub use self::intrcheck::*;
mod iterobject;
pub use self::iterobject::*;
mod listobject;
pub use self::listobject::*;
mod longobject;
pub use self::longobject::*;
mod marshal;
pub use self::marshal::*;
mod memoryobject;
pub use self::memoryobject::*;
mod methodobject;
pub use self::methodobject::*;
mod modsupport;
pub use self::modsupport::*;
mod moduleobject;
pub use self::moduleobject::*;
mod object;
pub use self::object::*;
mod objimpl;
pub use self::objimpl::*;
mod osmodule;
pub use self::osmodule::*;
mod pybuffer;
pub use self::pybuffer::*;
mod pycapsule;
pub use self::pycapsule::*;
mod pyerrors;
pub use self::pyerrors::*;
mod pyframe;
pub use self::pyframe::*;
mod pyhash;
pub use self::pyhash::*;
mod pylifecycle;
pub use self::pylifecycle::*;
mod pymem;
pub use self::pymem::*;
mod pyport;
pub use self::pyport::*;
mod pystate;
pub use self::pystate::*;
mod pystrtod;
pub use self::pystrtod::*;
mod pythonrun;
pub use self::pythonrun::*;
mod pythread;
pub use self::pythread::*;
mod pytypedefs;
#[allow(unused_imports)] // declares nothing for some (or all) versions
pub use self::pytypedefs::*;
mod rangeobject;
pub use self::rangeobject::*;
mod refcount;
pub use self::refcount::*;
mod setobject;
pub use self::setobject::*;
mod sliceobject;
pub use self::sliceobject::*;
pub mod structmember;
mod structseq;
pub use self::structseq::*;
mod sysmodule;
pub use self::sysmodule::*;
mod traceback;
pub use self::traceback::*;
mod tupleobject;
pub use self::tupleobject::*;
mod typeslots;
pub use self::typeslots::*;
mod unicodeobject;
pub use self::unicodeobject::*;
mod warnings;
pub use self::warnings::*;
mod weakrefobject;
pub use self::weakrefobject::*;
mod critical_section;
#[allow(unused_imports)] // declares nothing for some (or all) versions
pub use self::critical_section::*;

pub mod compat;

#[cfg(not(Py_LIMITED_API))]
pub mod cpython;
#[cfg(not(Py_LIMITED_API))]
pub use self::cpython::*;
