//! Runtime support for `#[pyclass]` / `#[pymethods]`: the object layout, the lazily created
//! heap type, allocation and deallocation, and the descriptors the macros register.
//!
//! Layout of an instance of `T`: the layout of its base (`ffi::PyObject` for `object`, the
//! native struct of a native base, or the whole `PyClassObject` of a `#[pyclass]` base)
//! followed by [`PyClassObjectContents<T>`] (the value, a borrow flag, optional `__dict__` and
//! `__weakref__` slots and the owner thread of `unsendable` classes).

use std::cell::UnsafeCell;
use std::ffi::{c_int, c_void, CStr, CString};
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use crate::exceptions::PyTypeError;
use crate::impl_::pyfunction::PyFunctionDef;
use crate::impl_::trampoline::trampoline;
use crate::pyclass::PyClass;
pub use crate::pyclass_gc::{clear as gc_clear, traverse as gc_traverse};
pub use crate::pyclass_init::IntoPyClassInitializer;
use crate::pyclass_init::PyClassInitializer;
use crate::types::PyType;
use crate::{ffi, Bound, Py, PyAny, PyErr, PyResult, PyTypeInfo, Python};

/// The borrow state shared by all levels of a `#[pyclass]` inheritance chain.
pub struct BorrowFlag(AtomicUsize);

const EXCLUSIVE: usize = usize::MAX;

impl BorrowFlag {
    /// Unborrowed.
    pub const fn new() -> Self {
        BorrowFlag(AtomicUsize::new(0))
    }

    /// Adds a shared borrow; fails if mutably borrowed.
    pub fn try_borrow(&self) -> bool {
        let mut cur = self.0.load(Ordering::Relaxed);
        loop {
            if cur == EXCLUSIVE || cur == EXCLUSIVE - 1 {
                return false;
            }
            match self
                .0
                .compare_exchange_weak(cur, cur + 1, Ordering::Acquire, Ordering::Relaxed)
            {
                Ok(_) => return true,
                Err(c) => cur = c,
            }
        }
    }

    /// Releases a shared borrow.
    pub fn release_borrow(&self) {
        self.0.fetch_sub(1, Ordering::Release);
    }

    /// Takes the exclusive borrow; fails if borrowed at all.
    pub fn try_borrow_mut(&self) -> bool {
        self.0
            .compare_exchange(0, EXCLUSIVE, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
    }

    /// Releases the exclusive borrow.
    pub fn release_borrow_mut(&self) {
        self.0.store(0, Ordering::Release);
    }
}

impl Default for BorrowFlag {
    fn default() -> Self {
        Self::new()
    }
}

/// The part of an instance that `#[pyclass]` adds after its base's layout.
#[repr(C)]
pub struct PyClassObjectContents<T> {
    pub(crate) value: ManuallyDrop<UnsafeCell<T>>,
    pub(crate) borrow_flag: BorrowFlag,
    pub(crate) dict: *mut ffi::PyObject,
    pub(crate) weakref: *mut ffi::PyObject,
    pub(crate) thread: Option<std::thread::ThreadId>,
}

/// The full layout of an instance of the `#[pyclass]` `T`.
#[repr(C)]
pub struct PyClassObject<T: PyClassImpl> {
    ob_base: <T::BaseType as PyClassBaseType>::LayoutAsBase,
    pub(crate) contents: PyClassObjectContents<T>,
}

impl<T: PyClassImpl> PyClassObject<T> {
    /// The contents of the object at `obj` (which must be an instance of `T`).
    #[inline]
    pub(crate) unsafe fn contents<'a>(obj: *mut ffi::PyObject) -> &'a PyClassObjectContents<T> {
        unsafe { &(*obj.cast::<PyClassObject<T>>()).contents }
    }

    /// Pointer to the value.
    #[inline]
    pub(crate) unsafe fn value_ptr(obj: *mut ffi::PyObject) -> *mut T {
        unsafe { Self::contents(obj).value.get() }
    }

    /// The borrow flag used for `T` (the one of the first `#[pyclass]` of the chain).
    #[inline]
    pub(crate) unsafe fn borrow_flag<'a>(obj: *mut ffi::PyObject) -> &'a BorrowFlag {
        unsafe {
            match <T::BaseType as PyClassBaseType>::root_borrow_flag(obj) {
                Some(f) => f,
                None => &Self::contents(obj).borrow_flag,
            }
        }
    }

