//! The object header, type specs, type flags and generic object functions of `object.h`.
//!
//! Reference counting (`Py_INCREF`, `Py_DECREF`, `Py_REFCNT`, ...) lives in the `refcount`
//! module; the full `PyTypeObject` body (not part of the limited API) in `cpython::object`.

#[cfg(not(Py_LIMITED_API))]
use crate::PyTypeObject;
use crate::{Py_hash_t, Py_ssize_t};
use std::ffi::{c_char, c_int, c_uint, c_ulong, c_void};
use std::ptr;
#[cfg(Py_GIL_DISABLED)]
use std::sync::atomic::{AtomicIsize, AtomicU32};

/// The type object. Opaque in the limited API: use the `PyType_*` functions.
#[cfg(Py_LIMITED_API)]
#[repr(C)]
#[derive(Debug)]
pub struct PyTypeObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

/// The reference count slot of [`PyObject`].
///
/// Since 3.12 the C struct stores it in an anonymous union so that the low 32 bits can be
/// addressed on their own (immortal objects keep all of them set).
#[cfg(all(Py_3_12, not(Py_GIL_DISABLED)))]
#[repr(C)]
#[derive(Copy, Clone)]
pub union PyObjectObRefcnt {
    /// The whole reference count.
    pub ob_refcnt: Py_ssize_t,
    /// The two 32-bit halves of the reference count (64-bit targets only).
    #[cfg(target_pointer_width = "64")]
    pub ob_refcnt_split: [crate::PY_UINT32_T; 2],
    /// The whole word as C's 3.14 header names it (64-bit targets only).
    #[cfg(all(Py_3_14, target_pointer_width = "64"))]
    pub ob_refcnt_full: i64,
    /// The 32-bit count, overflow and flag parts of the word (3.14+, 64-bit targets only).
    #[cfg(all(Py_3_14, target_pointer_width = "64"))]
    pub refcnt_and_flags: PyObjectObFlagsAndRefcnt,
}

/// The named parts of the 3.14+ refcount word on 64-bit targets (C's anonymous struct).
#[cfg(all(Py_3_14, not(Py_GIL_DISABLED), target_pointer_width = "64"))]
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyObjectObFlagsAndRefcnt {
    /// The reference count proper (all bits set for immortal objects).
    #[cfg(target_endian = "little")]
    pub ob_refcnt: u32,
    /// Overflow of the count (little endian) / object flags (big endian).
    #[cfg(target_endian = "little")]
    pub ob_overflow: u16,
    /// Per-object flags.
    #[cfg(target_endian = "little")]
    pub ob_flags: u16,
    /// Per-object flags.
    #[cfg(target_endian = "big")]
    pub ob_flags: u16,
    /// Overflow of the count.
    #[cfg(target_endian = "big")]
    pub ob_overflow: u16,
    /// The reference count proper.
    #[cfg(target_endian = "big")]
    pub ob_refcnt: u32,
}

#[cfg(all(Py_3_12, not(Py_GIL_DISABLED)))]
impl core::fmt::Debug for PyObjectObRefcnt {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // SAFETY: every bit pattern is a valid Py_ssize_t.
        write!(f, "{}", unsafe { self.ob_refcnt })
    }
}

/// The reference count slot of [`PyObject`]: a plain `Py_ssize_t` before 3.12.
#[cfg(not(Py_3_12))]
pub type PyObjectObRefcnt = Py_ssize_t;

/// `PyObject`: the header every Python object starts with.
///
/// In free-threaded builds (`Py_GIL_DISABLED`) the reference count is split into a
/// thread-local part and an atomic shared part, and the owning thread id is recorded.
#[repr(C)]
#[derive(Debug)]
pub struct PyObject {
    /// Next object in the list of all live objects (`Py_TRACE_REFS` builds before 3.13).
    #[cfg(all(py_sys_config = "Py_TRACE_REFS", not(Py_3_13)))]
    pub _ob_next: *mut PyObject,
    /// Previous object in the list of all live objects (`Py_TRACE_REFS` builds before 3.13).
    #[cfg(all(py_sys_config = "Py_TRACE_REFS", not(Py_3_13)))]
    pub _ob_prev: *mut PyObject,
    /// Reference count.
    #[cfg(not(Py_GIL_DISABLED))]
    pub ob_refcnt: PyObjectObRefcnt,
    /// PyPy's link to the interpreter-level object.
    #[cfg(PyPy)]
    pub ob_pypy_link: Py_ssize_t,
    /// Id of the thread owning the object (free-threaded builds).
    #[cfg(Py_GIL_DISABLED)]
    pub ob_tid: libc::uintptr_t,
    /// Padding (free-threaded 3.13 builds).
    #[cfg(all(Py_GIL_DISABLED, not(Py_3_14)))]
    pub _padding: u16,
    /// Per-object flags (free-threaded 3.14+ builds).
    #[cfg(all(Py_GIL_DISABLED, Py_3_14))]
    pub ob_flags: u16,
    /// Per-object lock (free-threaded builds).
    #[cfg(Py_GIL_DISABLED)]
    pub ob_mutex: crate::PyMutex,
    /// GC state bits (free-threaded builds).
    #[cfg(Py_GIL_DISABLED)]
    pub ob_gc_bits: u8,
    /// Reference count held by the owning thread (free-threaded builds).
    #[cfg(Py_GIL_DISABLED)]
    pub ob_ref_local: AtomicU32,
    /// Shared reference count, shifted left by 2 with flag bits (free-threaded builds).
    #[cfg(Py_GIL_DISABLED)]
    pub ob_ref_shared: AtomicIsize,
    /// The object's type.
    pub ob_type: *mut PyTypeObject,
}

