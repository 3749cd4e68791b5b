#![cfg(feature = "auto-initialize")]
//! PyDict, its iterator and views, IntoPyDict, and the HashMap / BTreeMap conversions.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict, PyList, PyMapping, PyString};

fn ev<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
    py.eval(code, None, None).unwrap()
}

/// A fresh (non-immortal, non-interned) object.
fn fresh<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
    let s = PyString::new(py, text);
    s.call_method1("__add__", ("!",)).unwrap()
}

#[test]
fn new_set_get_del_with_refcounts() {
    Python::attach(|py| {
        let dict = PyDict::new(py);
        assert_eq!(dict.get_refcnt(), 1);
        assert!(dict.is_empty());
        let key = fresh(py, "key");
        let value = ev(py, c"[1, 2, 3]");
        assert_eq!((key.get_refcnt(), value.get_refcnt()), (1, 1));

        dict.set_item(&key, &value).unwrap();
        assert_eq!((key.get_refcnt(), value.get_refcnt()), (2, 2));
        assert_eq!(dict.len(), 1);
        assert!(dict.contains(&key).unwrap());

        let got = dict.get_item(&key).unwrap().unwrap();
        assert!(got.is(&value));
        assert_eq!(value.get_refcnt(), 3);
        drop(got);
        assert_eq!(value.get_refcnt(), 2);

        // Replacing the value releases the old one.
        dict.set_item(&key, "other").unwrap();
        assert_eq!((key.get_refcnt(), value.get_refcnt()), (2, 1));

        dict.del_item(&key).unwrap();
        assert_eq!(key.get_refcnt(), 1);
        assert!(dict.get_item(&key).unwrap().is_none());
        let err = dict.del_item(&key).unwrap_err();
        common::assert_err::<PyKeyError>(py, &err, "'key!'");
        assert_eq!(err.to_string(), "KeyError: 'key!'");
        // The KeyError holds the key until it is dropped.
        assert_eq!(key.get_refcnt(), 2);
        drop(err);
        assert_eq!(key.get_refcnt(), 1);
    });
}

#[test]
fn unhashable_keys_are_errors() {
    Python::attach(|py| {
        let dict = PyDict::new(py);
        let list = ev(py, c"[]");
        for err in [
            dict.set_item(&list, "v").unwrap_err(),
            dict.get_item(&list).unwrap_err(),
            dict.contains(&list).unwrap_err(),
            dict.del_item(&list).unwrap_err(),
        ] {
            // 3.14 names the container in the message.
            let expected = if py.version_info() >= (3, 14) {
                "cannot use 'list' as a dict key (unhashable type: 'list')"
            } else {
                "unhashable type: 'list'"
            };
            common::assert_err::<PyTypeError>(py, &err, expected);
        }
        assert_eq!(list.get_refcnt(), 1);
    });
}

#[test]
fn copy_clear_keys_values_items() {
    Python::attach(|py| {
        let value = ev(py, c"object()");
        let dict = [("a", value.clone()), ("b", value.clone())]
            .into_py_dict(py)
            .unwrap();
        assert_eq!(value.get_refcnt(), 3);
        let copy = dict.copy().unwrap();
        assert!(!copy.is(&dict));
        assert_eq!(value.get_refcnt(), 5);

        let keys = dict.keys();
        assert!(keys.is_exact_instance_of::<PyList>());
        assert_eq!(keys.repr().unwrap().to_string(), "['a', 'b']");
        let values = dict.values();
        assert_eq!(value.get_refcnt(), 7);
        drop(values);
        let items = dict.items();
        assert_eq!(
            items.repr().unwrap().to_string(),
            format!("[('a', {0}), ('b', {0})]", value.repr().unwrap())
        );
        drop(items);
        assert_eq!(value.get_refcnt(), 5);

        dict.clear();
        assert_eq!(dict.len(), 0);
        assert_eq!(value.get_refcnt(), 3);
        drop(copy);
        assert_eq!(value.get_refcnt(), 1);
    });
}

