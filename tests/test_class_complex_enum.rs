#![cfg(feature = "macros")]
//! Complex enums: each variant is a subclass `E.V` with a constructor, field getters,
//! `__match_args__` and, for tuple variants, `_0`/`_1`, `len()` and indexing.

use pyo3::prelude::*;
use pyo3::py_run;

#[pyclass(module = "shapes")]
#[derive(Clone, Debug, PartialEq)]
enum Shape {
    Circle { radius: f64 },
    Rect { width: f64, height: f64 },
    Poly(u32, f64),
    Nothing(),
}

#[pyfunction]
fn area(shape: PyRef<'_, Shape>) -> f64 {
    match &*shape {
        Shape::Circle { radius } => 3.0 * radius * radius,
        Shape::Rect { width, height } => width * height,
        Shape::Poly(n, side) => *n as f64 * side,
        Shape::Nothing() => 0.0,
    }
}

#[test]
fn variants_are_subclasses_with_fields() {
    Python::attach(|py| {
        let cls = py.get_type::<Shape>();
        let c = Shape::Circle { radius: 2.0 }.into_pyobject(py).unwrap();
        py_run!(
            py,
            cls c,
            r#"
assert isinstance(c, cls)
assert isinstance(c, cls.Circle)
assert not isinstance(c, cls.Rect)
assert type(c) is cls.Circle
assert c.radius == 2.0
assert cls.Circle.__qualname__ == 'Shape.Circle'
assert cls.Circle.__name__ == 'Circle'
assert cls.Circle.__module__ == 'shapes'
assert issubclass(cls.Poly, cls)
r = cls.Rect(width=3.0, height=4.0)
assert (r.width, r.height) == (3.0, 4.0)
assert cls.Rect.__match_args__ == ('width', 'height')
p = cls.Poly(5, 1.5)
assert (p._0, p._1) == (5, 1.5)
assert len(p) == 2 and p[0] == 5 and p[1] == 1.5 and p[-1] == 1.5
assert cls.Poly.__match_args__ == ('_0', '_1')
try:
    p[2]
except IndexError as e:
    assert str(e) == 'tuple index out of range'
else:
    assert False
assert len(cls.Nothing()) == 0
"#
        );
    });
}

#[test]
fn constructor_errors_and_base_has_no_constructor() {
    Python::attach(|py| {
        let cls = py.get_type::<Shape>();
        py_run!(
            py,
            cls,
            r#"
try:
    cls.Circle()
except TypeError as e:
    assert 'radius' in str(e), str(e)
else:
    assert False
try:
    cls()
except TypeError as e:
    assert str(e) == "cannot create 'shapes.Shape' instances", str(e)
else:
    assert False
"#
        );
    });
}

#[test]
fn values_round_trip_to_rust() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(area, py).unwrap();
        let cls = py.get_type::<Shape>();
        py_run!(
            py,
            cls f,
            r#"
assert f(cls.Rect(width=2.0, height=5.0)) == 10.0
assert f(cls.Poly(3, 2.0)) == 6.0
assert f(cls.Circle(radius=1.0)) == 3.0
"#
        );
        let obj = cls.getattr("Poly").unwrap().call1((7u32, 0.5)).unwrap();
        let shape = obj.cast::<Shape>().unwrap().borrow().clone();
        assert_eq!(shape, Shape::Poly(7, 0.5));
    });
}

#[test]
#[cfg(Py_3_10)]
fn match_statement() {
    Python::attach(|py| {
        let cls = py.get_type::<Shape>();
        let values = vec![
            Shape::Circle { radius: 1.0 }.into_pyobject(py).unwrap(),
            Shape::Rect {
                width: 1.0,
                height: 2.0,
            }
            .into_pyobject(py)
            .unwrap(),
            Shape::Poly(4, 2.5).into_pyobject(py).unwrap(),
        ];
        py_run!(
            py,
            cls values,
            r#"
out = []
for s in values:
    match s:
        case cls.Circle(radius=r):
            out.append(f"circle {r}")
        case cls.Rect(w, h):
            out.append(f"rect {w}x{h}")
        case cls.Poly(n, side):
            out.append(f"poly {n} {side}")
assert out == ["circle 1.0", "rect 1.0x2.0", "poly 4 2.5"], out
"#
        );
    });
}

#[pyclass]
enum WithCtor {
    #[pyo3(constructor = (a, b = 10, *, c = "x".to_string()))]
    Three { a: i32, b: i32, c: String },
    #[pyo3(constructor = (_0 = 1))]
    One(u8),
}

#[test]
fn custom_constructor_signatures() {
    Python::attach(|py| {
        let cls = py.get_type::<WithCtor>();
        py_run!(
            py,
            cls,
            r#"
t = cls.Three(1)
assert (t.a, t.b, t.c) == (1, 10, 'x')
t = cls.Three(1, 2, c='y')
assert (t.a, t.b, t.c) == (1, 2, 'y')
assert cls.One()._0 == 1
assert cls.One(9)._0 == 9
try:
    cls.Three(1, 2, 'z')
except TypeError:
    pass
else:
    assert False
"#
        );
    });
}