/// Reference count of statically allocated objects: immortal since 3.12, else 1.
#[cfg(all(Py_3_12, not(Py_GIL_DISABLED)))]
const HEAD_INIT_REFCNT: PyObjectObRefcnt = PyObjectObRefcnt {
    #[cfg(not(all(Py_3_14, target_pointer_width = "64")))]
    ob_refcnt: crate::refcount::_Py_IMMORTAL_REFCNT,
    #[cfg(all(Py_3_14, target_pointer_width = "64"))]
    ob_refcnt: crate::refcount::_Py_STATIC_IMMORTAL_INITIAL_REFCNT,
};
#[cfg(not(Py_3_12))]
const HEAD_INIT_REFCNT: PyObjectObRefcnt = 1;

/// `PyObject_HEAD_INIT(NULL)`: the initial header of a statically allocated object.
///
/// Set `ob_type` afterwards if needed. From 3.12 the object is created immortal.
#[allow(clippy::declare_interior_mutable_const)]
pub const PyObject_HEAD_INIT: PyObject = PyObject {
    #[cfg(all(py_sys_config = "Py_TRACE_REFS", not(Py_3_13)))]
    _ob_next: ptr::null_mut(),
    #[cfg(all(py_sys_config = "Py_TRACE_REFS", not(Py_3_13)))]
    _ob_prev: ptr::null_mut(),
    #[cfg(not(Py_GIL_DISABLED))]
    ob_refcnt: HEAD_INIT_REFCNT,
    #[cfg(PyPy)]
    ob_pypy_link: 0,
    #[cfg(Py_GIL_DISABLED)]
    ob_tid: 0,
    #[cfg(all(Py_GIL_DISABLED, not(Py_3_14)))]
    _padding: 0,
    #[cfg(all(Py_GIL_DISABLED, Py_3_14))]
    ob_flags: 0,
    #[cfg(Py_GIL_DISABLED)]
    ob_mutex: crate::PyMutex::new(),
    #[cfg(Py_GIL_DISABLED)]
    ob_gc_bits: 0,
    #[cfg(Py_GIL_DISABLED)]
    ob_ref_local: AtomicU32::new(u32::MAX),
    #[cfg(Py_GIL_DISABLED)]
    ob_ref_shared: AtomicIsize::new(0),
    ob_type: ptr::null_mut(),
};

/// `PyVarObject`: the header of variable-size objects.
#[repr(C)]
#[derive(Debug)]
pub struct PyVarObject {
    /// The fixed object header.
    pub ob_base: PyObject,
    /// Number of items in the variable part.
    pub ob_size: Py_ssize_t,
}

/// `Py_Is(x, y)`: identity test, Python's `x is y`.
#[inline]
pub unsafe fn Py_Is(x: *mut PyObject, y: *mut PyObject) -> c_int {
    (x == y) as c_int
}

/// `Py_TYPE(ob)`: borrowed pointer to the object's type.
#[inline]
pub unsafe fn Py_TYPE(ob: *mut PyObject) -> *mut PyTypeObject {
    (*ob).ob_type
}

/// `Py_SIZE(ob)`: the `ob_size` of a variable-size object.
#[inline]
pub unsafe fn Py_SIZE(ob: *mut PyObject) -> Py_ssize_t {
    (*ob.cast::<PyVarObject>()).ob_size
}

/// `Py_IS_TYPE(ob, type)`: whether the type of `ob` is exactly `type`.
#[inline]
pub unsafe fn Py_IS_TYPE(ob: *mut PyObject, tp: *mut PyTypeObject) -> c_int {
    (Py_TYPE(ob) == tp) as c_int
}

/// `Py_SET_TYPE(ob, type)`: sets the object's type pointer.
#[inline]
pub unsafe fn Py_SET_TYPE(ob: *mut PyObject, tp: *mut PyTypeObject) {
    (*ob).ob_type = tp;
}

/// `Py_SET_SIZE(ob, size)`: sets the `ob_size` of a variable-size object.
#[inline]
pub unsafe fn Py_SET_SIZE(ob: *mut PyVarObject, size: Py_ssize_t) {
    (*ob).ob_size = size;
}

/// `unaryfunc`: `PyObject *(*)(PyObject *)`.
pub type unaryfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
/// `binaryfunc`: `PyObject *(*)(PyObject *, PyObject *)`.
pub type binaryfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
/// `ternaryfunc`: `PyObject *(*)(PyObject *, PyObject *, PyObject *)`.
pub type ternaryfunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
/// `inquiry`: `int (*)(PyObject *)`.
pub type inquiry = unsafe extern "C" fn(*mut PyObject) -> c_int;
/// `lenfunc`: `Py_ssize_t (*)(PyObject *)`.
pub type lenfunc = unsafe extern "C" fn(*mut PyObject) -> Py_ssize_t;
/// `ssizeargfunc`: `PyObject *(*)(PyObject *, Py_ssize_t)`.
pub type ssizeargfunc = unsafe extern "C" fn(*mut PyObject, Py_ssize_t) -> *mut PyObject;
/// `ssizessizeargfunc`: `PyObject *(*)(PyObject *, Py_ssize_t, Py_ssize_t)`.
pub type ssizessizeargfunc =
    unsafe extern "C" fn(*mut PyObject, Py_ssize_t, Py_ssize_t) -> *mut PyObject;