    /// Panics if `T` is `unsendable` and the object belongs to another thread.
    #[inline]
    pub(crate) unsafe fn check_thread(obj: *mut ffi::PyObject) {
        unsafe { <T::BaseType as PyClassBaseType>::check_base_thread(obj) };
        if T::UNSENDABLE {
            let c = unsafe { Self::contents(obj) };
            if c.thread != Some(std::thread::current().id()) {
                panic!(
                    "{} is unsendable, but sent to another thread",
                    std::any::type_name::<T>()
                );
            }
        }
    }

    fn dict_offset() -> usize {
        std::mem::offset_of!(PyClassObject<T>, contents)
            + std::mem::offset_of!(PyClassObjectContents<T>, dict)
    }

    fn weaklist_offset() -> usize {
        std::mem::offset_of!(PyClassObject<T>, contents)
            + std::mem::offset_of!(PyClassObjectContents<T>, weakref)
    }
}

/// Types that can be the base of a `#[pyclass]` (`object`, some native types, and every
/// `#[pyclass(subclass)]`).
///
/// # Safety
/// `LayoutAsBase` must be the real layout of instances of the type.
pub unsafe trait PyClassBaseType: PyTypeInfo {
    /// What a subclass's layout starts with.
    type LayoutAsBase;
    /// How the base part of a new object is created.
    type Initializer: PyObjectInit<Self>;
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

unsafe fn native_new(
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
unsafe fn type_slot(ty: *mut ffi::PyTypeObject, slot: c_int) -> *mut c_void {
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

#[cfg(not(Py_LIMITED_API))]
macro_rules! native_base {
    ($layout:ty; $($name:ident),* $(,)?) => {
        $(
            // SAFETY: instances of these types start with `$layout`.
            unsafe impl PyClassBaseType for $name {
                type LayoutAsBase = $layout;
                type Initializer = PyNativeTypeInitializer<$name>;
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
        )*
    };
}

#[cfg(not(Py_LIMITED_API))]
use crate::exceptions::*;

#[cfg(not(Py_LIMITED_API))]
native_base!(
    ffi::PyBaseExceptionObject;
    PyBaseException,
    PyException,
    PyArithmeticError,
    PyAssertionError,
    PyAttributeError,
    PyBufferError,
    PyEOFError,
    PyIndexError,
    PyKeyError,
    PyLookupError,
    PyMemoryError,
    PyNotImplementedError,
    PyOverflowError,
    PyRecursionError,
    PyReferenceError,
    PyRuntimeError,
    PyTypeError,
    PyValueError,
    PyZeroDivisionError,
    PyWarning,
    PyUserWarning,
);

#[cfg(not(Py_LIMITED_API))]
use crate::types::{PyComplex, PyDict, PyFloat, PyFrozenSet, PyList, PySet};

#[cfg(not(Py_LIMITED_API))]
native_base!(ffi::PyDictObject; PyDict);
#[cfg(not(Py_LIMITED_API))]
native_base!(ffi::PySetObject; PySet, PyFrozenSet);
#[cfg(not(Py_LIMITED_API))]
native_base!(ffi::PyListObject; PyList);
#[cfg(not(Py_LIMITED_API))]
native_base!(ffi::PyFloatObject; PyFloat);
#[cfg(not(Py_LIMITED_API))]
native_base!(ffi::PyComplexObject; PyComplex);

/// Everything `#[pyclass]` generates about a class (not public API).
pub trait PyClassImpl: Sized + 'static {
    /// Whether Python classes may inherit from it (`subclass`).
    const IS_BASETYPE: bool = false;
    /// Whether it has a `__dict__` (`dict`).
    const HAS_DICT: bool = false;
    /// Whether it supports weak references (`weakref`).
    const HAS_WEAKREF: bool = false;
    /// `unsendable`.
    const UNSENDABLE: bool = false;
    /// `frozen`.
    const FROZEN: bool = false;
    /// `sequence` (`__len__` also fills `sq_length`).
    const IS_SEQUENCE: bool = false;
    /// The `__doc__` text (with the `#[new]` text signature when any).
    const DOC: &'static str = "";
    /// The Python module, if `module = "..."` was given.
    const MODULE_NAME: Option<&'static str> = None;
    /// The Python name.
    const PY_NAME: &'static str;
    /// The base type (`PyAny` for `object`).
    type BaseType: PyClassBaseType;
    /// Items of the class: from `#[pyclass]` (fields, options) and from `#[pymethods]`.
    fn items() -> [&'static PyClassItems; 2];
    /// The lazily created type object.
    fn lazy_type_object() -> &'static LazyTypeObject<Self>;
}

/// `tp_new` of the class, or `None` when there is no `#[new]`.
pub type NewFunc = ffi::newfunc;

/// A type slot (id and function) in static memory.
#[derive(Clone, Copy)]
pub struct PySlot {
    /// The `Py_*` slot id.
    pub slot: c_int,
    /// The function.
    pub pfunc: *mut c_void,
}

// SAFETY: plain immutable data (function pointers).
unsafe impl Sync for PySlot {}
unsafe impl Send for PySlot {}

/// A getter called with the instance.
pub type GetterFn =
    for<'py> unsafe fn(Python<'py>, *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject>;
/// A setter called with the instance and the value (NULL to delete).
pub type SetterFn =
    for<'py> unsafe fn(Python<'py>, *mut ffi::PyObject, *mut ffi::PyObject) -> PyResult<c_int>;
/// A class attribute builder.
pub type ClassAttrFn = for<'py> fn(Python<'py>) -> PyResult<Py<PyAny>>;

/// One item of a class.
pub enum PyMethodDefType {
    /// An instance method.
    Method(&'static PyFunctionDef),
    /// A `#[classmethod]`.
    Class(&'static PyFunctionDef),
    /// A `#[staticmethod]`.
    Static(&'static PyFunctionDef),
    /// A `#[classattr]` (name, builder).
    ClassAttribute(&'static str, ClassAttrFn),
    /// A `#[getter]` (name, function, doc).
    Getter(&'static CStr, GetterFn, Option<&'static CStr>),
    /// A `#[setter]` (name, function, doc).
    Setter(&'static CStr, SetterFn, Option<&'static CStr>),
    /// A `#[deleter]` (name, function called with a NULL value, doc).
    Deleter(&'static CStr, SetterFn, Option<&'static CStr>),
}

/// The items of one macro invocation.
pub struct PyClassItems {
    /// Methods, attributes, descriptors.
    pub methods: &'static [PyMethodDefType],
    /// Type slots (`tp_new`, `__repr__`, ...).
    pub slots: &'static [PySlot],
    /// The text signature of `#[new]` (`"(a, b)"`), added to the class docstring.
    pub text_signature: Option<&'static str>,
    /// This level's `__traverse__` (called with the borrow checks of [`gc_traverse`]).
    pub traverse: Option<TraverseLevelFn>,
}

/// One level's `__traverse__` wrapper.
pub type TraverseLevelFn = unsafe fn(*mut ffi::PyObject, ffi::visitproc, *mut c_void) -> c_int;

/// No items.
pub static EMPTY_ITEMS: PyClassItems = PyClassItems {
    methods: &[],
    slots: &[],
    text_signature: None,
    traverse: None,
};

/// Collects the items of `#[pymethods]` blocks by autoref specialization: `#[pymethods]`
/// implements [`PyMethods`] for `PyClassImplCollector<T>`, the fallback is on `&Self`.
pub struct PyClassImplCollector<T>(PhantomData<T>);

impl<T> PyClassImplCollector<T> {
    /// The collector.
    pub fn new() -> Self {
        PyClassImplCollector(PhantomData)
    }
}

impl<T> Default for PyClassImplCollector<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Clone for PyClassImplCollector<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PyClassImplCollector<T> {}

/// Implemented by `#[pymethods]` for `PyClassImplCollector<T>`.
pub trait PyMethods<T> {
    /// The items.
    fn py_methods(self) -> &'static PyClassItems;
}

impl<T> PyMethods<T> for &'_ PyClassImplCollector<T> {
    fn py_methods(self) -> &'static PyClassItems {
        &EMPTY_ITEMS
    }
}

/// The type object of a `#[pyclass]`, created on first use.
pub struct LazyTypeObject<T> {
    ty: OnceLock<Py<PyType>>,
    _marker: PhantomData<T>,
}

// SAFETY: holds only a `Py<PyType>`.
unsafe impl<T> Sync for LazyTypeObject<T> {}

impl<T> LazyTypeObject<T> {
    /// An uninitialised cell.
    pub const fn new() -> Self {
        LazyTypeObject {
            ty: OnceLock::new(),
            _marker: PhantomData,
        }
    }
}

impl<T> Default for LazyTypeObject<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: PyClass> LazyTypeObject<T> {
    /// The type object; panics (after printing the error) if it cannot be created.
    pub fn get_or_init<'py>(&self, py: Python<'py>) -> &Bound<'py, PyType> {
        match self.get_or_try_init(py) {
            Ok(t) => t,
            Err(e) => {
                e.clone_ref(py).print(py);
                panic!("An error occurred while initializing class {}", T::PY_NAME)
            }
        }
    }

    /// The type object, or the error creating it.
    pub fn get_or_try_init<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyType>> {
        if let Some(t) = self.ty.get() {
            return Ok(t.bind(py));
        }
        let (ty, attrs) = create_type_object::<T>(py)?;
        let _ = self.ty.set(ty);
        let ty = self.ty.get().unwrap().bind(py);
        // Class attributes are added once the type is stored: they may create instances.
        for (name, make) in attrs {
            let value = make(py)?;
            set_type_attr(py, ty, name, value)?;
        }
        Ok(ty)
    }
}

fn set_type_attr(
    py: Python<'_>,
    ty: &Bound<'_, PyType>,
    name: &str,
    value: Py<PyAny>,
) -> PyResult<()> {
    let key = crate::types::PyString::new(py, name);
    #[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
    unsafe {
        let tp = ty.as_ptr().cast::<ffi::PyTypeObject>();
        let dict = (*tp).tp_dict;
        if ffi::PyDict_SetItem(dict, key.as_ptr(), value.as_ptr()) != 0 {
            return Err(PyErr::fetch(py));
        }
        ffi::PyType_Modified(tp);
        Ok(())
    }
    #[cfg(not(all(Py_3_10, not(Py_LIMITED_API))))]
    unsafe {
        if ffi::PyObject_SetAttr(ty.as_ptr(), key.as_ptr(), value.as_ptr()) != 0 {
            return Err(PyErr::fetch(py));
        }
        Ok(())
    }
}

fn leak_cstring(s: &str) -> *const std::ffi::c_char {
    let c = CString::new(s.replace('\0', "")).unwrap();
    Box::leak(c.into_boxed_c_str()).as_ptr()
}

struct GetSetClosure {
    get: Option<GetterFn>,
    set: Option<SetterFn>,
    del: Option<SetterFn>,
}

unsafe extern "C" fn getset_get(
    slf: *mut ffi::PyObject,
    closure: *mut c_void,
) -> *mut ffi::PyObject {
    let f = unsafe { (*(closure as *const GetSetClosure)).get.unwrap() };
    let data = std::panic::AssertUnwindSafe(slf);
    unsafe {
        trampoline(move |py| {
            let data = data;
            f(py, data.0)
        })
    }
}

unsafe extern "C" fn getset_set(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    let c = unsafe { &*(closure as *const GetSetClosure) };
    let f = if value.is_null() && c.del.is_some() {
        c.del
    } else {
        c.set
    };
    let data = std::panic::AssertUnwindSafe((slf, value));
    unsafe {
        trampoline(move |py| {
            let (slf, value) = data.0;
            match f {
                Some(f) => f(py, slf, value),
                None if value.is_null() => Err(crate::exceptions::PyAttributeError::new_err(
                    "can't delete attribute",
                )),
                None => Err(crate::exceptions::PyAttributeError::new_err(
                    "attribute is not writable",
                )),
            }
        })
    }
}

unsafe extern "C" fn dict_get<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    _closure: *mut c_void,
) -> *mut ffi::PyObject {
    unsafe {
        let c = &mut *std::ptr::addr_of_mut!((*obj.cast::<PyClassObject<T>>()).contents);
        if c.dict.is_null() {
            c.dict = ffi::PyDict_New();
            if c.dict.is_null() {
                return std::ptr::null_mut();
            }
        }
        ffi::Py_IncRef(c.dict);
        c.dict
    }
}

unsafe extern "C" fn dict_set<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    _closure: *mut c_void,
) -> c_int {
    unsafe {
        if value.is_null() {
            ffi::PyErr_SetString(ffi::PyExc_TypeError, c"cannot delete __dict__".as_ptr());
            return -1;
        }
        if ffi::PyDict_Check(value) == 0 {
            ffi::PyErr_SetString(
                ffi::PyExc_TypeError,
                c"__dict__ must be set to a dictionary".as_ptr(),
            );
            return -1;
        }
        let c = &mut *std::ptr::addr_of_mut!((*obj.cast::<PyClassObject<T>>()).contents);
        ffi::Py_IncRef(value);
        let old = std::mem::replace(&mut c.dict, value);
        if !old.is_null() {
            ffi::Py_DecRef(old);
        }
        0
    }
}

unsafe extern "C" fn sq_item_via_getitem(
    obj: *mut ffi::PyObject,
    index: ffi::Py_ssize_t,
) -> *mut ffi::PyObject {
    unsafe {
        let key = ffi::PyLong_FromSsize_t(index);
        if key.is_null() {
            return std::ptr::null_mut();
        }
        let r = ffi::PyObject_GetItem(obj, key);
        ffi::Py_DecRef(key);
        r
    }
}

unsafe extern "C" fn no_constructor<T: PyClassImpl>(
    _subtype: *mut ffi::PyTypeObject,
    _args: *mut ffi::PyObject,
    _kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    unsafe {
        trampoline(|_py| -> PyResult<*mut ffi::PyObject> {
            Err(PyTypeError::new_err(format!(
                "No constructor defined for {}",
                T::PY_NAME
            )))
        })
    }
}

/// `tp_dealloc` of every `#[pyclass]`.
///
/// # Safety
/// Only called by the interpreter.
pub unsafe extern "C" fn tp_dealloc<T: PyClass>(obj: *mut ffi::PyObject) {
    unsafe {
        let _guard = crate::internal::state::TrampolineGuard::assume();
        let py = Python::assume_attached();
        let ty = ffi::Py_TYPE(obj);
        if ffi::PyType_IS_GC(ty) != 0 {
            ffi::PyObject_GC_UnTrack(obj.cast());
        }
        let c = PyClassObject::<T>::contents(obj);
        if T::HAS_WEAKREF && !c.weakref.is_null() {
            ffi::PyObject_ClearWeakRefs(obj);
        }
        dealloc_level::<T>(py, obj);
    }
}

/// Drops `T`'s level then deallocates the base.
///
/// # Safety
/// `obj` must be an instance of `T` being deallocated.
pub unsafe fn dealloc_level<T: PyClassImpl>(py: Python<'_>, obj: *mut ffi::PyObject) {
    unsafe {
        let contents = &mut (*obj.cast::<PyClassObject<T>>()).contents;
        if !T::UNSENDABLE || contents.thread == Some(std::thread::current().id()) {
            let value = std::panic::AssertUnwindSafe(&mut contents.value);
            if let Err(payload) = std::panic::catch_unwind(move || {
                let value = value;
                ManuallyDrop::drop(value.0);
            }) {
                crate::panic::PanicException::from_panic_payload(payload).restore(py);
                ffi::PyErr_WriteUnraisable(obj);
            }
        }
        if !contents.dict.is_null() {
            let d = std::mem::replace(&mut contents.dict, std::ptr::null_mut());
            ffi::Py_DecRef(d);
        }
        <T::BaseType as PyClassBaseType>::dealloc_base(py, obj);
    }
}

/// The user `__traverse__`s and dicts of `T` and its `#[pyclass]` bases.
///
/// # Safety
/// Only during a traversal of an instance of `T`.
pub unsafe fn traverse_levels<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    unsafe {
        // Base levels first: a non-zero result stops the traversal before this level.
        let r = <T::BaseType as PyClassBaseType>::traverse_levels(obj, visit, arg);
        if r != 0 {
            return r;
        }
        for items in T::items() {
            if let Some(f) = items.traverse {
                let r = f(obj, visit, arg);
                if r != 0 {
                    return r;
                }
            }
        }
        let c = PyClassObject::<T>::contents(obj);
        if !c.dict.is_null() {
            let r = visit(c.dict, arg);
            if r != 0 {
                return r;
            }
        }
        0
    }
}

