//! Checks for the extractions of strings, bytes and containers. Where Python has a direct
//! answer the extracted value must equal it; a successful extraction must always agree with
//! the object it came from; and inputs that plainly fit (an exact list of in-range ints for
//! `Vec<i64>`, ...) must extract.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::support::{err_is, refcount_unchanged};

/// The text of a str that UTF-8 can encode (no lone surrogates), else None.
fn utf8_of(obj: &Bound<'_, PyAny>) -> Option<String> {
    let s = obj.cast::<PyString>().ok()?;
    let encoded = s.call_method1("encode", ("utf-8",)).ok()?;
    let bytes = encoded.cast::<PyBytes>().unwrap().as_bytes().to_vec();
    Some(String::from_utf8(bytes).expect("Python's UTF-8 is valid UTF-8"))
}

fn i64_of(obj: &Bound<'_, PyAny>) -> Option<i64> {
    let index = crate::support::call(obj.py(), "index_or_error", (obj,));
    let (value, err): (Bound<'_, PyAny>, Bound<'_, PyAny>) = index.extract().unwrap();
    if !err.is_none() {
        return None;
    }
    let big = value.lt(i64::MIN).unwrap() || value.gt(i64::MAX).unwrap();
    (!big).then(|| value.extract().unwrap())
}

/// String, Cow<str>, &str and PyBackedStr: a str that UTF-8 can encode gives its text;
/// anything not a str raises TypeError.
pub fn check_strings(obj: &Bound<'_, PyAny>) {
    let py = obj.py();
    let want = utf8_of(obj);
    let is_str = obj.is_instance_of::<PyString>();
    let results: [(&str, PyResult<String>); 4] = [
        (
            "String",
            refcount_unchanged(obj, "String", || obj.extract::<String>()),
        ),
        (
            "Cow<str>",
            refcount_unchanged(obj, "Cow", || {
                obj.extract::<Cow<'_, str>>().map(Cow::into_owned)
            }),
        ),
        (
            "&str",
            refcount_unchanged(obj, "&str", || obj.extract::<&str>().map(str::to_owned)),
        ),
        (
            "PyBackedStr",
            obj.extract::<PyBackedStr>().map(|s| (*s).to_owned()),
        ),
    ];
    for (ty, got) in results {
        match (&want, got) {
            (Some(w), Ok(g)) => assert_eq!(w, &g, "{ty} from {obj:?}"),
            (Some(_), Err(e)) => panic!("{ty} from {obj:?}: {e}"),
            (None, Ok(g)) => panic!("{ty} {g:?} from {obj:?}, which UTF-8 cannot encode"),
            (None, Err(e)) if !is_str => {
                assert!(
                    err_is(py, &e, py.get_type::<PyTypeError>().as_any()),
                    "{ty} from {obj:?}: {e}"
                )
            }
            (None, Err(_)) => {}
        }
    }
}

/// &[u8] and PyBackedBytes: bytes give their contents; PyBackedBytes also takes bytearray.
pub fn check_bytes(obj: &Bound<'_, PyAny>) {
    let want = obj.cast::<PyBytes>().ok().map(|b| b.as_bytes().to_vec());
    let got = refcount_unchanged(obj, "&[u8]", || obj.extract::<&[u8]>().map(<[u8]>::to_vec));
    assert_eq!(want, got.ok(), "&[u8] from {obj:?}");
    if let Ok(b) = obj.extract::<PyBackedBytes>() {
        let copy: Vec<u8> = obj.call_method0("__bytes__").map_or_else(
            |_| {
                obj.py()
                    .import("builtins")
                    .unwrap()
                    .getattr("bytes")
                    .unwrap()
                    .call1((obj,))
                    .unwrap()
                    .extract()
                    .unwrap()
            },
            |v| v.extract().unwrap(),
        );
        assert_eq!(&*b, copy.as_slice(), "PyBackedBytes from {obj:?}");
    }
}

