#![cfg(feature = "macros")]
//! #[pyclass] / #[pymethods] through the interpreter.

mod common;

use pyo3::prelude::*;
use pyo3::py_run;
use std::sync::atomic::{AtomicUsize, Ordering};

static DROPS: AtomicUsize = AtomicUsize::new(0);

/// A counter.
#[pyclass(module = "tests")]
struct Counter {
    #[pyo3(get, set)]
    value: i64,
    #[pyo3(get, name = "label")]
    name: String,
}

impl Drop for Counter {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (value = 0, name = "c".to_string()))]
    fn new(value: i64, name: String) -> Self {
        Counter { value, name }
    }

    fn incr(&mut self, by: i64) -> i64 {
        self.value += by;
        self.value
    }

    fn get(&self) -> i64 {
        self.value
    }

    #[staticmethod]
    fn twice(x: i64) -> i64 {
        x * 2
    }

    #[classmethod]
    fn make(cls: &Bound<'_, pyo3::types::PyType>) -> PyResult<String> {
        let _ = cls;
        Ok("made".to_string())
    }

    #[getter]
    fn doubled(&self) -> i64 {
        self.value * 2
    }

    #[setter]
    fn set_doubled(&mut self, v: i64) {
        self.value = v / 2;
    }

    #[classattr]
    fn limit() -> i64 {
        100
    }

    fn __repr__(&self) -> String {
        format!("Counter({})", self.value)
    }

    fn __len__(&self) -> usize {
        self.value as usize
    }

    fn __add__(&self, other: i64) -> i64 {
        self.value + other
    }

    fn __radd__(&self, other: i64) -> i64 {
        other + self.value + 1000
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.value == other.value
    }

    fn __getitem__(&self, i: i64) -> PyResult<i64> {
        if i < 0 {
            Err(pyo3::exceptions::PyIndexError::new_err("negative"))
        } else {
            Ok(i * self.value)
        }
    }

    fn __call__(&self, a: i64) -> i64 {
        a + self.value
    }

    fn reenter(slf: &Bound<'_, Self>) -> PyResult<()> {
        let _b = slf.borrow();
        slf.call_method1("incr", (1,))?;
        Ok(())
    }

    fn panics(&self) {
        panic!("oops");
    }
}

#[test]
fn basic_class() {
    Python::attach(|py| {
        let c = Bound::new(py, Counter::new(5, "x".into())).unwrap();
        py_run!(
            py,
            c,
            r#"
            assert c.value == 5
            assert c.label == "x"
            assert c.incr(2) == 7
            assert c.get() == 7
            c.value = 10
            assert c.value == 10
            assert c.doubled == 20
            c.doubled = 8
            assert c.value == 4
            assert type(c).twice(3) == 6
            assert type(c).make() == "made"
            assert type(c).limit == 100
            assert repr(c) == "Counter(4)"
            assert len(c) == 4
            assert c + 1 == 5
            assert 1 + c == 1005
            assert c[3] == 12
            assert c(1) == 5
            assert type(c).__name__ == "Counter"
            assert type(c).__module__ == "tests"
            import sys
            if sys.version_info >= (3, 10):
                assert type(c).__text_signature__.startswith("(value=0, name="), type(c).__text_signature__
            assert type(c).__doc__ == "A counter."
            T = type(c)
            d = T(4)
            assert d == c
            assert not (d != c)
            assert T().value == 0
            assert T(name="y").label == "y"
            try:
                c[-1]
                raise AssertionError
            except IndexError as e:
                assert str(e) == "negative"
            try:
                c.label = "z"
                raise AssertionError
            except AttributeError:
                pass
            try:
                c.value = "no"
                raise AssertionError
            except TypeError:
                pass
            try:
                c.reenter()
                raise AssertionError
            except RuntimeError as e:
                assert str(e) == "Already borrowed", str(e)
            try:
                c + "x"
                raise AssertionError
            except TypeError:
                pass
            "#
        );
        let r = c.borrow();
        assert_eq!(r.value, 4);
        common::assert_result_err::<pyo3::exceptions::PyRuntimeError, _>(
            py,
            c.try_borrow_mut(),
            "Already borrowed",
        );
        drop(r);
        c.borrow_mut().value = 1;
        assert_eq!(c.borrow().value, 1);
    });
}

