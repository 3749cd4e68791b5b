//! Dictionary objects: declarations from `Include/dictobject.h`.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
use std::ffi::c_void;
use std::ffi::{c_char, c_int};

/// Opaque `PyDictObject`: the layout of a `dict` is not part of the limited API (the full API's
/// struct is in `cpython`). Only usable behind a pointer; it has no size to build on.
#[cfg(Py_LIMITED_API)]
#[repr(C)]
pub struct PyDictObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

extern "C" {
    /// The `dict` type object.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Type")]
    pub static mut PyDict_Type: PyTypeObject;
}

/// Return true if `op` is a `dict` or an instance of a subtype of `dict`.
#[inline]
pub unsafe fn PyDict_Check(op: *mut PyObject) -> c_int {
    crate::PyType_FastSubclass(crate::Py_TYPE(op), crate::Py_TPFLAGS_DICT_SUBCLASS)
}

/// Return true if `op` is exactly a `dict` (not a subtype).
#[inline]
pub unsafe fn PyDict_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyDict_Type)
}

extern "C" {
    /// Create an empty dictionary.
    #[cfg_attr(PyPy, link_name = "PyPyDict_New")]
    pub fn PyDict_New() -> *mut PyObject;
    /// Borrowed reference to `mp[key]`, or NULL (errors are suppressed).
    #[cfg_attr(PyPy, link_name = "PyPyDict_GetItem")]
    pub fn PyDict_GetItem(mp: *mut PyObject, key: *mut PyObject) -> *mut PyObject;
    /// Borrowed reference to `mp[key]`, or NULL (with an exception set only on error).
    #[cfg_attr(PyPy, link_name = "PyPyDict_GetItemWithError")]
    pub fn PyDict_GetItemWithError(mp: *mut PyObject, key: *mut PyObject) -> *mut PyObject;
    /// `mp[key] = item` (does not steal `item`).
    #[cfg_attr(PyPy, link_name = "PyPyDict_SetItem")]
    pub fn PyDict_SetItem(mp: *mut PyObject, key: *mut PyObject, item: *mut PyObject) -> c_int;
    /// `del mp[key]`.
    #[cfg_attr(PyPy, link_name = "PyPyDict_DelItem")]
    pub fn PyDict_DelItem(mp: *mut PyObject, key: *mut PyObject) -> c_int;
    /// `mp.clear()`.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Clear")]
    pub fn PyDict_Clear(mp: *mut PyObject);
    /// Iterate over the items: start with `*pos == 0`; returns 0 when done. `key` and
    /// `value` receive borrowed references (either may be NULL).
    #[cfg_attr(PyPy, link_name = "PyPyDict_Next")]
    pub fn PyDict_Next(
        mp: *mut PyObject,
        pos: *mut Py_ssize_t,
        key: *mut *mut PyObject,
        value: *mut *mut PyObject,
    ) -> c_int;
    /// `list(mp.keys())`.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Keys")]
    pub fn PyDict_Keys(mp: *mut PyObject) -> *mut PyObject;
    /// `list(mp.values())`.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Values")]
    pub fn PyDict_Values(mp: *mut PyObject) -> *mut PyObject;
    /// `list(mp.items())`.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Items")]
    pub fn PyDict_Items(mp: *mut PyObject) -> *mut PyObject;
    /// `len(mp)`.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Size")]
    pub fn PyDict_Size(mp: *mut PyObject) -> Py_ssize_t;
    /// Shallow copy of a dictionary.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Copy")]
    pub fn PyDict_Copy(mp: *mut PyObject) -> *mut PyObject;
    /// `key in mp`; -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Contains")]
    pub fn PyDict_Contains(mp: *mut PyObject, key: *mut PyObject) -> c_int;
    /// `mp.update(other)` for a mapping `other`.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Update")]
    pub fn PyDict_Update(mp: *mut PyObject, other: *mut PyObject) -> c_int;
    /// Merge a mapping into `mp`, replacing existing keys only if `override` is true.
    #[cfg_attr(PyPy, link_name = "PyPyDict_Merge")]
    pub fn PyDict_Merge(mp: *mut PyObject, other: *mut PyObject, r#override: c_int) -> c_int;
    /// Merge a sequence of key/value pairs into `d`.
    #[cfg(not(PyPy))]
    pub fn PyDict_MergeFromSeq2(d: *mut PyObject, seq2: *mut PyObject, r#override: c_int) -> c_int;
    /// Like [`PyDict_GetItem`] with a UTF-8 C string key.
    #[cfg_attr(PyPy, link_name = "PyPyDict_GetItemString")]
    pub fn PyDict_GetItemString(dp: *mut PyObject, key: *const c_char) -> *mut PyObject;
    /// Like [`PyDict_SetItem`] with a UTF-8 C string key.
    #[cfg_attr(PyPy, link_name = "PyPyDict_SetItemString")]
    pub fn PyDict_SetItemString(
        dp: *mut PyObject,
        key: *const c_char,
        item: *mut PyObject,
    ) -> c_int;
    /// Like [`PyDict_DelItem`] with a UTF-8 C string key.
    #[cfg_attr(PyPy, link_name = "PyPyDict_DelItemString")]
    pub fn PyDict_DelItemString(dp: *mut PyObject, key: *const c_char) -> c_int;
    /// Look up `key`: 1 and a new reference in `*result` if found, 0 and NULL if missing,
    /// -1 and NULL on error (3.13).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyDict_GetItemRef")]
    pub fn PyDict_GetItemRef(
        mp: *mut PyObject,
        key: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int;
    /// Like [`PyDict_GetItemRef`] with a UTF-8 C string key (3.13).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyDict_GetItemStringRef")]
    pub fn PyDict_GetItemStringRef(
        mp: *mut PyObject,
        key: *const c_char,
        result: *mut *mut PyObject,
    ) -> c_int;
    /// Generic `__dict__` getter for `tp_getset` (limited API from 3.10).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyObject_GenericGetDict")]
    pub fn PyObject_GenericGetDict(o: *mut PyObject, context: *mut c_void) -> *mut PyObject;
}

extern "C" {
    /// The type of `dict.keys()` views.
    #[cfg_attr(PyPy, link_name = "PyPyDictKeys_Type")]
    pub static mut PyDictKeys_Type: PyTypeObject;
    /// The type of `dict.values()` views.
    #[cfg_attr(PyPy, link_name = "PyPyDictValues_Type")]
    pub static mut PyDictValues_Type: PyTypeObject;
    /// The type of `dict.items()` views.
    #[cfg(not(PyPy))]
    pub static mut PyDictItems_Type: PyTypeObject;
}

/// Return true if `op` is a `dict_keys` view (or subtype instance).
#[inline]
pub unsafe fn PyDictKeys_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyDictKeys_Type)
}

/// Return true if `op` is a `dict_values` view (or subtype instance).
#[inline]
pub unsafe fn PyDictValues_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyDictValues_Type)
}

