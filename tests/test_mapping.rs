#![cfg(feature = "auto-initialize")]
//! PyMapping (+ register) and PyMappingProxy.

mod common;

use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict, PyMapping, PyMappingProxy, PyString, PyType};
use pyo3::PyTypeInfo;

fn ev<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
    py.eval(code, None, None).unwrap()
}

#[test]
fn mapping_methods_on_dict() {
    Python::attach(|py| {
        let value = ev(py, c"object()");
        let any = ev(py, c"{}");
        let mapping = any.cast::<PyMapping>().unwrap();
        assert!(mapping.is_empty().unwrap());
        mapping.set_item("k", &value).unwrap();
        assert_eq!(value.get_refcnt(), 2);
        assert_eq!(mapping.len().unwrap(), 1);
        assert!(mapping.contains("k").unwrap());
        assert!(!mapping.contains("j").unwrap());
        let got = mapping.get_item("k").unwrap();
        assert!(got.is(&value));
        assert_eq!(value.get_refcnt(), 3);
        drop(got);
        let err = mapping.get_item("j").unwrap_err();
        common::assert_err::<PyKeyError>(py, &err, "'j'");
        assert_eq!(err.to_string(), "KeyError: 'j'");
        let keys = mapping.keys().unwrap();
        assert_eq!(keys.repr().unwrap().to_string(), "['k']");
        let values = mapping.values().unwrap();
        assert_eq!(value.get_refcnt(), 3);
        drop(values);
        let items = mapping.items().unwrap();
        assert_eq!(
            items.repr().unwrap().to_string(),
            format!("[('k', {})]", value.repr().unwrap())
        );
        drop(items);
        mapping.del_item("k").unwrap();
        assert_eq!(value.get_refcnt(), 1);
        let err = mapping.del_item("k").unwrap_err();
        common::assert_err::<PyKeyError>(py, &err, "'k'");
    });
}

#[test]
fn mapping_type_check() {
    Python::attach(|py| {
        assert!(ev(py, c"{}").cast::<PyMapping>().is_ok());
        assert!(ev(py, c"__import__('collections').OrderedDict()")
            .cast::<PyMapping>()
            .is_ok());
        assert!(ev(py, c"type('C', (), {}).__dict__")
            .cast::<PyMapping>()
            .is_ok());
        for (code, message) in [
            (c"[]", "'list' object is not an instance of 'Mapping'"),
            (c"()", "'tuple' object is not an instance of 'Mapping'"),
            (c"'s'", "'str' object is not an instance of 'Mapping'"),
            (c"None", "'None' is not an instance of 'Mapping'"),
        ] {
            common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
                py,
                ev(py, code).cast::<PyMapping>(),
                message,
            );
        }
        let err: PyErr = ev(py, c"[1]").cast_into::<PyMapping>().unwrap_err().into();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'list' object is not an instance of 'Mapping'",
        );
        assert_eq!(
            err.to_string(),
            "TypeError: 'list' object is not an instance of 'Mapping'"
        );
    });
}

/// A Rust-side name for a Python class defined at runtime, to test `PyMapping::register`.
struct Custom;

unsafe impl PyTypeInfo for Custom {
    fn type_object_raw(py: Python<'_>) -> *mut pyo3::ffi::PyTypeObject {
        static TYPE: pyo3::sync::PyOnceLock<Py<PyType>> = pyo3::sync::PyOnceLock::new();
        TYPE.get_or_init(py, || {
            py.eval(
                c"type('CustomMapping', (), {'__getitem__': lambda s, k: k * 2, '__len__': lambda s: 3, 'keys': lambda s: ['a', 'b', 'c']})",
                None,
                None,
            )
            .unwrap()
            .cast_into::<PyType>()
            .unwrap()
            .unbind()
        })
        .as_ptr()
        .cast()
    }
}

#[test]
fn mapping_register() {
    Python::attach(|py| {
        let ty = Custom::type_object(py);
        let instance = ty.call0().unwrap();
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            instance.cast::<PyMapping>(),
            "'CustomMapping' object is not an instance of 'Mapping'",
        );
        PyMapping::register::<Custom>(py).unwrap();
        let mapping = instance.cast::<PyMapping>().unwrap();
        assert_eq!(mapping.len().unwrap(), 3);
        assert_eq!(mapping.get_item("x").unwrap().to_string(), "xx");
        assert_eq!(
            mapping.keys().unwrap().repr().unwrap().to_string(),
            "['a', 'b', 'c']"
        );
        // Registering again is harmless.
        PyMapping::register::<Custom>(py).unwrap();
    });
}

#[test]
fn mappingproxy() {
    Python::attach(|py| {
        let value = ev(py, c"object()");
        let dict = PyDict::new(py);
        dict.set_item("a", &value).unwrap();
        let proxy = PyMappingProxy::new(py, dict.as_mapping());
        assert_eq!(dict.get_refcnt(), 2);
        assert!(proxy.is_exact_instance_of::<PyMappingProxy>());
        assert!(!proxy.is_empty().unwrap());
        assert_eq!(proxy.keys().unwrap().repr().unwrap().to_string(), "['a']");
        assert_eq!(proxy.values().unwrap().as_any().len().unwrap(), 1);
        assert_eq!(proxy.items().unwrap().as_any().len().unwrap(), 1);
        let pairs: Vec<_> = proxy.try_iter().unwrap().map(Result::unwrap).collect();
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].0.extract::<String>().unwrap(), "a");
        assert!(pairs[0].1.is(&value));
        drop(pairs);
        assert_eq!(value.get_refcnt(), 2);
        assert_eq!(proxy.as_mapping().len().unwrap(), 1);
        // Read-only.
        let err = proxy.as_mapping().set_item("b", "c").unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'mappingproxy' object does not support item assignment",
        );
        assert_eq!(
            err.to_string(),
            "TypeError: 'mappingproxy' object does not support item assignment"
        );
        // Live view of the dict.
        dict.set_item("b", "later").unwrap();
        assert_eq!(proxy.as_mapping().len().unwrap(), 2);
        drop(proxy);
        assert_eq!(dict.get_refcnt(), 1);

        let empty = PyMappingProxy::new(py, PyDict::new(py).as_mapping());
        assert!(empty.is_empty().unwrap());
        assert_eq!(empty.try_iter().unwrap().count(), 0);

        // A class __dict__ is a mappingproxy.
        let class_dict = ev(py, c"int.__dict__");
        assert!(class_dict.cast::<PyMappingProxy>().is_ok());
        let d = ev(py, c"{}");
        let err = d.cast::<PyMappingProxy>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'dict' object is not an instance of 'mappingproxy'"
        );
        let kw = [("x", PyString::new(py, "y"))].into_py_dict(py).unwrap();
        let proxy = PyMappingProxy::new(py, kw.as_mapping());
        assert_eq!(proxy.as_mapping().get_item("x").unwrap().to_string(), "y");
    });
}
