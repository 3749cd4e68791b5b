#![cfg(feature = "auto-initialize")]
//! PyType: names, subclass checks, mro and bases.

mod common;

use pyo3::exceptions::{PyBaseException, PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString, PyTuple, PyType};

fn ev<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
    py.eval(code, None, None).unwrap()
}

#[test]
fn builtin_type_names() {
    Python::attach(|py| {
        let dict = PyType::new::<PyDict>(py);
        assert!(dict.is(ev(py, c"dict")));
        assert_eq!(dict.name().unwrap().to_string(), "dict");
        assert_eq!(dict.qualname().unwrap().to_string(), "dict");
        assert_eq!(dict.module().unwrap().to_string(), "builtins");
        assert_eq!(dict.fully_qualified_name().unwrap().to_string(), "dict");
        assert_eq!(dict.as_type_ptr(), dict.as_ptr().cast());
        let same = unsafe { PyType::from_borrowed_type_ptr(py, dict.as_type_ptr()) };
        assert!(same.is(&dict));

        let ordered = ev(py, c"__import__('collections').OrderedDict")
            .cast_into::<PyType>()
            .unwrap();
        assert_eq!(ordered.name().unwrap().to_string(), "OrderedDict");
        assert_eq!(ordered.module().unwrap().to_string(), "collections");
        assert_eq!(
            ordered.fully_qualified_name().unwrap().to_string(),
            "collections.OrderedDict"
        );
    });
}

#[test]
fn nested_and_main_names() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        globals.set_item("__name__", "__main__").unwrap();
        py.run(
            c"class Outer:\n    class Inner:\n        pass\n",
            Some(&globals),
            None,
        )
        .unwrap();
        let inner = py
            .eval(c"Outer.Inner", Some(&globals), None)
            .unwrap()
            .cast_into::<PyType>()
            .unwrap();
        assert_eq!(inner.name().unwrap().to_string(), "Inner");
        assert_eq!(inner.qualname().unwrap().to_string(), "Outer.Inner");
        assert_eq!(inner.module().unwrap().to_string(), "__main__");
        // `__main__` is omitted like `builtins`.
        assert_eq!(
            inner.fully_qualified_name().unwrap().to_string(),
            "Outer.Inner"
        );

        let custom = ev(py, c"type('Custom', (), {'__module__': 'pkg.mod'})")
            .cast_into::<PyType>()
            .unwrap();
        assert_eq!(
            custom.fully_qualified_name().unwrap().to_string(),
            "pkg.mod.Custom"
        );
    });
}

#[test]
fn subclass_checks() {
    Python::attach(|py| {
        let bool_type = PyType::new::<PyBool>(py);
        let int_type = ev(py, c"int");
        assert!(bool_type.is_subclass(&int_type).unwrap());
        assert!(!int_type
            .cast::<PyType>()
            .unwrap()
            .is_subclass(bool_type.as_any())
            .unwrap());
        assert!(bool_type.is_subclass(&bool_type).unwrap());
        let value_error = PyType::new::<PyValueError>(py);
        assert!(value_error.is_subclass_of::<PyException>().unwrap());
        assert!(value_error.is_subclass_of::<PyBaseException>().unwrap());
        assert!(!value_error.is_subclass_of::<PyTypeError>().unwrap());
        // A tuple of classes works like issubclass().
        let tuple = PyTuple::new(py, [int_type.clone(), value_error.into_any()]).unwrap();
        assert!(bool_type.is_subclass(tuple.as_any()).unwrap());
        // Non-class arguments are errors.
        let err = bool_type
            .is_subclass(PyString::new(py, "x").as_any())
            .unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            &common::python_message(py, c"issubclass(bool, 'x')"),
        );
        let expected = if py.version_info() >= (3, 10) {
            "TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union"
        } else {
            "TypeError: issubclass() arg 2 must be a class or tuple of classes"
        };
        assert_eq!(err.to_string(), expected);
    });
}

#[test]
fn mro_and_bases() {
    Python::attach(|py| {
        let bool_type = PyType::new::<PyBool>(py);
        assert_eq!(
            bool_type.mro().repr().unwrap().to_string(),
            "(<class 'bool'>, <class 'int'>, <class 'object'>)"
        );
        assert_eq!(
            bool_type.bases().repr().unwrap().to_string(),
            "(<class 'int'>,)"
        );
        let object = ev(py, c"object").cast_into::<PyType>().unwrap();
        assert_eq!(object.bases().len(), 0);
        let diamond = ev(
            py,
            c"(lambda A: type('D', (type('B', (A,), {}), type('C', (A,), {})), {}))(type('A', (), {}))",
        )
        .cast_into::<PyType>()
        .unwrap();
        let names: Vec<String> = diamond
            .mro()
            .iter()
            .map(|t| t.cast::<PyType>().unwrap().name().unwrap().to_string())
            .collect();
        assert_eq!(names, ["D", "B", "C", "A", "object"]);
        assert_eq!(diamond.bases().len(), 2);
    });
}

#[test]
fn refcounts() {
    Python::attach(|py| {
        let ty = ev(py, c"type('Fresh', (), {})")
            .cast_into::<PyType>()
            .unwrap();
        let before = ty.get_refcnt();
        let name = ty.name().unwrap();
        let qualname = ty.qualname().unwrap();
        let module = ty.module().unwrap();
        let full = ty.fully_qualified_name().unwrap();
        let mro = ty.mro();
        // `mro` returns the type's own `__mro__` tuple: no new reference to the type.
        assert_eq!(ty.get_refcnt(), before);
        assert!(mro.get_item(0).unwrap().is(&ty));
        drop((name, qualname, module, full, mro));
        assert_eq!(ty.get_refcnt(), before);
        assert!(ty.is_subclass(&ev(py, c"object")).unwrap());
        assert_eq!(ty.get_refcnt(), before);
    });
}
