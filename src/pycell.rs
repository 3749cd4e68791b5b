//! Runtime borrow checking of `#[pyclass]` values: [`PyRef`], [`PyRefMut`] and their errors.
//!
//! Python code may hold any number of references to an object, so Rust's borrow rules are
//! checked at run time: any number of [`PyRef`]s or one [`PyRefMut`] at a time (per object,
//! shared by all its `#[pyclass]` levels). `frozen` classes have no mutable access; they skip
//! the bookkeeping only when their bases are `frozen` too (a mutable base could otherwise be
//! borrowed mutably while a `frozen` subclass's borrow reads it).

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use crate::conversion::IntoPyObject;
use crate::exceptions::PyRuntimeError;
use crate::impl_::pyclass::{tracks_borrows, PyClassBaseType, PyClassImpl, PyClassObject};
use crate::pyclass::boolean_struct::False;
use crate::pyclass::{PyClass, PyClassInitializer};
use crate::{ffi, Borrowed, Bound, FromPyObject, Py, PyAny, PyErr, PyResult, Python};

/// The error of [`Bound::try_borrow`]: the value is mutably borrowed.
pub struct PyBorrowError {
    _private: (),
}

impl PyBorrowError {
    pub(crate) fn new() -> Self {
        PyBorrowError { _private: () }
    }
}

impl fmt::Debug for PyBorrowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PyBorrowError")
    }
}

impl fmt::Display for PyBorrowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Already mutably borrowed")
    }
}

impl std::error::Error for PyBorrowError {}

impl From<PyBorrowError> for PyErr {
    fn from(e: PyBorrowError) -> PyErr {
        PyRuntimeError::new_err(e.to_string())
    }
}

/// The error of [`Bound::try_borrow_mut`]: the value is already borrowed.
pub struct PyBorrowMutError {
    _private: (),
}

impl PyBorrowMutError {
    pub(crate) fn new() -> Self {
        PyBorrowMutError { _private: () }
    }
}

impl fmt::Debug for PyBorrowMutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PyBorrowMutError")
    }
}

impl fmt::Display for PyBorrowMutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Already borrowed")
    }
}

impl std::error::Error for PyBorrowMutError {}

impl From<PyBorrowMutError> for PyErr {
    fn from(e: PyBorrowMutError) -> PyErr {
        PyRuntimeError::new_err(e.to_string())
    }
}

/// A shared borrow of a `#[pyclass]` value, keeping the object alive.
#[repr(transparent)]
pub struct PyRef<'py, T: PyClass> {
    inner: Bound<'py, T>,
}

/// An exclusive borrow of a `#[pyclass]` value, keeping the object alive.
#[repr(transparent)]
pub struct PyRefMut<'py, T: PyClass<Frozen = False>> {
    inner: Bound<'py, T>,
}

pub(crate) fn try_borrow_raw<T: PyClass>(obj: *mut ffi::PyObject) -> Result<(), PyBorrowError> {
    unsafe { PyClassObject::<T>::check_thread(obj) };
    if !tracks_borrows::<T>() {
        return Ok(());
    }
    if unsafe { PyClassObject::<T>::borrow_flag(obj) }.try_borrow() {
        Ok(())
    } else {
        Err(PyBorrowError { _private: () })
    }
}

pub(crate) fn try_borrow_mut_raw<T: PyClass>(
    obj: *mut ffi::PyObject,
) -> Result<(), PyBorrowMutError> {
    unsafe { PyClassObject::<T>::check_thread(obj) };
    if unsafe { PyClassObject::<T>::borrow_flag(obj) }.try_borrow_mut() {
        Ok(())
    } else {
        Err(PyBorrowMutError { _private: () })
    }
}

/// Whether `obj` (an instance of `T`, which must not be `frozen`) could be borrowed mutably
/// right now; the probe borrow is released at once.
///
/// # Safety
/// `obj` must be a valid pointer to an instance of `T`.
pub(crate) unsafe fn can_borrow_mut_raw<T: PyClass>(obj: *mut ffi::PyObject) -> bool {
    if try_borrow_mut_raw::<T>(obj).is_err() {
        return false;
    }
    unsafe { PyClassObject::<T>::borrow_flag(obj) }.release_borrow_mut();
    true
}

