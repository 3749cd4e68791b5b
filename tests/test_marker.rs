#![cfg(feature = "auto-initialize")]
//! `Python` token: attach, version, eval/run, import, singletons.

mod common;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyNone, PyString, PyType};

#[test]
fn attach_and_nested_attach() {
    Python::attach(|py| {
        let a = py.eval(c"1 + 1", None, None).unwrap();
        Python::attach(|py2| {
            let b = py2.eval(c"2", None, None).unwrap();
            assert!(a.eq(&b).unwrap());
        });
    });
}

#[test]
fn try_attach_when_initialized() {
    Python::initialize();
    assert_eq!(Python::try_attach(|_py| 5), Some(5));
}

#[test]
fn version_info_matches_sys() {
    Python::attach(|py| {
        let info = py.version_info();
        let sys = py.import("sys").unwrap();
        let vi = sys.getattr("version_info").unwrap();
        let major: String = vi
            .getattr("major")
            .unwrap()
            .str()
            .unwrap()
            .extract()
            .unwrap();
        let minor: String = vi
            .getattr("minor")
            .unwrap()
            .str()
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(major, info.major.to_string());
        assert_eq!(minor, info.minor.to_string());
        assert!(info >= (3, 9));
        assert!(info < (4, 0));
        assert!(info >= (3, 9, 0));
        let version: String = sys.getattr("version").unwrap().extract().unwrap();
        assert_eq!(py.version(), version);
    });
}

#[test]
fn eval_and_run_with_globals() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(c"x = 40\ny = x + 2", Some(&globals), None).unwrap();
        let y = globals.get_item("y").unwrap().unwrap();
        assert_eq!(y.str().unwrap(), "42");
        assert!(globals.contains("__builtins__").unwrap());
        let r = py
            .eval(c"len([1, 2, 3]) + y", Some(&globals), None)
            .unwrap();
        assert_eq!(r.str().unwrap(), "45");

        let locals = PyDict::new(py);
        py.run(c"z = 'local'", Some(&globals), Some(&locals))
            .unwrap();
        assert!(locals.contains("z").unwrap());
        assert!(!globals.contains("z").unwrap());
    });
}

#[test]
fn eval_syntax_error() {
    Python::attach(|py| {
        let err = py.eval(c"1 +", None, None).unwrap_err();
        common::assert_err::<pyo3::exceptions::PySyntaxError>(
            py,
            &err,
            &common::python_message(py, c"compile('1 +', '<string>', 'eval')"),
        );
        let err = py.run(c"raise ValueError('boom')", None, None).unwrap_err();
        assert_eq!(err.to_string(), "ValueError: boom");
    });
}

#[test]
fn singletons() {
    Python::attach(|py| {
        assert!(py.None().is_none(py));
        assert!(py.None().bind(py).is_instance_of::<PyNone>());
        assert_eq!(py.Ellipsis().bind(py).repr().unwrap(), "Ellipsis");
        assert_eq!(
            py.NotImplemented().bind(py).repr().unwrap(),
            "NotImplemented"
        );
        assert!(py
            .get_type::<PyString>()
            .is(py.eval(c"str", None, None).unwrap()));
        assert_eq!(py.get_type::<PyType>().name().unwrap(), "type");
    });
}

#[test]
fn import_error() {
    Python::attach(|py| {
        let err = py.import("no_such_module_xyz").unwrap_err();
        common::assert_err::<pyo3::exceptions::PyModuleNotFoundError>(
            py,
            &err,
            "No module named 'no_such_module_xyz'",
        );
        assert_eq!(
            err.to_string(),
            "ModuleNotFoundError: No module named 'no_such_module_xyz'"
        );
        let m = py.import("math").unwrap();
        assert_eq!(m.name().unwrap(), "math");
    });
}

#[test]
fn check_signals_ok() {
    Python::attach(|py| assert!(py.check_signals().is_ok()));
}

#[test]
fn detach_runs_closure_and_reattaches() {
    Python::attach(|py| {
        let v = py.detach(|| 7);
        assert_eq!(v, 7);
        // Still usable after re-attaching.
        assert!(py.eval(c"1", None, None).is_ok());
    });
}

#[test]
fn detach_restores_on_panic() {
    Python::attach(|py| {
        common::assert_panics_with("inside detach", || {
            py.detach(|| panic!("inside detach"));
        });
        assert!(py.eval(c"1 + 1", None, None).is_ok());
    });
}