unsafe extern "C" fn tp_traverse_all<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    unsafe {
        let r = traverse_levels::<T>(obj, visit, arg);
        if r != 0 {
            return r;
        }
        traverse_base_and_type::<T>(obj, visit, arg)
    }
}

/// Visits what the native base holds (its `tp_traverse`) and the object's (heap) type.
///
/// # Safety
/// Only from a `tp_traverse` of an instance of `T`.
pub unsafe fn traverse_base_and_type<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    unsafe {
        let py = Python::assume_attached();
        let base = <T::BaseType as PyClassBaseType>::native_base_type(py);
        if base != std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) {
            let t = type_slot(base, ffi::Py_tp_traverse);
            if !t.is_null() {
                let t: ffi::traverseproc = std::mem::transmute(t);
                let r = t(obj, visit, arg);
                if r != 0 {
                    return r;
                }
            }
        }
        // Heap type instances own a reference to their type.
        visit(ffi::Py_TYPE(obj).cast(), arg)
    }
}

/// Clears what the native base holds (its `tp_clear`).
///
/// # Safety
/// Only from a `tp_clear` of an instance of `T`.
pub unsafe fn clear_base<T: PyClassImpl>(obj: *mut ffi::PyObject) -> c_int {
    unsafe {
        let py = Python::assume_attached();
        let base = <T::BaseType as PyClassBaseType>::native_base_type(py);
        if base != std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) {
            let t = type_slot(base, ffi::Py_tp_clear);
            if !t.is_null() {
                let t: ffi::inquiry = std::mem::transmute(t);
                return t(obj);
            }
        }
        0
    }
}