/// `ssizeobjargproc`: `int (*)(PyObject *, Py_ssize_t, PyObject *)`.
pub type ssizeobjargproc = unsafe extern "C" fn(*mut PyObject, Py_ssize_t, *mut PyObject) -> c_int;
/// `ssizessizeobjargproc`: `int (*)(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *)`.
pub type ssizessizeobjargproc =
    unsafe extern "C" fn(*mut PyObject, Py_ssize_t, Py_ssize_t, *mut PyObject) -> c_int;
/// `objobjargproc`: `int (*)(PyObject *, PyObject *, PyObject *)`.
pub type objobjargproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
/// `objobjproc`: `int (*)(PyObject *, PyObject *)`.
pub type objobjproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> c_int;
/// `visitproc`: `int (*)(PyObject *, void *)`, called by a `traverseproc` for each reference.
pub type visitproc = unsafe extern "C" fn(object: *mut PyObject, arg: *mut c_void) -> c_int;
/// `traverseproc`: `int (*)(PyObject *, visitproc, void *)` (`tp_traverse`).
pub type traverseproc =
    unsafe extern "C" fn(slf: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int;
/// `freefunc`: `void (*)(void *)` (`tp_free`).
pub type freefunc = unsafe extern "C" fn(*mut c_void);
/// `destructor`: `void (*)(PyObject *)` (`tp_dealloc`).
pub type destructor = unsafe extern "C" fn(*mut PyObject);
/// `getattrfunc`: `PyObject *(*)(PyObject *, char *)`.
pub type getattrfunc = unsafe extern "C" fn(*mut PyObject, *mut c_char) -> *mut PyObject;
/// `getattrofunc`: `PyObject *(*)(PyObject *, PyObject *)`.
pub type getattrofunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
/// `setattrfunc`: `int (*)(PyObject *, char *, PyObject *)`.
pub type setattrfunc = unsafe extern "C" fn(*mut PyObject, *mut c_char, *mut PyObject) -> c_int;
/// `setattrofunc`: `int (*)(PyObject *, PyObject *, PyObject *)`.
pub type setattrofunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
/// `reprfunc`: `PyObject *(*)(PyObject *)`.
pub type reprfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
/// `hashfunc`: `Py_hash_t (*)(PyObject *)`.
pub type hashfunc = unsafe extern "C" fn(*mut PyObject) -> Py_hash_t;
/// `richcmpfunc`: `PyObject *(*)(PyObject *, PyObject *, int)`.
pub type richcmpfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, c_int) -> *mut PyObject;
/// `getiterfunc`: `PyObject *(*)(PyObject *)`.
pub type getiterfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
/// `iternextfunc`: `PyObject *(*)(PyObject *)`.
pub type iternextfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
/// `descrgetfunc`: `PyObject *(*)(PyObject *, PyObject *, PyObject *)`.
pub type descrgetfunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
/// `descrsetfunc`: `int (*)(PyObject *, PyObject *, PyObject *)`.
pub type descrsetfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
/// `initproc`: `int (*)(PyObject *, PyObject *, PyObject *)` (`tp_init`).
pub type initproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
/// `newfunc`: `PyObject *(*)(PyTypeObject *, PyObject *, PyObject *)` (`tp_new`).
pub type newfunc =
    unsafe extern "C" fn(*mut PyTypeObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
/// `allocfunc`: `PyObject *(*)(PyTypeObject *, Py_ssize_t)` (`tp_alloc`).
pub type allocfunc = unsafe extern "C" fn(*mut PyTypeObject, Py_ssize_t) -> *mut PyObject;
/// `vectorcallfunc`: `PyObject *(*)(PyObject *callable, PyObject *const *args, size_t nargsf,
/// PyObject *kwnames)`.
// A type, not a symbol: usable with the limited API on every version, although its headers
// only name it from 3.12 on.
pub type vectorcallfunc = unsafe extern "C" fn(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: libc::size_t,
    kwnames: *mut PyObject,
) -> *mut PyObject;

/// `PyType_Slot`: one `(slot id, function/value pointer)` pair of a [`PyType_Spec`].
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyType_Slot {
    /// Slot id, one of the `Py_tp_*`/`Py_nb_*`/... constants; `0` ends the array.
    pub slot: c_int,
    /// The function pointer or value for the slot.
    pub pfunc: *mut c_void,
}

impl Default for PyType_Slot {
    fn default() -> Self {
        PyType_Slot {
            slot: 0,
            pfunc: ptr::null_mut(),
        }
    }
}

/// `PyType_Spec`: the description of a heap type for [`PyType_FromSpec`] and friends.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyType_Spec {
    /// Fully qualified type name (`"module.Name"`).
    pub name: *const c_char,
    /// Instance size in bytes (`tp_basicsize`).
    pub basicsize: c_int,
    /// Size of one item for variable-size instances (`tp_itemsize`).
    pub itemsize: c_int,
    /// `Py_TPFLAGS_*` bits (`tp_flags`).
    pub flags: c_uint,
    /// Array of slots terminated by a zeroed [`PyType_Slot`].
    pub slots: *mut PyType_Slot,
}

