#![cfg(feature = "auto-initialize")]
//! PyModule: creation, import, from_code, namespace helpers.

mod common;

use pyo3::exceptions::{
    PyAttributeError, PyImportError, PyModuleNotFoundError, PySyntaxError, PySystemError,
    PyTypeError, PyZeroDivisionError,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

#[test]
fn new_module() {
    Python::attach(|py| {
        let m = PyModule::new(py, "fresh_module").unwrap();
        assert_eq!(m.get_refcnt(), 1);
        assert_eq!(m.name().unwrap().to_string(), "fresh_module");
        assert_eq!(m.getattr("__name__").unwrap().to_string(), "fresh_module");
        assert!(m.getattr("__doc__").unwrap().is_none());
        let dict = m.dict();
        assert!(dict.is_exact_instance_of::<PyDict>());
        assert!(dict.is(m.getattr("__dict__").unwrap()));
        assert!(dict.contains("__name__").unwrap());
        // Not registered in sys.modules.
        let modules = py.import("sys").unwrap().getattr("modules").unwrap();
        assert!(!modules.contains("fresh_module").unwrap());
        // The name is passed as a Python string, so it may contain NUL.
        let m = PyModule::new(py, "nul\0name").unwrap();
        assert_eq!(m.name().unwrap().to_string(), "nul\0name");
    });
}

#[test]
fn import_modules() {
    Python::attach(|py| {
        let os = PyModule::import(py, "os").unwrap();
        assert_eq!(os.name().unwrap().to_string(), "os");
        let abc = PyModule::import(py, "collections.abc").unwrap();
        assert_eq!(abc.name().unwrap().to_string(), "collections.abc");
        let name = PyString::new(py, "json");
        let json = PyModule::import(py, &name).unwrap();
        assert!(json.hasattr("dumps").unwrap());
        assert!(py.import("json").unwrap().is(&json));

        let err = PyModule::import(py, "no_such_module_xyz").unwrap_err();
        common::assert_err::<PyModuleNotFoundError>(
            py,
            &err,
            "No module named 'no_such_module_xyz'",
        );
        assert!(err.is_instance_of::<PyImportError>(py));
        assert_eq!(
            err.to_string(),
            "ModuleNotFoundError: No module named 'no_such_module_xyz'"
        );
    });
}

#[test]
fn from_code_runs_and_registers() {
    Python::attach(|py| {
        let m = PyModule::from_code(
            py,
            c"X = 40 + 2\ndef f(a):\n    return [a, __name__]\n",
            c"from_code_file.py",
            c"from_code_mod",
        )
        .unwrap();
        assert_eq!(m.name().unwrap().to_string(), "from_code_mod");
        assert_eq!(m.filename().unwrap().to_string(), "from_code_file.py");
        assert_eq!(m.getattr("X").unwrap().repr().unwrap().to_string(), "42");
        let result = m.getattr("f").unwrap().call1(("arg",)).unwrap();
        assert_eq!(
            result.repr().unwrap().to_string(),
            "['arg', 'from_code_mod']"
        );
        // It is importable afterwards.
        let again = py.import("from_code_mod").unwrap();
        assert!(again.is(&m));

        // An empty file name is allowed.
        let m = PyModule::from_code(py, c"Y = 1", c"", c"from_code_anon").unwrap();
        assert!(m.hasattr("Y").unwrap());
    });
}

#[test]
fn from_code_errors() {
    Python::attach(|py| {
        let err = PyModule::from_code(py, c"def broken(:\n", c"bad.py", c"bad_mod").unwrap_err();
        let expected = common::python_message(py, c"compile('def broken(:\\n', 'bad.py', 'exec')");
        common::assert_err::<PySyntaxError>(py, &err, &expected);
        let err = PyModule::from_code(py, c"x = 1 / 0\n", c"zero.py", c"zero_mod").unwrap_err();
        common::assert_err::<PyZeroDivisionError>(py, &err, "division by zero");
        assert_eq!(err.to_string(), "ZeroDivisionError: division by zero");
        // A failed module is not left in sys.modules.
        let modules = py.import("sys").unwrap().getattr("modules").unwrap();
        assert!(!modules.contains("zero_mod").unwrap());
    });
}

#[test]
fn index_and_add() {
    Python::attach(|py| {
        let m = PyModule::new(py, "index_mod").unwrap();
        assert!(!m.hasattr("__all__").unwrap());
        let index = m.index().unwrap();
        assert!(index.is_exact_instance_of::<PyList>());
        assert_eq!(index.as_any().len().unwrap(), 0);
        assert!(m.getattr("__all__").unwrap().is(&index));

        let value = py.eval(c"object()", None, None).unwrap();
        m.add("value", &value).unwrap();
        assert_eq!(value.get_refcnt(), 2);
        assert!(m.getattr("value").unwrap().is(&value));
        m.add(PyString::new(py, "text"), "hello").unwrap();
        assert_eq!(index.repr().unwrap().to_string(), "['value', 'text']");
        assert_eq!(m.getattr("text").unwrap().to_string(), "hello");

        // Using a name twice lists it twice (as PyO3 does) and rebinds it.
        m.add("text", "again").unwrap();
        assert_eq!(index.as_any().len().unwrap(), 3);
        assert_eq!(m.getattr("text").unwrap().to_string(), "again");

        m.setattr("__all__", ("a",)).unwrap();
        let err = m.index().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'tuple' object is not an instance of 'list'");
        assert_eq!(
            err.to_string(),
            "TypeError: 'tuple' object is not an instance of 'list'"
        );
        let err = m.add("b", "c").unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'tuple' object is not an instance of 'list'");
        assert!(!m.hasattr("b").unwrap());
        drop(m);
        assert_eq!(value.get_refcnt(), 1);
    });
}

#[test]
fn add_submodule() {
    Python::attach(|py| {
        let parent = PyModule::new(py, "parent").unwrap();
        let child = PyModule::new(py, "child").unwrap();
        parent.add_submodule(&child).unwrap();
        assert_eq!(child.get_refcnt(), 2);
        assert!(parent.getattr("child").unwrap().is(&child));
        assert_eq!(
            parent.index().unwrap().repr().unwrap().to_string(),
            "['child']"
        );
    });
}

#[test]
fn add_submodule_with_dotted_name_uses_last_part() {
    Python::attach(|py| {
        let outer = PyModule::new(py, "outer").unwrap();
        let middle = PyModule::new(py, "outer.middle").unwrap();
        let inner = PyModule::new(py, "outer.middle.inner").unwrap();
        middle.add_submodule(&inner).unwrap();
        outer.add_submodule(&middle).unwrap();
        let d = PyDict::new(py);
        d.set_item("outer", &outer).unwrap();
        let check = |expr: &str| {
            let c = std::ffi::CString::new(expr).unwrap();
            let v = py.eval(&c, None, Some(&d)).unwrap();
            assert!(v.extract::<bool>().unwrap(), "{expr}");
        };
        check("outer.middle.inner.__name__ == 'outer.middle.inner'");
        check("outer.middle.__name__ == 'outer.middle'");
        check("'middle' in outer.__dict__ and 'outer.middle' not in outer.__dict__");
        check("'inner' in outer.middle.__dict__");
        check("outer.__all__ == ['middle'] and outer.middle.__all__ == ['inner']");
    });
}

#[test]
fn name_and_filename_errors() {
    Python::attach(|py| {
        let m = PyModule::new(py, "nofile").unwrap();
        let err = m.filename().unwrap_err();
        common::assert_err::<PySystemError>(py, &err, "module filename missing");
        assert_eq!(err.to_string(), "SystemError: module filename missing");
        m.dict().del_item("__name__").unwrap();
        let err = m.name().unwrap_err();
        common::assert_err::<PySystemError>(py, &err, "nameless module");
        assert_eq!(err.to_string(), "SystemError: nameless module");
        let err = m.getattr("missing").unwrap_err();
        common::assert_err::<PyAttributeError>(py, &err, "module has no attribute 'missing'");
        let os = py.import("os").unwrap();
        assert!(os.filename().unwrap().to_string().ends_with("os.py"));
    });
}

#[test]
fn gil_used_is_accepted() {
    Python::attach(|py| {
        let m = PyModule::new(py, "gil_mod").unwrap();
        m.gil_used(true).unwrap();
        m.gil_used(false).unwrap();
    });
}

#[test]
fn add_function() {
    use pyo3::types::{PyCFunction, PyDict, PyTuple};
    Python::attach(|py| {
        let m = PyModule::new(py, "fn_mod").unwrap();
        let f = PyCFunction::new_closure(
            py,
            Some(c"shout"),
            None,
            |args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>| -> PyResult<String> {
                Ok(args.get_item(0)?.extract::<String>()?.to_uppercase())
            },
        )
        .unwrap();
        m.add_function(f.clone()).unwrap();
        assert_eq!(f.get_refcnt(), 2);
        assert!(m.getattr("shout").unwrap().is(&f));
        assert_eq!(m.index().unwrap().repr().unwrap().to_string(), "['shout']");
        let out = m.getattr("shout").unwrap().call1(("hey",)).unwrap();
        assert_eq!(out.to_string(), "HEY");
        drop(m);
        assert_eq!(f.get_refcnt(), 1);
    });
}