#[cfg(not(PyPy))]
/// Return true if `op` is a `dict_items` view (or subtype instance).
#[inline]
pub unsafe fn PyDictItems_Check(op: *mut PyObject) -> c_int {
    crate::PyObject_TypeCheck(op, &raw mut PyDictItems_Type)
}

#[cfg(not(PyPy))]
/// Return true if `op` is a set-like dictionary view (`keys()` or `items()`).
#[inline]
pub unsafe fn PyDictViewSet_Check(op: *mut PyObject) -> c_int {
    (PyDictKeys_Check(op) != 0 || PyDictItems_Check(op) != 0) as c_int
}

extern "C" {
    /// The type of iterators over dictionary keys.
    #[cfg(not(PyPy))]
    pub static mut PyDictIterKey_Type: PyTypeObject;
    /// The type of iterators over dictionary values.
    #[cfg(not(PyPy))]
    pub static mut PyDictIterValue_Type: PyTypeObject;
    /// The type of iterators over dictionary items.
    #[cfg(not(PyPy))]
    pub static mut PyDictIterItem_Type: PyTypeObject;
    /// The type of reversed iterators over dictionary keys.
    #[cfg(not(PyPy))]
    pub static mut PyDictRevIterKey_Type: PyTypeObject;
    /// The type of reversed iterators over dictionary items.
    #[cfg(not(PyPy))]
    pub static mut PyDictRevIterItem_Type: PyTypeObject;
    /// The type of reversed iterators over dictionary values.
    #[cfg(not(PyPy))]
    pub static mut PyDictRevIterValue_Type: PyTypeObject;
}