impl Default for PyType_Spec {
    fn default() -> Self {
        PyType_Spec {
            name: ptr::null(),
            basicsize: 0,
            itemsize: 0,
            flags: 0,
            slots: ptr::null_mut(),
        }
    }
}

extern "C" {
    /// Creates a heap type from a spec.
    #[cfg_attr(PyPy, link_name = "PyPyType_FromSpec")]
    pub fn PyType_FromSpec(spec: *mut PyType_Spec) -> *mut PyObject;
    /// Creates a heap type from a spec with the given base class(es).
    #[cfg_attr(PyPy, link_name = "PyPyType_FromSpecWithBases")]
    pub fn PyType_FromSpecWithBases(spec: *mut PyType_Spec, bases: *mut PyObject) -> *mut PyObject;
    /// Returns the function pointer stored in the given slot of a type.
    #[cfg_attr(PyPy, link_name = "PyPyType_GetSlot")]
    pub fn PyType_GetSlot(tp: *mut PyTypeObject, slot: c_int) -> *mut c_void;
    /// Creates a heap type from a spec, associated with `module`.
    #[cfg_attr(PyPy, link_name = "PyPyType_FromModuleAndSpec")]
    pub fn PyType_FromModuleAndSpec(
        module: *mut PyObject,
        spec: *mut PyType_Spec,
        bases: *mut PyObject,
    ) -> *mut PyObject;
    /// Returns the module associated with a heap type (borrowed).
    #[cfg_attr(PyPy, link_name = "PyPyType_GetModule")]
    pub fn PyType_GetModule(tp: *mut PyTypeObject) -> *mut PyObject;
    /// Returns the state of the module associated with a heap type.
    #[cfg_attr(PyPy, link_name = "PyPyType_GetModuleState")]
    pub fn PyType_GetModuleState(tp: *mut PyTypeObject) -> *mut c_void;
    /// Returns the type's `__name__` (new reference).
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyType_GetName")]
    pub fn PyType_GetName(tp: *mut PyTypeObject) -> *mut PyObject;
    /// Returns the type's `__qualname__` (new reference).
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyType_GetQualName")]
    pub fn PyType_GetQualName(tp: *mut PyTypeObject) -> *mut PyObject;
    /// Returns the type's fully qualified name, `module.qualname` (new reference).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyType_GetFullyQualifiedName")]
    pub fn PyType_GetFullyQualifiedName(tp: *mut PyTypeObject) -> *mut PyObject;
    /// Returns the type's `__module__` (new reference).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyType_GetModuleName")]
    pub fn PyType_GetModuleName(tp: *mut PyTypeObject) -> *mut PyObject;
    /// Creates a heap type from a spec with an explicit metaclass.
    #[cfg(Py_3_12)]
    #[cfg_attr(PyPy, link_name = "PyPyType_FromMetaclass")]
    pub fn PyType_FromMetaclass(
        metaclass: *mut PyTypeObject,
        module: *mut PyObject,
        spec: *mut PyType_Spec,
        bases: *mut PyObject,
    ) -> *mut PyObject;
    /// Returns the part of `obj`'s memory reserved for `cls` (negative `basicsize` specs).
    #[cfg(Py_3_12)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetTypeData")]
    pub fn PyObject_GetTypeData(obj: *mut PyObject, cls: *mut PyTypeObject) -> *mut c_void;
    /// Returns the size of the instance memory reserved for `cls`.
    #[cfg(Py_3_12)]
    #[cfg_attr(PyPy, link_name = "PyPyType_GetTypeDataSize")]
    pub fn PyType_GetTypeDataSize(cls: *mut PyTypeObject) -> Py_ssize_t;

    /// Whether `a` is a subtype of `b`.
    #[cfg_attr(PyPy, link_name = "PyPyType_IsSubtype")]
    pub fn PyType_IsSubtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> c_int;
}

/// `PyObject_TypeCheck(ob, type)`: whether `ob` is an instance of `type` or a subtype.
#[inline]
pub unsafe fn PyObject_TypeCheck(ob: *mut PyObject, tp: *mut PyTypeObject) -> c_int {
    (Py_IS_TYPE(ob, tp) != 0 || PyType_IsSubtype(Py_TYPE(ob), tp) != 0) as c_int
}

