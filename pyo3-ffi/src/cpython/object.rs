//! Declarations from `Include/cpython/object.h`: the full `PyTypeObject`, `PyHeapTypeObject`
//! and the method-suite structs (`PyNumberMethods`, `PySequenceMethods`, ...).

#[cfg(Py_3_10)]
use crate::PySendResult;
#[cfg(not(Py_3_11))]
use crate::Py_TYPE;
use crate::{
    allocfunc, binaryfunc, descrgetfunc, descrsetfunc, destructor, freefunc, getattrfunc,
    getattrofunc, getbufferproc, getiterfunc, hashfunc, initproc, inquiry, iternextfunc, lenfunc,
    newfunc, objobjargproc, objobjproc, releasebufferproc, reprfunc, richcmpfunc, setattrfunc,
    setattrofunc, ssizeargfunc, ssizeobjargproc, ternaryfunc, traverseproc, unaryfunc,
    vectorcallfunc, PyGetSetDef, PyMemberDef, PyMethodDef, PyObject, PyVarObject, Py_ssize_t,
};
use std::ffi::{c_char, c_int, c_uint, c_ulong, c_void};

/// `PyNumberMethods`: the number protocol slots (`tp_as_number`).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyNumberMethods {
    /// `a + b`
    pub nb_add: Option<binaryfunc>,
    /// `a - b`
    pub nb_subtract: Option<binaryfunc>,
    /// `a * b`
    pub nb_multiply: Option<binaryfunc>,
    /// `a % b`
    pub nb_remainder: Option<binaryfunc>,
    /// `divmod(a, b)`
    pub nb_divmod: Option<binaryfunc>,
    /// `pow(a, b, c)`
    pub nb_power: Option<ternaryfunc>,
    /// `-a`
    pub nb_negative: Option<unaryfunc>,
    /// `+a`
    pub nb_positive: Option<unaryfunc>,
    /// `abs(a)`
    pub nb_absolute: Option<unaryfunc>,
    /// `bool(a)`
    pub nb_bool: Option<inquiry>,
    /// `~a`
    pub nb_invert: Option<unaryfunc>,
    /// `a << b`
    pub nb_lshift: Option<binaryfunc>,
    /// `a >> b`
    pub nb_rshift: Option<binaryfunc>,
    /// `a & b`
    pub nb_and: Option<binaryfunc>,
    /// `a ^ b`
    pub nb_xor: Option<binaryfunc>,
    /// `a | b`
    pub nb_or: Option<binaryfunc>,
    /// `int(a)`
    pub nb_int: Option<unaryfunc>,
    /// Unused (formerly `nb_long`).
    pub nb_reserved: *mut c_void,
    /// `float(a)`
    pub nb_float: Option<unaryfunc>,
    /// `a += b`
    pub nb_inplace_add: Option<binaryfunc>,
    /// `a -= b`
    pub nb_inplace_subtract: Option<binaryfunc>,
    /// `a *= b`
    pub nb_inplace_multiply: Option<binaryfunc>,
    /// `a %= b`
    pub nb_inplace_remainder: Option<binaryfunc>,
    /// `a **= b`
    pub nb_inplace_power: Option<ternaryfunc>,
    /// `a <<= b`
    pub nb_inplace_lshift: Option<binaryfunc>,
    /// `a >>= b`
    pub nb_inplace_rshift: Option<binaryfunc>,
    /// `a &= b`
    pub nb_inplace_and: Option<binaryfunc>,
    /// `a ^= b`
    pub nb_inplace_xor: Option<binaryfunc>,
    /// `a |= b`
    pub nb_inplace_or: Option<binaryfunc>,
    /// `a // b`
    pub nb_floor_divide: Option<binaryfunc>,
    /// `a / b`
    pub nb_true_divide: Option<binaryfunc>,
    /// `a //= b`
    pub nb_inplace_floor_divide: Option<binaryfunc>,
    /// `a /= b`
    pub nb_inplace_true_divide: Option<binaryfunc>,
    /// `operator.index(a)`
    pub nb_index: Option<unaryfunc>,
    /// `a @ b`
    pub nb_matrix_multiply: Option<binaryfunc>,
    /// `a @= b`
    pub nb_inplace_matrix_multiply: Option<binaryfunc>,
}

impl Default for PyNumberMethods {
    fn default() -> Self {
        // SAFETY: all fields are nullable pointers / `Option`s of function pointers.
        unsafe { std::mem::zeroed() }
    }
}

