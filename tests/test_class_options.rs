#![cfg(feature = "macros")]
//! `#[pyclass]` options: `freelist`, `generic`, `mapping`, `eq_int`, `immutable_type`.

use pyo3::prelude::*;
use pyo3::py_run;

#[pyclass(freelist = 2)]
struct Pooled {
    #[pyo3(get)]
    v: u32,
}

#[test]
fn freelist_reuses_allocations() {
    Python::attach(|py| {
        let a = Py::new(py, Pooled { v: 1 }).unwrap();
        let addr = a.as_ptr() as usize;
        drop(a);
        let b = Py::new(py, Pooled { v: 2 }).unwrap();
        assert_eq!(b.as_ptr() as usize, addr);
        py_run!(py, b, "assert b.v == 2");
    });
}

#[pyclass(freelist = 4, subclass)]
struct PooledBase {}

#[pymethods]
impl PooledBase {
    #[new]
    fn new() -> Self {
        PooledBase {}
    }
}

#[test]
fn freelist_with_python_subclass() {
    Python::attach(|py| {
        let cls = py.get_type::<PooledBase>();
        py_run!(
            py,
            cls,
            r#"
class Sub(cls):
    def __init__(self):
        self.payload = list(range(100))
for _ in range(50):
    objs = []
    for _ in range(5):
        objs.append(Sub())
        objs.append(cls())
    for o in objs[::2]:
        assert len(o.payload) == 100
    del objs
"#
        );
    });
}

#[pyclass(generic)]
struct Boxed {}

#[test]
fn generic_class_getitem() {
    Python::attach(|py| {
        let cls = py.get_type::<Boxed>();
        py_run!(
            py,
            cls,
            r#"
import types
assert cls[int] == types.GenericAlias(cls, (int,))
assert cls[int].__origin__ is cls
"#
        );
    });
}

#[pyclass(mapping)]
struct Map {}

#[pymethods]
impl Map {
    fn __getitem__(&self, key: i64) -> i64 {
        key * 10
    }
    fn __len__(&self) -> usize {
        3
    }
}

#[test]
fn mapping_has_no_sequence_protocol() {
    Python::attach(|py| {
        let m = Py::new(py, Map {}).unwrap();
        py_run!(
            py,
            m,
            r#"
assert m[4] == 40 and len(m) == 3
try:
    iter(m)
except TypeError:
    pass
else:
    assert False, "a mapping is not iterable through __getitem__"
"#
        );
    });
}

#[pyclass(eq, eq_int)]
#[derive(PartialEq)]
#[repr(u8)]
enum Level {
    Low = 1,
    High = 200,
}

#[test]
fn eq_int_compares_with_the_discriminant() {
    Python::attach(|py| {
        let cls = py.get_type::<Level>();
        py_run!(
            py,
            cls,
            r#"
assert cls.Low == 1 and 1 == cls.Low
assert cls.High == 200 and cls.High != 1
assert cls.Low != cls.High and cls.Low == cls.Low
assert int(cls.High) == 200
assert cls.Low != 'x'
# `__int__` only, as PyO3 0.30.1: no `__index__`, so not usable as a list index
assert not hasattr(cls, '__index__')
try:
    [0, 1][cls.Low]
    raise AssertionError('indexed with an enum')
except TypeError as e:
    assert str(e) == 'list indices must be integers or slices, not builtins.Level', str(e)
"#
        );
    });
}

#[pyclass(eq, eq_int, ord)]
#[derive(PartialEq, PartialOrd)]
enum Ranked {
    Low = -3,
    High = 7,
}

