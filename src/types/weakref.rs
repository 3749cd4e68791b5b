//! Python weak references: [`PyWeakref`] (any weak reference), [`PyWeakrefReference`]
//! (`weakref.ref`) and [`PyWeakrefProxy`] (`weakref.proxy`).

use crate::conversion::{BoundObject, IntoPyObject};
use crate::internal::ptr_ext::FfiPtrExt;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyTuple};
use crate::{ffi, Bound, Py, PyErr, PyResult, PyTypeCheck, PyTypeInfo, Python};

/// Any Python weak reference: a `weakref.ref` or a `weakref.proxy` (callable or not).
#[repr(transparent)]
pub struct PyWeakref(PyAny);

impl crate::types::DerefToPyAny for PyWeakref {}

/// A `weakref.ref` object (or subclass instance).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyWeakrefMethods, PyWeakrefReference};
///
/// Python::attach(|py| -> PyResult<()> {
///     let target = py.eval(c"type('T', (), {})()", None, None)?;
///     let reference = PyWeakrefReference::new(&target)?;
///     assert!(reference.upgrade().unwrap().is(&target));
///     drop(target);
///     assert!(reference.upgrade().is_none());
///     Ok(())
/// })
/// # .unwrap();
/// ```
#[repr(transparent)]
pub struct PyWeakrefReference(PyAny);

#[cfg(not(PyPy))]
crate::pyobject_native_type_core!(PyWeakrefReference, crate::pyobject_native_static_type_object!(ffi::_PyWeakref_RefType), #module = ::std::option::Option::Some("weakref"), #checkfunction = ffi::PyWeakref_CheckRef);
// PyPy does not export the type object: `weakref.ReferenceType`, looked up once (the cell keeps
// it alive for the returned pointer).
#[cfg(PyPy)]
crate::pyobject_native_type_core!(PyWeakrefReference, |py| {
    static TYPES: PyOnceLock<Py<PyTuple>> = PyOnceLock::new();
    let types = weakref_types(py, &TYPES, &["ReferenceType"]);
    types.get_item(0).expect("one type").as_ptr().cast()
}, #module = ::std::option::Option::Some("weakref"), #checkfunction = ffi::PyWeakref_CheckRef);
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_native_type_sized!(PyWeakrefReference, ffi::PyWeakReference);
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_subclassable_native_type!(PyWeakrefReference, ffi::PyWeakReference);

/// A `weakref.proxy` object (`weakref.ProxyType` or `weakref.CallableProxyType`).
#[repr(transparent)]
pub struct PyWeakrefProxy(PyAny);

impl crate::types::DerefToPyAny for PyWeakrefProxy {}

/// Looks up `weakref.<name>` types once.
fn weakref_types<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyTuple>>,
    names: &'static [&'static str],
) -> Bound<'py, PyAny> {
    cell.get_or_try_init(py, || {
        let module = py.import("weakref")?;
        let types = names
            .iter()
            .map(|name| module.getattr(*name))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, types).map(Bound::unbind)
    })
    .expect("failed to import the weakref types")
    .bind(py)
    .clone()
    .into_any()
}

// SAFETY: PyWeakref_Check accepts exactly the weak reference and proxy objects.
unsafe impl PyTypeCheck for PyWeakref {
    #[inline]
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached.
        unsafe { ffi::PyWeakref_Check(object.as_ptr()) != 0 }
    }

    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny> {
        static TYPES: PyOnceLock<Py<PyTuple>> = PyOnceLock::new();
        weakref_types(
            py,
            &TYPES,
            &["ReferenceType", "ProxyType", "CallableProxyType"],
        )
    }
}

// SAFETY: PyWeakref_CheckProxy accepts exactly the proxy objects.
unsafe impl PyTypeCheck for PyWeakrefProxy {
    #[inline]
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached.
        unsafe { ffi::PyWeakref_CheckProxy(object.as_ptr()) != 0 }
    }

    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny> {
        static TYPES: PyOnceLock<Py<PyTuple>> = PyOnceLock::new();
        weakref_types(py, &TYPES, &["ProxyType", "CallableProxyType"])
    }
}

