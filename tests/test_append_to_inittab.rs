//! `append_to_inittab!` then import: the full multi-phase initialisation path (`PyInit_`,
//! `Py_mod_exec`) through the interpreter's import system. Own test binary: the module table
//! must be filled before the interpreter starts.
#![cfg(all(feature = "macros", feature = "auto-initialize"))]

use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::{append_to_inittab, pymodule};

#[pymodule]
mod embedded_module {
    use pyo3::prelude::*;

    #[pyfunction]
    fn answer() -> bool {
        true
    }

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.setattr(
            "exec_count",
            m.py().import("builtins")?.getattr("len")?.call1(("x",))?,
        )
    }
}

#[pymodule]
fn embedded_fn_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.setattr("kind", "function")
}

#[test]
fn import_appended_modules() {
    append_to_inittab!(embedded_module);
    append_to_inittab!(embedded_fn_module);
    Python::attach(|py| {
        let locals = PyDict::new(py);
        let code = r#"
import embedded_module, embedded_fn_module, sys
assert embedded_module.answer() is True
assert embedded_module.__name__ == 'embedded_module'
assert embedded_module.__spec__ is not None
assert embedded_fn_module.kind == 'function'
del sys.modules['embedded_module']
import embedded_module as again
assert again.answer() is True
try:
    import _xxsubinterpreters as si
except ImportError:
    si = None
if si is not None:
    interp = si.create()
    try:
        si.run_string(interp, 'import embedded_module')
    except Exception as e:
        assert 'ImportError' in str(e), str(e)
    else:
        raise AssertionError('a sub-interpreter could import the module')
    si.destroy(interp)
"#;
        let code = std::ffi::CString::new(code).unwrap();
        let r = py.run(&code, None, Some(&locals));
        if let Err(e) = r {
            e.print(py);
            panic!("{e}");
        }
    });
}
