//! Non-limited dictionary APIs from `Include/cpython/dictobject.h`.

use crate::{PyObject, Py_ssize_t};
#[cfg(Py_3_12)]
use std::ffi::c_int;

/// Opaque shared-keys table of a dictionary.
#[repr(C)]
pub struct PyDictKeysObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

/// Opaque values array of a split-table dictionary (3.11+).
#[cfg(Py_3_11)]
#[repr(C)]
pub struct PyDictValues {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

#[cfg(not(PyPy))]
/// The `dict` object.
#[repr(C)]
#[derive(Debug)]
pub struct PyDictObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Number of items in the dictionary.
    pub ma_used: Py_ssize_t,
    /// Version tag, changed on every modification (deprecated in 3.12; replaced by
    /// `_ma_watcher_tag` in 3.14).
    #[cfg(not(Py_3_14))]
    pub ma_version_tag: u64,
    /// Watcher bits and mutation counter (3.14+, private).
    #[cfg(Py_3_14)]
    pub _ma_watcher_tag: u64,
    /// The keys table.
    pub ma_keys: *mut PyDictKeysObject,
    /// NULL for combined tables; the values of a split table otherwise.
    #[cfg(not(Py_3_11))]
    pub ma_values: *mut *mut PyObject,
    /// NULL for combined tables; the values of a split table otherwise.
    #[cfg(Py_3_11)]
    pub ma_values: *mut PyDictValues,
}

#[cfg(not(PyPy))]
/// Number of items in a dictionary, without error checking.
#[inline]
pub unsafe fn PyDict_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    #[cfg(Py_GIL_DISABLED)]
    {
        (*core::ptr::addr_of!((*op.cast::<PyDictObject>()).ma_used)
            .cast::<core::sync::atomic::AtomicIsize>())
        .load(core::sync::atomic::Ordering::Relaxed)
    }
    #[cfg(not(Py_GIL_DISABLED))]
    {
        (*op.cast::<PyDictObject>()).ma_used
    }
}

extern "C" {
    /// `mp.setdefault(key, defaultobj)`, returning a borrowed reference.
    #[cfg_attr(PyPy, link_name = "PyPyDict_SetDefault")]
    pub fn PyDict_SetDefault(
        mp: *mut PyObject,
        key: *mut PyObject,
        defaultobj: *mut PyObject,
    ) -> *mut PyObject;
    /// `setdefault` with a strong reference in `*result` (if not NULL): returns 1 if the key
    /// was present, 0 if `default_value` was inserted, -1 on error (3.13).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyDict_SetDefaultRef")]
    pub fn PyDict_SetDefaultRef(
        mp: *mut PyObject,
        key: *mut PyObject,
        default_value: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int;
    /// `key in mp` with a UTF-8 C string key (3.13).
    #[cfg(Py_3_13)]
    pub fn PyDict_ContainsString(mp: *mut PyObject, key: *const std::ffi::c_char) -> c_int;
    /// Remove `key`: 1 (and the value in `*result` if not NULL) if found, 0 if missing,
    /// -1 on error (3.13).
    #[cfg(Py_3_13)]
    pub fn PyDict_Pop(dict: *mut PyObject, key: *mut PyObject, result: *mut *mut PyObject)
        -> c_int;
    /// Like [`PyDict_Pop`] with a UTF-8 C string key (3.13).
    #[cfg(Py_3_13)]
    pub fn PyDict_PopString(
        dict: *mut PyObject,
        key: *const std::ffi::c_char,
        result: *mut *mut PyObject,
    ) -> c_int;
}

/// Events reported to dictionary watchers (3.12+).
#[cfg(Py_3_12)]
#[repr(C)]
#[derive(Debug, Copy, Clone, PartialEq, Eq)]
pub enum PyDict_WatchEvent {
    /// A new key was added.
    PyDict_EVENT_ADDED,
    /// The value of an existing key changed.
    PyDict_EVENT_MODIFIED,
    /// A key was deleted.
    PyDict_EVENT_DELETED,
    /// The dictionary was filled from another dictionary.
    PyDict_EVENT_CLONED,
    /// The dictionary was cleared.
    PyDict_EVENT_CLEARED,
    /// The dictionary is being deallocated.
    PyDict_EVENT_DEALLOCATED,
}

/// Callback called on watched dictionary events (3.12+).
#[cfg(Py_3_12)]
pub type PyDict_WatchCallback = unsafe extern "C" fn(
    event: PyDict_WatchEvent,
    dict: *mut PyObject,
    key: *mut PyObject,
    new_value: *mut PyObject,
) -> c_int;

#[cfg(Py_3_12)]
extern "C" {
    /// Register a dictionary watcher callback; returns its id or -1.
    pub fn PyDict_AddWatcher(callback: PyDict_WatchCallback) -> c_int;
    /// Unregister the watcher `watcher_id`.
    pub fn PyDict_ClearWatcher(watcher_id: c_int) -> c_int;
    /// Start reporting events on `dict` to the watcher `watcher_id`.
    pub fn PyDict_Watch(watcher_id: c_int, dict: *mut PyObject) -> c_int;
    /// Stop reporting events on `dict` to the watcher `watcher_id`.
    pub fn PyDict_Unwatch(watcher_id: c_int, dict: *mut PyObject) -> c_int;
}

#[cfg(Py_3_15)]
extern "C" {
    /// The `frozendict` type (3.15+).
    pub static mut PyFrozenDict_Type: crate::PyTypeObject;
    /// A new `frozendict` from a mapping or iterable of pairs (NULL: empty), or NULL with an
    /// exception set.
    pub fn PyFrozenDict_New(iterable: *mut PyObject) -> *mut PyObject;
}

/// Whether `op` is a `frozendict` (or a subclass instance).
#[cfg(Py_3_15)]
#[inline]
pub unsafe fn PyFrozenDict_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyFrozenDict_Type)
}

/// Whether `op` is exactly a `frozendict`.
#[cfg(Py_3_15)]
#[inline]
pub unsafe fn PyFrozenDict_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyFrozenDict_Type)
}

/// Whether `op` is a `dict` or a `frozendict` (or a subclass instance of either).
#[cfg(Py_3_15)]
#[inline]
pub unsafe fn PyAnyDict_Check(op: *mut PyObject) -> c_int {
    (crate::PyDict_Check(op) != 0 || PyFrozenDict_Check(op) != 0) as c_int
}

/// Whether `op` is exactly a `dict` or a `frozendict`.
#[cfg(Py_3_15)]
#[inline]
pub unsafe fn PyAnyDict_CheckExact(op: *mut PyObject) -> c_int {
    (crate::PyDict_CheckExact(op) != 0 || PyFrozenDict_CheckExact(op) != 0) as c_int
}