#[test]
fn drop_counting() {
    Python::attach(|py| {
        let before = DROPS.load(Ordering::SeqCst);
        let c = Py::new(py, Counter::new(1, "a".into())).unwrap();
        let c2 = c.clone_ref(py);
        drop(c);
        assert_eq!(DROPS.load(Ordering::SeqCst), before);
        drop(c2);
        assert_eq!(DROPS.load(Ordering::SeqCst), before + 1);
        py.run(c"import gc; gc.collect()", None, None).unwrap();
    });
}

#[test]
fn panic_becomes_exception() {
    Python::attach(|py| {
        let c = Bound::new(py, Counter::new(1, "a".into())).unwrap();
        py_run!(
            py,
            c,
            r#"
            try:
                c.panics()
                raise AssertionError
            except BaseException as e:
                assert "oops" in str(e)
            "#
        );
        // The borrow was released.
        c.borrow_mut();
    });
}

#[pyclass(frozen, eq, hash, str)]
#[derive(PartialEq, Hash)]
struct Frozen {
    x: i32,
}

impl std::fmt::Display for Frozen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "F{}", self.x)
    }
}

#[test]
fn frozen_get() {
    Python::attach(|py| {
        let f = Bound::new(py, Frozen { x: 3 }).unwrap();
        assert_eq!(f.get().x, 3);
        let g = Py::new(py, Frozen { x: 3 }).unwrap();
        assert_eq!(g.get().x, 3);
        // `Borrowed::get` consumes the (copyable) `Borrowed` and lends the value for the
        // object's borrow: the reference outlives the temporary `Borrowed`.
        let value: &Frozen = f.as_borrowed().get();
        assert_eq!(value.x, 3);
        py_run!(py, f g, "assert f == g; assert hash(f) == hash(g); assert str(f) == 'F3'");
    });
}

#[test]
fn class_without_module_is_a_builtin_without_warning() {
    Python::attach(|py| {
        let f = Bound::new(py, Frozen { x: 3 }).unwrap();
        py_run!(
            py,
            f,
            r#"
            assert type(f).__module__ == "builtins", type(f).__module__
            assert repr(type(f)) == "<class 'builtins.Frozen'>", repr(type(f))
            assert type(f).__qualname__ == "Frozen"
            "#
        );
    });
}

#[pyclass(eq)]
#[derive(PartialEq, Clone, Copy)]
enum Color {
    Red,
    Green,
}

#[test]
fn simple_enum() {
    Python::attach(|py| {
        let r = Bound::new(py, Color::Red).unwrap();
        py_run!(
            py,
            r,
            r#"
            C = type(r)
            assert r == C.Red
            assert C.Red != C.Green
            assert repr(C.Green) == "Color.Green"
            assert int(C.Green) == 1
            "#
        );
    });
}

#[pyclass(subclass)]
struct Base {
    #[pyo3(get)]
    b: i32,
}

#[pymethods]
impl Base {
    #[new]
    fn new() -> Self {
        Base { b: 1 }
    }
    fn base_method(&self) -> i32 {
        self.b * 10
    }
}

#[pyclass(extends = Base)]
struct Sub {
    #[pyo3(get)]
    s: i32,
}

#[pymethods]
impl Sub {
    #[new]
    fn new() -> (Self, Base) {
        (Sub { s: 2 }, Base { b: 3 })
    }
    fn both(slf: PyRef<'_, Self>) -> i32 {
        slf.s + slf.as_super().b
    }
}