impl<'py, T: PyClass> PyRef<'py, T> {
    /// Borrows `obj`.
    pub fn borrow(obj: &Bound<'py, T>) -> Self {
        Self::try_borrow(obj).expect("Already mutably borrowed")
    }

    /// Tries to borrow `obj`.
    pub fn try_borrow(obj: &Bound<'py, T>) -> Result<Self, PyBorrowError> {
        try_borrow_raw::<T>(obj.as_ptr())?;
        Ok(PyRef { inner: obj.clone() })
    }

    /// The Python token.
    pub fn py(&self) -> Python<'py> {
        self.inner.py()
    }

    /// The raw pointer (borrowed).
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.inner.as_ptr()
    }

    /// A new reference to the object (the borrow is released).
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        self.inner.clone().into_ptr()
    }

    /// The object, still borrowed.
    pub fn as_any(&self) -> &Bound<'py, PyAny> {
        self.inner.as_any()
    }

    /// The object; the borrow ends.
    pub fn into_bound(self) -> Bound<'py, T> {
        self.inner.clone()
    }

    /// The object, with the borrow handed to the caller, who must release it (the guards of
    /// `async` methods keep it across `.await`).
    #[cfg(feature = "experimental-async")]
    pub(crate) fn into_bound_keeping_borrow(self) -> Bound<'py, T> {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: `me` is never dropped, so the reference and the borrow move out once.
        unsafe { std::ptr::read(&me.inner) }
    }

    /// The borrow as a borrow of the base class (the borrow flag is shared).
    pub fn into_super(self) -> PyRef<'py, T::BaseType>
    where
        T::BaseType: PyClass,
    {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: same object, shared flag; `me` is not dropped.
        let inner = unsafe { std::ptr::read(&me.inner) };
        // A base whose chain is `frozen` throughout does not count borrows, so its `PyRef`
        // will not release the one `T` took: release it now (the base value stays readable,
        // nothing can borrow it mutably).
        if tracks_borrows::<T>() && !tracks_borrows::<T::BaseType>() {
            unsafe { PyClassObject::<T>::borrow_flag(inner.as_ptr()) }.release_borrow();
        }
        PyRef {
            inner: unsafe { inner.cast_into_unchecked() },
        }
    }

    /// A view of the borrow as a borrow of the base class.
    pub fn as_super(&self) -> &PyRef<'py, T::BaseType>
    where
        T::BaseType: PyClass,
    {
        // SAFETY: `PyRef` is a transparent pointer; the flag is shared by all levels.
        unsafe { &*(self as *const PyRef<'py, T>).cast::<PyRef<'py, T::BaseType>>() }
    }
}

impl<T: PyClass> Deref for PyRef<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        unsafe { &*PyClassObject::<T>::value_ptr(self.inner.as_ptr()) }
    }
}

impl<T: PyClass> Drop for PyRef<'_, T> {
    fn drop(&mut self) {
        if tracks_borrows::<T>() {
            unsafe { PyClassObject::<T>::borrow_flag(self.inner.as_ptr()) }.release_borrow();
        }
    }
}

impl<'py, T: PyClass<Frozen = False>> PyRefMut<'py, T> {
    /// Borrows `obj` mutably.
    pub fn borrow(obj: &Bound<'py, T>) -> Self {
        Self::try_borrow(obj).expect("Already borrowed")
    }

    /// Tries to borrow `obj` mutably.
    pub fn try_borrow(obj: &Bound<'py, T>) -> Result<Self, PyBorrowMutError> {
        try_borrow_mut_raw::<T>(obj.as_ptr())?;
        Ok(PyRefMut { inner: obj.clone() })
    }