/// Vec<i64> and Vec<String>: never from a str; an extracted Vec has the sequence's items in
/// order; an exact list or tuple whose items all fit must extract.
pub fn check_vecs(obj: &Bound<'_, PyAny>) {
    let py = obj.py();
    let ints = refcount_unchanged(obj, "Vec<i64>", || obj.extract::<Vec<i64>>());
    let strs = refcount_unchanged(obj, "Vec<String>", || obj.extract::<Vec<String>>());
    if obj.is_instance_of::<PyString>() {
        let type_error = py.get_type::<PyTypeError>();
        assert!(err_is(
            py,
            &ints.expect_err("Vec from str"),
            type_error.as_any()
        ));
        assert!(err_is(
            py,
            &strs.expect_err("Vec from str"),
            type_error.as_any()
        ));
        return;
    }
    let exact_items: Option<Vec<Bound<'_, PyAny>>> = if let Ok(l) = obj.cast_exact::<PyList>() {
        Some(l.iter().collect())
    } else {
        obj.cast_exact::<PyTuple>().ok().map(|t| t.iter().collect())
    };
    if let Some(items) = &exact_items {
        let want: Option<Vec<i64>> = items.iter().map(i64_of).collect();
        assert_eq!(want.as_ref(), ints.as_ref().ok(), "Vec<i64> from {obj:?}");
        let want: Option<Vec<String>> = items.iter().map(utf8_of).collect();
        assert_eq!(
            want.as_ref(),
            strs.as_ref().ok(),
            "Vec<String> from {obj:?}"
        );
    }
    if let Ok(v) = &ints {
        assert_eq!(obj.len().unwrap(), v.len(), "Vec<i64> from {obj:?}");
        for (i, x) in v.iter().enumerate() {
            // Items convert through `__index__`: compare the index, not the item itself
            // (an object with `__index__` need not compare equal to an int).
            assert_eq!(
                i64_of(&obj.get_item(i).unwrap()),
                Some(*x),
                "Vec<i64> from {obj:?}, item {i}"
            );
        }
    }
    if let Ok(v) = &strs {
        assert_eq!(obj.len().unwrap(), v.len(), "Vec<String> from {obj:?}");
        for (i, x) in v.iter().enumerate() {
            assert!(
                obj.get_item(i).unwrap().eq(x).unwrap(),
                "Vec<String> from {obj:?}, item {i}"
            );
        }
    }
}

/// HashMap<String, i64> and HashSet<i64>: an extracted map has exactly the dict's entries; a
/// dict whose keys are encodable strs and values fitting ints must extract; a set's elements
/// are all in the object.
pub fn check_maps(obj: &Bound<'_, PyAny>) {
    let map = refcount_unchanged(obj, "HashMap", || obj.extract::<HashMap<String, i64>>());
    if let Ok(d) = obj.cast_exact::<PyDict>() {
        let want: Option<HashMap<String, i64>> = d
            .iter()
            .map(|(k, v)| Some((utf8_of(&k)?, i64_of(&v)?)))
            .collect();
        assert_eq!(want.as_ref(), map.as_ref().ok(), "HashMap from {obj:?}");
    }
    if let Ok(m) = &map {
        assert_eq!(obj.len().unwrap(), m.len(), "HashMap from {obj:?}");
        for (k, v) in m {
            // Values convert through `__index__`: compare the index (see `check_vecs`).
            assert_eq!(
                i64_of(&obj.get_item(k).unwrap()),
                Some(*v),
                "HashMap from {obj:?}, key {k:?}"
            );
        }
    }
    let set = refcount_unchanged(obj, "HashSet", || obj.extract::<HashSet<i64>>());
    if let Ok(s) = &set {
        // Elements convert through `__index__`, so an element need not be equal to its int:
        // the extracted set is exactly the set of the elements' indexes.
        let want: HashSet<i64> = obj
            .try_iter()
            .unwrap()
            .map(|e| i64_of(&e.unwrap()).expect("an extracted element has an index"))
            .collect();
        assert_eq!(&want, s, "HashSet from {obj:?}");
    }
}

/// (i64, String) only from a 2-tuple whose items fit; Option<i64> is None for None and the
/// i64 extraction otherwise.
pub fn check_tuple_option(obj: &Bound<'_, PyAny>) {
    let pair = refcount_unchanged(obj, "(i64, String)", || obj.extract::<(i64, String)>());
    let want = obj
        .cast::<PyTuple>()
        .ok()
        .filter(|t| t.len() == 2)
        .and_then(|t| {
            Some((
                i64_of(&t.get_item(0).unwrap())?,
                utf8_of(&t.get_item(1).unwrap())?,
            ))
        });
    assert_eq!(want, pair.ok(), "(i64, String) from {obj:?}");
    let opt = refcount_unchanged(obj, "Option<i64>", || obj.extract::<Option<i64>>());
    if obj.is_none() {
        assert_eq!(opt.expect("Option from None"), None);
    } else {
        assert_eq!(
            opt.ok(),
            obj.extract::<i64>().ok().map(Some),
            "Option<i64> from {obj:?}"
        );
    }
}
