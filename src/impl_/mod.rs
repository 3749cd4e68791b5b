//! Support code for PyO3's macros. Not public API: may change at any time.

pub mod callback;
#[cfg(feature = "experimental-async")]
pub mod coroutine;
pub mod exceptions;
pub mod extract_argument;
pub mod frompyobject;
pub mod glue;
pub mod intopyobject;
#[cfg(feature = "experimental-inspect")]
pub mod introspection;
pub mod operator_fallback;
pub mod platform;
pub mod pyclass;
pub mod pyclass_enum;
pub mod pyclass_freelist;
#[cfg(feature = "multiple-pymethods")]
pub mod pyclass_inventory;
pub mod pyclass_slots;
pub mod pyfunction;
pub mod pymodule;
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub(crate) mod pymodule_abi_guard;
pub mod slot_entry;
pub mod trampoline;

/// Number of reference decrements waiting in the deferred pool (for tests and diagnostics).
pub fn pending_decrefs() -> usize {
    crate::internal::state::pending_decrefs()
}
