//! Checks for `#[derive(FromPyObject)]`: structs read from items, attributes and tuples, a
//! newtype, and an enum whose first matching variant wins. The expected result is computed
//! from the object with plain Python operations and compared with what the derive produced.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::support::{call, err_is, refcount_unchanged};

#[derive(Debug, PartialEq, FromPyObject)]
#[pyo3(from_item_all)]
pub struct Record {
    pub name: String,
    pub count: u8,
}

#[derive(Debug, PartialEq, FromPyObject)]
pub struct Point {
    pub x: i64,
    #[pyo3(attribute("y"))]
    pub y: i32,
}

#[derive(Debug, PartialEq, FromPyObject)]
pub struct Pair(pub i64, pub String);

#[derive(Debug, PartialEq, FromPyObject)]
pub struct Ints(pub Vec<i64>);

#[derive(Debug, PartialEq, FromPyObject)]
pub enum Shape {
    Pair(i64, String),
    Rec {
        #[pyo3(item)]
        name: String,
        #[pyo3(item("count"))]
        count: u8,
    },
    Pt(Point),
    Int(i64),
    #[pyo3(transparent)]
    Text(String),
}

fn utf8(obj: &Bound<'_, PyAny>) -> Option<String> {
    let s = obj.cast::<PyString>().ok()?;
    let b = s.call_method1("encode", ("utf-8",)).ok()?;
    Some(String::from_utf8(b.extract::<Vec<u8>>().unwrap()).unwrap())
}

/// The int `operator.index` gives for `obj`, if it is in `T`'s range.
fn int<T: TryFrom<i128>>(obj: &Bound<'_, PyAny>) -> Option<T> {
    let (value, err): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
        call(obj.py(), "index_or_error", (obj,)).extract().unwrap();
    if !err.is_none() || value.lt(i128::MIN).unwrap() || value.gt(i128::MAX).unwrap() {
        return None;
    }
    T::try_from(value.extract::<i128>().unwrap()).ok()
}

fn want_record(obj: &Bound<'_, PyAny>) -> Option<Record> {
    Some(Record {
        name: utf8(&obj.get_item("name").ok()?)?,
        count: int(&obj.get_item("count").ok()?)?,
    })
}

fn want_point(obj: &Bound<'_, PyAny>) -> Option<Point> {
    Some(Point {
        x: int(&obj.getattr("x").ok()?)?,
        y: int(&obj.getattr("y").ok()?)?,
    })
}

fn want_pair(obj: &Bound<'_, PyAny>) -> Option<(i64, String)> {
    let t = obj.cast::<PyTuple>().ok().filter(|t| t.len() == 2)?;
    Some((
        int(&t.get_item(0).unwrap())?,
        utf8(&t.get_item(1).unwrap())?,
    ))
}

fn want_shape(obj: &Bound<'_, PyAny>) -> Option<Shape> {
    if let Some((a, b)) = want_pair(obj) {
        return Some(Shape::Pair(a, b));
    }
    if let Some(Record { name, count }) = want_record(obj) {
        return Some(Shape::Rec { name, count });
    }
    if let Some(p) = want_point(obj) {
        return Some(Shape::Pt(p));
    }
    if let Some(i) = int(obj) {
        return Some(Shape::Int(i));
    }
    utf8(obj).map(Shape::Text)
}

/// A derived extraction succeeds exactly when the plain-Python reading does, with the same
/// value. A failing enum is a TypeError naming the enum (the variants' errors are its
/// cause); a struct's failure may be the lookup's own error (KeyError, AttributeError, ...).
fn expect<T: PartialEq + std::fmt::Debug>(
    obj: &Bound<'_, PyAny>,
    ty: &str,
    want: Option<T>,
    got: PyResult<T>,
) {
    let py = obj.py();
    match (want, got) {
        (Some(w), Ok(g)) => assert_eq!(w, g, "{ty} from {obj:?}"),
        (None, Err(e)) if ty == "Shape" => {
            assert!(
                err_is(py, &e, py.get_type::<PyTypeError>().as_any()),
                "{ty} from {obj:?}: {e}"
            );
            assert!(
                e.to_string().contains(ty),
                "{ty} from {obj:?}: message {e} does not name it"
            );
        }
        (None, Err(_)) => {}
        (w, g) => panic!("{ty} from {obj:?}: want {w:?}, got {g:?}"),
    }
}

pub fn check_derives(obj: &Bound<'_, PyAny>) {
    let got = refcount_unchanged(obj, "Record", || obj.extract::<Record>());
    expect(obj, "Record", want_record(obj), got);
    let got = refcount_unchanged(obj, "Point", || obj.extract::<Point>());
    expect(obj, "Point", want_point(obj), got);
    let got = refcount_unchanged(obj, "Pair", || obj.extract::<Pair>());
    expect(obj, "Pair", want_pair(obj).map(|(a, b)| Pair(a, b)), got);
    let got = refcount_unchanged(obj, "Shape", || obj.extract::<Shape>());
    expect(obj, "Shape", want_shape(obj), got);
    // The newtype is Vec<i64>'s extraction, whatever that gives.
    let got = refcount_unchanged(obj, "Ints", || obj.extract::<Ints>());
    let inner = obj.extract::<Vec<i64>>();
    assert_eq!(
        got.as_ref().ok().map(|i| &i.0),
        inner.as_ref().ok(),
        "Ints from {obj:?}"
    );
}