/// With `ord` as well, `eq_int` orders against ints too (as PyO3 does): the other operand is
/// extracted as the discriminant's type, and anything that does not extract (a float, an int
/// out of range) gives `NotImplemented`.
#[test]
fn eq_int_with_ord_orders_against_ints() {
    Python::attach(|py| {
        let cls = py.get_type::<Ranked>();
        py_run!(
            py,
            cls,
            r#"
assert cls.Low < 0 and cls.High > 0 and cls.High >= 7 and cls.High <= 7 and not cls.High < 7
assert cls.Low < cls.High and 0 > cls.Low and cls.Low < True
class Idx:
    def __index__(self):
        return 7
assert cls.High == Idx() and cls.Low < Idx()
for other in [2**100, 1.5]:
    try:
        cls.Low < other
        raise AssertionError(other)
    except TypeError as e:
        assert "'<' not supported" in str(e), str(e)
assert cls.Low != 2**100 and not (cls.High == 7.0)
"#
        );
        // Without `ord`, only `==` / `!=` take ints.
        let level = py.get_type::<Level>();
        py_run!(
            py,
            level,
            r#"
try:
    level.Low < 5
    raise AssertionError('ordered without ord')
except TypeError:
    pass
"#
        );
    });
}

#[pyclass(eq, eq_int)]
#[derive(PartialEq, Clone)]
enum Plain {
    A,
}

#[pyfunction]
fn give() -> Plain {
    Plain::A
}

#[test]
fn simple_enum_values_are_the_class_attributes() {
    Python::attach(|py| {
        let cls = py.get_type::<Plain>();
        let f = wrap_pyfunction!(give, py).unwrap();
        py_run!(py, cls f, "assert f() is cls.A");
    });
}

#[pyclass]
struct Mutable {}

#[cfg(any(all(Py_3_10, not(Py_LIMITED_API)), Py_3_14))]
#[pyclass(immutable_type)]
struct Frozen {}

#[test]
fn immutable_type_only_when_asked() {
    Python::attach(|py| {
        let m = py.get_type::<Mutable>();
        py_run!(py, m, "m.extra = 1\nassert m.extra == 1");
        #[cfg(any(all(Py_3_10, not(Py_LIMITED_API)), Py_3_14))]
        {
            let f = py.get_type::<Frozen>();
            py_run!(
                py,
                f,
                r#"
try:
    f.extra = 1
except TypeError:
    pass
else:
    assert False
"#
            );
        }
    });
}

#[pyclass]
struct WithCfg {}

#[pymethods]
impl WithCfg {
    #[cfg(any())]
    fn never_compiled(&self) -> i32 {
        1
    }

    #[cfg(not(any()))]
    fn compiled(&self) -> i32 {
        2
    }
}

#[test]
fn cfg_on_methods() {
    Python::attach(|py| {
        let o = Py::new(py, WithCfg {}).unwrap();
        py_run!(
            py,
            o,
            "assert o.compiled() == 2 and not hasattr(o, 'never_compiled')"
        );
    });
}

#[pyclass(subclass)]
struct InitBase {
    #[pyo3(get)]
    calls: u32,
}

#[pymethods]
impl InitBase {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(
        _args: &Bound<'_, pyo3::types::PyTuple>,
        _kwargs: Option<&Bound<'_, pyo3::types::PyDict>>,
    ) -> Self {
        InitBase { calls: 0 }
    }

    #[pyo3(signature = (step = 1))]
    fn __init__(&mut self, step: u32) {
        self.calls += step;
    }
}

#[pyclass(extends = InitBase)]
struct InitSub {}

#[pymethods]
impl InitSub {
    #[new]
    fn new() -> PyClassInitializer<Self> {
        PyClassInitializer::from(InitBase { calls: 0 }).add_subclass(InitSub {})
    }

    fn __init__(mut slf: pyo3::PyClassGuardMut<'_, Self>) {
        slf.as_super().calls += 100;
    }
}

#[pyclass]
struct Other {}

#[pyclass]
struct MakesOther {}

#[pymethods]
impl MakesOther {
    #[new]
    fn make() -> Other {
        Other {}
    }
}