    /// The Python token.
    pub fn py(&self) -> Python<'py> {
        self.inner.py()
    }

    /// The raw pointer (borrowed).
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.inner.as_ptr()
    }

    /// The object, still borrowed.
    pub fn as_any(&self) -> &Bound<'py, PyAny> {
        self.inner.as_any()
    }

    /// A new reference to the object (the borrow is released).
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        self.inner.clone().into_ptr()
    }

    /// The object; the borrow ends.
    pub fn into_bound(self) -> Bound<'py, T> {
        self.inner.clone()
    }

    /// The object, with the borrow handed to the caller, who must release it (the guards of
    /// `async` methods keep it across `.await`).
    #[cfg(feature = "experimental-async")]
    pub(crate) fn into_bound_keeping_borrow(self) -> Bound<'py, T> {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: `me` is never dropped, so the reference and the borrow move out once.
        unsafe { std::ptr::read(&me.inner) }
    }

    /// The borrow as a mutable borrow of the base class.
    pub fn into_super(self) -> PyRefMut<'py, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        let me = std::mem::ManuallyDrop::new(self);
        let inner = unsafe { std::ptr::read(&me.inner) };
        PyRefMut {
            inner: unsafe { inner.cast_into_unchecked() },
        }
    }

    /// Mutable access to the base class's value, for as long as `self` is borrowed.
    ///
    /// The result is a `&mut` reference, as in PyO3, but to a [`PyRefMutSuper`] rather than a
    /// `&mut PyRefMut<T::BaseType>`: `PyRefMutSuper` is unsized, so two of them cannot be
    /// swapped (`std::mem::swap` of two `&mut PyRefMut<Base>` could leave this `PyRefMut<T>`
    /// pointing at a plain base object without `T`'s fields). It dereferences to the base's
    /// value, so the forms written for PyO3 read the same, including
    /// `let base: &mut Base = sub.as_super();`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    ///
    /// #[pyclass(subclass)]
    /// struct Base {
    ///     n: u32,
    /// }
    ///
    /// #[pyclass(extends = Base)]
    /// struct Sub;
    ///
    /// # Python::initialize();
    /// Python::attach(|py| {
    ///     let obj = Bound::new(py, (Sub, Base { n: 1 })).unwrap();
    ///     let mut sub = obj.borrow_mut();
    ///     sub.as_super().n += 1;
    ///     let base: &mut Base = sub.as_super();
    ///     base.n *= 10;
    ///     assert_eq!(sub.as_super().n, 20);
    /// });
    /// ```
    pub fn as_super(&mut self) -> &mut PyRefMutSuper<'py, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        // SAFETY: `PyRefMut` is transparent over one object pointer, which the view covers
        // (a slice of length 1 at the same address); the view borrows `self` mutably, and
        // the object is an instance of `T`, hence of its base.
        unsafe { PyRefMutSuper::from_slot(std::ptr::addr_of_mut!(self.inner).cast()) }
    }
}

/// The base-class view of a [`PyRefMut`], returned (as `&mut`) by [`PyRefMut::as_super`]:
/// dereferences to the base's value, mutably too, while the `PyRefMut` it came from stays
/// borrowed. It is unsized (it covers the `PyRefMut`'s object pointer as a one-element
/// slice), so `std::mem::swap` and `std::mem::replace` cannot be applied to it.
#[repr(transparent)]
pub struct PyRefMutSuper<'py, T: PyClass<Frozen = False>> {
    _marker: PhantomData<(Python<'py>, *mut T)>,
    obj: [NonNull<ffi::PyObject>],
}

impl<'py, T: PyClass<Frozen = False>> PyRefMutSuper<'py, T> {
    /// The view of the object pointer stored at `slot`.
    ///
    /// # Safety
    /// `slot` must point at the pointer held by a live `PyRefMut` of a subclass of `T` (or of
    /// `T`), borrowed mutably for `'a`.
    unsafe fn from_slot<'a>(slot: *mut NonNull<ffi::PyObject>) -> &'a mut Self {
        let slice: *mut [NonNull<ffi::PyObject>] = std::ptr::slice_from_raw_parts_mut(slot, 1);
        // SAFETY: `Self` is a transparent wrapper of the slice (same metadata); the caller
        // guarantees the pointer and the borrow.
        unsafe { &mut *(slice as *mut Self) }
    }

    fn object(&self) -> *mut ffi::PyObject {
        self.obj[0].as_ptr()
    }

