//! Native types declared outside PyO3 through its declaration macros and a hand-written
//! `PyTypeInfo`, the way ecosystem crates such as `numpy` declare theirs.

use std::marker::PhantomData;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use pyo3::{ffi, PyTypeInfo};

/// `decimal.Decimal`, with only `type_object_raw` implemented (no `NAME` / `MODULE`: PyO3 does
/// not require them).
#[repr(transparent)]
struct Decimal(PyAny);

pyo3::pyobject_native_type_named!(Decimal);

fn decimal_type(py: Python<'_>) -> &Bound<'_, PyType> {
    static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    TYPE.import(py, "decimal", "Decimal").unwrap()
}

unsafe impl PyTypeInfo for Decimal {
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        decimal_type(py).as_type_ptr()
    }
}

/// A generic wrapper, as numpy's `PyArray<T, D>`: instances are `list`s whose items the
/// type parameter describes; the check only looks at the Python type.
#[repr(transparent)]
struct TypedList<T>(PyAny, PhantomData<T>);

pyo3::pyobject_native_type_named!(TypedList<T>; T);

unsafe impl<T> PyTypeInfo for TypedList<T> {
    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        &raw mut ffi::PyList_Type
    }

    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        unsafe { ffi::PyList_CheckExact(object.as_ptr()) != 0 }
    }
}

/// `dict` once more, declared with the full macro (type object, layout, module, check).
#[repr(transparent)]
struct MyDict(PyAny);

#[cfg(not(Py_LIMITED_API))]
pyo3::pyobject_native_type!(
    MyDict,
    ffi::PyDictObject,
    pyo3::pyobject_native_static_type_object!(ffi::PyDict_Type),
    #module=::std::option::Option::Some("builtins"),
    #checkfunction=ffi::PyDict_Check
);
#[cfg(Py_LIMITED_API)]
pyo3::pyobject_native_type_core!(
    MyDict,
    pyo3::pyobject_native_static_type_object!(ffi::PyDict_Type),
    #checkfunction=ffi::PyDict_Check
);

/// `fractions.Fraction` through `pyobject_native_type_core!` without `#module` and with a
/// closure as the type object.
#[repr(transparent)]
struct Fraction(PyAny);

pyo3::pyobject_native_type_core!(Fraction, |py: Python<'_>| {
    static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    TYPE.import(py, "fractions", "Fraction")
        .unwrap()
        .as_type_ptr()
});

/// An exception type declared by hand: `pyobject_native_type_info!` with an explicit module,
/// plus `impl_exception_boilerplate!` for `new_err`.
#[repr(transparent)]
struct InvalidOperation(PyAny);

pyo3::pyobject_native_type_named!(InvalidOperation);
pyo3::pyobject_native_type_info!(
    InvalidOperation,
    |py: Python<'_>| {
        static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        TYPE.import(py, "decimal", "InvalidOperation")
            .unwrap()
            .as_type_ptr()
    },
    ::std::option::Option::Some("decimal")
);
pyo3::impl_exception_boilerplate!(InvalidOperation);

#[test]
fn named_type_with_minimal_type_info() {
    Python::attach(|py| {
        let value = py
            .eval(c"__import__('decimal').Decimal('1.5')", None, None)
            .unwrap();
        let decimal = value.cast::<Decimal>().unwrap();
        // `Bound<Decimal>` dereferences to `Bound<PyAny>`
        assert_eq!(decimal.str().unwrap().to_cow().unwrap(), "1.5");
        assert!(Decimal::type_object(py).is(decimal_type(py)));
        assert!(Decimal::is_exact_type_of(decimal));
        let err: PyErr = py
            .eval(c"1.5", None, None)
            .unwrap()
            .cast_into::<Decimal>()
            .unwrap_err()
            .into();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'float' object is not an instance of 'Decimal'"
        );
    });
}

#[test]
fn generic_named_type() {
    Python::attach(|py| {
        let list = py.eval(c"[1, 2]", None, None).unwrap();
        let typed = list.cast::<TypedList<u8>>().unwrap();
        assert_eq!(typed.len().unwrap(), 2);
        let subclass = py.eval(c"type('L', (list,), {})([1])", None, None).unwrap();
        assert!(subclass.cast::<TypedList<u8>>().is_err());
    });
}

#[test]
fn full_macro_with_check_function() {
    Python::attach(|py| {
        let dict = PyDict::new(py);
        dict.set_item("a", 1).unwrap();
        let mine = dict.as_any().cast::<MyDict>().unwrap();
        assert!(MyDict::type_object(py).is(PyDict::type_object(py)));
        assert_eq!(mine.get_item("a").unwrap().extract::<i32>().unwrap(), 1);
        // the check function accepts subclasses, as `PyDict_Check` does
        let sub = py.eval(c"type('D', (dict,), {})()", None, None).unwrap();
        assert!(sub.cast::<MyDict>().is_ok());
        assert!(!MyDict::is_exact_type_of(&sub));
        let err = py
            .eval(c"[]", None, None)
            .unwrap()
            .cast_into::<MyDict>()
            .unwrap_err();
        assert_eq!(
            PyErr::from(err).value(py).to_string(),
            "'list' object is not an instance of 'dict'"
        );
    });
}

#[cfg(not(Py_LIMITED_API))]
mod subclass_of_declared_type {
    use super::*;
    use pyo3::type_object::{PyLayout, PySizedLayout};

    fn layout_of<T, L: PySizedLayout<T>>() -> usize {
        std::mem::size_of::<L>()
    }

    /// `#[pyclass(extends = ...)]` works with a base declared through the macros.
    #[pyclass(extends = MyDict)]
    struct Counter {
        hits: u32,
    }

