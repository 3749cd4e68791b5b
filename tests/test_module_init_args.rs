#![cfg(feature = "macros")]
//! Module initializers: the module by value or by reference, `Python` alone, no arguments,
//! returning `()` or a `PyResult`; `#[cfg]` on declarative exports.

use pyo3::prelude::*;
use pyo3::py_run;

#[pymodule]
fn by_value(m: Bound<'_, PyModule>) -> PyResult<()> {
    m.add("x", 1)
}

#[pymodule]
mod with_unit_init {
    use pyo3::prelude::*;

    #[pymodule_export]
    const A: u32 = 1;

    #[pymodule_export]
    #[cfg(any())]
    const GONE: u32 = 2;

    #[pymodule_init]
    fn init(m: Bound<'_, PyModule>) {
        m.add("from_init", 3).unwrap();
    }
}

#[pymodule]
mod with_python_init {
    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(py: Python<'_>) -> PyResult<()> {
        py.import("sys").map(|_| ())
    }
}

#[test]
fn initializer_shapes() {
    Python::attach(|py| {
        let a = pyo3::wrap_pymodule!(by_value)(py);
        let b = pyo3::wrap_pymodule!(with_unit_init)(py);
        let c = pyo3::wrap_pymodule!(with_python_init)(py);
        py_run!(
            py,
            a b c,
            r#"
assert a.x == 1
assert b.A == 1 and b.from_init == 3 and not hasattr(b, 'GONE')
assert c.__name__ == 'with_python_init'
"#
        );
    });
}

#[test]
fn undocumented_module_has_empty_doc() {
    Python::attach(|py| {
        let a = pyo3::wrap_pymodule!(by_value)(py);
        py_run!(py, a, "assert a.__doc__ == ''");
    });
}
