//! [`PyAny`], the type of any Python object, and [`PyAnyMethods`], the methods every object has.

use std::cell::UnsafeCell;
use std::cmp::Ordering;
use std::os::raw::c_int;

use crate::call::{private::Token, PyCallArgs};
use crate::conversion::{BoundObject, FromPyObject, IntoPyObject};
use crate::exceptions::PyTypeError;
use crate::internal::ptr_ext::{error_on_minusone, truth_or_err, FfiPtrExt};
use crate::pyclass::CompareOp;
use crate::types::{PyDict, PyIterator, PyList, PyString, PySuper, PyType};
use crate::{ffi, Borrowed, Bound, Py, PyErr, PyResult, PyTypeInfo, Python};

/// Any Python object: the most general type parameter of [`Bound`], [`Borrowed`] and [`Py`].
///
/// It is never used by value; `Bound<'py, PyAny>` is what you hold. Its methods are in
/// [`PyAnyMethods`].
#[repr(transparent)]
pub struct PyAny(UnsafeCell<ffi::PyObject>);

// SAFETY: every object starts with the `PyObject` header, and `object` adds nothing to it.
unsafe impl crate::type_object::PyLayout<PyAny> for ffi::PyObject {}
impl crate::type_object::PySizedLayout<PyAny> for ffi::PyObject {}

// SAFETY: every object is an instance of `object`.
unsafe impl PyTypeInfo for PyAny {
    const MODULE: Option<&'static str> = Some("builtins");

    #[inline]
    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        // SAFETY: taking the address of a static.
        #[allow(unused_unsafe)]
        unsafe {
            &raw mut ffi::PyBaseObject_Type
        }
    }

    #[inline]
    fn is_type_of(_object: &Bound<'_, PyAny>) -> bool {
        true
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, crate::PyAny> {}
}

/// Converts a name argument into a borrowed-or-owned `PyString`.
macro_rules! to_obj {
    ($py:expr, $value:expr) => {
        $value.into_pyobject($py).map_err(Into::<PyErr>::into)?
    };
}