/// `PyWeakref_NewRef` / `PyWeakref_NewProxy` with an optional callback (`None` means none);
/// `T` is the type of reference that `make` creates.
fn new_weakref<'py, T>(
    object: &Bound<'py, PyAny>,
    callback: Option<Bound<'py, PyAny>>,
    make: unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject,
) -> PyResult<Bound<'py, T>> {
    let callback_ptr = match &callback {
        Some(cb) if !cb.is_none() => cb.as_ptr(),
        _ => std::ptr::null_mut(),
    };
    // SAFETY: attached; returns a new reference or NULL (e.g. TypeError for objects that do
    // not support weak references); the caller picks the `T` that `make` creates.
    unsafe {
        make(object.as_ptr(), callback_ptr)
            .assume_owned_or_err(object.py())
            .map(|r| r.cast_into_unchecked())
    }
}

/// Converts the `callback` argument of the `new_with` constructors.
fn callback_object<'py, C>(py: Python<'py>, callback: C) -> PyResult<Bound<'py, PyAny>>
where
    C: IntoPyObject<'py>,
{
    Ok(callback
        .into_pyobject(py)
        .map_err(Into::<PyErr>::into)?
        .into_any()
        .into_bound())
}

impl PyWeakrefReference {
    /// Creates `weakref.ref(object)` (a `TypeError` if the type does not support weak
    /// references).
    pub fn new<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyWeakrefReference>> {
        new_weakref(object, None, ffi::PyWeakref_NewRef)
    }

    /// Creates `weakref.ref(object, callback)`; `callback` (called with the reference when the
    /// object dies) may be `None`.
    pub fn new_with<'py, C>(
        object: &Bound<'py, PyAny>,
        callback: C,
    ) -> PyResult<Bound<'py, PyWeakrefReference>>
    where
        C: IntoPyObject<'py>,
    {
        let callback = callback_object(object.py(), callback)?;
        new_weakref(object, Some(callback), ffi::PyWeakref_NewRef)
    }
}

impl PyWeakrefProxy {
    /// Creates `weakref.proxy(object)` (a `TypeError` if the type does not support weak
    /// references).
    pub fn new<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyWeakrefProxy>> {
        new_weakref(object, None, ffi::PyWeakref_NewProxy)
    }

    /// Creates `weakref.proxy(object, callback)`; `callback` may be `None`.
    pub fn new_with<'py, C>(
        object: &Bound<'py, PyAny>,
        callback: C,
    ) -> PyResult<Bound<'py, PyWeakrefProxy>>
    where
        C: IntoPyObject<'py>,
    {
        let callback = callback_object(object.py(), callback)?;
        new_weakref(object, Some(callback), ffi::PyWeakref_NewProxy)
    }
}

/// Methods of weak references, implemented for `Bound<'py, PyWeakref>`,
/// `Bound<'py, PyWeakrefReference>` and `Bound<'py, PyWeakrefProxy>`.
pub trait PyWeakrefMethods<'py>: sealed::Sealed {
    /// The referent cast to `T`: `Ok(None)` if it is dead, an error if it is not a `T`.
    fn upgrade_as<T>(&self) -> PyResult<Option<Bound<'py, T>>>
    where
        T: PyTypeCheck,
    {
        self.upgrade()
            .map(|obj| obj.cast_into::<T>().map_err(Into::into))
            .transpose()
    }

    /// The referent cast to `T` without a check, or `None` if it is dead.
    ///
    /// # Safety
    /// The referent must be a `T`.
    unsafe fn upgrade_as_unchecked<T>(&self) -> Option<Bound<'py, T>> {
        // SAFETY: per the contract.
        self.upgrade()
            .map(|obj| unsafe { obj.cast_into_unchecked() })
    }

    /// The referent cast to exactly `T` (no subclasses): `Ok(None)` if it is dead.
    fn upgrade_as_exact<T>(&self) -> PyResult<Option<Bound<'py, T>>>
    where
        T: PyTypeInfo,
    {
        self.upgrade()
            .map(|obj| obj.cast_into_exact::<T>().map_err(Into::into))
            .transpose()
    }

    /// A strong reference to the referent, or `None` if it has been destroyed.
    fn upgrade(&self) -> Option<Bound<'py, PyAny>>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyWeakref> {}
    impl Sealed for crate::Bound<'_, super::PyWeakrefReference> {}
    impl Sealed for crate::Bound<'_, super::PyWeakrefProxy> {}
}