#[test]
fn inheritance() {
    Python::attach(|py| {
        let sub = Bound::new(py, (Sub { s: 5 }, Base { b: 6 })).unwrap();
        py_run!(
            py,
            sub,
            r#"
            S = type(sub)
            assert sub.s == 5 and sub.b == 6
            assert sub.both() == 11
            assert sub.base_method() == 60
            t = S()
            assert t.both() == 5
            assert isinstance(t, S.__mro__[1])
            class PySub(S.__mro__[1]):
                pass
            p = PySub()
            assert p.b == 1
            "#
        );
        let r = sub.borrow();
        assert_eq!(r.as_super().b, 6);
    });
}

#[cfg(not(Py_LIMITED_API))]
#[pyclass(extends = pyo3::exceptions::PyException)]
struct MyError {
    #[pyo3(get)]
    code: i32,
}

#[cfg(not(Py_LIMITED_API))]
#[pymethods]
impl MyError {
    #[new]
    fn new(code: i32) -> Self {
        MyError { code }
    }
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn exception_subclass() {
    Python::attach(|py| {
        let e = Bound::new(py, MyError { code: 7 }).unwrap();
        py_run!(
            py,
            e,
            r#"
            E = type(e)
            assert isinstance(e, Exception)
            try:
                raise E(3)
            except E as x:
                assert x.code == 3
            "#
        );
    });
}

#[pyclass(dict, weakref)]
struct WithDict {}

#[pymethods]
impl WithDict {
    #[new]
    fn new() -> Self {
        WithDict {}
    }
}

#[test]
fn dict_and_weakref() {
    Python::attach(|py| {
        let w = Bound::new(py, WithDict {}).unwrap();
        py_run!(
            py,
            w,
            r#"
            import weakref, gc
            w.foo = 1
            assert w.__dict__ == {"foo": 1}
            r = weakref.ref(w)
            assert r() is w
            W = type(w)
            x = W()
            x.me = x
            rx = weakref.ref(x)
            del x
            gc.collect()
            assert rx() is None
            "#
        );
    });
}

#[pyclass]
struct Countdown {
    n: u32,
}

#[pymethods]
impl Countdown {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self) -> Option<u32> {
        if self.n == 0 {
            None
        } else {
            self.n -= 1;
            Some(self.n)
        }
    }
    fn __contains__(&self, x: u32) -> bool {
        x < self.n
    }
    fn __bool__(&self) -> bool {
        self.n > 0
    }
}

#[test]
fn iteration() {
    Python::attach(|py| {
        let i = Bound::new(py, Countdown { n: 3 }).unwrap();
        py_run!(
            py,
            i,
            r#"
            assert 1 in i
            assert bool(i)
            assert list(i) == [2, 1, 0]
            assert not i
            try:
                type(i)()
                raise AssertionError
            except TypeError as e:
                # CPython's message for a type that cannot be instantiated, as with PyO3
                assert str(e) == "cannot create 'builtins.Countdown' instances", str(e)
            "#
        );
    });
}

#[pyclass]
struct Gc {
    obj: Option<Py<PyAny>>,
}

#[pymethods]
impl Gc {
    #[new]
    fn new() -> Self {
        Gc { obj: None }
    }
    fn set(&mut self, o: Py<PyAny>) {
        self.obj = Some(o);
    }
    fn __traverse__(&self, visit: pyo3::PyVisit<'_>) -> Result<(), pyo3::PyTraverseError> {
        visit.call(&self.obj)
    }
    fn __clear__(&mut self) {
        self.obj = None;
    }
}

#[test]
fn gc_cycle() {
    Python::attach(|py| {
        let g = Bound::new(py, Gc { obj: None }).unwrap();
        py_run!(
            py,
            g,
            r#"
            import gc, weakref
            G = type(g)
            a = G()
            b = G()
            a.set(b)
            b.set(a)
            class Holder: pass
            h = Holder()
            a.set(h)
            b.set(a)
            h.back = b
            r = weakref.ref(h)
            del a, b, h
            gc.collect()
            assert r() is None
            "#
        );
    });
}