unsafe extern "C" fn tp_clear_dict<T: PyClassImpl>(obj: *mut ffi::PyObject) -> c_int {
    unsafe {
        let c = &mut (*obj.cast::<PyClassObject<T>>()).contents;
        if !c.dict.is_null() {
            let d = std::mem::replace(&mut c.dict, std::ptr::null_mut());
            ffi::Py_DecRef(d);
        }
        clear_base::<T>(obj)
    }
}

/// Builds the heap type of `T`; returns it and the class attributes still to be set.
type ClassAttrs = Vec<(&'static str, ClassAttrFn)>;

fn create_type_object<T: PyClass>(py: Python<'_>) -> PyResult<(Py<PyType>, ClassAttrs)> {
    let mut slots: Vec<ffi::PyType_Slot> = Vec::new();
    let mut methods: Vec<ffi::PyMethodDef> = Vec::new();
    #[allow(clippy::type_complexity)]
    let mut getsets: Vec<(
        &'static CStr,
        Option<GetterFn>,
        Option<SetterFn>,
        Option<&'static CStr>,
        Option<SetterFn>,
    )> = Vec::new();
    let mut attrs = Vec::new();
    let mut has_new = false;
    let mut has_traverse = false;
    let mut has_clear = false;
    let mut text_signature = None;
    let mut has_subscript = false;
    let mut has_sq_item = false;
    for items in T::items() {
        if items.text_signature.is_some() {
            text_signature = items.text_signature;
        }
        for s in items.slots {
            match s.slot {
                ffi::Py_tp_new => has_new = true,
                ffi::Py_tp_traverse => has_traverse = true,
                ffi::Py_tp_clear => has_clear = true,
                ffi::Py_mp_subscript => has_subscript = true,
                ffi::Py_sq_item => has_sq_item = true,
                ffi::Py_sq_length if !T::IS_SEQUENCE => continue,
                _ => {}
            }
            slots.push(ffi::PyType_Slot {
                slot: s.slot,
                pfunc: s.pfunc,
            });
        }
        for m in items.methods {
            match m {
                PyMethodDefType::Method(d) => methods.push(d.method_def(0)),
                PyMethodDefType::Class(d) => methods.push(d.method_def(ffi::METH_CLASS)),
                PyMethodDefType::Static(d) => methods.push(d.method_def(ffi::METH_STATIC)),
                PyMethodDefType::ClassAttribute(n, f) => attrs.push((*n, *f)),
                PyMethodDefType::Getter(name, f, doc) => {
                    match getsets.iter_mut().find(|g| g.0 == *name) {
                        Some(g) => {
                            g.1 = Some(*f);
                            g.3 = g.3.or(*doc);
                        }
                        None => getsets.push((name, Some(*f), None, *doc, None)),
                    }
                }
                PyMethodDefType::Setter(name, f, doc) => {
                    match getsets.iter_mut().find(|g| g.0 == *name) {
                        Some(g) => {
                            g.2 = Some(*f);
                            g.3 = g.3.or(*doc);
                        }
                        None => getsets.push((name, None, Some(*f), *doc, None)),
                    }
                }
                PyMethodDefType::Deleter(name, f, doc) => {
                    match getsets.iter_mut().find(|g| g.0 == *name) {
                        Some(g) => {
                            g.4 = Some(*f);
                            g.3 = g.3.or(*doc);
                        }
                        None => getsets.push((name, None, None, *doc, Some(*f))),
                    }
                }
            }
        }
    }
    if has_subscript && !has_sq_item {
        // Iteration and `PySequence_GetItem` fall back to `__getitem__` with an int.
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_sq_item,
            pfunc: sq_item_via_getitem as *mut c_void,
        });
    }
    if !has_new {
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_new,
            pfunc: no_constructor::<T> as *mut c_void,
        });
    }
    slots.push(ffi::PyType_Slot {
        slot: ffi::Py_tp_dealloc,
        pfunc: tp_dealloc::<T> as *mut c_void,
    });
    let base = <T::BaseType as PyTypeInfo>::type_object_raw(py);
    // Every class is a GC type (its values may hold Python objects).
    if !has_traverse {
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_traverse,
            pfunc: tp_traverse_all::<T> as *mut c_void,
        });
        if !has_clear {
            slots.push(ffi::PyType_Slot {
                slot: ffi::Py_tp_clear,
                pfunc: tp_clear_dict::<T> as *mut c_void,
            });
        }
    }
    let doc = match text_signature {
        Some(sig) => format!("{}{}\n--\n\n{}", T::PY_NAME, sig, T::DOC),
        None => T::DOC.to_string(),
    };
    if !doc.is_empty() {
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_doc,
            pfunc: leak_cstring(&doc) as *mut c_void,
        });
    }
    if !methods.is_empty() {
        methods.push(ffi::PyMethodDef::zeroed());
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_methods,
            pfunc: Box::leak(methods.into_boxed_slice()).as_mut_ptr().cast(),
        });
    }
    let dict_getset = if T::HAS_DICT {
        Some(ffi::PyGetSetDef {
            name: c"__dict__".as_ptr(),
            get: Some(dict_get::<T>),
            set: Some(dict_set::<T>),
            doc: std::ptr::null(),
            closure: std::ptr::null_mut(),
        })
    } else {
        None
    };
    if !getsets.is_empty() || dict_getset.is_some() {
        let mut defs: Vec<ffi::PyGetSetDef> = getsets
            .into_iter()
            .map(|(name, get, set, doc, del)| {
                let closure = Box::leak(Box::new(GetSetClosure { get, set, del }));
                ffi::PyGetSetDef {
                    name: name.as_ptr(),
                    get: get.map(|_| getset_get as ffi::getter),
                    set: set.or(del).map(|_| getset_set as ffi::setter),
                    doc: doc.map_or(std::ptr::null(), CStr::as_ptr),
                    closure: (closure as *mut GetSetClosure).cast(),
                }
            })
            .collect();
        defs.extend(dict_getset);
        defs.push(ffi::PyGetSetDef::default());
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_getset,
            pfunc: Box::leak(defs.into_boxed_slice()).as_mut_ptr().cast(),
        });
    }
    let mut members = Vec::new();
    if T::HAS_DICT {
        members.push(ffi::PyMemberDef {
            name: c"__dictoffset__".as_ptr(),
            type_code: ffi::Py_T_PYSSIZET,
            offset: PyClassObject::<T>::dict_offset() as ffi::Py_ssize_t,
            flags: ffi::Py_READONLY,
            doc: std::ptr::null(),
        });
    }
    if T::HAS_WEAKREF {
        members.push(ffi::PyMemberDef {
            name: c"__weaklistoffset__".as_ptr(),
            type_code: ffi::Py_T_PYSSIZET,
            offset: PyClassObject::<T>::weaklist_offset() as ffi::Py_ssize_t,
            flags: ffi::Py_READONLY,
            doc: std::ptr::null(),
        });
    }
    if !members.is_empty() {
        members.push(ffi::PyMemberDef::default());
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_members,
            pfunc: Box::leak(members.into_boxed_slice()).as_mut_ptr().cast(),
        });
    }
    if base != std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) {
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_base,
            pfunc: base.cast(),
        });
    }
    slots.push(ffi::PyType_Slot::default());
    let name = match T::MODULE_NAME {
        Some(m) => format!("{}.{}", m, T::PY_NAME),
        None => T::PY_NAME.to_string(),
    };
    let mut flags = ffi::Py_TPFLAGS_DEFAULT | ffi::Py_TPFLAGS_HAVE_GC;
    if T::IS_BASETYPE {
        flags |= ffi::Py_TPFLAGS_BASETYPE;
    }
    #[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
    {
        flags |= ffi::Py_TPFLAGS_IMMUTABLETYPE;
    }
    let mut spec = ffi::PyType_Spec {
        name: leak_cstring(&name),
        basicsize: std::mem::size_of::<PyClassObject<T>>() as c_int,
        itemsize: 0,
        flags: flags as std::ffi::c_uint,
        slots: Box::leak(slots.into_boxed_slice()).as_mut_ptr(),
    };
    // SAFETY: attached; the spec and everything it points to live forever.
    let ty = unsafe { ffi::PyType_FromSpec(&mut spec) };
    let ty = unsafe { Py::<PyType>::from_owned_ptr_or_err(py, ty)? };
    Ok((ty, attrs))
}

