#![cfg(feature = "auto-initialize")]
//! Smart pointers: Bound, Borrowed, Py.

mod common;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

fn new_list(py: Python<'_>) -> Bound<'_, PyAny> {
    py.eval(c"[1, 2]", None, None).unwrap()
}

#[test]
fn refcounts() {
    Python::attach(|py| {
        let obj = new_list(py);
        assert_eq!(obj.get_refcnt(), 1);
        let clone = obj.clone();
        assert_eq!(obj.get_refcnt(), 2);
        drop(clone);
        assert_eq!(obj.get_refcnt(), 1);
        let unbound: Py<PyAny> = obj.clone().unbind();
        assert_eq!(unbound.get_refcnt(py), 2);
        let r2 = unbound.clone_ref(py);
        assert_eq!(obj.get_refcnt(), 3);
        drop(r2);
        unbound.drop_ref(py);
        assert_eq!(obj.get_refcnt(), 1);
        {
            let borrowed = obj.as_borrowed();
            assert_eq!(borrowed.get_refcnt(), 1);
            let owned = borrowed.to_owned();
            assert_eq!(owned.get_refcnt(), 2);
        }
        assert_eq!(obj.get_refcnt(), 1);
    });
}

#[test]
fn raw_pointer_round_trips() {
    Python::attach(|py| {
        let obj = new_list(py);
        let ptr = obj.clone().into_ptr();
        assert_eq!(obj.get_refcnt(), 2);
        let back = unsafe { Bound::from_owned_ptr(py, ptr) };
        assert!(back.is(&obj));
        drop(back);
        assert_eq!(obj.get_refcnt(), 1);

        let b = unsafe { Bound::from_borrowed_ptr(py, obj.as_ptr()) };
        assert_eq!(obj.get_refcnt(), 2);
        drop(b);
        assert!(unsafe { Bound::from_owned_ptr_or_opt(py, std::ptr::null_mut()) }.is_none());
        assert!(unsafe { Bound::from_borrowed_ptr_or_opt(py, std::ptr::null_mut()) }.is_none());

        // NULL with an error set gives that error.
        unsafe { ffi::PyErr_SetString(ffi::PyExc_ValueError, c"raw".as_ptr()) };
        let err = unsafe { Bound::from_owned_ptr_or_err(py, std::ptr::null_mut()) }.unwrap_err();
        assert_eq!(err.to_string(), "ValueError: raw");

        let p: Py<PyAny> = unsafe { Py::from_borrowed_ptr(py, obj.as_ptr()) };
        assert_eq!(obj.get_refcnt(), 2);
        let raw = p.into_ptr();
        let p2: Py<PyAny> = unsafe { Py::from_owned_ptr(py, raw) };
        assert!(p2.is(&obj));
        drop(p2);
        assert_eq!(obj.get_refcnt(), 1);

        let b = unsafe { pyo3::Borrowed::from_ptr(py, obj.as_ptr()) };
        assert!(b.is(&obj));
        assert_eq!(obj.get_refcnt(), 1);
    });
}

#[test]
fn casts() {
    Python::attach(|py| {
        let s = PyString::new(py, "hello").into_any();
        let as_str: &Bound<'_, PyString> = s.cast::<PyString>().unwrap();
        assert_eq!(as_str.to_cow().unwrap(), "hello");
        let err = s.cast::<PyDict>().unwrap_err();
        assert_eq!(err.to_string(), "'str' object is not an instance of 'dict'");
        let pyerr: PyErr = err.into();
        common::assert_err::<pyo3::exceptions::PyTypeError>(
            py,
            &pyerr,
            "'str' object is not an instance of 'dict'",
        );
        assert_eq!(
            pyerr.to_string(),
            "TypeError: 'str' object is not an instance of 'dict'"
        );

        let err = s.clone().cast_into::<PyTuple>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'str' object is not an instance of 'tuple'"
        );
        let recovered = err.into_inner();
        assert!(recovered.is(&s));

        assert!(s.cast_exact::<PyString>().is_ok());
        let sub = py.eval(c"type('S', (str,), {})('x')", None, None).unwrap();
        assert!(sub.cast::<PyString>().is_ok());
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            sub.cast_exact::<PyString>(),
            "'S' object is not an instance of 'str'",
        );
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            sub.clone().cast_into_exact::<PyString>(),
            "'S' object is not an instance of 'str'",
        );
        let _typed: Bound<'_, PyString> = unsafe { sub.cast_into_unchecked() };

        let borrowed = s.as_borrowed();
        assert!(borrowed.cast::<PyString>().is_ok());
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            borrowed.cast::<PyDict>(),
            "'str' object is not an instance of 'dict'",
        );

        let py_obj: Py<PyAny> = s.clone().unbind();
        assert!(py_obj.cast_bound::<PyString>(py).is_ok());
        let bound = py_obj.bind(py);
        assert!(bound.is(&s));
        let into_bound = py_obj.clone_ref(py).into_bound(py);
        assert!(into_bound.is(&s));
        let bb = py_obj.bind_borrowed(py);
        assert!(bb.is(&s));
    });
}