#[pyclass(eq, ord, hash, frozen, str)]
#[derive(PartialEq, PartialOrd, Hash, Debug)]
enum Ordered {
    A(i32),
    B { s: String },
}

impl std::fmt::Display for Ordered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{self:?}>")
    }
}

#[test]
fn options_use_the_rust_impls() {
    Python::attach(|py| {
        let cls = py.get_type::<Ordered>();
        py_run!(
            py,
            cls,
            r#"
assert cls.A(1) == cls.A(1)
assert cls.A(1) != cls.A(2)
assert cls.A(1) < cls.A(2) < cls.B(s='a')
assert hash(cls.A(3)) == hash(cls.A(3))
assert str(cls.A(3)) == '<A(3)>'
assert str(cls.B(s='q')) == '<B { s: "q" }>'
"#
        );
    });
}

#[pyclass]
enum Mutable {
    X(i32),
    Y { v: i32 },
}

#[pymethods]
impl Mutable {
    fn become_y(&mut self) {
        *self = Mutable::Y { v: 1 };
    }
}

#[test]
fn accessor_of_a_changed_variant_is_an_error() {
    Python::attach(|py| {
        let cls = py.get_type::<Mutable>();
        py_run!(
            py,
            cls,
            r#"
x = cls.X(5)
assert x._0 == 5
x.become_y()
try:
    x._0
except RuntimeError as e:
    assert str(e) == 'the value of this Mutable.X object is no longer a X variant', str(e)
else:
    assert False
"#
        );
    });
}

static DROPS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

struct Counted;
impl Drop for Counted {
    fn drop(&mut self) {
        DROPS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[pyclass]
enum Holder {
    // `Counted` has no Python conversion: the variant's getter is not generated for it below.
    Held(#[allow(dead_code)] Py<PyAny>, i32),
}

#[pyclass]
struct Payload {
    _c: Counted,
}

#[test]
fn variant_values_are_dropped_once() {
    Python::attach(|py| {
        let before = DROPS.load(std::sync::atomic::Ordering::SeqCst);
        let payload = Py::new(py, Payload { _c: Counted }).unwrap().into_any();
        let h = Holder::Held(payload, 3).into_pyobject(py).unwrap();
        py_run!(
            py,
            h,
            "assert h._1 == 3 and type(h._0).__name__ == 'Payload'"
        );
        drop(h);
        assert_eq!(DROPS.load(std::sync::atomic::Ordering::SeqCst), before + 1);
    });
}

#[test]
fn py_new_and_bound_new_make_the_variant_subclass() {
    Python::attach(|py| {
        let cls = py.get_type::<Shape>();
        let c = Py::new(py, Shape::Circle { radius: 1.5 }).unwrap();
        let r = Bound::new(
            py,
            Shape::Rect {
                width: 2.0,
                height: 3.0,
            },
        )
        .unwrap();
        let p = Bound::new(py, PyClassInitializer::from(Shape::Poly(3, 0.5))).unwrap();
        // The Rust side still reads the enum value through the base class.
        assert_eq!(*c.borrow(py), Shape::Circle { radius: 1.5 });
        assert_eq!(c.get_refcnt(py), 1);
        py_run!(
            py,
            cls c r p,
            r#"
assert type(c) is cls.Circle and isinstance(c, cls), type(c)
assert type(r) is cls.Rect and type(p) is cls.Poly
assert c.radius == 1.5 and (r.width, r.height) == (2.0, 3.0)
assert len(p) == 2 and p[0] == 3
"#
        );
        #[cfg(Py_3_10)]
        py_run!(
            py,
            cls c r p,
            r#"
out = []
for s in (c, r, p):
    match s:
        case cls.Circle(radius=x):
            out.append(("circle", x))
        case cls.Rect(w, h):
            out.append(("rect", w, h))
        case cls.Poly(n, side):
            out.append(("poly", n, side))
assert out == [("circle", 1.5), ("rect", 2.0, 3.0), ("poly", 3, 0.5)], out
"#
        );
    });
}

#[test]
fn py_new_variant_value_is_dropped_once() {
    Python::attach(|py| {
        let before = DROPS.load(std::sync::atomic::Ordering::SeqCst);
        let payload = Py::new(py, Payload { _c: Counted }).unwrap().into_any();
        let h = Py::new(py, Holder::Held(payload, 4)).unwrap();
        py_run!(py, h, "assert type(h).__name__ == 'Held' and h._1 == 4");
        drop(h);
        assert_eq!(DROPS.load(std::sync::atomic::Ordering::SeqCst), before + 1);
    });
}