/// The borrow flag used for `T`'s values.
///
/// # Safety
/// `obj` must be an instance of `T`.
#[inline]
pub unsafe fn borrow_flag_of<'a, T: PyClassImpl>(obj: *mut ffi::PyObject) -> &'a BorrowFlag {
    unsafe { PyClassObject::<T>::borrow_flag(obj) }
}

/// Panics if `obj`'s `unsendable` levels belong to another thread.
///
/// # Safety
/// `obj` must be an instance of `T`.
#[inline]
pub unsafe fn check_thread_of<T: PyClassImpl>(obj: *mut ffi::PyObject) {
    unsafe { PyClassObject::<T>::check_thread(obj) }
}

/// Checks that `obj` is an instance of `T`; a `TypeError` otherwise.
///
/// # Safety
/// `obj` must be a valid object pointer.
#[inline]
pub unsafe fn check_instance<T: PyClass>(py: Python<'_>, obj: *mut ffi::PyObject) -> PyResult<()> {
    let ty = T::type_object_raw(py);
    if unsafe { ffi::PyObject_TypeCheck(obj, ty) } != 0 {
        Ok(())
    } else {
        let obj = unsafe { crate::Borrowed::from_ptr(py, obj) };
        Err(crate::err::CastError::new(obj, T::type_object(py).into_any()).into())
    }
}

