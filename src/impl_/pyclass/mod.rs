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
///
/// Every access happens while the thread is attached (a `PyRef`/`PyRefMut` lives for `'py`
/// and is not `Send`, so it is neither used nor dropped while detached). With the GIL, at
/// most one thread is attached at a time and taking the GIL orders each thread's accesses
/// after the previous holder's, so a plain load and store (no atomic read-modify-write,
/// which costs a locked instruction each way) cannot lose an update. Free-threaded builds
/// have no such exclusion and use compare-and-swap.
pub struct BorrowFlag(AtomicUsize);

const EXCLUSIVE: usize = usize::MAX;

impl BorrowFlag {
    /// Unborrowed.
    pub const fn new() -> Self {
        BorrowFlag(AtomicUsize::new(0))
    }

    /// Adds a shared borrow; fails if mutably borrowed.
    #[inline]
    pub fn try_borrow(&self) -> bool {
        // EXCLUSIVE - 1 shared borrows would make the next one look exclusive.
        #[cfg(not(Py_GIL_DISABLED))]
        {
            let cur = self.0.load(Ordering::Relaxed);
            if cur >= EXCLUSIVE - 1 {
                return false;
            }
            self.0.store(cur + 1, Ordering::Relaxed);
            true
        }
        #[cfg(Py_GIL_DISABLED)]
        {
            let mut cur = self.0.load(Ordering::Relaxed);
            loop {
                if cur >= EXCLUSIVE - 1 {
                    return false;
                }
                match self.0.compare_exchange_weak(
                    cur,
                    cur + 1,
                    Ordering::Acquire,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => return true,
                    Err(c) => cur = c,
                }
            }
        }
    }

    /// Releases a shared borrow.
    #[inline]
    pub fn release_borrow(&self) {
        #[cfg(not(Py_GIL_DISABLED))]
        self.0
            .store(self.0.load(Ordering::Relaxed) - 1, Ordering::Relaxed);
        #[cfg(Py_GIL_DISABLED)]
        self.0.fetch_sub(1, Ordering::Release);
    }

