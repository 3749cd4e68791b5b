//! `#[pymodule]` (function and declarative forms), `wrap_pymodule!`, `py_run!`.
#![cfg(all(feature = "macros", feature = "auto-initialize"))]

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyModule};
use pyo3::{py_run, pyfunction, pymodule, wrap_pyfunction, wrap_pymodule};

fn run_with(py: Python<'_>, name: &str, obj: &Bound<'_, PyAny>, code: &str) {
    let locals = PyDict::new(py);
    locals.set_item(name, obj).unwrap();
    let code = std::ffi::CString::new(code).unwrap();
    if let Err(e) = py.run(&code, None, Some(&locals)) {
        e.print(py);
        panic!("python code failed: {e}");
    }
}

#[pyfunction]
fn double(x: &str) -> String {
    format!("{x}{x}")
}

/// A module written as a function.
#[pymodule]
fn function_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.setattr("double", wrap_pyfunction!(double, m)?)?;
    m.setattr("answer", true)?;
    Ok(())
}

#[pymodule]
#[pyo3(name = "renamed_module")]
fn function_module_py(_py: Python<'_>, m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.setattr("ok", true)
}

#[pymodule(submodule)]
mod external_sub {
    #[pyo3::pyfunction]
    fn hello() -> bool {
        true
    }
}

pyo3::create_exception!(declarative, DeclError, pyo3::exceptions::PyException);

/// A declarative module.
#[pymodule]
mod declarative {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::DeclError;

    #[pymodule_export]
    use pyo3::exceptions::PyValueError as ReexportedValueError;

    #[pymodule_export]
    use super::double;

    #[pymodule_export]
    use super::external_sub;

    #[pymodule_export]
    const FLAG: bool = true;

    #[pyfunction]
    #[pyo3(pass_module)]
    fn where_am_i(m: &Bound<'_, PyModule>) -> PyResult<String> {
        Ok(m.getattr("__name__")?.str()?.to_string())
    }

    /// Nested docs.
    #[pymodule]
    mod inner {
        #[pymodule_export]
        const INNER: bool = false;
    }

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.setattr("initialised", true)
    }
}

#[test]
fn function_form() {
    Python::attach(|py| {
        let m = wrap_pymodule!(function_module)(py);
        let m = m.bind(py);
        run_with(
            py,
            "m",
            m.as_any(),
            "assert m.__name__ == 'function_module'\n\
             assert m.__doc__ == 'A module written as a function.'\n\
             assert m.double('ab') == 'abab'\n\
             assert m.double.__module__ == 'function_module'\n\
             assert m.answer is True\n",
        );
        let m = wrap_pymodule!(function_module_py)(py);
        run_with(
            py,
            "m",
            m.bind(py).as_any(),
            "assert m.__name__ == 'renamed_module'; assert m.ok",
        );
    });
}

#[test]
fn declarative_form() {
    Python::attach(|py| {
        let m = wrap_pymodule!(declarative)(py);
        run_with(
            py,
            "m",
            m.bind(py).as_any(),
            "assert m.__name__ == 'declarative'\n\
             assert m.__doc__ == 'A declarative module.'\n\
             assert m.double('x') == 'xx'\n\
             assert m.FLAG is True\n\
             assert m.where_am_i() == 'declarative'\n\
             assert m.initialised is True\n\
             assert m.external_sub.hello() is True\n\
             assert m.external_sub.__name__ == 'external_sub'\n\
             assert m.inner.INNER is False\n\
             assert m.inner.__name__ == 'declarative.inner', m.inner.__name__\n\
             assert m.inner.__doc__ == 'Nested docs.'\n\
             assert issubclass(m.DeclError, Exception) and m.DeclError.__module__ == 'declarative'\n\
             assert m.ValueError is ValueError\n\
             import sys\n\
             assert 'declarative.inner' not in sys.modules  # as in PyO3: not registered\n",
        );
    });
}

/// Everything a declarative module exports is listed in `__all__` (as `PyModule::add` lists
/// what it adds), so `from module import *` brings all of it: functions, classes, constants,
/// submodules. (maturin's generated `__init__.py` re-exports a module with `import *`.)
#[test]
fn declarative_exports_are_in_all() {
    Python::attach(|py| {
        let m = wrap_pymodule!(declarative)(py);
        run_with(
            py,
            "m",
            m.bind(py).as_any(),
            "assert sorted(m.__all__) == sorted(['DeclError', 'ValueError', 'double', \
             'external_sub', 'FLAG', 'where_am_i', 'inner']), m.__all__\n\
             assert m.inner.__all__ == ['INNER'], m.inner.__all__\n\
             # PyO3's order: functions, classes, `use` exports and submodules, then constants\n\
             assert m.__all__ == ['DeclError', 'ValueError', 'double', 'external_sub', \
             'where_am_i', 'inner', 'FLAG'], m.__all__\n\
             import sys\n\
             sys.modules.setdefault('declarative', m)\n\
             ns = {}\n\
             exec('from declarative import *', ns)\n\
             assert ns['where_am_i']() == 'declarative' and ns['FLAG'] is True\n",
        );
    });
}

#[test]
fn py_run_macro() {
    Python::attach(|py| {
        let flag = true;
        let f = wrap_pyfunction!(double)(py).unwrap();
        py_run!(py, flag f, "assert flag is True\nassert f('q') == 'qq'");
        py_run!(
            py,
            flag,
            r#"
            x = flag
            assert x
            "#
        );
        let d = PyDict::new(py);
        d.set_item("z", "one").unwrap();
        py_run!(py, *d, "assert z == 'one'");
    });
}

#[test]
// py_run! prints the traceback and panics with the code that failed.
#[should_panic(expected = "assert flag")]
fn py_run_panics_on_error() {
    Python::attach(|py| {
        let flag = false;
        py_run!(py, flag, "assert flag");
    });
}

/// A function-form module whose functions are declared in its own body (visible only there:
/// with `experimental-inspect`, part of `full`, the module's metadata must be emitted in the
/// body too for their names to resolve).
#[pymodule]
#[pyo3(name = "with_local_items")]
fn module_with_local_items(m: &Bound<'_, PyModule>) -> PyResult<()> {
    #[pyfunction]
    #[pyo3(name = "renamed_local")]
    fn local() -> i64 {
        7
    }
    #[pyfunction]
    fn other_local(x: i64) -> i64 {
        x + 1
    }
    m.add_function(wrap_pyfunction!(local, m)?)?;
    m.add_function(wrap_pyfunction!(other_local, m)?)?;
    Ok(())
}

#[test]
fn function_module_with_local_functions() {
    Python::attach(|py| {
        let m = wrap_pymodule!(module_with_local_items)(py);
        run_with(
            py,
            "m",
            m.bind(py).as_any(),
            "assert m.__name__ == 'with_local_items'\n\
             assert m.renamed_local() == 7 and m.other_local(1) == 2\n\
             assert m.__all__ == ['renamed_local', 'other_local'], m.__all__\n",
        );
    });
}