/// The methods available on every Python object (`Bound<'py, PyAny>`, and through `Deref` on
/// every `Bound<'py, T>` of a native type).
pub trait PyAnyMethods<'py>: sealed::Sealed {
    /// Whether `self` and `other` are the same object (Python's `is`).
    fn is<T: AsRef<Py<PyAny>>>(&self, other: T) -> bool;

    /// Whether the object has the attribute, as `hasattr(self, attr_name)`.
    fn hasattr<N>(&self, attr_name: N) -> PyResult<bool>
    where
        N: IntoPyObject<'py, Target = PyString>;

    /// Gets an attribute, as `self.attr_name`.
    fn getattr<N>(&self, attr_name: N) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>;

    /// Gets an attribute, or `None` if it does not exist (other errors are returned).
    fn getattr_opt<N>(&self, attr_name: N) -> PyResult<Option<Bound<'py, PyAny>>>
    where
        N: IntoPyObject<'py, Target = PyString>;

    /// Sets an attribute, as `self.attr_name = value`.
    fn setattr<N, V>(&self, attr_name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>;

    /// Deletes an attribute, as `del self.attr_name`.
    fn delattr<N>(&self, attr_name: N) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>;

    /// Compares with `other` using `==`, `<` and `>` in turn; a `TypeError` if none holds.
    fn compare<O>(&self, other: O) -> PyResult<Ordering>
    where
        O: IntoPyObject<'py>;

    /// Rich comparison, as `self <op> other`, returning the result object.
    fn rich_compare<O>(&self, other: O, compare_op: CompareOp) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;

    /// `-self`.
    fn neg(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `+self`.
    fn pos(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `abs(self)`.
    fn abs(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `~self`.
    fn bitnot(&self) -> PyResult<Bound<'py, PyAny>>;

    /// `self < other`.
    fn lt<O>(&self, other: O) -> PyResult<bool>
    where
        O: IntoPyObject<'py>;
    /// `self <= other`.
    fn le<O>(&self, other: O) -> PyResult<bool>
    where
        O: IntoPyObject<'py>;
    /// `self == other`.
    fn eq<O>(&self, other: O) -> PyResult<bool>
    where
        O: IntoPyObject<'py>;
    /// `self != other`.
    fn ne<O>(&self, other: O) -> PyResult<bool>
    where
        O: IntoPyObject<'py>;
    /// `self > other`.
    fn gt<O>(&self, other: O) -> PyResult<bool>
    where
        O: IntoPyObject<'py>;
    /// `self >= other`.
    fn ge<O>(&self, other: O) -> PyResult<bool>
    where
        O: IntoPyObject<'py>;

    /// `self + other`.
    fn add<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self - other`.
    fn sub<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self * other`.
    fn mul<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self @ other`.
    fn matmul<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self / other`.
    fn div<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self // other`.
    fn floor_div<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self % other`.
    fn rem<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `divmod(self, other)`.
    fn divmod<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self << other`.
    fn lshift<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self >> other`.
    fn rshift<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self & other`.
    fn bitand<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self | other`.
    fn bitor<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `self ^ other`.
    fn bitxor<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>;
    /// `pow(self, other, modulus)`; pass `py.None()` as modulus for `self ** other`.
    fn pow<O1, O2>(&self, other: O1, modulus: O2) -> PyResult<Bound<'py, PyAny>>
    where
        O1: IntoPyObject<'py>,
        O2: IntoPyObject<'py>;

    /// Whether the object is callable, as `callable(self)`.
    fn is_callable(&self) -> bool;

    /// Calls the object, as `self(*args, **kwargs)`.
    fn call<A>(&self, args: A, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>>
    where
        A: PyCallArgs<'py>;

    /// Calls the object without arguments, as `self()`.
    fn call0(&self) -> PyResult<Bound<'py, PyAny>>;

    /// Calls the object with positional arguments, as `self(*args)`.
    fn call1<A>(&self, args: A) -> PyResult<Bound<'py, PyAny>>
    where
        A: PyCallArgs<'py>;

    /// Calls a method, as `self.name(*args, **kwargs)`.
    fn call_method<N, A>(
        &self,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>;

    /// Calls a method without arguments, as `self.name()`.
    fn call_method0<N>(&self, name: N) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>;

    /// Calls a method with positional arguments, as `self.name(*args)`.
    fn call_method1<N, A>(&self, name: N, args: A) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>;

    /// The truth value, as `bool(self)`.
    fn is_truthy(&self) -> PyResult<bool>;

    /// Whether the object is `None`.
    fn is_none(&self) -> bool;

    /// Whether `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;

    /// `self[key]`.
    fn get_item<K>(&self, key: K) -> PyResult<Bound<'py, PyAny>>
    where
        K: IntoPyObject<'py>;

    /// `self[key] = value`.
    fn set_item<K, V>(&self, key: K, value: V) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>;

    /// `del self[key]`.
    fn del_item<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>;

    /// An iterator over the object, as `iter(self)`.
    fn try_iter(&self) -> PyResult<Bound<'py, PyIterator>>;

    /// The type of the object, as `type(self)`.
    fn get_type(&self) -> Bound<'py, PyType>;

    /// The raw type object pointer of the object (borrowed).
    fn get_type_ptr(&self) -> *mut ffi::PyTypeObject;

    /// Extracts a Rust value, see [`FromPyObject`].
    fn extract<'a, T>(&'a self) -> Result<T, T::Error>
    where
        T: FromPyObject<'a, 'py>;

    /// The reference count of the object.
    fn get_refcnt(&self) -> isize;

    /// `repr(self)`.
    fn repr(&self) -> PyResult<Bound<'py, PyString>>;

    /// `str(self)`.
    fn str(&self) -> PyResult<Bound<'py, PyString>>;

    /// `hash(self)`.
    fn hash(&self) -> PyResult<isize>;

    /// `len(self)`.
    fn len(&self) -> PyResult<usize>;

    /// `dir(self)`.
    fn dir(&self) -> PyResult<Bound<'py, PyList>>;

    /// `isinstance(self, ty)`.
    fn is_instance(&self, ty: &Bound<'py, PyAny>) -> PyResult<bool>;

    /// `type(self) is ty`.
    fn is_exact_instance(&self, ty: &Bound<'py, PyAny>) -> bool;

    /// Whether the object is an instance of `T` (or a subclass).
    fn is_instance_of<T: PyTypeInfo>(&self) -> bool;

    /// Whether the object's type is exactly `T`.
    fn is_exact_instance_of<T: PyTypeInfo>(&self) -> bool;

    /// `value in self`.
    fn contains<V>(&self, value: V) -> PyResult<bool>
    where
        V: IntoPyObject<'py>;

    /// `super()` for this object, as `super(type(self), self)`.
    fn py_super(&self) -> PyResult<Bound<'py, PySuper>>;
}

fn binary_op<'py>(
    any: &Bound<'py, PyAny>,
    other: Borrowed<'_, 'py, PyAny>,
    op: unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; valid objects.
    unsafe { op(any.as_ptr(), other.as_ptr()).assume_owned_or_err(any.py()) }
}

fn unary_op<'py>(
    any: &Bound<'py, PyAny>,
    op: unsafe extern "C" fn(*mut ffi::PyObject) -> *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; valid object.
    unsafe { op(any.as_ptr()).assume_owned_or_err(any.py()) }
}

fn rich_compare_bool(
    any: &Bound<'_, PyAny>,
    other: Borrowed<'_, '_, PyAny>,
    op: c_int,
) -> PyResult<bool> {
    // SAFETY: attached; valid objects.
    truth_or_err(any.py(), unsafe {
        ffi::PyObject_RichCompareBool(any.as_ptr(), other.as_ptr(), op)
    })
}

macro_rules! binary_method {
    ($name:ident, $op:path) => {
        #[inline]
        fn $name<O>(&self, other: O) -> PyResult<Bound<'py, PyAny>>
        where
            O: IntoPyObject<'py>,
        {
            let other = to_obj!(self.py(), other);
            binary_op(self, other.as_borrowed().to_any(), $op)
        }
    };
}

macro_rules! compare_method {
    ($name:ident, $op:expr) => {
        #[inline]
        fn $name<O>(&self, other: O) -> PyResult<bool>
        where
            O: IntoPyObject<'py>,
        {
            let other = to_obj!(self.py(), other);
            rich_compare_bool(self, other.as_borrowed().to_any(), $op)
        }
    };
}

impl<'py> PyAnyMethods<'py> for Bound<'py, PyAny> {
    #[inline]
    fn is<T: AsRef<Py<PyAny>>>(&self, other: T) -> bool {
        self.as_ptr() == other.as_ref().as_ptr()
    }

    fn hasattr<N>(&self, attr_name: N) -> PyResult<bool>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        self.getattr_opt(attr_name).map(|opt| opt.is_some())
    }

    fn getattr<N>(&self, attr_name: N) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        let name = to_obj!(self.py(), attr_name);
        // SAFETY: attached; valid objects.
        unsafe {
            ffi::PyObject_GetAttr(self.as_ptr(), name.as_ptr()).assume_owned_or_err(self.py())
        }
    }

    fn getattr_opt<N>(&self, attr_name: N) -> PyResult<Option<Bound<'py, PyAny>>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        let py = self.py();
        let name = to_obj!(py, attr_name);
        let mut result = std::ptr::null_mut();
        // SAFETY: attached; `result` receives a new reference or NULL.
        match unsafe {
            ffi::compat::PyObject_GetOptionalAttr(self.as_ptr(), name.as_ptr(), &mut result)
        } {
            -1 => Err(PyErr::fetch(py)),
            0 => Ok(None),
            _ => Ok(Some(unsafe { result.assume_owned(py) })),
        }
    }

    fn setattr<N, V>(&self, attr_name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        let name = to_obj!(py, attr_name);
        let value = to_obj!(py, value);
        // SAFETY: attached; valid objects.
        error_on_minusone(py, unsafe {
            ffi::PyObject_SetAttr(self.as_ptr(), name.as_ptr(), value.as_ptr())
        })
    }

    fn delattr<N>(&self, attr_name: N) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        let py = self.py();
        let name = to_obj!(py, attr_name);
        // SAFETY: attached; valid objects.
        error_on_minusone(py, unsafe {
            ffi::PyObject_SetAttr(self.as_ptr(), name.as_ptr(), std::ptr::null_mut())
        })
    }

    fn compare<O>(&self, other: O) -> PyResult<Ordering>
    where
        O: IntoPyObject<'py>,
    {
        let other = to_obj!(self.py(), other);
        let other = other.as_borrowed().to_any();
        if rich_compare_bool(self, other, ffi::Py_EQ)? {
            Ok(Ordering::Equal)
        } else if rich_compare_bool(self, other, ffi::Py_LT)? {
            Ok(Ordering::Less)
        } else if rich_compare_bool(self, other, ffi::Py_GT)? {
            Ok(Ordering::Greater)
        } else {
            Err(PyTypeError::new_err(
                "PyAny::compare(): All comparisons returned false",
            ))
        }
    }

    fn rich_compare<O>(&self, other: O, compare_op: CompareOp) -> PyResult<Bound<'py, PyAny>>
    where
        O: IntoPyObject<'py>,
    {
        let other = to_obj!(self.py(), other);
        // SAFETY: attached; valid objects.
        unsafe {
            ffi::PyObject_RichCompare(self.as_ptr(), other.as_ptr(), compare_op as c_int)
                .assume_owned_or_err(self.py())
        }
    }

    fn neg(&self) -> PyResult<Bound<'py, PyAny>> {
        unary_op(self, ffi::PyNumber_Negative)
    }

    fn pos(&self) -> PyResult<Bound<'py, PyAny>> {
        unary_op(self, ffi::PyNumber_Positive)
    }

    fn abs(&self) -> PyResult<Bound<'py, PyAny>> {
        unary_op(self, ffi::PyNumber_Absolute)
    }

    fn bitnot(&self) -> PyResult<Bound<'py, PyAny>> {
        unary_op(self, ffi::PyNumber_Invert)
    }

    compare_method!(lt, ffi::Py_LT);
    compare_method!(le, ffi::Py_LE);
    compare_method!(eq, ffi::Py_EQ);
    compare_method!(ne, ffi::Py_NE);
    compare_method!(gt, ffi::Py_GT);
    compare_method!(ge, ffi::Py_GE);

    binary_method!(add, ffi::PyNumber_Add);
    binary_method!(sub, ffi::PyNumber_Subtract);
    binary_method!(mul, ffi::PyNumber_Multiply);
    binary_method!(matmul, ffi::PyNumber_MatrixMultiply);
    binary_method!(div, ffi::PyNumber_TrueDivide);
    binary_method!(floor_div, ffi::PyNumber_FloorDivide);
    binary_method!(rem, ffi::PyNumber_Remainder);
    binary_method!(divmod, ffi::PyNumber_Divmod);
    binary_method!(lshift, ffi::PyNumber_Lshift);
    binary_method!(rshift, ffi::PyNumber_Rshift);
    binary_method!(bitand, ffi::PyNumber_And);
    binary_method!(bitor, ffi::PyNumber_Or);
    binary_method!(bitxor, ffi::PyNumber_Xor);

    fn pow<O1, O2>(&self, other: O1, modulus: O2) -> PyResult<Bound<'py, PyAny>>
    where
        O1: IntoPyObject<'py>,
        O2: IntoPyObject<'py>,
    {
        let py = self.py();
        let other = to_obj!(py, other);
        let modulus = to_obj!(py, modulus);
        // SAFETY: attached; valid objects.
        unsafe {
            ffi::PyNumber_Power(self.as_ptr(), other.as_ptr(), modulus.as_ptr())
                .assume_owned_or_err(py)
        }
    }

    #[inline]
    fn is_callable(&self) -> bool {
        // SAFETY: attached.
        unsafe { ffi::PyCallable_Check(self.as_ptr()) != 0 }
    }

    #[inline]
    fn call<A>(&self, args: A, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>>
    where
        A: PyCallArgs<'py>,
    {
        match kwargs {
            Some(kwargs) => args.call(self.as_borrowed(), kwargs.as_borrowed(), Token),
            None => args.call_positional(self.as_borrowed(), Token),
        }
    }

    #[inline]
    fn call0(&self) -> PyResult<Bound<'py, PyAny>> {
        ().call_positional(self.as_borrowed(), Token)
    }

    #[inline]
    fn call1<A>(&self, args: A) -> PyResult<Bound<'py, PyAny>>
    where
        A: PyCallArgs<'py>,
    {
        args.call_positional(self.as_borrowed(), Token)
    }

    fn call_method<N, A>(
        &self,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>,
    {
        match kwargs {
            Some(_) => self.getattr(name)?.call(args, kwargs),
            None => self.call_method1(name, args),
        }
    }

    #[inline]
    fn call_method0<N>(&self, name: N) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        let name = to_obj!(self.py(), name);
        ().call_method_positional(self.as_borrowed(), name.as_borrowed(), Token)
    }

    #[inline]
    fn call_method1<N, A>(&self, name: N, args: A) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>,
    {
        let name = to_obj!(self.py(), name);
        args.call_method_positional(self.as_borrowed(), name.as_borrowed(), Token)
    }

    #[inline]
    fn is_truthy(&self) -> PyResult<bool> {
        // SAFETY: attached.
        truth_or_err(self.py(), unsafe { ffi::PyObject_IsTrue(self.as_ptr()) })
    }

    #[inline]
    fn is_none(&self) -> bool {
        // SAFETY: pointer comparison.
        self.as_ptr() == unsafe { ffi::Py_None() }
    }

    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|len| len == 0)
    }

    fn get_item<K>(&self, key: K) -> PyResult<Bound<'py, PyAny>>
    where
        K: IntoPyObject<'py>,
    {
        let key = to_obj!(self.py(), key);
        // SAFETY: attached; valid objects.
        unsafe { ffi::PyObject_GetItem(self.as_ptr(), key.as_ptr()).assume_owned_or_err(self.py()) }
    }

    fn set_item<K, V>(&self, key: K, value: V) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = to_obj!(py, key);
        let value = to_obj!(py, value);
        // SAFETY: attached; valid objects.
        error_on_minusone(py, unsafe {
            ffi::PyObject_SetItem(self.as_ptr(), key.as_ptr(), value.as_ptr())
        })
    }

    fn del_item<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = to_obj!(py, key);
        // SAFETY: attached; valid objects.
        error_on_minusone(py, unsafe {
            ffi::PyObject_DelItem(self.as_ptr(), key.as_ptr())
        })
    }

    fn try_iter(&self) -> PyResult<Bound<'py, PyIterator>> {
        PyIterator::from_object(self)
    }

    #[inline]
    fn get_type(&self) -> Bound<'py, PyType> {
        // SAFETY: the type of a live object is a live type object.
        unsafe {
            Bound::from_borrowed_ptr(self.py(), self.get_type_ptr().cast()).cast_into_unchecked()
        }
    }

    #[inline]
    fn get_type_ptr(&self) -> *mut ffi::PyTypeObject {
        // SAFETY: valid object.
        unsafe { ffi::Py_TYPE(self.as_ptr()) }
    }

    #[inline]
    fn extract<'a, T>(&'a self) -> Result<T, T::Error>
    where
        T: FromPyObject<'a, 'py>,
    {
        T::extract(self.as_borrowed())
    }

    #[inline]
    fn get_refcnt(&self) -> isize {
        Bound::get_refcnt(self)
    }

    fn repr(&self) -> PyResult<Bound<'py, PyString>> {
        // SAFETY: attached; PyObject_Repr returns a str or NULL.
        unsafe {
            ffi::PyObject_Repr(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|s| s.cast_into_unchecked())
        }
    }

    fn str(&self) -> PyResult<Bound<'py, PyString>> {
        // SAFETY: attached; PyObject_Str returns a str or NULL.
        unsafe {
            ffi::PyObject_Str(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|s| s.cast_into_unchecked())
        }
    }

    fn hash(&self) -> PyResult<isize> {
        // SAFETY: attached.
        let v = unsafe { ffi::PyObject_Hash(self.as_ptr()) };
        if v == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(v)
        }
    }

    fn len(&self) -> PyResult<usize> {
        // SAFETY: attached.
        let v = unsafe { ffi::PyObject_Size(self.as_ptr()) };
        if v == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(v as usize)
        }
    }

    fn dir(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: attached; PyObject_Dir returns a list or NULL.
        unsafe {
            ffi::PyObject_Dir(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|l| l.cast_into_unchecked())
        }
    }

    fn is_instance(&self, ty: &Bound<'py, PyAny>) -> PyResult<bool> {
        // SAFETY: attached.
        truth_or_err(self.py(), unsafe {
            ffi::PyObject_IsInstance(self.as_ptr(), ty.as_ptr())
        })
    }

    #[inline]
    fn is_exact_instance(&self, ty: &Bound<'py, PyAny>) -> bool {
        self.get_type_ptr().cast::<ffi::PyObject>() == ty.as_ptr()
    }

    #[inline]
    fn is_instance_of<T: PyTypeInfo>(&self) -> bool {
        T::is_type_of(self)
    }

    #[inline]
    fn is_exact_instance_of<T: PyTypeInfo>(&self) -> bool {
        T::is_exact_type_of(self)
    }

    fn contains<V>(&self, value: V) -> PyResult<bool>
    where
        V: IntoPyObject<'py>,
    {
        let value = to_obj!(self.py(), value);
        // SAFETY: attached.
        truth_or_err(self.py(), unsafe {
            ffi::PySequence_Contains(self.as_ptr(), value.as_ptr())
        })
    }

    fn py_super(&self) -> PyResult<Bound<'py, PySuper>> {
        PySuper::new(&self.get_type(), self)
    }
}