/// `PySequenceMethods`: the sequence protocol slots (`tp_as_sequence`).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PySequenceMethods {
    /// `len(a)`
    pub sq_length: Option<lenfunc>,
    /// `a + b`
    pub sq_concat: Option<binaryfunc>,
    /// `a * n`
    pub sq_repeat: Option<ssizeargfunc>,
    /// `a[i]`
    pub sq_item: Option<ssizeargfunc>,
    /// Unused (formerly `sq_slice`).
    pub was_sq_slice: *mut c_void,
    /// `a[i] = v` / `del a[i]`
    pub sq_ass_item: Option<ssizeobjargproc>,
    /// Unused (formerly `sq_ass_slice`).
    pub was_sq_ass_slice: *mut c_void,
    /// `v in a`
    pub sq_contains: Option<objobjproc>,
    /// `a += b`
    pub sq_inplace_concat: Option<binaryfunc>,
    /// `a *= n`
    pub sq_inplace_repeat: Option<ssizeargfunc>,
}

impl Default for PySequenceMethods {
    fn default() -> Self {
        // SAFETY: all fields are nullable pointers / `Option`s of function pointers.
        unsafe { std::mem::zeroed() }
    }
}

/// `PyMappingMethods`: the mapping protocol slots (`tp_as_mapping`).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default)]
pub struct PyMappingMethods {
    /// `len(a)`
    pub mp_length: Option<lenfunc>,
    /// `a[k]`
    pub mp_subscript: Option<binaryfunc>,
    /// `a[k] = v` / `del a[k]`
    pub mp_ass_subscript: Option<objobjargproc>,
}

/// `sendfunc`: `PySendResult (*)(PyObject *iter, PyObject *value, PyObject **result)` (3.10+).
#[cfg(Py_3_10)]
pub type sendfunc = unsafe extern "C" fn(
    iter: *mut PyObject,
    value: *mut PyObject,
    result: *mut *mut PyObject,
) -> PySendResult;

/// `PyAsyncMethods`: the async protocol slots (`tp_as_async`).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default)]
pub struct PyAsyncMethods {
    /// `await a`
    pub am_await: Option<unaryfunc>,
    /// `aiter(a)`
    pub am_aiter: Option<unaryfunc>,
    /// `anext(a)`
    pub am_anext: Option<unaryfunc>,
    /// Send a value into an iterator without raising `StopIteration` (3.10+).
    #[cfg(Py_3_10)]
    pub am_send: Option<sendfunc>,
}

/// `PyBufferProcs`: the buffer protocol slots (`tp_as_buffer`).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default)]
pub struct PyBufferProcs {
    /// Fills a `Py_buffer` view.
    pub bf_getbuffer: Option<getbufferproc>,
    /// Releases a view filled by `bf_getbuffer`.
    pub bf_releasebuffer: Option<releasebufferproc>,
}

/// `printfunc`: the former `tp_print` slot, now a plain `Py_ssize_t` (`tp_vectorcall_offset`).
pub type printfunc = Py_ssize_t;

