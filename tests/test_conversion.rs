#![cfg(feature = "auto-initialize")]
//! IntoPyObject / FromPyObject / BoundObject for the smart pointers, (), Option.

use pyo3::conversion::BoundObject;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use pyo3::{Borrowed, IntoPyObjectExt};

#[test]
fn smart_pointers_into_pyobject() {
    Python::attach(|py| {
        // Not a one-character string: those are cached singletons whose count moves elsewhere.
        let s = PyString::new(py, "smart pointer test");
        let before = s.get_refcnt();
        // `&Bound` converts to a `Borrowed`: no new reference.
        let borrowed: Borrowed<'_, '_, PyString> = (&s).into_pyobject(py).unwrap();
        assert!(borrowed.is(&s));
        assert_eq!(s.get_refcnt(), before);
        let unbound: Py<PyString> = s.clone().unbind();
        assert_eq!(s.get_refcnt(), before + 1);
        // `&Py` also converts without a new reference; `Py` by value hands its reference over.
        let from_ref = (&unbound).into_pyobject(py).unwrap();
        assert!(from_ref.is(&s));
        assert_eq!(s.get_refcnt(), before + 1);
        let owned: Bound<'_, PyString> = unbound.into_pyobject(py).unwrap();
        assert!(owned.is(&s));
        assert_eq!(s.get_refcnt(), before + 1);
        drop(owned);
        assert_eq!(s.get_refcnt(), before);
        let any = s.clone().into_bound_py_any(py).unwrap();
        assert!(any.is(&s));
        let any: Py<PyAny> = "text".into_py_any(py).unwrap();
        assert_eq!(any.bind(py).str().unwrap(), "text");
        let out = "x".into_pyobject_or_pyerr(py).unwrap();
        assert_eq!(out, "x");
        // BoundObject: `into_bound` of a borrowed takes a new reference, `into_ptr` too.
        let before = s.get_refcnt();
        let b = borrowed.into_bound();
        assert!(b.is(&s));
        assert_eq!(s.get_refcnt(), before + 1);
        drop(b);
        let ptr = BoundObject::into_ptr(s.as_borrowed());
        assert_eq!(s.get_refcnt(), before + 1);
        unsafe { pyo3::ffi::Py_DecRef(ptr) };
        assert_eq!(s.get_refcnt(), before);
        let u: Py<PyString> = BoundObject::unbind(s.clone());
        assert!(u.is(&s));
    });
}

#[test]
fn unit_and_option() {
    Python::attach(|py| {
        let unit = ().into_pyobject(py).unwrap();
        assert!(unit.is_empty());
        let none = None::<&str>.into_pyobject(py).unwrap();
        assert!(none.is_none());
        let some = Some("v").into_pyobject(py).unwrap();
        assert_eq!(some.str().unwrap(), "v");
        let opt: Option<String> = Some(String::from("w"));
        assert_eq!((&opt).into_pyobject(py).unwrap().str().unwrap(), "w");
    });
}

#[test]
fn extract_smart_pointers() {
    Python::attach(|py| {
        let obj = PyString::new(py, "e").into_any();
        let b: Bound<'_, PyString> = obj.extract().unwrap();
        assert!(b.is(&obj));
        let p: Py<PyString> = obj.extract().unwrap();
        assert!(p.is(&obj));
        let bw: Borrowed<'_, '_, PyString> = obj.extract().unwrap();
        assert!(bw.is(&obj));
        let any: Bound<'_, PyAny> = obj.extract().unwrap();
        assert!(any.is(&obj));
        let err = obj.extract::<Bound<'_, PyDict>>().unwrap_err();
        assert_eq!(err.to_string(), "'str' object is not an instance of 'dict'");
        let p: Py<PyAny> = obj.clone().unbind();
        let s: String = p.extract(py).unwrap();
        assert_eq!(s, "e");
        let t: Bound<'_, PyTuple> = ("a", "b").into_pyobject(py).unwrap();
        let pair: (Bound<'_, PyString>, Py<PyAny>) = t.extract().unwrap();
        assert_eq!(pair.0, "a");
    });
}
