//! Pins the calling convention of generated functions and methods, read from the `ml_flags` of
//! the `PyMethodDef` behind each function object or method descriptor: a silent change to a
//! slower convention (or a stray `METH_STATIC` on a module function) fails here.
#![cfg(all(feature = "macros", not(any(Py_LIMITED_API, PyPy, GraalPy))))]

use std::ffi::c_int;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

#[pyfunction]
fn two_args(a: i64, b: i64) -> i64 {
    a + b
}

#[pyfunction]
#[pyo3(signature = (x, /))]
fn one_positional_only(x: i64) -> i64 {
    x
}

#[pyfunction]
fn no_args() -> i64 {
    1
}

#[pyfunction]
#[pyo3(pass_module)]
fn with_module(m: &Bound<'_, PyModule>) -> PyResult<String> {
    Ok(m.name()?.to_string())
}

#[pyclass]
struct Convention;

#[pymethods]
impl Convention {
    #[new]
    fn new() -> Self {
        Convention
    }

    fn method(&self, a: i64) -> i64 {
        a
    }

    fn method_no_args(&self) -> i64 {
        2
    }

    #[staticmethod]
    fn static_one(a: i64) -> i64 {
        a
    }

    #[classmethod]
    fn class_one(_cls: &Bound<'_, PyType>, a: i64) -> i64 {
        a
    }
}

const FASTCALL_KW: c_int = ffi::METH_FASTCALL | ffi::METH_KEYWORDS;
/// Every calling-convention bit (the rest are binding flags: CLASS, STATIC, COEXIST, METHOD).
const CONVENTION_BITS: c_int =
    ffi::METH_VARARGS | ffi::METH_KEYWORDS | ffi::METH_NOARGS | ffi::METH_O | ffi::METH_FASTCALL;

/// `ml_flags` of a built-in function object.
fn cfunction_flags(f: &Bound<'_, PyAny>) -> c_int {
    unsafe {
        assert!(
            ffi::PyCFunction_Check(f.as_ptr()) != 0,
            "{f:?} is not a builtin function"
        );
        (*(*f.as_ptr().cast::<ffi::PyCFunctionObject>()).m_ml).ml_flags
    }
}

/// `ml_flags` of the method descriptor stored in the class's `__dict__` under `name`.
fn descriptor_flags(cls: &Bound<'_, PyType>, name: &str) -> c_int {
    let d = cls.getattr("__dict__").unwrap().get_item(name).unwrap();
    unsafe {
        let ty = ffi::Py_TYPE(d.as_ptr());
        assert!(
            ty == &raw mut ffi::PyMethodDescr_Type || ty == &raw mut ffi::PyClassMethodDescr_Type,
            "{name} is stored as {d:?}"
        );
        (*(*d.as_ptr().cast::<ffi::PyMethodDescrObject>()).d_method).ml_flags
    }
}

#[test]
fn module_functions() {
    Python::attach(|py| {
        let m = PyModule::new(py, "convention").unwrap();
        for f in [
            wrap_pyfunction!(two_args, &m).unwrap(),
            wrap_pyfunction!(one_positional_only, &m).unwrap(),
        ] {
            assert_eq!(cfunction_flags(f.as_any()), FASTCALL_KW, "{f:?}");
        }
        // No parameters (the module of `pass_module` is `self`, not an argument): METH_NOARGS.
        for f in [
            wrap_pyfunction!(no_args, &m).unwrap(),
            wrap_pyfunction!(with_module, &m).unwrap(),
        ] {
            assert_eq!(cfunction_flags(f.as_any()), ffi::METH_NOARGS, "{f:?}");
        }
        // A module function is bound to its module: never METH_STATIC / METH_CLASS.
        m.add_function(wrap_pyfunction!(two_args, &m).unwrap())
            .unwrap();
        let added = m.getattr("two_args").unwrap();
        assert_eq!(
            cfunction_flags(&added) & (ffi::METH_STATIC | ffi::METH_CLASS),
            0
        );
        assert!(added.getattr("__self__").unwrap().is(&m));
        // The flags are what CPython dispatches on: the calls work.
        let r: i64 = added.call1((2, 3)).unwrap().extract().unwrap();
        assert_eq!(r, 5);
    });
}

#[test]
fn methods() {
    Python::attach(|py| {
        let cls = py.get_type::<Convention>();
        assert_eq!(descriptor_flags(&cls, "method"), FASTCALL_KW);
        assert_eq!(
            descriptor_flags(&cls, "method_no_args") & CONVENTION_BITS,
            ffi::METH_NOARGS
        );
        let class_flags = descriptor_flags(&cls, "class_one");
        assert_eq!(class_flags & CONVENTION_BITS, FASTCALL_KW);
        assert_ne!(class_flags & ffi::METH_CLASS, 0);
        // A static method is stored as `staticmethod(builtin)`.
        let sm = cls
            .getattr("__dict__")
            .unwrap()
            .get_item("static_one")
            .unwrap();
        assert!(sm
            .get_type()
            .is(py.eval(c"staticmethod", None, None).unwrap()));
        let flags = cfunction_flags(&sm.getattr("__func__").unwrap());
        assert_eq!(flags & CONVENTION_BITS, FASTCALL_KW);
        assert_ne!(flags & ffi::METH_STATIC, 0);
        let locals = PyDict::new(py);
        locals.set_item("C", &cls).unwrap();
        let r: i64 = py
            .eval(
                c"C().method(1) + C.static_one(2) + C.class_one(3) + C().method_no_args()",
                None,
                Some(&locals),
            )
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(r, 8);
    });
}
