//! [`PyClassInitializer`]: how `#[new]` builds an object, including its base classes.

use crate::impl_::pyclass::{PyClassBaseType, PyClassObject, PyObjectInit};
use crate::pyclass::PyClass;
use crate::{ffi, Bound, Py, PyResult, Python};
use std::cell::UnsafeCell;
use std::mem::ManuallyDrop;

/// The initial value of a new `#[pyclass]` object and of each of its `#[pyclass]` bases.
///
/// `#[new]` may return `T`, `(T, Base)`, a `PyClassInitializer<T>` (built with
/// [`PyClassInitializer::add_subclass`]) or a `PyResult` of those.
pub struct PyClassInitializer<T: PyClass>(Inner<T>);

enum Inner<T: PyClass> {
    Existing(Py<T>),
    New {
        init: T,
        super_init: <T::BaseType as PyClassBaseType>::Initializer,
    },
}

impl<T: PyClass> PyClassInitializer<T> {
    /// An initializer from the value of `T` and the initializer of its base.
    pub fn new(init: T, super_init: <T::BaseType as PyClassBaseType>::Initializer) -> Self {
        PyClassInitializer(Inner::New { init, super_init })
    }

    /// Adds a subclass level on top of this one.
    pub fn add_subclass<S>(self, subclass_value: S) -> PyClassInitializer<S>
    where
        S: PyClass<BaseType = T>,
        T: PyClassBaseType<Initializer = Self>,
    {
        PyClassInitializer::new(subclass_value, self)
    }

    /// Creates the object (of type `T`).
    pub fn create_class_object(self, py: Python<'_>) -> PyResult<Bound<'_, T>> {
        // A complex enum value becomes an instance of its variant's subclass (its base part
        // is always `object`'s, which needs no value, so nothing is lost with `super_init`).
        let this = match self.0 {
            Inner::New { init, super_init } => match T::new_variant_object(init, py) {
                Ok(made) => return made,
                Err(init) => PyClassInitializer(Inner::New { init, super_init }),
            },
            existing => PyClassInitializer(existing),
        };
        // A class whose type object cannot be built (e.g. a failing `#[classattr]`) is an
        // error here, not a panic.
        let ty = T::lazy_type_object().get_or_try_init(py)?.as_ptr();
        unsafe { this.create_class_object_of_type(py, ty.cast()) }
    }

    /// Creates the object with type `target_type` (`T`'s type or a subtype).
    ///
    /// # Safety
    /// `target_type` must be a subtype of `T`'s type object.
    pub unsafe fn create_class_object_of_type(
        self,
        py: Python<'_>,
        target_type: *mut ffi::PyTypeObject,
    ) -> PyResult<Bound<'_, T>> {
        // An existing object is the result itself (`#[new]` may return one); only as the
        // base of a subclass is it an error (see `into_new_object`).
        if let Inner::Existing(obj) = self.0 {
            return Ok(obj.into_bound(py));
        }
        let obj = unsafe { self.into_new_object(py, target_type)? };
        Ok(unsafe { Bound::from_owned_ptr(py, obj).cast_into_unchecked() })
    }
}

impl<T: PyClass> PyObjectInit<T> for PyClassInitializer<T> {
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject> {
        match self.0 {
            // Called for the base part of a subclass object: an existing object has the base's
            // size (the subclass's fields would be written past its end) and an initialized
            // value of its own, so it cannot become the subclass object.
            Inner::Existing(obj) => {
                drop(obj);
                let _ = subtype;
                Err(crate::exceptions::PyTypeError::new_err(format!(
                    "an existing {} object cannot be the base of a new subclass object; \
                     build the base from its value instead",
                    T::PY_NAME
                )))
            }
            Inner::New { init, super_init } => {
                let obj = unsafe { super_init.into_new_object(py, subtype)? };
                let thread = if T::UNSENDABLE {
                    Some(std::thread::current().id())
                } else {
                    None
                };
                // SAFETY: `obj` was allocated with `subtype`'s size, at least `T`'s layout. The
                // `__dict__` / `__weakref__` slots keep what the allocation put there.
                unsafe {
                    let c = std::ptr::addr_of_mut!((*obj.cast::<PyClassObject<T>>()).contents);
                    std::ptr::write(
                        std::ptr::addr_of_mut!((*c).value),
                        ManuallyDrop::new(UnsafeCell::new(init)),
                    );
                    std::ptr::write(
                        std::ptr::addr_of_mut!((*c).borrow_flag),
                        crate::impl_::pyclass::BorrowFlag::new(),
                    );
                    std::ptr::write(std::ptr::addr_of_mut!((*c).thread), thread);
                }
                Ok(obj)
            }
        }
    }
}

impl<T: PyClass> From<T> for PyClassInitializer<T>
where
    <T::BaseType as PyClassBaseType>::Initializer: Default,
{
    fn from(value: T) -> Self {
        PyClassInitializer::new(value, Default::default())
    }
}

impl<S, B> From<(S, B)> for PyClassInitializer<S>
where
    S: PyClass<BaseType = B>,
    B: PyClass + PyClassBaseType<Initializer = PyClassInitializer<B>>,
    <B::BaseType as PyClassBaseType>::Initializer: Default,
{
    fn from((sub, base): (S, B)) -> Self {
        PyClassInitializer::from(base).add_subclass(sub)
    }
}

impl<T: PyClass> From<Py<T>> for PyClassInitializer<T> {
    fn from(value: Py<T>) -> Self {
        PyClassInitializer(Inner::Existing(value))
    }
}

impl<'py, T: PyClass> From<Bound<'py, T>> for PyClassInitializer<T> {
    fn from(value: Bound<'py, T>) -> Self {
        PyClassInitializer(Inner::Existing(value.unbind()))
    }
}

/// What `#[new]` may return: anything convertible into an initializer, or a `Result` of it.
#[doc(hidden)]
pub trait IntoPyClassInitializer<T: PyClass> {
    /// Converts.
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>>;
}

impl<T: PyClass, U: Into<PyClassInitializer<T>>> IntoPyClassInitializer<T> for U {
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>> {
        Ok(self.into())
    }
}

impl<T: PyClass, U: Into<PyClassInitializer<T>>, E: Into<crate::PyErr>> IntoPyClassInitializer<T>
    for Result<U, E>
{
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>> {
        self.map(Into::into).map_err(Into::into)
    }
}
