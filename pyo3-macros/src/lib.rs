//! Proc macros of PyO3: thin entry points delegating to `pyo3-macros-backend`.

use proc_macro::TokenStream;

/// Defines a Python function from a Rust function. See the PyO3 guide.
#[proc_macro_attribute]
pub fn pyfunction(attr: TokenStream, input: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_py_function(attr.into(), input.into()).into()
}

/// Defines a Python module from a Rust function or inline module. See the PyO3 guide.
#[proc_macro_attribute]
pub fn pymodule(attr: TokenStream, input: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_py_module(attr.into(), input.into()).into()
}

/// Derives `FromPyObject`.
#[proc_macro_derive(FromPyObject, attributes(pyo3))]
pub fn derive_from_py_object(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_derive_from_pyobject(item.into()).into()
}

/// Derives `IntoPyObject` (by value).
#[proc_macro_derive(IntoPyObject, attributes(pyo3))]
pub fn derive_into_py_object(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_derive_into_pyobject(item.into(), false).into()
}

/// Derives `IntoPyObject` for references (`&T`).
#[proc_macro_derive(IntoPyObjectRef, attributes(pyo3))]
pub fn derive_into_py_object_ref(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_derive_into_pyobject(item.into(), true).into()
}