/// `PyTypeObject` (`struct _typeobject`): the full type object layout.
#[repr(C)]
#[derive(Debug)]
pub struct PyTypeObject {
    /// Variable-size object header (`ob_size` is unused for most types).
    pub ob_base: PyVarObject,
    /// Type name, `"module.Name"`.
    pub tp_name: *const c_char,
    /// Instance size in bytes.
    pub tp_basicsize: Py_ssize_t,
    /// Size of one item of variable-size instances.
    pub tp_itemsize: Py_ssize_t,
    /// Deallocator.
    pub tp_dealloc: Option<destructor>,
    /// Offset of the per-instance `vectorcallfunc` pointer.
    pub tp_vectorcall_offset: Py_ssize_t,
    /// Deprecated `getattr` with a C string name.
    pub tp_getattr: Option<getattrfunc>,
    /// Deprecated `setattr` with a C string name.
    pub tp_setattr: Option<setattrfunc>,
    /// Async protocol slots.
    pub tp_as_async: *mut PyAsyncMethods,
    /// `repr()`.
    pub tp_repr: Option<reprfunc>,
    /// Number protocol slots.
    pub tp_as_number: *mut PyNumberMethods,
    /// Sequence protocol slots.
    pub tp_as_sequence: *mut PySequenceMethods,
    /// Mapping protocol slots.
    pub tp_as_mapping: *mut PyMappingMethods,
    /// `hash()`.
    pub tp_hash: Option<hashfunc>,
    /// Calling an instance.
    pub tp_call: Option<ternaryfunc>,
    /// `str()`.
    pub tp_str: Option<reprfunc>,
    /// Attribute lookup.
    pub tp_getattro: Option<getattrofunc>,
    /// Attribute assignment / deletion.
    pub tp_setattro: Option<setattrofunc>,
    /// Buffer protocol slots.
    pub tp_as_buffer: *mut PyBufferProcs,
    /// `Py_TPFLAGS_*` bits.
    pub tp_flags: c_ulong,
    /// Docstring.
    pub tp_doc: *const c_char,
    /// GC traversal.
    pub tp_traverse: Option<traverseproc>,
    /// GC clearing of references.
    pub tp_clear: Option<inquiry>,
    /// Rich comparison.
    pub tp_richcompare: Option<richcmpfunc>,
    /// Offset of the weak reference list in instances.
    pub tp_weaklistoffset: Py_ssize_t,
    /// `iter()`.
    pub tp_iter: Option<getiterfunc>,
    /// `next()`.
    pub tp_iternext: Option<iternextfunc>,
    /// Methods table, terminated by a zeroed entry.
    pub tp_methods: *mut PyMethodDef,
    /// Members table, terminated by a zeroed entry.
    pub tp_members: *mut PyMemberDef,
    /// Getters/setters table, terminated by a zeroed entry.
    pub tp_getset: *mut PyGetSetDef,
    /// Base type.
    pub tp_base: *mut PyTypeObject,
    /// Type dictionary.
    pub tp_dict: *mut PyObject,
    /// Descriptor `__get__`.
    pub tp_descr_get: Option<descrgetfunc>,
    /// Descriptor `__set__` / `__delete__`.
    pub tp_descr_set: Option<descrsetfunc>,
    /// Offset of the instance dictionary.
    pub tp_dictoffset: Py_ssize_t,
    /// `__init__`.
    pub tp_init: Option<initproc>,
    /// Instance allocation.
    pub tp_alloc: Option<allocfunc>,
    /// `__new__`.
    pub tp_new: Option<newfunc>,
    /// Low-level instance memory release.
    pub tp_free: Option<freefunc>,
    /// Whether a given instance is GC-tracked.
    pub tp_is_gc: Option<inquiry>,
    /// Tuple of base types.
    pub tp_bases: *mut PyObject,
    /// Method resolution order.
    pub tp_mro: *mut PyObject,
    /// Unused.
    pub tp_cache: *mut PyObject,
    /// Subclasses (a dict of weak references).
    #[cfg(not(Py_3_12))]
    pub tp_subclasses: *mut PyObject,
    /// Subclasses (for static builtin types this is an index).
    #[cfg(Py_3_12)]
    pub tp_subclasses: *mut c_void,
    /// Weak references to the type itself.
    pub tp_weaklist: *mut PyObject,
    /// Legacy finalizer.
    pub tp_del: Option<destructor>,
    /// Attribute cache version tag.
    pub tp_version_tag: c_uint,
    /// Finalizer (PEP 442).
    pub tp_finalize: Option<destructor>,
    /// Vectorcall entry point for calling the type itself.
    pub tp_vectorcall: Option<vectorcallfunc>,
    /// Bitset of the type watchers interested in this type (3.12+).
    #[cfg(Py_3_12)]
    pub tp_watched: u8,
    /// Number of version tags assigned to this type (3.13+).
    #[cfg(Py_3_13)]
    pub tp_versions_used: u16,
    /// Interpreter-internal iteration entry point (3.15+; not for extensions).
    #[cfg(Py_3_15)]
    pub _tp_iteritem: Option<_Py_iteritemfunc>,
}

/// `_PyObjectIndexPair`: what `_Py_iteritemfunc` returns (3.15+).
#[cfg(Py_3_15)]
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct _PyObjectIndexPair {
    /// The item (new reference), or NULL.
    pub object: *mut PyObject,
    /// The next index.
    pub index: Py_ssize_t,
}

/// `_Py_iteritemfunc`: the type of `PyTypeObject::_tp_iteritem` (3.15+).
#[cfg(Py_3_15)]
pub type _Py_iteritemfunc =
    unsafe extern "C" fn(obj: *mut PyObject, index: Py_ssize_t) -> _PyObjectIndexPair;

#[cfg(not(PyPy))]
/// `struct _specialization_cache` of [`PyHeapTypeObject`] (3.11+), used by the interpreter's
/// specializing adaptive bytecode.
#[cfg(Py_3_11)]
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct _specialization_cache {
    /// Cached `__getitem__` function.
    pub getitem: *mut PyObject,
    /// Function version of `getitem` (3.12+).
    #[cfg(Py_3_12)]
    pub getitem_version: u32,
    /// Cached `__init__` function (3.13+).
    #[cfg(Py_3_13)]
    pub init: *mut PyObject,
}

