//! Slot ids for `PyType_Slot::slot` (`typeslots.h`).
//!
//! Each id names the `PyTypeObject` field (or method-suite field) that `PyType_FromSpec` fills
//! from the slot's `pfunc`. Ids of slots that a given interpreter does not know
//! (`Py_am_send` before 3.10, `Py_tp_vectorcall` / `Py_tp_token` before 3.14) make
//! `PyType_FromSpec` fail at run time; they are declared for every version so that code can
//! refer to them unconditionally.

use std::ffi::c_int;

/// The id of a slot that 3.15 renumbered so that type and module slots share one numbering
/// (`_Py_SLOT_COMPAT_VALUE`): the new id when compiling for 3.15+ (also the 3.15 stable ABI),
/// the old one otherwise. 3.15 still accepts the old ids, older versions only know those.
pub(crate) const fn compat_slot(old: c_int, new: c_int) -> c_int {
    if cfg!(Py_3_15) {
        new
    } else {
        old
    }
}

/// Slot id of `bf_getbuffer`.
pub const Py_bf_getbuffer: c_int = compat_slot(1, 88);
/// Slot id of `bf_releasebuffer`.
pub const Py_bf_releasebuffer: c_int = compat_slot(2, 89);
/// Slot id of `mp_ass_subscript`.
pub const Py_mp_ass_subscript: c_int = compat_slot(3, 90);
/// Slot id of `mp_length`.
pub const Py_mp_length: c_int = compat_slot(4, 91);
/// Slot id of `mp_subscript`.
pub const Py_mp_subscript: c_int = 5;
/// Slot id of `nb_absolute`.
pub const Py_nb_absolute: c_int = 6;
/// Slot id of `nb_add`.
pub const Py_nb_add: c_int = 7;
/// Slot id of `nb_and`.
pub const Py_nb_and: c_int = 8;
/// Slot id of `nb_bool`.
pub const Py_nb_bool: c_int = 9;
/// Slot id of `nb_divmod`.
pub const Py_nb_divmod: c_int = 10;
/// Slot id of `nb_float`.
pub const Py_nb_float: c_int = 11;
/// Slot id of `nb_floor_divide`.
pub const Py_nb_floor_divide: c_int = 12;
/// Slot id of `nb_index`.
pub const Py_nb_index: c_int = 13;
/// Slot id of `nb_inplace_add`.
pub const Py_nb_inplace_add: c_int = 14;
/// Slot id of `nb_inplace_and`.
pub const Py_nb_inplace_and: c_int = 15;
/// Slot id of `nb_inplace_floor_divide`.
pub const Py_nb_inplace_floor_divide: c_int = 16;
/// Slot id of `nb_inplace_lshift`.
pub const Py_nb_inplace_lshift: c_int = 17;
/// Slot id of `nb_inplace_multiply`.
pub const Py_nb_inplace_multiply: c_int = 18;
/// Slot id of `nb_inplace_or`.
pub const Py_nb_inplace_or: c_int = 19;
/// Slot id of `nb_inplace_power`.
pub const Py_nb_inplace_power: c_int = 20;
/// Slot id of `nb_inplace_remainder`.
pub const Py_nb_inplace_remainder: c_int = 21;
/// Slot id of `nb_inplace_rshift`.
pub const Py_nb_inplace_rshift: c_int = 22;
/// Slot id of `nb_inplace_subtract`.
pub const Py_nb_inplace_subtract: c_int = 23;
/// Slot id of `nb_inplace_true_divide`.
pub const Py_nb_inplace_true_divide: c_int = 24;
/// Slot id of `nb_inplace_xor`.
pub const Py_nb_inplace_xor: c_int = 25;
/// Slot id of `nb_int`.
pub const Py_nb_int: c_int = 26;
/// Slot id of `nb_invert`.
pub const Py_nb_invert: c_int = 27;
/// Slot id of `nb_lshift`.
pub const Py_nb_lshift: c_int = 28;
/// Slot id of `nb_multiply`.
pub const Py_nb_multiply: c_int = 29;
/// Slot id of `nb_negative`.
pub const Py_nb_negative: c_int = 30;
/// Slot id of `nb_or`.
pub const Py_nb_or: c_int = 31;
/// Slot id of `nb_positive`.
pub const Py_nb_positive: c_int = 32;
/// Slot id of `nb_power`.
pub const Py_nb_power: c_int = 33;
/// Slot id of `nb_remainder`.
pub const Py_nb_remainder: c_int = 34;
/// Slot id of `nb_rshift`.
pub const Py_nb_rshift: c_int = 35;
/// Slot id of `nb_subtract`.
pub const Py_nb_subtract: c_int = 36;
/// Slot id of `nb_true_divide`.
pub const Py_nb_true_divide: c_int = 37;
/// Slot id of `nb_xor`.
pub const Py_nb_xor: c_int = 38;
/// Slot id of `sq_ass_item`.
pub const Py_sq_ass_item: c_int = 39;
/// Slot id of `sq_concat`.
pub const Py_sq_concat: c_int = 40;
/// Slot id of `sq_contains`.
pub const Py_sq_contains: c_int = 41;
/// Slot id of `sq_inplace_concat`.
pub const Py_sq_inplace_concat: c_int = 42;
/// Slot id of `sq_inplace_repeat`.
pub const Py_sq_inplace_repeat: c_int = 43;
/// Slot id of `sq_item`.
pub const Py_sq_item: c_int = 44;
/// Slot id of `sq_length`.
pub const Py_sq_length: c_int = 45;
/// Slot id of `sq_repeat`.
pub const Py_sq_repeat: c_int = 46;
/// Slot id of `tp_alloc`.
pub const Py_tp_alloc: c_int = 47;
/// Slot id of `tp_base`.
pub const Py_tp_base: c_int = 48;
/// Slot id of `tp_bases`.
pub const Py_tp_bases: c_int = 49;
/// Slot id of `tp_call`.
pub const Py_tp_call: c_int = 50;
/// Slot id of `tp_clear`.
pub const Py_tp_clear: c_int = 51;
/// Slot id of `tp_dealloc`.
pub const Py_tp_dealloc: c_int = 52;
/// Slot id of `tp_del`.
pub const Py_tp_del: c_int = 53;
/// Slot id of `tp_descr_get`.
pub const Py_tp_descr_get: c_int = 54;
/// Slot id of `tp_descr_set`.
pub const Py_tp_descr_set: c_int = 55;
/// Slot id of `tp_doc`.
pub const Py_tp_doc: c_int = 56;
/// Slot id of `tp_getattr`.
pub const Py_tp_getattr: c_int = 57;
/// Slot id of `tp_getattro`.
pub const Py_tp_getattro: c_int = 58;
/// Slot id of `tp_hash`.
pub const Py_tp_hash: c_int = 59;
/// Slot id of `tp_init`.
pub const Py_tp_init: c_int = 60;
/// Slot id of `tp_is_gc`.
pub const Py_tp_is_gc: c_int = 61;
/// Slot id of `tp_iter`.
pub const Py_tp_iter: c_int = 62;
/// Slot id of `tp_iternext`.
pub const Py_tp_iternext: c_int = 63;
/// Slot id of `tp_methods`.
pub const Py_tp_methods: c_int = 64;
/// Slot id of `tp_new`.
pub const Py_tp_new: c_int = 65;
/// Slot id of `tp_repr`.
pub const Py_tp_repr: c_int = 66;
/// Slot id of `tp_richcompare`.
pub const Py_tp_richcompare: c_int = 67;
/// Slot id of `tp_setattr`.
pub const Py_tp_setattr: c_int = 68;
/// Slot id of `tp_setattro`.
pub const Py_tp_setattro: c_int = 69;
/// Slot id of `tp_str`.
pub const Py_tp_str: c_int = 70;
/// Slot id of `tp_traverse`.
pub const Py_tp_traverse: c_int = 71;
/// Slot id of `tp_members`.
pub const Py_tp_members: c_int = 72;
/// Slot id of `tp_getset`.
pub const Py_tp_getset: c_int = 73;
/// Slot id of `tp_free`.
pub const Py_tp_free: c_int = 74;
/// Slot id of `nb_matrix_multiply`.
pub const Py_nb_matrix_multiply: c_int = 75;
/// Slot id of `nb_inplace_matrix_multiply`.
pub const Py_nb_inplace_matrix_multiply: c_int = 76;
/// Slot id of `am_await`.
pub const Py_am_await: c_int = 77;
/// Slot id of `am_aiter`.
pub const Py_am_aiter: c_int = 78;
/// Slot id of `am_anext`.
pub const Py_am_anext: c_int = 79;
/// Slot id of `tp_finalize`.
pub const Py_tp_finalize: c_int = 80;
/// Slot id of `am_send`. (3.10+)
pub const Py_am_send: c_int = 81;
/// Slot id of `tp_vectorcall`. (3.14+)
pub const Py_tp_vectorcall: c_int = 82;
/// Slot id of the type's token (`Py_tp_token`, 3.14+), used by `PyType_GetBaseByToken`.
pub const Py_tp_token: c_int = 83;