/// Whether `obj` is an instance of `T`.
///
/// # Safety
/// `obj` must be a valid object pointer.
#[inline]
pub unsafe fn is_instance<T: PyClass>(py: Python<'_>, obj: *mut ffi::PyObject) -> bool {
    unsafe { ffi::PyObject_TypeCheck(obj, T::type_object_raw(py)) != 0 }
}

/// Creates an object of `subtype` from an initializer (the `#[new]` result).
///
/// # Safety
/// `subtype` must be a subtype of `T`'s type object.
pub unsafe fn new_object_of_type<T: PyClass>(
    py: Python<'_>,
    init: PyClassInitializer<T>,
    subtype: *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject> {
    unsafe { init.create_class_object_of_type(py, subtype.cast()) }.map(|b| b.into_ptr())
}

/// `IntoPyObject` for a `#[pyclass]` value: a new object (the base must not need a value).
pub fn into_new_object<T: PyClass>(py: Python<'_>, value: T) -> PyResult<Bound<'_, T>> {
    match <T::BaseType as PyClassBaseType>::default_initializer() {
        Some(base) => PyClassInitializer::new(value, base).create_class_object(py),
        None => Err(PyTypeError::new_err(format!(
            "cannot convert a {} into a Python object without a value for its base class; use Bound::new with a (subclass, base) pair",
            T::PY_NAME
        ))),
    }
}

/// A new reference to `NotImplemented`.
#[inline]
pub fn not_implemented(_py: Python<'_>) -> *mut ffi::PyObject {
    unsafe {
        let p = ffi::Py_NotImplemented();
        ffi::Py_IncRef(p);
        p
    }
}

/// Whether `ptr` is `NotImplemented`.
#[inline]
pub fn is_not_implemented(ptr: *mut ffi::PyObject) -> bool {
    ptr == unsafe { ffi::Py_NotImplemented() }
}
