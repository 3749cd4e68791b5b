//! Bases of `#[pyclass]` types: `object` and the native types a class may extend, how their
//! part of an instance is created and deallocated.

use super::*;

/// Types that can be the base of a `#[pyclass]` (`object`, some native types, and every
/// `#[pyclass(subclass)]`).
///
/// # Safety
/// `LayoutAsBase` must be the real layout of instances of the type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the base class of a `#[pyclass]`",
    label = "not a `#[pyclass(subclass)]` or a native Python type that can be subclassed",
    note = "`extends = {Self}` needs `#[pyclass(subclass)]` on `{Self}`, or a native type such as `PyException` or `PyDict`"
)]
pub unsafe trait PyClassBaseType: PyTypeInfo {
    /// What a subclass's layout starts with.
    type LayoutAsBase;
    /// How the base part of a new object is created.
    type Initializer: PyObjectInit<Self>;
    /// What the `#[pyclass]` levels from the root up to this one declare (all `false` for
    /// native types). A `#[pyclass(subclass)]` sets it with [`chain_info`].
    const CHAIN: ChainInfo = ChainInfo::NATIVE;
    /// The borrow flag of the first `#[pyclass]` level, if this is a `#[pyclass]`.
    ///
    /// # Safety
    /// `obj` must be an instance of a subtype.
    unsafe fn root_borrow_flag<'a>(obj: *mut ffi::PyObject) -> Option<&'a BorrowFlag>;
    /// Drops the Rust contents of this level and the levels below, then releases the memory
    /// (native dealloc). Called by the most derived class's `tp_dealloc`.
    ///
    /// # Safety
    /// `obj` must be an instance being deallocated.
    unsafe fn dealloc_base(py: Python<'_>, obj: *mut ffi::PyObject);
    /// The initializer used when a subclass value is converted alone (native bases only).
    fn default_initializer() -> Option<Self::Initializer> {
        None
    }
    /// Runs the `__traverse__` of every `#[pyclass]` level from this one down and visits their
    /// instance dicts (nothing for native types).
    ///
    /// # Safety
    /// Only during a traversal of an instance of a subtype.
    unsafe fn traverse_levels(
        _obj: *mut ffi::PyObject,
        _visit: ffi::visitproc,
        _arg: *mut c_void,
    ) -> c_int {
        0
    }
    /// Panics if an `unsendable` level below is accessed from another thread.
    ///
    /// # Safety
    /// `obj` must be an instance of a subtype.
    unsafe fn check_base_thread(_obj: *mut ffi::PyObject) {}
    /// The first native type of the chain (`object`, an exception type, ...).
    fn native_base_type(py: Python<'_>) -> *mut ffi::PyTypeObject {
        Self::type_object_raw(py)
    }
}

/// Creates the (base part of) a new object of type `subtype`.
pub trait PyObjectInit<T>: Sized {
    /// Allocates / initializes, returning a new reference.
    ///
    /// # Safety
    /// `subtype` must be a subtype of `T`'s type object.
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject>;
}

/// Initializer of a native base: allocates with the type's `tp_alloc` (for `object`) or calls
/// the native base's `tp_new` with no arguments.
pub struct PyNativeTypeInitializer<T>(PhantomData<T>);

impl<T> PyNativeTypeInitializer<T> {
    /// The initializer.
    pub const fn new() -> Self {
        PyNativeTypeInitializer(PhantomData)
    }
}

impl<T> Default for PyNativeTypeInitializer<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: PyTypeInfo> PyObjectInit<T> for PyNativeTypeInitializer<T> {
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject> {
        unsafe { native_new(py, T::type_object_raw(py), subtype) }
    }
}

#[inline]
unsafe fn native_new(
    py: Python<'_>,
    base: *mut ffi::PyTypeObject,
    subtype: *mut ffi::PyTypeObject,
) -> PyResult<*mut ffi::PyObject> {
    // For `object` as the base, `object.__new__` without arguments does nothing but
    // `tp_alloc` unless the type is abstract or keeps a managed dict, managed weakref list or
    // inline values (3.11+, set on Python subclasses), which it initializes. Those types go
    // through `object.__new__`; the others are allocated directly, as a C type's `tp_new`
    // does (that saves an argument tuple and the call). On 3.11 and 3.12 `object.__new__`
    // also creates the instance dict of a type with a `tp_dictoffset` (`#[pyclass(dict)]`),
    // eagerly and with the type's shared keys; such types go through it there too, so their
    // instances start out as those of a Python class would.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    unsafe {
        // Py_TPFLAGS_INLINE_VALUES (1 << 2), _MANAGED_WEAKREF (1 << 3), _MANAGED_DICT
        // (1 << 4): unused bits before 3.11, so the test holds for every version.
        const NEEDS_OBJECT_NEW: std::ffi::c_ulong =
            ffi::Py_TPFLAGS_IS_ABSTRACT | (1 << 2) | (1 << 3) | (1 << 4);
        let eager_dict = cfg!(all(Py_3_11, not(Py_3_13))) && (*subtype).tp_dictoffset != 0;
        if base == std::ptr::addr_of_mut!(ffi::PyBaseObject_Type)
            && (*subtype).tp_flags & NEEDS_OBJECT_NEW == 0
            && !eager_dict
        {
            if let Some(alloc) = (*subtype).tp_alloc {
                let obj = alloc(subtype, 0);
                return if obj.is_null() {
                    Err(PyErr::fetch(py))
                } else {
                    Ok(obj)
                };
            }
        }
    }
    unsafe { native_new_general(py, base, subtype) }
}

