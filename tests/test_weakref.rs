#![cfg(feature = "auto-initialize")]
//! PyWeakref, PyWeakrefReference, PyWeakrefProxy and the upgrade APIs.

mod common;

use pyo3::exceptions::{PyReferenceError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyWeakref, PyWeakrefProxy, PyWeakrefReference};

fn instance<'py>(py: Python<'py>) -> Bound<'py, PyAny> {
    py.eval(
        c"type('Target', (), {'__call__': lambda self: 'called'})()",
        None,
        None,
    )
    .unwrap()
}

fn plain_instance<'py>(py: Python<'py>) -> Bound<'py, PyAny> {
    py.eval(c"type('Plain', (), {})()", None, None).unwrap()
}

#[test]
fn reference_upgrade_and_death() {
    Python::attach(|py| {
        let obj = plain_instance(py);
        let r = PyWeakrefReference::new(&obj).unwrap();
        // A weak reference does not keep the object alive.
        assert_eq!(obj.get_refcnt(), 1);
        assert!(r.is_exact_instance_of::<PyWeakrefReference>());
        let weakref = py.import("weakref").unwrap();
        assert!(r.get_type().is(weakref.getattr("ref").unwrap()));

        let strong = r.upgrade().unwrap();
        assert!(strong.is(&obj));
        assert_eq!(obj.get_refcnt(), 2);
        drop(strong);
        assert_eq!(obj.get_refcnt(), 1);

        let called = r.call0().unwrap();
        assert!(called.is(&obj));
        drop(called);

        drop(obj);
        assert!(r.upgrade().is_none());
        assert!(r.call0().unwrap().is_none());
        assert!(r.upgrade_as::<PyDict>().unwrap().is_none());
        assert!(r.upgrade_as_exact::<PyDict>().unwrap().is_none());
        assert!(unsafe { r.upgrade_as_unchecked::<PyAny>() }.is_none());
    });
}

#[test]
fn typed_upgrades() {
    Python::attach(|py| {
        let obj = py.eval(c"type('D', (dict,), {})()", None, None).unwrap();
        let r = PyWeakrefReference::new(&obj).unwrap();
        let as_dict = r.upgrade_as::<PyDict>().unwrap().unwrap();
        assert!(as_dict.is(&obj));
        let err = r.upgrade_as::<PyList>().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'D' object is not an instance of 'list'");
        assert_eq!(
            err.to_string(),
            "TypeError: 'D' object is not an instance of 'list'"
        );
        // A dict subclass is not exactly a dict.
        let err = r.upgrade_as_exact::<PyDict>().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'D' object is not an instance of 'dict'");
        let d = unsafe { r.upgrade_as_unchecked::<PyDict>() }.unwrap();
        assert_eq!(d.len(), 0);
        assert_eq!(obj.get_refcnt(), 3);
        drop((as_dict, d));
        assert_eq!(obj.get_refcnt(), 1);
    });
}

#[test]
fn reference_callbacks() {
    Python::attach(|py| {
        let log = py.eval(c"[]", None, None).unwrap();
        let callback = log.getattr("append").unwrap();
        let obj = plain_instance(py);
        let r = PyWeakrefReference::new_with(&obj, &callback).unwrap();
        assert_eq!(log.len().unwrap(), 0);
        drop(obj);
        assert_eq!(log.len().unwrap(), 1);
        assert!(log.call_method0("pop").unwrap().is(&r));
        log.call_method1("append", (true,)).unwrap();

        // `None` means no callback.
        let obj = plain_instance(py);
        let r2 = PyWeakrefReference::new_with(&obj, py.None()).unwrap();
        drop(obj);
        assert!(r2.upgrade().is_none());
        assert_eq!(log.len().unwrap(), 1);
    });
}

