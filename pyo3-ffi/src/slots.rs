//! `PySlot` (3.15+, `Include/slots.h` and `slots_generated.h`): the unified slot array of
//! `PyType_FromSlots` and `PyModule_FromSlotsAndSpec`, and the slot ids added with it.
//!
//! The ids shared with the older `PyType_Slot`/`PyModuleDef_Slot` arrays live in `typeslots`
//! and `moduleobject` (3.15 renumbered some of them, see `typeslots::compat_slot`).

use crate::Py_ssize_t;
use std::ffi::{c_int, c_void};

/// `_Py_funcptr_t`: the generic function pointer stored in a slot.
pub type _Py_funcptr_t = unsafe extern "C" fn();

/// The first anonymous union of [`PySlot`] (reserved, must be 0).
#[repr(C)]
#[derive(Copy, Clone)]
pub union _anon_union_32b {
    /// Reserved: must be 0.
    pub sl_reserved: u32,
}

/// The value union of [`PySlot`]; which member is meant depends on the slot id.
#[repr(C)]
#[derive(Copy, Clone)]
pub union _anon_union_64b {
    /// A data pointer.
    pub sl_ptr: *mut c_void,
    /// A function pointer.
    pub sl_func: Option<_Py_funcptr_t>,
    /// A size.
    pub sl_size: Py_ssize_t,
    /// A signed 64-bit integer.
    pub sl_int64: i64,
    /// An unsigned 64-bit integer.
    pub sl_uint64: u64,
}

/// `struct PySlot`: one entry of a slot array, ended by [`PySlot_END`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct PySlot {
    /// The slot id (`Py_tp_*`, `Py_mod_*`, ...).
    pub sl_id: u16,
    /// `PySlot_OPTIONAL`, `PySlot_STATIC`, `PySlot_INTPTR`.
    pub sl_flags: u16,
    /// Reserved (C's first anonymous union).
    pub anon1: _anon_union_32b,
    /// The value (C's second anonymous union).
    pub anon2: _anon_union_64b,
}

/// Flag: an interpreter that does not know the slot id ignores the slot.
pub const PySlot_OPTIONAL: u16 = 0x0001;
/// Flag: the pointed-to data is static and need not be copied.
pub const PySlot_STATIC: u16 = 0x0002;
/// Flag: the value is a pointer or an integer of pointer size (the interpreter converts).
pub const PySlot_INTPTR: u16 = 0x0004;
/// An id that no slot has.
pub const Py_slot_invalid: u16 = 0xffff;

const fn slot(id: c_int, flags: u16, value: _anon_union_64b) -> PySlot {
    PySlot {
        sl_id: id as u16,
        sl_flags: flags,
        anon1: _anon_union_32b { sl_reserved: 0 },
        anon2: value,
    }
}

/// `PySlot_DATA(NAME, VALUE)`: a data pointer slot.
pub const fn PySlot_DATA(NAME: c_int, VALUE: *mut c_void) -> PySlot {
    slot(NAME, PySlot_INTPTR, _anon_union_64b { sl_ptr: VALUE })
}

/// `PySlot_FUNC(NAME, VALUE)`: a function pointer slot.
///
/// # Safety
/// `VALUE` must be a function pointer of the type the slot `NAME` expects.
pub const unsafe fn PySlot_FUNC(NAME: c_int, VALUE: *mut c_void) -> PySlot {
    // SAFETY: the caller passes a function pointer (C casts it to `_Py_funcptr_t`).
    let func = unsafe { std::mem::transmute::<*mut c_void, Option<_Py_funcptr_t>>(VALUE) };
    slot(NAME, 0, _anon_union_64b { sl_func: func })
}

/// `PySlot_SIZE(NAME, VALUE)`: a size slot.
pub const fn PySlot_SIZE(NAME: c_int, VALUE: Py_ssize_t) -> PySlot {
    slot(NAME, 0, _anon_union_64b { sl_size: VALUE })
}