    /// The Python token.
    pub fn py(&self) -> Python<'py> {
        // SAFETY: the `PyRefMut` this view borrows proves attachment for `'py`.
        unsafe { Python::assume_attached() }
    }

    /// The object (an instance of `T` or of a subclass), as a borrowed pointer.
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.object()
    }

    /// The view one level further up the inheritance chain.
    pub fn as_super(&mut self) -> &mut PyRefMutSuper<'py, T::BaseType>
    where
        T::BaseType: PyClass<Frozen = False>,
    {
        // SAFETY: the same object pointer, an instance of `T`'s base too; borrowed from `self`.
        unsafe { PyRefMutSuper::from_slot(self.obj.as_mut_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyRefMutSuper<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the object is an instance of a subclass of `T` whose `PyRefMut` (holding the
        // exclusive borrow of the whole chain) is borrowed for this view's lifetime.
        unsafe { &*PyClassObject::<T>::value_ptr(self.object()) }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyRefMutSuper<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`; the `PyRefMut` is borrowed mutably, so this is the only access.
        unsafe { &mut *PyClassObject::<T>::value_ptr(self.object()) }
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyRefMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        unsafe { &*PyClassObject::<T>::value_ptr(self.inner.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyRefMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        unsafe { &mut *PyClassObject::<T>::value_ptr(self.inner.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> Drop for PyRefMut<'_, T> {
    fn drop(&mut self) {
        unsafe { PyClassObject::<T>::borrow_flag(self.inner.as_ptr()) }.release_borrow_mut();
    }
}

impl<T: PyClass + fmt::Debug> fmt::Debug for PyRef<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: PyClass<Frozen = False> + fmt::Debug> fmt::Debug for PyRefMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<'a, 'py, T: PyClass> FromPyObject<'a, 'py> for PyRef<'py, T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let b = obj.cast::<T>()?;
        Ok(PyRef::try_borrow(&b.to_owned())?)
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> FromPyObject<'a, 'py> for PyRefMut<'py, T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let b = obj.cast::<T>()?;
        Ok(PyRefMut::try_borrow(&b.to_owned())?)
    }
}

impl<'py, T: PyClass> IntoPyObject<'py> for PyRef<'py, T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, _py: Python<'py>) -> Result<Bound<'py, T>, Self::Error> {
        Ok(self.inner.clone())
    }
}

impl<'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for PyRefMut<'py, T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, _py: Python<'py>) -> Result<Bound<'py, T>, Self::Error> {
        Ok(self.inner.clone())
    }
}

impl<'py, T: PyClass> Bound<'py, T> {
    /// Creates a new Python object holding `value`.
    pub fn new(
        py: Python<'py>,
        value: impl Into<PyClassInitializer<T>>,
    ) -> PyResult<Bound<'py, T>> {
        value.into().create_class_object(py)
    }

    /// Borrows the value; panics if it is mutably borrowed.
    #[track_caller]
    pub fn borrow(&self) -> PyRef<'py, T> {
        PyRef::borrow(self)
    }

    /// Borrows the value mutably; panics if it is borrowed.
    #[track_caller]
    pub fn borrow_mut(&self) -> PyRefMut<'py, T>
    where
        T: PyClass<Frozen = False>,
    {
        PyRefMut::borrow(self)
    }

    /// Tries to borrow the value.
    pub fn try_borrow(&self) -> Result<PyRef<'py, T>, PyBorrowError> {
        PyRef::try_borrow(self)
    }

    /// Tries to borrow the value mutably.
    pub fn try_borrow_mut(&self) -> Result<PyRefMut<'py, T>, PyBorrowMutError>
    where
        T: PyClass<Frozen = False>,
    {
        PyRefMut::try_borrow(self)
    }

    /// The value of a `frozen` class that is `Sync` (no borrow needed).
    pub fn get(&self) -> &T
    where
        T: PyClass<Frozen = crate::pyclass::boolean_struct::True> + Sync,
    {
        unsafe { &*PyClassObject::<T>::value_ptr(self.as_ptr()) }
    }

    /// The object as its base class.
    pub fn as_super(&self) -> &Bound<'py, T::BaseType> {
        unsafe { self.cast_unchecked() }
    }

    /// The object as its base class.
    pub fn into_super(self) -> Bound<'py, T::BaseType> {
        unsafe { self.cast_into_unchecked() }
    }
}

impl<T: PyClass> Py<T> {
    /// Creates a new Python object holding `value`.
    pub fn new(py: Python<'_>, value: impl Into<PyClassInitializer<T>>) -> PyResult<Py<T>> {
        Bound::new(py, value).map(Bound::unbind)
    }

    /// Borrows the value; panics if it is mutably borrowed.
    #[track_caller]
    pub fn borrow<'py>(&'py self, py: Python<'py>) -> PyRef<'py, T> {
        self.bind(py).borrow()
    }

    /// Borrows the value mutably; panics if it is borrowed.
    #[track_caller]
    pub fn borrow_mut<'py>(&'py self, py: Python<'py>) -> PyRefMut<'py, T>
    where
        T: PyClass<Frozen = False>,
    {
        self.bind(py).borrow_mut()
    }

    /// Tries to borrow the value.
    pub fn try_borrow<'py>(&'py self, py: Python<'py>) -> Result<PyRef<'py, T>, PyBorrowError> {
        self.bind(py).try_borrow()
    }

    /// Tries to borrow the value mutably.
    pub fn try_borrow_mut<'py>(
        &'py self,
        py: Python<'py>,
    ) -> Result<PyRefMut<'py, T>, PyBorrowMutError>
    where
        T: PyClass<Frozen = False>,
    {
        self.bind(py).try_borrow_mut()
    }

    /// The value of a `frozen` class that is `Sync` (no borrow and no thread attachment
    /// needed).
    pub fn get(&self) -> &T
    where
        T: PyClass<Frozen = crate::pyclass::boolean_struct::True> + Sync,
    {
        unsafe { &*PyClassObject::<T>::value_ptr(self.as_ptr()) }
    }
}

impl<'a, T: PyClass> Borrowed<'a, '_, T> {
    /// The value of a `frozen` class that is `Sync`, for as long as the borrowed object
    /// lives (`'a`), not only as long as this `Borrowed`.
    pub fn get(self) -> &'a T
    where
        T: PyClass<Frozen = crate::pyclass::boolean_struct::True> + Sync,
    {
        unsafe { &*PyClassObject::<T>::value_ptr(self.as_ptr()) }
    }
}

impl<T: PyClass> From<PyRef<'_, T>> for Py<T> {
    fn from(r: PyRef<'_, T>) -> Py<T> {
        r.inner.clone().unbind()
    }
}

impl<T: PyClass<Frozen = False>> From<PyRefMut<'_, T>> for Py<T> {
    fn from(r: PyRefMut<'_, T>) -> Py<T> {
        r.inner.clone().unbind()
    }
}

impl<T: crate::types::DerefToPyAny> From<Bound<'_, T>> for Py<PyAny> {
    fn from(b: Bound<'_, T>) -> Py<PyAny> {
        b.into_any().unbind()
    }
}