#[test]
fn proxies() {
    Python::attach(|py| {
        let obj = instance(py);
        obj.setattr("attr", "value").unwrap();
        let p = PyWeakrefProxy::new(&obj).unwrap();
        assert_eq!(obj.get_refcnt(), 1);
        assert_eq!(p.getattr("attr").unwrap().to_string(), "value");
        // A proxy to a callable object is itself callable.
        assert_eq!(p.call0().unwrap().to_string(), "called");
        let weakref = py.import("weakref").unwrap();
        assert!(p
            .get_type()
            .is(weakref.getattr("CallableProxyType").unwrap()));
        let up = p.upgrade().unwrap();
        assert!(up.is(&obj));
        drop(up);

        let plain = plain_instance(py);
        let p2 = PyWeakrefProxy::new(&plain).unwrap();
        assert!(p2.get_type().is(weakref.getattr("ProxyType").unwrap()));

        let log = py.eval(c"[]", None, None).unwrap();
        let p3 = PyWeakrefProxy::new_with(&plain, log.getattr("append").unwrap()).unwrap();
        drop(plain);
        assert!(p2.upgrade().is_none());
        assert!(p3.upgrade().is_none());
        assert_eq!(log.len().unwrap(), 1);
        let err = p2.getattr("anything").unwrap_err();
        common::assert_err::<PyReferenceError>(
            py,
            &err,
            "weakly-referenced object no longer exists",
        );
        assert_eq!(
            err.to_string(),
            "ReferenceError: weakly-referenced object no longer exists"
        );
        drop(obj);
        assert!(p.upgrade_as::<PyString>().unwrap().is_none());
    });
}

#[test]
fn casting_and_errors() {
    Python::attach(|py| {
        let obj = plain_instance(py);
        let r = PyWeakrefReference::new(&obj).unwrap();
        let p = PyWeakrefProxy::new(&obj).unwrap();
        let any_r = r.as_any();
        let any_p = p.as_any();
        let generic = any_r.cast::<PyWeakref>().unwrap();
        assert!(generic.upgrade().unwrap().is(&obj));
        assert!(any_p
            .cast::<PyWeakref>()
            .unwrap()
            .upgrade()
            .unwrap()
            .is(&obj));
        // The weakref types' names vary across versions (`weakproxy` / `weakref` on 3.9).
        let qualname = |attr: &str| -> String {
            let weakref = py.import("weakref").unwrap();
            let ty = weakref.getattr(attr).unwrap();
            ty.getattr("__qualname__").unwrap().to_string()
        };
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            any_p.cast::<PyWeakrefReference>(),
            &format!(
                "'{}' object is not an instance of '{}'",
                qualname("ProxyType"),
                qualname("ReferenceType")
            ),
        );
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            any_r.cast::<PyWeakrefProxy>(),
            &format!(
                "'{}' object is not an instance of '{} | {}'",
                qualname("ReferenceType"),
                qualname("ProxyType"),
                qualname("CallableProxyType")
            ),
        );
        let err = obj.cast::<PyWeakref>().unwrap_err();
        // The message names the three weakref types (their names vary across versions).
        let names = py
            .eval(
                c"' | '.join(t.__qualname__ for t in (__import__('weakref').ReferenceType, __import__('weakref').ProxyType, __import__('weakref').CallableProxyType))",
                None,
                None,
            )
            .unwrap();
        assert_eq!(
            err.to_string(),
            format!("'Plain' object is not an instance of '{names}'")
        );

        // Objects without weak reference support.
        let s = PyString::new(py, "no weakrefs");
        for err in [
            PyWeakrefReference::new(s.as_any()).unwrap_err(),
            PyWeakrefProxy::new(s.as_any()).unwrap_err(),
        ] {
            common::assert_err::<PyTypeError>(
                py,
                &err,
                "cannot create weak reference to 'str' object",
            );
            assert_eq!(
                err.to_string(),
                "TypeError: cannot create weak reference to 'str' object"
            );
        }
        // Weak references of the same object without callback are shared.
        let r2 = PyWeakrefReference::new(&obj).unwrap();
        assert!(r2.is(&r));
    });
}