#[inline(never)]
unsafe fn native_new_general(
    py: Python<'_>,
    base: *mut ffi::PyTypeObject,
    subtype: *mut ffi::PyTypeObject,
) -> PyResult<*mut ffi::PyObject> {
    unsafe {
        // `object` goes through its own `tp_new` as well where the slot is readable (CPython
        // 3.11/3.12 create the instance dict there); tp_alloc on the limited API before 3.10.
        let use_alloc = cfg!(all(Py_LIMITED_API, not(Py_3_10)))
            && base == std::ptr::addr_of_mut!(ffi::PyBaseObject_Type);
        let obj = if use_alloc {
            let alloc = ffi::PyType_GetSlot(subtype, ffi::Py_tp_alloc);
            if alloc.is_null() {
                ffi::PyType_GenericAlloc(subtype, 0)
            } else {
                let alloc: ffi::allocfunc = std::mem::transmute(alloc);
                alloc(subtype, 0)
            }
        } else {
            let new = type_slot(base, ffi::Py_tp_new);
            if new.is_null() {
                return Err(PyTypeError::new_err("base type without tp_new"));
            }
            let new: ffi::newfunc = std::mem::transmute(new);
            let args = ffi::PyTuple_New(0);
            if args.is_null() {
                return Err(PyErr::fetch(py));
            }
            let obj = new(subtype, args, std::ptr::null_mut());
            ffi::Py_DecRef(args);
            obj
        };
        if obj.is_null() {
            Err(PyErr::fetch(py))
        } else {
            Ok(obj)
        }
    }
}

/// A slot of a (possibly static) type object.
pub(crate) unsafe fn type_slot(ty: *mut ffi::PyTypeObject, slot: c_int) -> *mut c_void {
    #[cfg(not(Py_LIMITED_API))]
    {
        let _ = slot;
        unsafe {
            match slot {
                ffi::Py_tp_new => (*ty)
                    .tp_new
                    .map_or(std::ptr::null_mut(), |f| f as *mut c_void),
                ffi::Py_tp_dealloc => (*ty)
                    .tp_dealloc
                    .map_or(std::ptr::null_mut(), |f| f as *mut c_void),
                ffi::Py_tp_free => (*ty)
                    .tp_free
                    .map_or(std::ptr::null_mut(), |f| f as *mut c_void),
                // Before 3.10 `PyType_GetSlot` rejects static types (the native bases) with a
                // `SystemError`: read every slot used on them from the struct.
                ffi::Py_tp_traverse => (*ty)
                    .tp_traverse
                    .map_or(std::ptr::null_mut(), |f| f as *mut c_void),
                ffi::Py_tp_clear => (*ty)
                    .tp_clear
                    .map_or(std::ptr::null_mut(), |f| f as *mut c_void),
                ffi::Py_tp_alloc => (*ty)
                    .tp_alloc
                    .map_or(std::ptr::null_mut(), |f| f as *mut c_void),
                _ => ffi::PyType_GetSlot(ty, slot),
            }
        }
    }
    #[cfg(Py_LIMITED_API)]
    unsafe {
        ffi::PyType_GetSlot(ty, slot)
    }
}

/// Deallocation of a native base: `tp_free` of the actual type for `object`, else the native
/// base's `tp_dealloc`. Releases the reference instances of heap types hold on their type.
///
/// # Safety
/// `obj` must be an object being deallocated whose contents have been dropped.
pub unsafe fn native_dealloc(base: *mut ffi::PyTypeObject, obj: *mut ffi::PyObject) {
    unsafe {
        let ty = ffi::Py_TYPE(obj);
        if base == std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) {
            let free = type_slot(ty, ffi::Py_tp_free);
            if !free.is_null() {
                let free: ffi::freefunc = std::mem::transmute(free);
                free(obj.cast());
            }
        } else {
            // The native dealloc untracks the object itself (unconditionally on older
            // versions, where untracking twice corrupts the GC list): track it again first,
            // as CPython does for subclasses.
            if ffi::PyType_IS_GC(base) != 0 {
                ffi::PyObject_GC_Track(obj.cast());
            }
            let dealloc = type_slot(base, ffi::Py_tp_dealloc);
            if !dealloc.is_null() {
                let dealloc: ffi::destructor = std::mem::transmute(dealloc);
                dealloc(obj);
            }
        }
        ffi::Py_DecRef(ty.cast());
    }
}

// SAFETY: instances of `object` start with a `PyObject` header.
unsafe impl PyClassBaseType for PyAny {
    type LayoutAsBase = ffi::PyObject;
    type Initializer = PyNativeTypeInitializer<PyAny>;
    fn default_initializer() -> Option<Self::Initializer> {
        Some(PyNativeTypeInitializer::new())
    }
    unsafe fn root_borrow_flag<'a>(_obj: *mut ffi::PyObject) -> Option<&'a BorrowFlag> {
        None
    }
    unsafe fn dealloc_base(py: Python<'_>, obj: *mut ffi::PyObject) {
        unsafe { native_dealloc(Self::type_object_raw(py), obj) }
    }
}

// The native types that can be bases declare it with `pyobject_subclassable_native_type!` next to
// their definition (src/types/*.rs, src/exceptions.rs).
