//! A declarative module with a submodule and an init hook, one with interleaved item kinds,
//! and a function-form module.

use super::*;

/// A declarative module with a submodule, a class, a function, a constant and an init hook.
#[pymodule]
pub mod decl {
    use pyo3::prelude::*;

    #[pymodule_export]
    const ANSWER: i64 = 42;

    #[pyfunction]
    fn inside(x: i64) -> i64 {
        x
    }

    #[pyclass]
    struct Inner {}

    #[pymodule]
    mod sub {
        use pyo3::prelude::*;

        #[pyfunction]
        fn deep() -> &'static str {
            "deep"
        }
    }

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("added", "by init")
    }
}

/// A function-form module with a renamed function and a submodule added by hand.
#[pymodule]
#[pyo3(name = "funcmod")]
pub fn func_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    #[pyfunction]
    #[pyo3(name = "renamed")]
    fn original() -> i64 {
        1
    }
    m.add_function(wrap_pyfunction!(original, m)?)?;
    let child = PyModule::new(m.py(), "child")?;
    child.add("value", 3)?;
    m.add_submodule(&child)?;
    m.add_class::<Ord3>()?;
    Ok(())
}

/// Interleaved item kinds, for the order of `__all__`.
#[pymodule]
pub mod order {
    use pyo3::prelude::*;

    #[pymodule_export]
    const A1: i64 = 1;

    #[pyfunction]
    fn f1() {}

    #[pymodule_export]
    use super::one;

    #[pymodule_export]
    const A2: i64 = 2;

    #[pyclass]
    struct C1 {}

    #[pymodule]
    mod s1 {}

    #[pymodule_export]
    use super::Ord3;

    #[pyfunction]
    fn f2() {}
}