/// `PyWeakref_GetRef` on any weak reference object.
#[inline]
fn upgrade_weakref<'py>(reference: &Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    let py = reference.py();
    let mut obj = std::ptr::null_mut();
    // SAFETY: attached; `obj` receives a new reference or NULL.
    match unsafe { ffi::compat::PyWeakref_GetRef(reference.as_ptr(), &mut obj) } {
        // SAFETY: a new reference.
        1 => Some(unsafe { obj.assume_owned(py) }),
        0 => None,
        _ => panic!(
            "the weakref's referent could not be read: {}",
            PyErr::fetch(py)
        ),
    }
}

impl<'py> PyWeakrefMethods<'py> for Bound<'py, PyWeakref> {
    #[inline]
    fn upgrade(&self) -> Option<Bound<'py, PyAny>> {
        upgrade_weakref(self)
    }
}

impl<'py> PyWeakrefMethods<'py> for Bound<'py, PyWeakrefReference> {
    #[inline]
    fn upgrade(&self) -> Option<Bound<'py, PyAny>> {
        upgrade_weakref(self)
    }
}

impl<'py> PyWeakrefMethods<'py> for Bound<'py, PyWeakrefProxy> {
    #[inline]
    fn upgrade(&self) -> Option<Bound<'py, PyAny>> {
        upgrade_weakref(self)
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::{PyReferenceError, PyTypeError};
    use crate::types::PyString;

    fn new_object(py: Python<'_>) -> Bound<'_, PyAny> {
        py.eval(c"type('W', (), {})()", None, None).unwrap()
    }

    #[test]
    fn reference_lifecycle() {
        Python::attach(|py| {
            let obj = new_object(py);
            let r = PyWeakrefReference::new(&obj).unwrap();
            assert_eq!(obj.get_refcnt(), 1);
            let up = r.upgrade().unwrap();
            assert!(up.is(&obj));
            assert_eq!(obj.get_refcnt(), 2);
            drop(up);
            crate::test_common::assert_result_err::<crate::exceptions::PyTypeError, _>(
                py,
                r.upgrade_as::<PyString>(),
                "'W' object is not an instance of 'str'",
            );
            assert!(r.cast::<PyWeakref>().is_ok());
            drop(obj);
            assert!(r.upgrade().is_none());
            assert!(r.upgrade_as::<PyString>().unwrap().is_none());
            let err = PyWeakrefReference::new(&PyString::new(py, "s").into_any()).unwrap_err();
            crate::test_common::assert_err::<PyTypeError>(
                py,
                &err,
                "cannot create weak reference to 'str' object",
            );
        });
    }

    #[test]
    fn proxy_lifecycle() {
        Python::attach(|py| {
            let obj = new_object(py);
            obj.setattr("x", "attr").unwrap();
            let p = PyWeakrefProxy::new(&obj).unwrap();
            assert_eq!(p.getattr("x").unwrap().to_string(), "attr");
            assert!(p.upgrade().unwrap().is(&obj));
            // `weakproxy` / `weakref` on 3.9.
            let weakref = py.import("weakref").unwrap();
            let name = |attr: &str| {
                weakref
                    .getattr(attr)
                    .unwrap()
                    .getattr("__qualname__")
                    .unwrap()
                    .to_string()
            };
            crate::test_common::assert_result_err::<crate::exceptions::PyTypeError, _>(
                py,
                p.cast::<PyWeakrefReference>(),
                &format!(
                    "'{}' object is not an instance of '{}'",
                    name("ProxyType"),
                    name("ReferenceType")
                ),
            );
            drop(obj);
            assert!(p.upgrade().is_none());
            let err = p.getattr("x").unwrap_err();
            crate::test_common::assert_err::<PyReferenceError>(
                py,
                &err,
                "weakly-referenced object no longer exists",
            );
        });
    }
}