#[pymodule]
mod declared {
    #[pymodule_export]
    use super::Counter;
}

#[test]
fn module_add_class() {
    Python::attach(|py| {
        let m = pyo3::types::PyModule::new(py, "m").unwrap();
        m.add_class::<Counter>().unwrap();
        py_run!(py, m, "assert m.Counter(3).value == 3");
        let d = pyo3::wrap_pymodule!(declared)(py);
        py_run!(py, d, "assert d.Counter(2).get() == 2");
    });
}

#[pyclass(str = "P({x}, {y})", frozen)]
struct Point {
    x: i32,
    y: i32,
}

#[pyclass]
struct WithCls {
    #[pyo3(get)]
    name: String,
}

#[pymethods]
impl WithCls {
    #[new]
    #[classmethod]
    fn new(cls: &Bound<'_, pyo3::types::PyType>) -> PyResult<Self> {
        Ok(WithCls {
            name: cls.getattr("__name__")?.extract()?,
        })
    }

    fn take(&self, other: &Point, counter: &mut Counter) -> i32 {
        counter.value += 1;
        other.x + other.y
    }
}

#[test]
fn str_format_cls_new_and_ref_args() {
    Python::attach(|py| {
        let p = Bound::new(py, Point { x: 1, y: 2 }).unwrap();
        let c = Bound::new(py, Counter::new(0, "c".into())).unwrap();
        let w = Bound::new(py, WithCls { name: "w".into() }).unwrap();
        py_run!(
            py,
            p c w,
            r#"
            assert str(p) == "P(1, 2)"
            W = type(w)
            assert W().name == "WithCls"
            assert w.take(p, c) == 3
            assert c.value == 1
            try:
                w.take(c, c)
                raise AssertionError
            except TypeError as e:
                # The failing argument is named in a note, as in PyO3 0.30.
                assert "while processing 'other'" in getattr(e, "__notes__", []), e
            "#
        );
    });
}

#[cfg(not(Py_LIMITED_API))]
#[pyclass(get_all, new = "from_fields")]
struct FromFields {
    a: i32,
    b: String,
}

#[cfg(not(Py_LIMITED_API))]
#[pyclass(extends = pyo3::types::PyDict)]
struct MyDict {
    #[pyo3(get)]
    tag: i32,
}