#[test]
fn iteration_yields_new_references() {
    Python::attach(|py| {
        let v1 = ev(py, c"object()");
        let v2 = ev(py, c"object()");
        let dict = PyDict::new(py);
        dict.set_item("x", &v1).unwrap();
        dict.set_item("y", &v2).unwrap();
        let mut iter = dict.iter();
        assert_eq!(iter.len(), 2);
        assert_eq!(iter.size_hint(), (2, Some(2)));
        let (k, v) = iter.next().unwrap();
        assert_eq!(k.extract::<String>().unwrap(), "x");
        assert!(v.is(&v1));
        assert_eq!(v1.get_refcnt(), 3);
        drop(v);
        assert_eq!(iter.len(), 1);
        assert!(iter.next().unwrap().1.is(&v2));
        assert!(iter.next().is_none());
        assert_eq!(iter.len(), 0);
        drop(iter);
        assert_eq!((v1.get_refcnt(), v2.get_refcnt()), (2, 2));

        let mut seen = Vec::new();
        for (k, _) in dict.clone() {
            seen.push(k.extract::<String>().unwrap());
        }
        assert_eq!(seen, ["x", "y"]);
        assert_eq!((&dict).into_iter().count(), 2);
        assert_eq!(dict.get_refcnt(), 1);
    });
}

#[test]
#[should_panic(expected = "dictionary changed size during iteration")]
fn growing_during_iteration_panics() {
    Python::attach(|py| {
        let dict = [("a", true)].into_py_dict(py).unwrap();
        for (k, _) in dict.iter() {
            let k: String = k.extract().unwrap();
            dict.set_item(k + "+", true).unwrap();
        }
    });
}

#[test]
#[should_panic(expected = "dictionary changed size during iteration")]
fn shrinking_during_iteration_panics() {
    Python::attach(|py| {
        let dict = [("a", true), ("b", true)].into_py_dict(py).unwrap();
        for (k, _) in dict.iter() {
            dict.del_item(k).unwrap();
        }
    });
}

/// Replacing keys at the same size is found when the iteration meets more items than the dict
/// had when it started; as in Python, that item is not yielded.
#[test]
fn replacing_keys_during_iteration_panics_before_an_extra_item() {
    Python::attach(|py| {
        let dict = [("a", true), ("b", true)].into_py_dict(py).unwrap();
        let seen = std::cell::RefCell::new(Vec::new());
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for (k, _) in dict.iter() {
                let k: String = k.extract().unwrap();
                dict.del_item(&k).unwrap();
                dict.set_item(format!("{k}x"), true).unwrap();
                seen.borrow_mut().push(k);
            }
        }));
        let message = *result.unwrap_err().downcast::<&str>().unwrap();
        assert_eq!(message, "dictionary keys changed during iteration");
        assert_eq!(*seen.borrow(), ["a", "b"]);
        let python = py
            .eval(
                c"(lambda d: [d.pop(k) and d.__setitem__(k + 'x', 1) for k in d])({'a': 1, 'b': 2})",
                None,
                None,
            )
            .unwrap_err();
        assert_eq!(
            python.to_string(),
            "RuntimeError: dictionary keys changed during iteration"
        );
    });
}

