//! Raw bindings to the CPython C API, declared by hand from CPython's headers.
//!
//! The layout follows CPython's `Include/` directory: one module per header, with the
//! non-limited (`Include/cpython/`) declarations under [`cpython`]. Everything is re-exported
//! at the crate root, so items are named as in C: `pyo3_ffi::PyLong_FromLong`.
//!
//! Which items exist depends on the cfgs that `pyo3-build-config` emits for the target
//! interpreter: `Py_3_9`..`Py_3_x`, `Py_LIMITED_API`, `Py_GIL_DISABLED`, `PyPy`, `GraalPy`.
//! On PyPy (3.11) only what `libpypy3.11-c` exports is declared, under PyPy's own symbol
//! names; using anything else is a compile error rather than an import-time failure.
#![allow(
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals,
    clippy::missing_safety_doc
)]
// PyPy provides a subset of the C API (its exported functions are `PyPy`-prefixed, see the
// `link_name`s): the declarations it lacks are `#[cfg(not(PyPy))]`, which leaves some of the
// shared `use` lines of a header's module without users on PyPy only.
#![cfg_attr(PyPy, allow(unused_imports))]
#[doc(hidden)]
pub use core;
pub use libc;

/// Makes a `&'static CStr` from a string literal, rejecting interior NUL bytes at compile
/// time. Handy for the many C-API calls that take `*const c_char` names.
///
/// ```
/// use pyo3_ffi::c_str;
/// const NAME: &std::ffi::CStr = c_str!("sum_as_string");
/// assert_eq!(NAME.to_bytes(), b"sum_as_string");
/// ```
///
/// ```compile_fail
/// // An interior NUL is a compile error, not a truncated name.
/// const BAD: &std::ffi::CStr = pyo3_ffi::c_str!("a\0b");
/// ```
#[macro_export]
macro_rules! c_str {
    ($s:expr) => {{
        const CSTR: &$crate::core::ffi::CStr =
            match $crate::core::ffi::CStr::from_bytes_with_nul(concat!($s, "\0").as_bytes()) {
                ::core::result::Result::Ok(c) => c,
                ::core::result::Result::Err(_) => panic!("c_str! argument contains a NUL byte"),
            };
        CSTR
    }};
}

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
mod datetime;
#[allow(unused_imports)] // declares nothing under the limited API
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
#[allow(unused_imports)] // empty under the limited API from 3.11
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
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
mod slots;
#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
pub use self::slots::*;
mod unicodeobject;
pub use self::unicodeobject::*;
mod warnings;
pub use self::warnings::*;
mod weakrefobject;
pub use self::weakrefobject::*;
mod critical_section;
#[allow(unused_imports)] // declares nothing before 3.13
pub use self::critical_section::*;

pub mod compat;

#[cfg(not(Py_LIMITED_API))]
pub mod cpython;
#[cfg(not(Py_LIMITED_API))]
pub use self::cpython::*;