extern "C" {
    /// The built-in `type`.
    #[cfg_attr(PyPy, link_name = "PyPyType_Type")]
    pub static mut PyType_Type: PyTypeObject;
    /// The built-in `object`.
    #[cfg_attr(PyPy, link_name = "PyPyBaseObject_Type")]
    pub static mut PyBaseObject_Type: PyTypeObject;
    /// The built-in `super`.
    #[cfg(not(PyPy))]
    pub static mut PySuper_Type: PyTypeObject;

    /// Returns the type's `tp_flags`.
    pub fn PyType_GetFlags(tp: *mut PyTypeObject) -> c_ulong;
    /// Finalizes a type object (fills inherited slots, builds the dict, ...).
    #[cfg_attr(PyPy, link_name = "PyPyType_Ready")]
    pub fn PyType_Ready(t: *mut PyTypeObject) -> c_int;
    /// Default `tp_alloc`.
    #[cfg_attr(PyPy, link_name = "PyPyType_GenericAlloc")]
    pub fn PyType_GenericAlloc(t: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject;
    /// Generic `tp_new` that calls `tp_alloc`.
    #[cfg_attr(PyPy, link_name = "PyPyType_GenericNew")]
    pub fn PyType_GenericNew(
        t: *mut PyTypeObject,
        args: *mut PyObject,
        kwds: *mut PyObject,
    ) -> *mut PyObject;
    /// Clears the internal method lookup cache.
    #[cfg(not(PyPy))]
    pub fn PyType_ClearCache() -> c_uint;
    /// Invalidates the lookup cache of a type and its subtypes after a change.
    #[cfg_attr(PyPy, link_name = "PyPyType_Modified")]
    pub fn PyType_Modified(t: *mut PyTypeObject);

    /// `repr(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Repr")]
    pub fn PyObject_Repr(o: *mut PyObject) -> *mut PyObject;
    /// `str(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Str")]
    pub fn PyObject_Str(o: *mut PyObject) -> *mut PyObject;
    /// `ascii(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_ASCII")]
    pub fn PyObject_ASCII(o: *mut PyObject) -> *mut PyObject;
    /// `bytes(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Bytes")]
    pub fn PyObject_Bytes(o: *mut PyObject) -> *mut PyObject;
    /// Rich comparison returning an object; `opid` is one of `Py_LT`..`Py_GE`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_RichCompare")]
    pub fn PyObject_RichCompare(a: *mut PyObject, b: *mut PyObject, opid: c_int) -> *mut PyObject;
    /// Rich comparison returning `1`, `0` or `-1` on error.
    #[cfg_attr(PyPy, link_name = "PyPyObject_RichCompareBool")]
    pub fn PyObject_RichCompareBool(a: *mut PyObject, b: *mut PyObject, opid: c_int) -> c_int;
    /// `getattr(o, attr_name)` with a C string name.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetAttrString")]
    pub fn PyObject_GetAttrString(o: *mut PyObject, attr_name: *const c_char) -> *mut PyObject;
    /// `setattr(o, attr_name, v)` with a C string name (`v == NULL` deletes).
    #[cfg_attr(PyPy, link_name = "PyPyObject_SetAttrString")]
    pub fn PyObject_SetAttrString(
        o: *mut PyObject,
        attr_name: *const c_char,
        v: *mut PyObject,
    ) -> c_int;
    /// `delattr(o, attr_name)` with a C string name (a function since 3.13, a macro before).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_DelAttrString")]
    pub fn PyObject_DelAttrString(o: *mut PyObject, attr_name: *const c_char) -> c_int;
    /// `hasattr(o, attr_name)` with a C string name; errors are swallowed.
    #[cfg_attr(PyPy, link_name = "PyPyObject_HasAttrString")]
    pub fn PyObject_HasAttrString(o: *mut PyObject, attr_name: *const c_char) -> c_int;
    /// `getattr(o, attr_name)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetAttr")]
    pub fn PyObject_GetAttr(o: *mut PyObject, attr_name: *mut PyObject) -> *mut PyObject;
    /// Like `getattr` but a missing attribute is not an error: returns 1 (found), 0 (missing,
    /// `*result = NULL`) or -1 (error).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetOptionalAttr")]
    pub fn PyObject_GetOptionalAttr(
        obj: *mut PyObject,
        attr_name: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int;
    /// [`PyObject_GetOptionalAttr`] with a C string name.
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetOptionalAttrString")]
    pub fn PyObject_GetOptionalAttrString(
        obj: *mut PyObject,
        attr_name: *const c_char,
        result: *mut *mut PyObject,
    ) -> c_int;
    /// `setattr(o, attr_name, v)` (`v == NULL` deletes).
    #[cfg_attr(PyPy, link_name = "PyPyObject_SetAttr")]
    pub fn PyObject_SetAttr(o: *mut PyObject, attr_name: *mut PyObject, v: *mut PyObject) -> c_int;
    /// `delattr(o, attr_name)` (a function since 3.13, a macro before).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_DelAttr")]
    pub fn PyObject_DelAttr(o: *mut PyObject, attr_name: *mut PyObject) -> c_int;
    /// `hasattr(o, attr_name)`; errors are swallowed.
    #[cfg_attr(PyPy, link_name = "PyPyObject_HasAttr")]
    pub fn PyObject_HasAttr(o: *mut PyObject, attr_name: *mut PyObject) -> c_int;
    /// `hasattr(o, attr_name)` returning -1 on errors other than `AttributeError`.
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_HasAttrWithError")]
    pub fn PyObject_HasAttrWithError(o: *mut PyObject, attr_name: *mut PyObject) -> c_int;
    /// [`PyObject_HasAttrWithError`] with a C string name.
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_HasAttrStringWithError")]
    pub fn PyObject_HasAttrStringWithError(o: *mut PyObject, attr_name: *const c_char) -> c_int;
    /// `tp_iter` that returns the object itself (new reference).
    #[cfg_attr(PyPy, link_name = "PyPyObject_SelfIter")]
    pub fn PyObject_SelfIter(o: *mut PyObject) -> *mut PyObject;
    /// Generic `tp_getattro` that looks in the type's MRO and the instance dict.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GenericGetAttr")]
    pub fn PyObject_GenericGetAttr(o: *mut PyObject, attr_name: *mut PyObject) -> *mut PyObject;
    /// Generic `tp_setattro`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GenericSetAttr")]
    pub fn PyObject_GenericSetAttr(
        o: *mut PyObject,
        attr_name: *mut PyObject,
        value: *mut PyObject,
    ) -> c_int;
    /// Generic `__dict__` setter for use in a `PyGetSetDef`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GenericSetDict")]
    pub fn PyObject_GenericSetDict(
        o: *mut PyObject,
        value: *mut PyObject,
        context: *mut c_void,
    ) -> c_int;
    /// `hash(o)`; -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Hash")]
    pub fn PyObject_Hash(o: *mut PyObject) -> Py_hash_t;
    /// `tp_hash` for unhashable types: raises `TypeError` and returns -1.
    #[cfg_attr(PyPy, link_name = "PyPyObject_HashNotImplemented")]
    pub fn PyObject_HashNotImplemented(o: *mut PyObject) -> Py_hash_t;
    /// `bool(o)`: 1, 0, or -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPyObject_IsTrue")]
    pub fn PyObject_IsTrue(o: *mut PyObject) -> c_int;
    /// `not o`: 1, 0, or -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Not")]
    pub fn PyObject_Not(o: *mut PyObject) -> c_int;
    /// Whether `o` is callable (`callable(o)`); never fails.
    #[cfg_attr(PyPy, link_name = "PyPyCallable_Check")]
    pub fn PyCallable_Check(o: *mut PyObject) -> c_int;
    /// Clears the weak references to `o` (call from `tp_dealloc`).
    #[cfg_attr(PyPy, link_name = "PyPyObject_ClearWeakRefs")]
    pub fn PyObject_ClearWeakRefs(o: *mut PyObject);
    /// `dir(o)`; `dir()` of the current frame's locals when `o` is NULL.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Dir")]
    pub fn PyObject_Dir(o: *mut PyObject) -> *mut PyObject;
    /// Guards against infinite recursion in `repr` of containers: 0 first time, 1 if already
    /// being printed, -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPy_ReprEnter")]
    pub fn Py_ReprEnter(o: *mut PyObject) -> c_int;
    /// Ends a [`Py_ReprEnter`] section.
    #[cfg_attr(PyPy, link_name = "PyPy_ReprLeave")]
    pub fn Py_ReprLeave(o: *mut PyObject);
}

/// `delattr(o, attr_name)` with a C string name (a macro over `PyObject_SetAttrString` before
/// 3.13).
#[cfg(not(Py_3_13))]
#[inline]
pub unsafe fn PyObject_DelAttrString(o: *mut PyObject, attr_name: *const c_char) -> c_int {
    PyObject_SetAttrString(o, attr_name, ptr::null_mut())
}

/// `delattr(o, attr_name)` (a macro over `PyObject_SetAttr` before 3.13).
#[cfg(not(Py_3_13))]
#[inline]
pub unsafe fn PyObject_DelAttr(o: *mut PyObject, attr_name: *mut PyObject) -> c_int {
    PyObject_SetAttr(o, attr_name, ptr::null_mut())
}

/// `PyObject_Print` flag: write `str()` instead of `repr()`.
pub const Py_PRINT_RAW: c_int = 1;

/// Set if the type has a `tp_finalize` slot (always true since 3.8; kept for compatibility).
pub const Py_TPFLAGS_HAVE_FINALIZE: c_ulong = 1 << 0;
/// Instances keep their attribute values inline (non-limited, 3.13+).
#[cfg(all(Py_3_13, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_INLINE_VALUES: c_ulong = 1 << 2;
/// The VM manages the weak reference list of instances (non-limited, 3.12+).
#[cfg(all(Py_3_12, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_MANAGED_WEAKREF: c_ulong = 1 << 3;
/// The VM manages the instance dictionary (non-limited, 3.11+).
#[cfg(all(Py_3_11, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_MANAGED_DICT: c_ulong = 1 << 4;
/// Both managed-weakref and managed-dict bits (non-limited, 3.12+).
#[cfg(all(Py_3_12, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_PREHEADER: c_ulong = Py_TPFLAGS_MANAGED_WEAKREF | Py_TPFLAGS_MANAGED_DICT;
/// Instances match sequence patterns in `match` statements (non-limited, 3.10+).
#[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_SEQUENCE: c_ulong = 1 << 5;
/// Instances match mapping patterns in `match` statements (non-limited, 3.10+).
#[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_MAPPING: c_ulong = 1 << 6;
/// Disallow creating instances of the type (3.10+).
#[cfg(Py_3_10)]
pub const Py_TPFLAGS_DISALLOW_INSTANTIATION: c_ulong = 1 << 7;
/// Type attributes can be neither set nor deleted (3.10+).
#[cfg(Py_3_10)]
pub const Py_TPFLAGS_IMMUTABLETYPE: c_ulong = 1 << 8;
/// The type object is heap-allocated.
pub const Py_TPFLAGS_HEAPTYPE: c_ulong = 1 << 9;
/// The type can be subclassed.
pub const Py_TPFLAGS_BASETYPE: c_ulong = 1 << 10;
/// The type implements the vectorcall protocol (`tp_vectorcall_offset`).
#[cfg(any(Py_3_12, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_HAVE_VECTORCALL: c_ulong = 1 << 11;
/// The type is fully initialized.
pub const Py_TPFLAGS_READY: c_ulong = 1 << 12;
/// The type is being initialized.
pub const Py_TPFLAGS_READYING: c_ulong = 1 << 13;
/// Instances support garbage collection.
pub const Py_TPFLAGS_HAVE_GC: c_ulong = 1 << 14;
/// Bits reserved for Stackless Python (zero in regular builds).
pub const Py_TPFLAGS_HAVE_STACKLESS_EXTENSION: c_ulong = 0;
/// Instances behave like unbound methods (for the method-call optimization).
pub const Py_TPFLAGS_METHOD_DESCRIPTOR: c_ulong = 1 << 17;
/// Legacy flag: the type has a version tag (always true).
pub const Py_TPFLAGS_HAVE_VERSION_TAG: c_ulong = 1 << 18;
/// The type attribute cache of the type is valid.
pub const Py_TPFLAGS_VALID_VERSION_TAG: c_ulong = 1 << 19;
/// The type is abstract and cannot be instantiated.
pub const Py_TPFLAGS_IS_ABSTRACT: c_ulong = 1 << 20;
/// The variable-size items are at the end of the instance memory (3.12+).
#[cfg(Py_3_12)]
pub const Py_TPFLAGS_ITEMS_AT_END: c_ulong = 1 << 23;
/// Fast subclass check bit for `int`.
pub const Py_TPFLAGS_LONG_SUBCLASS: c_ulong = 1 << 24;
/// Fast subclass check bit for `list`.
pub const Py_TPFLAGS_LIST_SUBCLASS: c_ulong = 1 << 25;
/// Fast subclass check bit for `tuple`.
pub const Py_TPFLAGS_TUPLE_SUBCLASS: c_ulong = 1 << 26;
/// Fast subclass check bit for `bytes`.
pub const Py_TPFLAGS_BYTES_SUBCLASS: c_ulong = 1 << 27;
/// Fast subclass check bit for `str`.
pub const Py_TPFLAGS_UNICODE_SUBCLASS: c_ulong = 1 << 28;
/// Fast subclass check bit for `dict`.
pub const Py_TPFLAGS_DICT_SUBCLASS: c_ulong = 1 << 29;
/// Fast subclass check bit for `BaseException`.
pub const Py_TPFLAGS_BASE_EXC_SUBCLASS: c_ulong = 1 << 30;
/// Fast subclass check bit for `type`.
pub const Py_TPFLAGS_TYPE_SUBCLASS: c_ulong = 1 << 31;

/// The default flags for a type.
#[cfg(not(Py_3_10))]
pub const Py_TPFLAGS_DEFAULT: c_ulong =
    Py_TPFLAGS_HAVE_STACKLESS_EXTENSION | Py_TPFLAGS_HAVE_VERSION_TAG;
/// The default flags for a type.
#[cfg(Py_3_10)]
pub const Py_TPFLAGS_DEFAULT: c_ulong = Py_TPFLAGS_HAVE_STACKLESS_EXTENSION;

/// [`Py_GetConstant`] id of `None` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_NONE: c_uint = 0;
/// [`Py_GetConstant`] id of `False` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_FALSE: c_uint = 1;
/// [`Py_GetConstant`] id of `True` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_TRUE: c_uint = 2;
/// [`Py_GetConstant`] id of `Ellipsis` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_ELLIPSIS: c_uint = 3;
/// [`Py_GetConstant`] id of `NotImplemented` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_NOT_IMPLEMENTED: c_uint = 4;
/// [`Py_GetConstant`] id of `0` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_ZERO: c_uint = 5;
/// [`Py_GetConstant`] id of `1` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_ONE: c_uint = 6;
/// [`Py_GetConstant`] id of `''` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_EMPTY_STR: c_uint = 7;
/// [`Py_GetConstant`] id of `b''` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_EMPTY_BYTES: c_uint = 8;
/// [`Py_GetConstant`] id of `()` (3.13+).
#[cfg(Py_3_13)]
pub const Py_CONSTANT_EMPTY_TUPLE: c_uint = 9;

extern "C" {
    /// Returns a new (strong) reference to one of the `Py_CONSTANT_*` singletons.
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPy_GetConstant")]
    pub fn Py_GetConstant(constant_id: c_uint) -> *mut PyObject;
    /// Returns a borrowed reference to one of the `Py_CONSTANT_*` singletons.
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPy_GetConstantBorrowed")]
    pub fn Py_GetConstantBorrowed(constant_id: c_uint) -> *mut PyObject;
}

#[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
extern "C" {
    #[cfg_attr(PyPy, link_name = "_PyPy_NoneStruct")]
    static mut _Py_NoneStruct: PyObject;
    #[cfg_attr(PyPy, link_name = "_PyPy_NotImplementedStruct")]
    static mut _Py_NotImplementedStruct: PyObject;
}

/// `Py_None`: borrowed pointer to the `None` singleton.
#[inline]
pub unsafe fn Py_None() -> *mut PyObject {
    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    {
        Py_GetConstantBorrowed(Py_CONSTANT_NONE)
    }
    #[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
    {
        ptr::addr_of_mut!(_Py_NoneStruct)
    }
}

/// `Py_IsNone(x)`: whether `x` is `None`.
#[inline]
pub unsafe fn Py_IsNone(x: *mut PyObject) -> c_int {
    Py_Is(x, Py_None())
}

/// `Py_NotImplemented`: borrowed pointer to the `NotImplemented` singleton.
#[inline]
pub unsafe fn Py_NotImplemented() -> *mut PyObject {
    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    {
        Py_GetConstantBorrowed(Py_CONSTANT_NOT_IMPLEMENTED)
    }
    #[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
    {
        ptr::addr_of_mut!(_Py_NotImplementedStruct)
    }
}

/// Rich comparison operator `<`.
pub const Py_LT: c_int = 0;
/// Rich comparison operator `<=`.
pub const Py_LE: c_int = 1;
/// Rich comparison operator `==`.
pub const Py_EQ: c_int = 2;
/// Rich comparison operator `!=`.
pub const Py_NE: c_int = 3;
/// Rich comparison operator `>`.
pub const Py_GT: c_int = 4;
/// Rich comparison operator `>=`.
pub const Py_GE: c_int = 5;

/// `PyType_HasFeature(type, feature)`: whether `tp_flags` has any bit of `feature` set.
#[inline]
pub unsafe fn PyType_HasFeature(tp: *mut PyTypeObject, feature: c_ulong) -> c_int {
    #[cfg(Py_LIMITED_API)]
    let flags = PyType_GetFlags(tp);
    // With the GIL, flags only change while the writer holds it, and the caller is attached:
    // a plain read, which the compiler may also hoist out of a loop. Free-threaded C builds
    // use a relaxed atomic load, which a volatile aligned word read matches.
    #[cfg(all(not(Py_LIMITED_API), not(Py_GIL_DISABLED)))]
    let flags = (*tp).tp_flags;
    #[cfg(all(not(Py_LIMITED_API), Py_GIL_DISABLED))]
    let flags = ptr::read_volatile(ptr::addr_of!((*tp).tp_flags));
    ((flags & feature) != 0) as c_int
}

/// `PyType_FastSubclass(type, flag)`: subclass test through a `Py_TPFLAGS_*_SUBCLASS` bit.
#[inline]
pub unsafe fn PyType_FastSubclass(tp: *mut PyTypeObject, feature: c_ulong) -> c_int {
    PyType_HasFeature(tp, feature)
}

/// `PyType_Check(op)`: whether `op` is a type object (or an instance of a subtype of `type`).
#[inline]
pub unsafe fn PyType_Check(op: *mut PyObject) -> c_int {
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS)
}

/// `PyType_CheckExact(op)`: whether the type of `op` is exactly `type`.
#[inline]
pub unsafe fn PyType_CheckExact(op: *mut PyObject) -> c_int {
    Py_IS_TYPE(op, ptr::addr_of_mut!(PyType_Type))
}

extern "C" {
    /// Finds the first superclass of `tp` whose module was created from `def` (borrowed).
    #[cfg(any(Py_3_13, all(Py_3_11, not(Py_LIMITED_API))))]
    #[cfg_attr(PyPy, link_name = "PyPyType_GetModuleByDef")]
    pub fn PyType_GetModuleByDef(
        tp: *mut PyTypeObject,
        def: *mut crate::PyModuleDef,
    ) -> *mut PyObject;
}

#[cfg(all(Py_3_14, not(PyPy)))]
extern "C" {
    /// Finds the first type in the MRO of `type_` created with the `Py_tp_token` `token`:
    /// 1 and a new reference in `*result` if found, 0 if not, -1 with an exception set.
    pub fn PyType_GetBaseByToken(
        type_: *mut PyTypeObject,
        token: *mut c_void,
        result: *mut *mut PyTypeObject,
    ) -> c_int;
    /// Makes the type immutable (sets `Py_TPFLAGS_IMMUTABLETYPE`): 0, or -1 with an exception.
    pub fn PyType_Freeze(tp: *mut PyTypeObject) -> c_int;
}

#[cfg(all(Py_3_15, not(any(PyPy, GraalPy))))]
extern "C" {
    /// The module of the first type in the MRO of `type_` whose module has `token` (borrowed),
    /// or NULL with an exception set.
    pub fn PyType_GetModuleByToken(type_: *mut PyTypeObject, token: *const c_void)
        -> *mut PyObject;
    /// `PyObject_GetTypeData`, callable while the garbage collector runs.
    pub fn PyObject_GetTypeData_DuringGC(o: *mut PyObject, cls: *mut PyTypeObject) -> *mut c_void;
    /// `PyType_GetModuleState`, callable while the garbage collector runs.
    pub fn PyType_GetModuleState_DuringGC(type_: *mut PyTypeObject) -> *mut c_void;
    /// `PyType_GetBaseByToken`, callable while the garbage collector runs (borrowed result).
    pub fn PyType_GetBaseByToken_DuringGC(
        type_: *mut PyTypeObject,
        tp_token: *mut c_void,
        result: *mut *mut PyTypeObject,
    ) -> c_int;
    /// `PyType_GetModule`, callable while the garbage collector runs.
    pub fn PyType_GetModule_DuringGC(type_: *mut PyTypeObject) -> *mut PyObject;
    /// `PyType_GetModuleByToken`, callable while the garbage collector runs.
    pub fn PyType_GetModuleByToken_DuringGC(
        type_: *mut PyTypeObject,
        mod_token: *const c_void,
    ) -> *mut PyObject;
}