#[test]
fn locked_for_each_visits_all_and_stops_on_error() {
    Python::attach(|py| {
        let dict = [("a", "1"), ("b", "2"), ("c", "3")]
            .into_py_dict(py)
            .unwrap();
        let seen = std::cell::RefCell::new(String::new());
        dict.locked_for_each(|k, v| {
            seen.borrow_mut().push_str(&format!(
                "{}={};",
                k.extract::<String>()?,
                v.extract::<String>()?
            ));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen.into_inner(), "a=1;b=2;c=3;");
        let count = std::cell::Cell::new(0);
        let err = dict
            .locked_for_each(|_, _| {
                count.set(count.get() + 1);
                Err(PyValueError::new_err("stop"))
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "ValueError: stop");
        assert_eq!(count.get(), 1);
    });
}

#[test]
fn update_and_update_if_missing() {
    Python::attach(|py| {
        let dict = [("a", "old"), ("b", "old")].into_py_dict(py).unwrap();
        let other = [("b", "new"), ("c", "new")].into_py_dict(py).unwrap();
        let base = dict.copy().unwrap();
        base.update_if_missing(other.as_mapping()).unwrap();
        assert_eq!(
            base.repr().unwrap().to_string(),
            "{'a': 'old', 'b': 'old', 'c': 'new'}"
        );
        dict.update(other.as_mapping()).unwrap();
        assert_eq!(
            dict.repr().unwrap().to_string(),
            "{'a': 'old', 'b': 'new', 'c': 'new'}"
        );
        // Any mapping works, e.g. a mappingproxy.
        // The class is kept alive: from 3.15 a deallocated class empties the dict its
        // `__dict__` proxy shows.
        let class = ev(py, c"type('C', (), {'zz': 1})");
        let proxy = class.getattr("__dict__").unwrap();
        let mapping = proxy.cast::<PyMapping>().unwrap();
        dict.update(mapping).unwrap();
        assert!(dict.contains("zz").unwrap());
        let mapping = dict.as_mapping();
        assert_eq!(mapping.len().unwrap(), dict.len());
        let owned = dict.clone().into_mapping();
        assert!(owned.is(&dict));
    });
}

#[test]
fn from_sequence() {
    Python::attach(|py| {
        let seq = ev(py, c"[('a', 1), ['b', 2]]");
        let dict = PyDict::from_sequence(&seq).unwrap();
        assert_eq!(dict.repr().unwrap().to_string(), "{'a': 1, 'b': 2}");
        let err = PyDict::from_sequence(&ev(py, c"[('a', 1, 2)]")).unwrap_err();
        common::assert_err::<PyValueError>(
            py,
            &err,
            "dictionary update sequence element #0 has length 3; 2 is required",
        );
        assert_eq!(
            err.to_string(),
            "ValueError: dictionary update sequence element #0 has length 3; 2 is required"
        );
        let err = PyDict::from_sequence(&ev(py, c"[1]")).unwrap_err();
        // 3.14 reworded it ("object is not iterable"): Python's own `dict([1])` says the same.
        let expected = common::python_message(py, c"dict([1])");
        common::assert_err::<PyTypeError>(py, &err, &expected);
    });
}

#[test]
fn into_py_dict_variants() {
    Python::attach(|py| {
        let owned = vec![("k1".to_owned(), "v1"), ("k2".to_owned(), "v2")];
        let dict = owned.iter().into_py_dict(py).unwrap();
        assert_eq!(dict.repr().unwrap().to_string(), "{'k1': 'v1', 'k2': 'v2'}");
        let dict = owned.into_py_dict(py).unwrap();
        assert_eq!(dict.len(), 2);
        let mut map = HashMap::new();
        map.insert("only", true);
        let dict = map.into_py_dict(py).unwrap();
        assert_eq!(dict.repr().unwrap().to_string(), "{'only': True}");
        let empty: [(&str, &str); 0] = [];
        assert!(empty.into_py_dict(py).unwrap().is_empty());
        // Unhashable keys make the conversion fail.
        let list = ev(py, c"[]");
        let err = [(list, true)].into_py_dict(py).unwrap_err();
        let expected = common::python_message(py, c"{}[[]] = True");
        common::assert_err::<PyTypeError>(py, &err, &expected);
    });
}

#[test]
fn view_types() {
    Python::attach(|py| {
        use pyo3::types::{PyDictItems, PyDictKeys, PyDictValues};
        let dict = ev(py, c"{'a': 1}");
        assert!(dict
            .call_method0("keys")
            .unwrap()
            .is_instance_of::<PyDictKeys>());
        assert!(dict
            .call_method0("values")
            .unwrap()
            .is_instance_of::<PyDictValues>());
        assert!(dict
            .call_method0("items")
            .unwrap()
            .is_instance_of::<PyDictItems>());
        assert!(!dict.is_instance_of::<PyDictKeys>());
    });
}

#[test]
fn hashmap_conversions() {
    Python::attach(|py| {
        let value = ev(py, c"object()").unbind();
        let mut map: HashMap<String, Py<PyAny>> = HashMap::new();
        map.insert("a".into(), value.clone_ref(py));
        assert_eq!(value.get_refcnt(py), 2);

        let dict = (&map).into_pyobject(py).unwrap();
        assert_eq!(value.get_refcnt(py), 3);
        assert!(dict.get_item("a").unwrap().unwrap().is(&value));

        let back: HashMap<String, Py<PyAny>> = dict.extract().unwrap();
        assert_eq!(value.get_refcnt(py), 4);
        assert!(back["a"].is(&value));
        drop(back);

        let dict2 = map.into_pyobject(py).unwrap();
        assert_eq!(value.get_refcnt(py), 3);
        drop((dict, dict2));
        assert_eq!(value.get_refcnt(py), 1);

        // Custom hashers work both ways.
        type Hasher = BuildHasherDefault<std::collections::hash_map::DefaultHasher>;
        let mut custom: HashMap<String, bool, Hasher> = HashMap::default();
        custom.insert("t".into(), true);
        let dict = custom.into_pyobject(py).unwrap();
        let back: HashMap<String, bool, Hasher> = dict.extract().unwrap();
        assert_eq!(back.get("t"), Some(&true));
    });
}

#[test]
fn btreemap_conversions() {
    Python::attach(|py| {
        let mut map = BTreeMap::new();
        map.insert("b".to_owned(), "2".to_owned());
        map.insert("a".to_owned(), "1".to_owned());
        let dict = (&map).into_pyobject(py).unwrap();
        // Insertion order follows the BTreeMap order.
        assert_eq!(dict.repr().unwrap().to_string(), "{'a': '1', 'b': '2'}");
        let back: BTreeMap<String, String> = dict.extract().unwrap();
        assert_eq!(back, map);
        let dict = map.into_pyobject(py).unwrap();
        assert_eq!(dict.len(), 2);
    });
}

#[test]
fn map_extraction_errors() {
    Python::attach(|py| {
        let list = ev(py, c"[('a', 'b')]");
        let err = list.extract::<HashMap<String, String>>().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'list' object is not an instance of 'dict'");
        assert_eq!(
            err.to_string(),
            "TypeError: 'list' object is not an instance of 'dict'"
        );
        let err = list.extract::<BTreeMap<String, String>>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'list' object is not an instance of 'dict'"
        );
        let bad_value = ev(py, c"{'a': 1}");
        let err = bad_value.extract::<HashMap<String, String>>().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'int' object is not an instance of 'str'");
        assert_eq!(
            err.to_string(),
            "TypeError: 'int' object is not an instance of 'str'"
        );
        let bad_key = ev(py, c"{1: 'a'}");
        let err = bad_key.extract::<BTreeMap<String, String>>().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'int' object is not an instance of 'str'");
        // A dict subclass is accepted.
        let sub = ev(py, c"type('D', (dict,), {})(x='y')");
        let map: HashMap<String, String> = sub.extract().unwrap();
        assert_eq!(map["x"], "y");
    });
}

#[test]
fn dicts_as_globals_and_locals() {
    Python::attach(|py| {
        let globals = [("prefix", "pre-")].into_py_dict(py).unwrap();
        let locals = PyDict::new(py);
        py.run(c"value = prefix + 'fix'", Some(&globals), Some(&locals))
            .unwrap();
        assert_eq!(
            locals.get_item("value").unwrap().unwrap().to_string(),
            "pre-fix"
        );
        assert!(!globals.contains("value").unwrap());
        // `__builtins__` is added to the globals when missing.
        assert!(globals.contains("__builtins__").unwrap());
        let result = py
            .eval(c"value.upper()", Some(&globals), Some(&locals))
            .unwrap();
        assert_eq!(result.to_string(), "PRE-FIX");
        let err = py
            .eval(c"missing", Some(&globals), Some(&locals))
            .unwrap_err();
        assert_eq!(err.to_string(), "NameError: name 'missing' is not defined");
    });
}