#[cfg(not(Py_LIMITED_API))]
#[pymethods]
impl MyDict {
    #[new]
    fn new() -> Self {
        MyDict { tag: 9 }
    }
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn from_fields_and_dict_base() {
    Python::attach(|py| {
        let f = Bound::new(
            py,
            FromFields {
                a: 1,
                b: "x".into(),
            },
        )
        .unwrap();
        let d = Bound::new(py, MyDict { tag: 1 }).unwrap();
        py_run!(
            py,
            f d,
            r#"
            F = type(f)
            g = F(5, b="y")
            assert (g.a, g.b) == (5, "y")
            import sys
            assert sys.version_info < (3, 10) or F.__text_signature__ == "(a, b)", F.__text_signature__
            D = type(d)
            e = D()
            e["k"] = 1
            assert e.tag == 9 and e["k"] == 1 and isinstance(e, dict)
            "#
        );
    });
}

#[pyclass(dict)]
struct Attrs {
    log: Vec<String>,
}

#[pymethods]
impl Attrs {
    #[new]
    fn new() -> Self {
        Attrs { log: Vec::new() }
    }
    fn __getattr__(&self, name: &str) -> PyResult<String> {
        if name == "missing" {
            Err(pyo3::exceptions::PyAttributeError::new_err(
                "really missing",
            ))
        } else {
            Ok(format!("dyn_{name}"))
        }
    }
    fn __setattr__(&mut self, name: String, value: i32) {
        self.log.push(format!("{name}={value}"));
    }
    fn __delattr__(&mut self, name: String) {
        self.log.push(format!("del {name}"));
    }
    fn logged(&self) -> Vec<String> {
        self.log.clone()
    }
}

#[test]
fn attribute_hooks() {
    Python::attach(|py| {
        let a = Bound::new(py, Attrs::new()).unwrap();
        py_run!(
            py,
            a,
            r#"
            assert a.foo == "dyn_foo"
            assert a.logged() == []
            a.x = 1
            del a.y
            assert a.logged() == ["x=1", "del y"]
            try:
                a.missing
                raise AssertionError
            except AttributeError as e:
                assert str(e) == "really missing"
            "#
        );
    });
}

#[pyclass]
struct Prop {
    v: Option<i32>,
}

#[pymethods]
impl Prop {
    #[getter]
    fn v(&self) -> Option<i32> {
        self.v
    }
    #[setter]
    fn set_v(&mut self, v: i32) {
        self.v = Some(v);
    }
    #[deleter]
    fn delete_v(&mut self) {
        self.v = None;
    }
    #[classattr]
    const KIND: &'static str = "prop";
    #[allow(non_upper_case_globals)]
    const __hash__: Option<Py<PyAny>> = None;
}

#[test]
fn deleter_const_classattr_unhashable() {
    Python::attach(|py| {
        let p = Bound::new(py, Prop { v: Some(1) }).unwrap();
        py_run!(
            py,
            p,
            r#"
            assert p.v == 1
            p.v = 2
            assert p.v == 2
            del p.v
            assert p.v is None
            assert type(p).KIND == "prop"
            try:
                hash(p)
                raise AssertionError
            except TypeError:
                pass
            "#
        );
    });
}

#[pyclass(sequence)]
#[derive(Clone)]
struct Seq {
    items: Vec<i64>,
}

#[pymethods]
impl Seq {
    #[new]
    fn new(items: Vec<i64>) -> Self {
        Seq { items }
    }
    fn __len__(&self) -> usize {
        self.items.len()
    }
    fn __getitem__(&self, i: isize) -> PyResult<i64> {
        self.items
            .get(i as usize)
            .copied()
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("out of range"))
    }
    fn __concat__(&self, other: &Self) -> Self {
        let mut items = self.items.clone();
        items.extend(&other.items);
        Seq { items }
    }
    fn __repeat__(&self, n: isize) -> Self {
        Seq {
            items: self.items.repeat(n.max(0) as usize),
        }
    }
    fn __getattribute__(slf: &Bound<'_, Self>, name: &str) -> PyResult<Py<PyAny>> {
        if name == "magic" {
            Ok(42i32.into_pyobject(slf.py())?.into_any().unbind())
        } else {
            Err(pyo3::exceptions::PyAttributeError::new_err(format!(
                "got {name:?}"
            )))
        }
    }
    fn __getattr__(&self, name: &str) -> String {
        format!("fallback {name}")
    }
}

#[pyclass]
struct Descr {}

#[pymethods]
impl Descr {
    fn __get__(&self, instance: Option<Py<PyAny>>, _owner: Option<Py<PyAny>>) -> &'static str {
        if instance.is_some() {
            "instance"
        } else {
            "class"
        }
    }
}

#[test]
fn sequence_descriptor_getattribute() {
    Python::attach(|py| {
        let s = Bound::new(py, Seq { items: vec![1, 2] }).unwrap();
        let d = Bound::new(py, Descr {}).unwrap();
        py_run!(
            py,
            s d,
            r#"
            assert len(s) == 2
            assert list(s) == [1, 2]
            assert s.magic == 42
            assert s.other == "fallback other"
            S = type(s)
            class Owner:
                pass
            Owner.attr = d
            assert Owner().attr == "instance"
            "#
        );
        let seq = s.as_any();
        assert_eq!(seq.len().unwrap(), 2);
    });
}
