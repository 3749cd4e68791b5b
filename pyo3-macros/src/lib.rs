//! Proc macros of PyO3: thin entry points delegating to `pyo3-macros-backend`.

use proc_macro::TokenStream;

/// Turns a Rust function into a Python function (a `builtin_function_or_method`).
///
/// Create the function object with `wrap_pyfunction!(f, module)` or
/// `wrap_pyfunction!(f)(py)`, or export it from a declarative `#[pymodule]`.
///
/// Options, given as `#[pyfunction(...)]` arguments or in `#[pyo3(...)]` attributes:
///
/// | option | meaning |
/// |---|---|
/// | `name = "..."` | the Python name (default: the Rust name) |
/// | `signature = (a, b=1, /, c=None, *args, d, e="x", **kwargs)` | parameter kinds and defaults (defaults are Rust expressions) |
/// | `text_signature = "(...)"` / `text_signature = None` | override / remove `__text_signature__` (generated from the signature by default) |
/// | `pass_module` | the first argument receives the module the function belongs to |
/// | `warn(message = "...", category = path)` | emit a warning (default `UserWarning`) on each call |
/// | `crate = "path"` | path of the `pyo3` crate in the generated code |
///
/// Arguments may be any `FromPyObject` type, `&str`, `&Bound<'py, T>`, `Option<...>` of
/// those, `Python<'py>`; `#[pyo3(from_py_with = path)]` on an argument extracts it with
/// `path(&Bound<'py, PyAny>) -> PyResult<T>`. The return type may be anything
/// `IntoPyObject`, or a `Result` of it whose error converts into `PyErr`; `()` becomes
/// `None`. `///` doc comments become `__doc__`.
#[proc_macro_attribute]
pub fn pyfunction(attr: TokenStream, input: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_py_function(attr.into(), input.into()).into()
}

/// Defines a Python module, from a function (`fn name(m: &Bound<'_, PyModule>) -> PyResult<()>`)
/// or from an inline module (declarative form).
///
/// In the declarative form, `#[pymodule_export]` on `use` items and constants adds them to the
/// module, `#[pyfunction]` functions, `#[pyclass]` types and nested `#[pymodule]` modules
/// (which become submodules, also registered in `sys.modules` as `parent.child`) are added
/// automatically, and a `#[pymodule_init]` function runs last.
///
/// Options: `name = "..."`, `submodule` (no `PyInit_` symbol), `module = "parent.path"`,
/// `gil_used = bool` (the `Py_mod_gil` slot on 3.13+; default `false`), `crate = "path"`.
/// The module uses multi-phase initialisation and refuses to load in a second interpreter.
#[proc_macro_attribute]
pub fn pymodule(attr: TokenStream, input: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_py_module(attr.into(), input.into()).into()
}

/// Turns a struct or a fieldless enum into a Python class.
///
/// Options: `name`, `module`, `frozen`, `subclass`, `extends = Base`, `dict`, `weakref`,
/// `get_all`, `set_all`, `eq`, `ord`, `hash`, `str`, `unsendable`, `from_py_object`,
/// `rename_all`, `crate`. Fields take `#[pyo3(get, set, name = "...")]`.
#[proc_macro_attribute]
pub fn pyclass(attr: TokenStream, input: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_py_class(attr.into(), input.into()).into()
}

/// Exposes the methods of an inherent `impl` block of a `#[pyclass]` to Python: instance
/// methods, `#[new]`, `#[staticmethod]`, `#[classmethod]`, `#[getter]`, `#[setter]`,
/// `#[classattr]` and magic methods (`__repr__`, `__len__`, `__add__`, ...).
#[proc_macro_attribute]
pub fn pymethods(attr: TokenStream, input: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_py_methods(attr.into(), input.into()).into()
}

/// Derives `FromPyObject`.
///
/// Named structs read each field from an attribute of the same name (`#[pyo3(attribute)]`,
/// `#[pyo3(attribute("name"))]`) or from an item (`#[pyo3(item)]`, `#[pyo3(item("key"))]`,
/// or `#[pyo3(from_item_all)]` on the struct); `#[pyo3(default)]` / `#[pyo3(default = expr)]`
/// apply when the attribute or item is missing; `#[pyo3(from_py_with = path)]` uses a custom
/// function. Newtypes and `#[pyo3(transparent)]` structs extract their single field from the
/// object itself; tuple structs extract from a tuple of the same length. Enums try each variant
/// in order and report every failure (`#[pyo3(annotation = "...")]` names a variant in the
/// message). `#[pyo3(rename_all = "camelCase")]` renames fields.
#[proc_macro_derive(FromPyObject, attributes(pyo3))]
pub fn derive_from_py_object(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_derive_from_pyobject(item.into()).into()
}

/// Derives `IntoPyObject` (by value): structs become dicts keyed by field name (or
/// `#[pyo3(item("key"))]`), newtypes and `#[pyo3(transparent)]` structs convert their field,
/// tuple structs become tuples, enums convert their variant's content;
/// `#[pyo3(into_py_with = path)]` converts a field with `path(Cow<'_, T>, Python<'py>)`.
#[proc_macro_derive(IntoPyObject, attributes(pyo3))]
pub fn derive_into_py_object(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_derive_into_pyobject(item.into(), false).into()
}

/// Derives `IntoPyObject` for references (`&T`), converting the fields by reference; same
/// options as `IntoPyObject`.
#[proc_macro_derive(IntoPyObjectRef, attributes(pyo3))]
pub fn derive_into_py_object_ref(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::build_derive_into_pyobject(item.into(), true).into()
}