#[test]
fn init_slot_and_new_returning_another_class() {
    Python::attach(|py| {
        let base = py.get_type::<InitBase>();
        let sub = py.get_type::<InitSub>();
        let mk = py.get_type::<MakesOther>();
        let other = py.get_type::<Other>();
        py_run!(
            py,
            base sub mk other,
            r#"
assert base().calls == 1
assert base(5).calls == 5
b = base()
b.__init__(10)
assert b.calls == 11
assert sub().calls == 100
try:
    base('x')
except TypeError:
    pass
else:
    assert False
o = mk()
assert type(o) is other
"#
        );
    });
}

#[pyclass]
struct CfgFields {
    #[pyo3(get, set)]
    #[cfg(any())]
    hidden: u32,
    #[pyo3(get, set)]
    #[cfg(not(any()))]
    shown: u32,
}

#[pyclass(eq, eq_int)]
#[derive(PartialEq)]
enum CfgVariants {
    #[cfg(any())]
    Gone,
    #[cfg(not(any()))]
    Here,
}

#[pyclass]
enum CfgComplex {
    #[cfg(any())]
    Gone(u8),
    #[cfg(not(any()))]
    Here(u8),
}

#[test]
fn cfg_on_fields_and_variants() {
    Python::attach(|py| {
        let o = Py::new(py, CfgFields { shown: 3 }).unwrap();
        let v = py.get_type::<CfgVariants>();
        let c = py.get_type::<CfgComplex>();
        py_run!(
            py,
            o v c,
            r#"
assert o.shown == 3 and not hasattr(o, 'hidden')
assert hasattr(v, 'Here') and not hasattr(v, 'Gone')
assert c.Here(1)._0 == 1 and not hasattr(c, 'Gone')
"#
        );
    });
}

/// `dict`: the instance dict lives in the slot at `tp_dictoffset`.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[pyclass(dict, freelist = 2)]
struct Namespace {
    #[pyo3(get)]
    tag: u8,
}

/// Reads the `tp_dictoffset` slot of `obj` directly, without `__dict__` (which creates it).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
fn dict_slot(obj: &Bound<'_, PyAny>) -> *mut pyo3::ffi::PyObject {
    // SAFETY: `obj` is alive and its type's positive `tp_dictoffset` points inside it.
    unsafe {
        let offset = (*pyo3::ffi::Py_TYPE(obj.as_ptr())).tp_dictoffset;
        assert!(offset > 0);
        *obj.as_ptr()
            .cast::<u8>()
            .offset(offset)
            .cast::<*mut pyo3::ffi::PyObject>()
    }
}

/// CPython 3.11 and 3.12 give an instance of a class with a `tp_dictoffset` its dict in
/// `object.__new__`; other versions make it on first use. A `#[pyclass(dict)]` instance starts
/// out the same way, also when it reuses a freed object of the free list.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[test]
fn dict_slot_starts_as_cpython_makes_it() {
    Python::attach(|py| {
        for round in 0..3u8 {
            let ns = Bound::new(py, Namespace { tag: round }).unwrap().into_any();
            let eager = py.version_info() >= (3, 11) && py.version_info() < (3, 13);
            let slot = dict_slot(&ns);
            if eager {
                assert!(!slot.is_null(), "no eager instance dict");
                // SAFETY: `slot` is the instance's live dict.
                unsafe {
                    assert_eq!(pyo3::ffi::Py_REFCNT(slot), 1);
                    assert_eq!(pyo3::ffi::PyDict_Size(slot), 0);
                }
            } else {
                assert!(slot.is_null(), "dict made before first use");
            }
            ns.setattr("x", round).unwrap();
            let dict = ns.getattr("__dict__").unwrap();
            assert_eq!(dict_slot(&ns), dict.as_ptr());
            if eager {
                assert_eq!(dict.as_ptr(), slot);
            }
            py_run!(py, ns dict round, "assert dict == {'x': round}; assert ns.tag == round");
        }
    });
}