#[allow(dead_code)]
fn _assert_layout<T: PyClassImpl>() -> usize {
    std::mem::size_of::<<T::BaseType as PyClassBaseType>::LayoutAsBase>()
}

impl<T, U> AsRef<U> for PyRef<'_, T>
where
    T: PyClass<BaseType = U>,
    U: PyClass,
{
    fn as_ref(&self) -> &U {
        self.as_super()
    }
}

impl<T> AsRef<T::BaseType> for PyRefMut<'_, T>
where
    T: PyClass<Frozen = False>,
    T::BaseType: PyClass<Frozen = False>,
{
    fn as_ref(&self) -> &T::BaseType {
        // SAFETY: the object is an instance of `T`, a subclass of its base, and this
        // `PyRefMut` holds the exclusive borrow of the whole chain.
        unsafe { &*PyClassObject::<T::BaseType>::value_ptr(self.inner.as_ptr()) }
    }
}

impl<T> AsMut<T::BaseType> for PyRefMut<'_, T>
where
    T: PyClass<Frozen = False>,
    T::BaseType: PyClass<Frozen = False>,
{
    fn as_mut(&mut self) -> &mut T::BaseType {
        // SAFETY: as in `as_ref`; `&mut self` makes this the only access.
        unsafe { &mut *PyClassObject::<T::BaseType>::value_ptr(self.inner.as_ptr()) }
    }
}

impl<'py, T: PyClass> TryFrom<&Bound<'py, T>> for PyRef<'py, T> {
    type Error = PyBorrowError;
    fn try_from(value: &Bound<'py, T>) -> Result<Self, PyBorrowError> {
        PyRef::try_borrow(value)
    }
}

impl<'py, T: PyClass<Frozen = False>> TryFrom<&Bound<'py, T>> for PyRefMut<'py, T> {
    type Error = PyBorrowMutError;
    fn try_from(value: &Bound<'py, T>) -> Result<Self, PyBorrowMutError> {
        PyRefMut::try_borrow(value)
    }
}

impl<'a, 'py, T: PyClass> IntoPyObject<'py> for &'a PyRef<'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.inner.as_borrowed())
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for &'a PyRefMut<'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.inner.as_borrowed())
    }
}