/// `PySlot_INT64(NAME, VALUE)`: a signed integer slot.
pub const fn PySlot_INT64(NAME: c_int, VALUE: i64) -> PySlot {
    slot(NAME, 0, _anon_union_64b { sl_int64: VALUE })
}

/// `PySlot_UINT64(NAME, VALUE)`: an unsigned integer slot.
pub const fn PySlot_UINT64(NAME: c_int, VALUE: u64) -> PySlot {
    slot(NAME, 0, _anon_union_64b { sl_uint64: VALUE })
}

/// `PySlot_STATIC_DATA(NAME, VALUE)`: a pointer to static data.
pub const fn PySlot_STATIC_DATA(NAME: c_int, VALUE: *mut c_void) -> PySlot {
    slot(NAME, PySlot_STATIC, _anon_union_64b { sl_ptr: VALUE })
}

/// `PySlot_PTR(NAME, VALUE)`: a pointer slot (the C++-compatible spelling).
pub const fn PySlot_PTR(NAME: c_int, VALUE: *mut c_void) -> PySlot {
    slot(NAME, PySlot_INTPTR, _anon_union_64b { sl_ptr: VALUE })
}

/// `PySlot_PTR_STATIC(NAME, VALUE)`: a pointer to static data (C++-compatible spelling).
pub const fn PySlot_PTR_STATIC(NAME: c_int, VALUE: *mut c_void) -> PySlot {
    slot(
        NAME,
        PySlot_INTPTR | PySlot_STATIC,
        _anon_union_64b { sl_ptr: VALUE },
    )
}

/// `PySlot_END`: the terminating entry of a slot array.
pub const fn PySlot_END() -> PySlot {
    slot(
        Py_slot_end,
        0,
        _anon_union_64b {
            sl_ptr: std::ptr::null_mut(),
        },
    )
}

/// Slot id ending a slot array.
pub const Py_slot_end: c_int = 0;
/// Slot id: a pointer to a nested slot array.
pub const Py_slot_subslots: c_int = 92;
/// Slot id: a nested type slot array (`PyType_Slot *`).
pub const Py_tp_slots: c_int = 93;
/// Slot id: a nested module slot array (`PyModuleDef_Slot *`).
pub const Py_mod_slots: c_int = 94;
/// Slot id: the type's name.
pub const Py_tp_name: c_int = 95;
/// Slot id: the type's basic size.
pub const Py_tp_basicsize: c_int = 96;
/// Slot id: size added to the base's basic size.
pub const Py_tp_extra_basicsize: c_int = 97;
/// Slot id: the type's item size.
pub const Py_tp_itemsize: c_int = 98;
/// Slot id: the type's flags.
pub const Py_tp_flags: c_int = 99;
/// Slot id: the module's name.
pub const Py_mod_name: c_int = 100;
/// Slot id: the module's docstring.
pub const Py_mod_doc: c_int = 101;
/// Slot id: the size of the module state.
pub const Py_mod_state_size: c_int = 102;
/// Slot id: the module's methods (`PyMethodDef *`).
pub const Py_mod_methods: c_int = 103;
/// Slot id: traversal function of the module state.
pub const Py_mod_state_traverse: c_int = 104;
/// Slot id: clear function of the module state.
pub const Py_mod_state_clear: c_int = 105;
/// Slot id: free function of the module state.
pub const Py_mod_state_free: c_int = 106;
/// Slot id: the type's metaclass.
pub const Py_tp_metaclass: c_int = 107;
/// Slot id: the type's module.
pub const Py_tp_module: c_int = 108;
/// Slot id: the module's `PyABIInfo`.
pub const Py_mod_abi: c_int = 109;
/// Slot id: the module's token.
pub const Py_mod_token: c_int = 110;

extern "C" {
    /// Creates a type from a slot array (new reference), or NULL with an exception set.
    pub fn PyType_FromSlots(slots: *mut PySlot) -> *mut crate::PyObject;
    /// Creates a module from a slot array and its spec (multi-phase init without a def).
    pub fn PyModule_FromSlotsAndSpec(
        slots: *const PySlot,
        spec: *mut crate::PyObject,
    ) -> *mut crate::PyObject;
}