#[cfg(not(PyPy))]
/// `PyHeapTypeObject`: the layout of heap-allocated types (classes and `PyType_FromSpec` types).
#[repr(C)]
#[derive(Debug)]
pub struct PyHeapTypeObject {
    /// The type object proper.
    pub ht_type: PyTypeObject,
    /// Storage for `tp_as_async`.
    pub as_async: PyAsyncMethods,
    /// Storage for `tp_as_number`.
    pub as_number: PyNumberMethods,
    /// Storage for `tp_as_mapping`.
    pub as_mapping: PyMappingMethods,
    /// Storage for `tp_as_sequence`.
    pub as_sequence: PySequenceMethods,
    /// Storage for `tp_as_buffer`.
    pub as_buffer: PyBufferProcs,
    /// `__name__`.
    pub ht_name: *mut PyObject,
    /// `__slots__`.
    pub ht_slots: *mut PyObject,
    /// `__qualname__`.
    pub ht_qualname: *mut PyObject,
    /// Shared-key dictionary keys (`struct _dictkeysobject *`).
    pub ht_cached_keys: *mut c_void,
    /// Module the type was created in (`PyType_FromModuleAndSpec`).
    pub ht_module: *mut PyObject,
    /// Storage for `tp_name` (3.11+).
    #[cfg(Py_3_11)]
    pub _ht_tpname: *mut c_char,
    /// Storage for the `Py_tp_token` slot (3.14+).
    #[cfg(Py_3_14)]
    pub ht_token: *mut c_void,
    /// Interpreter specialization cache (3.11+).
    #[cfg(Py_3_11)]
    pub _spec_cache: _specialization_cache,
    /// Id used for per-thread reference counting of the type (free-threaded builds).
    #[cfg(Py_GIL_DISABLED)]
    pub unique_id: Py_ssize_t,
}

/// `PyHeapType_GET_MEMBERS(etype)`: the `PyMemberDef` array stored after a heap type
/// (a macro before 3.11).
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn PyHeapType_GET_MEMBERS(etype: *mut PyHeapTypeObject) -> *mut PyMemberDef {
    let basicsize = (*Py_TYPE(etype.cast())).tp_basicsize;
    etype.cast::<c_char>().offset(basicsize).cast()
}

extern "C" {
    /// Returns the type's dictionary (new reference) (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyType_GetDict(tp: *mut PyTypeObject) -> *mut PyObject;

    /// Writes `repr(o)` (or `str(o)` with `Py_PRINT_RAW`) to a C `FILE`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Print")]
    pub fn PyObject_Print(o: *mut PyObject, fp: *mut libc::FILE, flags: c_int) -> c_int;

    /// Calls the object's `tp_finalize` once.
    #[cfg(not(PyPy))]
    pub fn PyObject_CallFinalizer(o: *mut PyObject);
    /// Calls `tp_finalize` from `tp_dealloc`; returns -1 if the object was resurrected.
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallFinalizerFromDealloc")]
    pub fn PyObject_CallFinalizerFromDealloc(o: *mut PyObject) -> c_int;

    /// Clears weak references to `o` without calling their callbacks (3.13+).
    #[cfg(Py_3_13)]
    pub fn PyUnstable_Object_ClearWeakRefsNoCallbacks(o: *mut PyObject);

    /// Returns a pointer to the variable-size item data of `obj` (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyObject_GetItemData(obj: *mut PyObject) -> *mut c_void;

    /// Makes sure the type has a valid version tag (3.12+).
    #[cfg(Py_3_12)]
    pub fn PyUnstable_Type_AssignVersionTag(tp: *mut PyTypeObject) -> c_int;
}

#[cfg(all(Py_3_14, not(PyPy)))]
extern "C" {
    /// Whether `obj` is a uniquely referenced temporary on the topmost frame.
    pub fn PyUnstable_Object_IsUniqueReferencedTemporary(obj: *mut PyObject) -> c_int;
    /// Whether `obj` is immortal; cannot fail.
    pub fn PyUnstable_IsImmortal(obj: *mut PyObject) -> c_int;
    /// Increments the reference count of `obj` unless it is zero; 1 if it did.
    pub fn PyUnstable_TryIncRef(obj: *mut PyObject) -> c_int;
    /// Prepares `obj` for `PyUnstable_TryIncRef`.
    pub fn PyUnstable_EnableTryIncRef(obj: *mut PyObject);
    /// Whether `op` has exactly one reference (thread-safe on free-threaded builds).
    pub fn PyUnstable_Object_IsUniquelyReferenced(op: *mut PyObject) -> c_int;
}

#[cfg(Py_3_15)]
extern "C" {
    /// Makes `op` immortal if possible: 1 if it is immortal now, 0 if not.
    pub fn PyUnstable_SetImmortal(op: *mut PyObject) -> c_int;
}