    #[pymethods]
    impl Counter {
        #[new]
        fn new() -> Self {
            Counter { hits: 0 }
        }

        fn hit(&mut self) -> u32 {
            self.hits += 1;
            self.hits
        }
    }

    #[test]
    fn pyclass_extends_declared_native_type() {
        fn assert_layout<L: PyLayout<MyDict>>() {}
        assert_layout::<ffi::PyDictObject>();
        assert_eq!(
            layout_of::<MyDict, ffi::PyDictObject>(),
            std::mem::size_of::<ffi::PyDictObject>()
        );
        Python::attach(|py| {
            let cls = py.get_type::<Counter>();
            let obj = cls.call0().unwrap();
            assert!(obj.is_instance_of::<PyDict>());
            obj.set_item("k", "v").unwrap();
            assert_eq!(obj.len().unwrap(), 1);
            let counter = obj.cast::<Counter>().unwrap();
            assert_eq!(counter.borrow_mut().hit(), 1);
            assert_eq!(counter.borrow_mut().hit(), 2);
            assert_eq!(obj.get_item("k").unwrap().extract::<String>().unwrap(), "v");
        });
    }
}

#[test]
fn core_without_module() {
    Python::attach(|py| {
        let half = py
            .eval(c"__import__('fractions').Fraction(1, 2)", None, None)
            .unwrap();
        let fraction = half.cast::<Fraction>().unwrap();
        assert_eq!(fraction.str().unwrap().to_cow().unwrap(), "1/2");
        assert_eq!(
            Fraction::type_object(py)
                .qualname()
                .unwrap()
                .to_cow()
                .unwrap(),
            "Fraction"
        );
    });
}

#[test]
fn exception_boilerplate_on_a_declared_type() {
    Python::attach(|py| {
        let err = InvalidOperation::new_err("bad operation");
        assert!(err.is_instance_of::<InvalidOperation>(py));
        assert!(err.get_type(py).is(py
            .import("decimal")
            .unwrap()
            .getattr("InvalidOperation")
            .unwrap()));
        assert_eq!(err.to_string(), "InvalidOperation: bad operation");
        // raised from Python, it is recognised through the declared type
        let raised = py
            .run(
                c"import decimal\ndecimal.getcontext().traps[decimal.InvalidOperation] = True\ndecimal.Decimal('x')",
                None,
                None,
            )
            .unwrap_err();
        assert!(raised.is_instance_of::<InvalidOperation>(py));
    });
}

/// The pieces `create_exception!` is made of, used one by one.
#[repr(transparent)]
struct PieceByPieceError(PyAny);
pyo3::impl_exception_boilerplate!(PieceByPieceError);
pyo3::create_exception_type_object!(
    native_macros,
    PieceByPieceError,
    pyo3::exceptions::PyLookupError,
    "Declared without create_exception!."
);

#[test]
fn exception_type_object_macro() {
    Python::attach(|py| {
        let ty = PieceByPieceError::type_object(py);
        assert_eq!(
            ty.qualname().unwrap().to_cow().unwrap(),
            "PieceByPieceError"
        );
        assert_eq!(
            ty.getattr("__module__")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "native_macros"
        );
        assert_eq!(
            ty.getattr("__doc__").unwrap().extract::<String>().unwrap(),
            "Declared without create_exception!."
        );
        let err = PieceByPieceError::new_err("missing");
        assert!(err.is_instance_of::<pyo3::exceptions::PyLookupError>(py));
        assert_eq!(err.to_string(), "PieceByPieceError: missing");
    });
}

/// A native type declared with an explicit module of its own.
#[repr(transparent)]
struct ExtensionDict(PyAny);

pyo3::pyobject_native_type_core!(
    ExtensionDict,
    pyo3::pyobject_native_static_type_object!(ffi::PyDict_Type),
    #module=::std::option::Option::Some("my_extension"),
    #checkfunction=ffi::PyDict_Check
);

#[pyclass(module = "shapes")]
struct InModule;

#[pyclass]
struct WithoutModule;

/// The `module` argument of the declaration macros is the type's `PyTypeInfo::MODULE`.
#[test]
fn module_argument_is_the_declared_module() {
    fn module<T: PyTypeInfo>() -> Option<&'static str> {
        T::MODULE
    }
    // declared through the macros
    assert_eq!(module::<ExtensionDict>(), Some("my_extension"));
    assert_eq!(module::<MyDict>(), Some("builtins"));
    assert_eq!(module::<InvalidOperation>(), Some("decimal"));
    assert_eq!(module::<PieceByPieceError>(), Some("native_macros"));
    // `pyobject_native_type_core!` without `#module` defaults to builtins
    assert_eq!(module::<Fraction>(), Some("builtins"));
    // a hand-written `PyTypeInfo` that names no module
    assert_eq!(module::<Decimal>(), None);
    // PyO3's own declarations
    assert_eq!(module::<PyDict>(), Some("builtins"));
    assert_eq!(module::<pyo3::types::PyDate>(), Some("datetime"));
    assert_eq!(module::<pyo3::types::PySequence>(), Some("collections.abc"));
    assert_eq!(module::<pyo3::exceptions::PyValueError>(), Some("builtins"));
    assert_eq!(
        module::<pyo3::exceptions::socket::gaierror>(),
        Some("socket")
    );
    // `#[pyclass(module = ...)]`
    assert_eq!(module::<InModule>(), Some("shapes"));
    assert_eq!(module::<WithoutModule>(), None);
    // the module is static information: the type object is still the one given
    Python::attach(|py| {
        assert!(ExtensionDict::type_object(py).is(PyDict::type_object(py)));
        let module: String = py
            .get_type::<InModule>()
            .getattr("__module__")
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(module, "shapes");
    });
}