    /// Takes the exclusive borrow; fails if borrowed at all.
    #[inline]
    pub fn try_borrow_mut(&self) -> bool {
        #[cfg(not(Py_GIL_DISABLED))]
        {
            if self.0.load(Ordering::Relaxed) != 0 {
                return false;
            }
            self.0.store(EXCLUSIVE, Ordering::Relaxed);
            true
        }
        #[cfg(Py_GIL_DISABLED)]
        self.0
            .compare_exchange(0, EXCLUSIVE, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
    }

    /// Releases the exclusive borrow.
    #[inline]
    pub fn release_borrow_mut(&self) {
        self.0.store(0, Ordering::Release);
    }
}

impl Default for BorrowFlag {
    fn default() -> Self {
        Self::new()
    }
}

/// Properties of a chain of `#[pyclass]` levels (from the root up to some class), needed by
/// code that only knows the most derived class: which borrow checking a level needs and
/// which instance slots some level owns.
#[derive(Clone, Copy, Debug)]
pub struct ChainInfo {
    /// Some level is not `frozen`: a mutable borrow of that level can exist, so even borrows
    /// of `frozen` levels above it must be counted on the shared flag.
    pub mutable: bool,
    /// Some level has a `__weakref__` slot: weak references must be cleared on dealloc.
    pub weakref: bool,
}

impl ChainInfo {
    /// A native base: no `#[pyclass]` level.
    pub const NATIVE: ChainInfo = ChainInfo {
        mutable: false,
        weakref: false,
    };
}

/// The [`ChainInfo`] of `T` and its `#[pyclass]` bases.
pub const fn chain_info<T: PyClassImpl>() -> ChainInfo {
    let base = <T::BaseType as PyClassBaseType>::CHAIN;
    ChainInfo {
        mutable: !T::FROZEN || base.mutable,
        weakref: T::HAS_WEAKREF || base.weakref,
    }
}

/// Whether borrows of `T` go through the shared borrow flag: `T` or one of its `#[pyclass]`
/// bases is mutable. Only chains that are `frozen` all the way down skip the bookkeeping.
#[inline]
pub const fn tracks_borrows<T: PyClassImpl>() -> bool {
    chain_info::<T>().mutable
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
            let current = std::thread::current().id();
            if c.thread != Some(current) {
                unsendable_on_another_thread(std::any::type_name::<T>(), current, c.thread);
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

mod base;
mod lifecycle;
mod receiver;
mod type_object;

pub use self::base::*;
pub use self::lifecycle::*;
pub use self::receiver::{SlfMut, SlfRef};
pub use self::type_object::*;

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
    /// `mapping`: `__getitem__` does not also fill `sq_item` (so the class is not iterable
    /// through the sequence protocol).
    const IS_MAPPING: bool = false;
    /// `immutable_type`: attributes of the type object cannot be set or deleted.
    const IMMUTABLE_TYPE: bool = false;
    /// `gc`: `__traverse__` is derived from the fields, so `#[pymethods]` must not define it
    /// (checked at compile time).
    const GC_DERIVED: bool = false;
    /// `gc` also derived `__clear__` (not `frozen`, some `Option`/`Vec` field to empty).
    const GC_DERIVED_CLEAR: bool = false;
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
    /// A complex enum's values live in instances of their variant's class (`E.V`), also when
    /// made with `Py::new` / `Bound::new`: this creates that object. Other classes give the
    /// value back (`Err`), and the caller builds an instance of the class itself.
    #[inline]
    fn new_variant_object(value: Self, py: Python<'_>) -> Result<PyResult<Bound<'_, Self>>, Self> {
        let _ = py;
        Err(value)
    }
}

/// `#[pyclass(generic)]`: the class attribute `__class_getitem__ = classmethod(GenericAlias)`,
/// the way generic classes of the standard library are written in Python.
pub fn generic_class_getitem(py: Python<'_>) -> PyResult<Py<PyAny>> {
    use crate::types::PyAnyMethods;
    let alias = py.import("types")?.getattr("GenericAlias")?;
    let classmethod = py.import("builtins")?.getattr("classmethod")?;
    Ok(classmethod.call1((alias,))?.unbind())
}

/// Whether this build can create immutable types (`#[pyclass(immutable_type)]`): the flag is
/// honoured by `PyType_FromSpec` since 3.10, and is part of the stable ABI since 3.14.
pub const IMMUTABLE_TYPE_SUPPORTED: bool = cfg!(any(all(Py_3_10, not(Py_LIMITED_API)), Py_3_14));

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

/// A setter called with the instance and the value (NULL to delete).
pub type SetterFn =
    for<'py> unsafe fn(Python<'py>, *mut ffi::PyObject, *mut ffi::PyObject) -> PyResult<c_int>;
/// A class attribute builder.
pub type ClassAttrFn = for<'py> fn(Python<'py>) -> PyResult<Py<PyAny>>;

/// One item of a class.
#[derive(Clone, Copy)]
pub enum PyMethodDefType {
    /// An instance method.
    Method(&'static PyFunctionDef),
    /// A `#[classmethod]`.
    Class(&'static PyFunctionDef),
    /// A `#[staticmethod]`.
    Static(&'static PyFunctionDef),
    /// A `#[classattr]` (name, builder).
    ClassAttribute(&'static str, ClassAttrFn),
    /// A `#[getter]` (name, its C function, doc); made by [`PyMethodDefType::getter`].
    Getter(&'static CStr, ffi::getter, Option<&'static CStr>),
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

/// What `#[new]` returned, resolved by autoref specialization: an initializer of `T`
/// ([`NewViaInitializer`], by value) or, failing that, any object ([`NewViaObject`], on `&`).
pub struct NewResult<T, R> {
    value: std::cell::Cell<Option<R>>,
    _marker: PhantomData<T>,
}

impl<T, R> NewResult<T, R> {
    /// Wraps the result.
    pub fn new(value: R) -> Self {
        NewResult {
            value: std::cell::Cell::new(Some(value)),
            _marker: PhantomData,
        }
    }

    fn take(&self) -> R {
        self.value
            .take()
            .expect("a #[new] result is converted once")
    }
}

/// `#[new]` returning `T`, `PyClassInitializer<T>`, `(T, Base)`, ... (or a `Result` of them).
pub trait NewViaInitializer {
    /// Creates the object of type `subtype`.
    ///
    /// # Safety
    /// `subtype` must be a subtype of `T`'s type object.
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyObject,
    ) -> PyResult<*mut ffi::PyObject>;
}

impl<T: PyClass, R: IntoPyClassInitializer<T>> NewViaInitializer for NewResult<T, R> {
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyObject,
    ) -> PyResult<*mut ffi::PyObject> {
        let init = self.take().into_initializer()?;
        unsafe { new_object_of_type::<T>(py, init, subtype) }
    }
}

/// `#[new]` returning another object: it is what the constructor call gives.
pub trait NewViaObject<'py> {
    /// Converts the result.
    ///
    /// # Safety
    /// Always safe; `unsafe` to match [`NewViaInitializer`].
    unsafe fn into_new_object(
        self,
        py: Python<'py>,
        subtype: *mut ffi::PyObject,
    ) -> PyResult<*mut ffi::PyObject>;
}

impl<'py, T, R: crate::impl_::pyfunction::IntoPyResultPtr<'py>> NewViaObject<'py>
    for &NewResult<T, R>
{
    unsafe fn into_new_object(
        self,
        py: Python<'py>,
        _subtype: *mut ffi::PyObject,
    ) -> PyResult<*mut ffi::PyObject> {
        self.take().into_result_ptr(py)
    }
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

/// The panic of an `unsendable` class used on another thread than its owner's, worded as
/// PyO3's (an assertion of the two thread ids, current first).
#[cold]
#[inline(never)]
fn unsendable_on_another_thread(
    type_name: &str,
    current: std::thread::ThreadId,
    owner: Option<std::thread::ThreadId>,
) -> ! {
    let owner = match owner {
        Some(id) => format!("ThreadId({id:?})"),
        None => "None".to_string(),
    };
    panic!(
        "assertion `left == right` failed: {type_name} is unsendable, but sent to another \
         thread\n  left: ThreadId({current:?})\n right: {owner}"
    )
}
