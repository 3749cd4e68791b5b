//! The proc macros (re-exported from `pyo3-macros`) and the declarative macros that go with
//! them: `wrap_pyfunction!`, `wrap_pymodule!`, `append_to_inittab!`, `py_run!`.

#[cfg(feature = "macros")]
pub use pyo3_macros::{
    pyclass, pyfunction, pymethods, pymodule, FromPyObject, IntoPyObject, IntoPyObjectRef,
};

/// Wraps a `#[pyfunction]` into a Python function object.
///
/// `wrap_pyfunction!(f, module)` returns `PyResult<Bound<'py, PyCFunction>>` (the function is
/// bound to the module); `wrap_pyfunction!(f)` returns a closure taking a `Python<'py>` token
/// or a module.
#[macro_export]
macro_rules! wrap_pyfunction {
    // `<path>` names the hidden struct of the same name as the function (the type namespace),
    // whose `_PYO3_DEF` is the definition.
    ($function:path) => {
        &|py_or_module| <$function>::_PYO3_DEF.wrap(py_or_module)
    };
    ($function:path, $py_or_module:expr) => {
        <$function>::_PYO3_DEF.wrap($py_or_module)
    };
}

/// Returns a closure creating the module object of a `#[pymodule]`, for
/// `PyModuleMethods::add_wrapped`.
#[macro_export]
macro_rules! wrap_pymodule {
    ($module:path) => {
        &|py: $crate::Python<'_>| -> $crate::Py<$crate::types::PyModule> {
            use $module as wrapped_pymodule;
            wrapped_pymodule::_PYO3_DEF
                .make_module(py)
                .expect("failed to wrap pymodule")
        }
    };
}

/// Adds a `#[pymodule]` to the interpreter's table of builtin modules, so that embedded Python
/// can import it. Must be called before the interpreter is initialised.
#[macro_export]
macro_rules! append_to_inittab {
    ($module:path) => {{
        use $module as module_to_append;
        unsafe { module_to_append::_PYO3_DEF.append_to_inittab() }
    }};
}

/// Runs Python code with the given Rust values as local variables; panics (after printing the
/// Python error) if the code raises.
///
/// `py_run!(py, a b, "code")` makes `a` and `b` available under their names;
/// `py_run!(py, *dict, "code")` uses `dict` as the locals.
#[macro_export]
macro_rules! py_run {
    ($py:expr, $($val:ident)+, $code:literal) => {{
        $crate::py_run_impl!($py, $($val)+, $code)
    }};
    ($py:expr, $($val:ident)+, $code:expr) => {{
        $crate::py_run_impl!($py, $($val)+, $crate::impl_::intopyobject::code_str(&$code))
    }};
    ($py:expr, *$dict:expr, $code:literal) => {{
        $crate::py_run_impl!($py, *$dict, $code)
    }};
    ($py:expr, *$dict:expr, $code:expr) => {{
        $crate::py_run_impl!($py, *$dict, $crate::impl_::intopyobject::code_str(&$code))
    }};
}

#[macro_export]
#[doc(hidden)]
macro_rules! py_run_impl {
    ($py:expr, $($val:ident)+, $code:expr) => {{
        let py: $crate::Python<'_> = $py;
        #[allow(unused_imports)]
        use $crate::impl_::intopyobject::{ToAnyViaClone as _, ToAnyViaRef as _};
        let d = $crate::impl_::intopyobject::new_dict(py);
        $(
            $crate::impl_::intopyobject::set_dict_item(
                &d,
                stringify!($val),
                (&$crate::impl_::intopyobject::ToAnyProbe(&$val)).probe_to_any(py).expect(concat!("failed to convert ", stringify!($val))),
            )
            .expect("failed to set local");
        )+
        $crate::impl_::pymodule::run_code(py, $code, &d);
    }};
    ($py:expr, *$dict:expr, $code:expr) => {{
        let py: $crate::Python<'_> = $py;
        $crate::impl_::pymodule::run_code(py, $code, $dict.as_any());
    }};
}