#[test]
fn display_and_debug() {
    Python::attach(|py| {
        let s = PyString::new(py, "hi");
        assert_eq!(format!("{s}"), "hi");
        assert_eq!(format!("{s:?}"), "'hi'");
        let p: Py<PyString> = s.clone().unbind();
        assert_eq!(format!("{p}"), "hi");
        let b = s.as_borrowed();
        assert_eq!(format!("{b} {b:?}"), "hi 'hi'");
    });
}

#[test]
fn display_unprintable() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            c"import sys\nclass Bad:\n    def __str__(self):\n        raise RuntimeError('nope')\n    def __repr__(self):\n        raise RuntimeError('nope')\nseen = []\nsys.unraisablehook = lambda u: seen.append(u)\nbad = Bad()",
            Some(&globals),
            None,
        )
        .unwrap();
        let bad = globals.get_item("bad").unwrap().unwrap();
        assert_eq!(format!("{bad}"), "<unprintable Bad object>");
        assert_eq!(format!("{bad:?}"), "<unprintable Bad object>");
        let seen = globals.get_item("seen").unwrap().unwrap();
        assert_eq!(seen.len().unwrap(), 2);
        assert!(!PyErr::occurred(py));
        py.run(
            c"sys.unraisablehook = sys.__unraisablehook__",
            Some(&globals),
            None,
        )
        .unwrap();
    });
}

#[test]
fn py_methods() {
    Python::attach(|py| {
        let obj: Py<PyAny> = py.eval(c"['c', 'a', 'b']", None, None).unwrap().unbind();
        obj.call_method0(py, "sort").unwrap();
        assert_eq!(obj.bind(py).str().unwrap(), "['a', 'b', 'c']");
        obj.call_method1(py, "append", ("d",)).unwrap();
        let len = obj.getattr(py, "__len__").unwrap().call0(py).unwrap();
        assert_eq!(len.bind(py).str().unwrap(), "4");
        let kwargs = PyDict::new(py);
        kwargs.set_item("reverse", true).unwrap();
        obj.call_method(py, "sort", (), Some(&kwargs)).unwrap();
        assert_eq!(obj.bind(py).str().unwrap(), "['d', 'c', 'b', 'a']");
        let ns: Py<PyAny> = py
            .eval(c"type('NS', (), {})()", None, None)
            .unwrap()
            .unbind();
        ns.setattr(py, "x", "value").unwrap();
        let x: String = ns.getattr(py, "x").unwrap().extract(py).unwrap();
        assert_eq!(x, "value");
        assert!(!obj.is_none(py));
        assert!(obj.is_truthy(py).unwrap());
        let f: Py<PyAny> = py
            .eval(c"lambda *a, **k: (a, k)", None, None)
            .unwrap()
            .unbind();
        let r = f.call(py, ("a", "b"), Some(&kwargs)).unwrap();
        assert_eq!(
            r.bind(py).repr().unwrap(),
            "(('a', 'b'), {'reverse': True})"
        );
        let r = f.call1(py, ("a",)).unwrap();
        assert_eq!(r.bind(py).repr().unwrap(), "(('a',), {})");
    });
}

// Runs only with `--features py-clone` (scripts/test-all.sh has a step for it).
#[cfg(feature = "py-clone")]
#[test]
fn py_clone_feature() {
    use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
    let obj = Python::attach(|py| {
        let obj: Py<PyAny> = py.eval(c"object()", None, None).unwrap().unbind();
        let c = obj.clone();
        assert!(c.is(&obj));
        assert_eq!(obj.get_refcnt(py), 2);
        drop(c);
        assert_eq!(obj.get_refcnt(py), 1);

        // The Python-backed containers clone by sharing the Python object.
        let s = PyString::new(py, "a backed string, not interned");
        let backed: PyBackedStr = s.extract().unwrap();
        let before = s.get_refcnt();
        let copy = backed.clone();
        assert_eq!(s.get_refcnt(), before + 1);
        assert_eq!(&*copy, "a backed string, not interned");
        drop(copy);
        assert_eq!(s.get_refcnt(), before);
        let b = pyo3::types::PyBytes::new(py, b"backed bytes");
        let backed: PyBackedBytes = b.extract().unwrap();
        let copy = backed.clone();
        assert_eq!(&*copy, b"backed bytes");
        assert_eq!(copy, backed);
        obj
    });
    // Detached: clone panics (no reference count is touched without the interpreter).
    common::assert_panics_with(
        "Cannot clone a `Py<T>` while the thread is not attached to the Python interpreter.",
        || obj.clone(),
    );
    Python::attach(|py| assert_eq!(obj.get_refcnt(py), 1));
}
