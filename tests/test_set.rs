#![cfg(feature = "auto-initialize")]
//! PySet, PyFrozenSet, PyFrozenSetBuilder and the HashSet / BTreeSet conversions.

mod common;

use std::collections::{BTreeSet, HashSet};
use std::hash::BuildHasherDefault;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyFrozenSet, PyFrozenSetBuilder, PySet, PyString};

fn ev<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
    py.eval(code, None, None).unwrap()
}

fn fresh<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
    PyString::new(py, text)
        .call_method1("__add__", ("~",))
        .unwrap()
}

fn sorted_strings<'py>(items: impl Iterator<Item = Bound<'py, PyAny>>) -> Vec<String> {
    let mut v: Vec<String> = items.map(|x| x.extract().unwrap()).collect();
    v.sort();
    v
}

#[test]
fn set_new_add_discard_pop_with_refcounts() {
    Python::attach(|py| {
        let elem = fresh(py, "e");
        let set = PySet::new(py, [&elem]).unwrap();
        assert_eq!(elem.get_refcnt(), 2);
        assert_eq!(set.len(), 1);
        assert!(set.contains(&elem).unwrap());
        // Adding an equal element again keeps one copy.
        set.add(&elem).unwrap();
        assert_eq!((set.len(), elem.get_refcnt()), (1, 2));
        assert!(set.discard(&elem).unwrap());
        assert_eq!(elem.get_refcnt(), 1);
        assert!(!set.discard(&elem).unwrap());
        assert!(set.is_empty());

        set.add(&elem).unwrap();
        let popped = set.pop().unwrap();
        assert!(popped.is(&elem));
        assert_eq!(elem.get_refcnt(), 2);
        drop(popped);
        assert_eq!(elem.get_refcnt(), 1);
        assert!(set.pop().is_none());
        // `pop` on an empty set leaves no pending error.
        assert!(PyErr::take(py).is_none());

        set.add("x").unwrap();
        set.add(&elem).unwrap();
        set.clear();
        assert_eq!((set.len(), elem.get_refcnt()), (0, 1));
        assert!(PySet::empty(py).unwrap().is_empty());
    });
}

#[test]
fn set_errors() {
    Python::attach(|py| {
        let set = PySet::empty(py).unwrap();
        let list = ev(py, c"[]");
        for err in [
            set.add(&list).unwrap_err(),
            set.contains(&list).unwrap_err(),
            set.discard(&list).unwrap_err(),
            PySet::new(py, [&list]).unwrap_err(),
            PyFrozenSet::new(py, [&list]).unwrap_err(),
        ] {
            // 3.14 names the container in the message.
            let expected = if py.version_info() >= (3, 14) {
                "cannot use 'list' as a set element (unhashable type: 'list')"
            } else {
                "unhashable type: 'list'"
            };
            common::assert_err::<PyTypeError>(py, &err, expected);
        }
        assert_eq!(list.get_refcnt(), 1);
    });
}

#[test]
fn set_iteration() {
    Python::attach(|py| {
        let set = PySet::new(py, ["a", "b", "c"]).unwrap();
        let mut iter = set.iter();
        assert_eq!(iter.len(), 3);
        iter.next().unwrap();
        assert_eq!(iter.size_hint(), (2, Some(2)));
        assert_eq!(iter.count(), 2);
        assert_eq!(sorted_strings(set.iter()), ["a", "b", "c"]);
        assert_eq!(sorted_strings((&set).into_iter()), ["a", "b", "c"]);
        assert_eq!(sorted_strings(set.clone().into_iter()), ["a", "b", "c"]);
        assert_eq!(set.get_refcnt(), 1);

        let elem = fresh(py, "z");
        let set = PySet::new(py, [&elem]).unwrap();
        let got: Vec<_> = set.iter().collect();
        assert!(got[0].is(&elem));
        assert_eq!(elem.get_refcnt(), 3);
        drop(got);
        assert_eq!(elem.get_refcnt(), 2);
    });
}

#[test]
#[should_panic(
    expected = "set iteration should be infallible: PyErr { type: <class 'RuntimeError'>, value: RuntimeError('Set changed size during iteration')"
)]
fn set_mutation_during_iteration_panics() {
    Python::attach(|py| {
        let set = PySet::new(py, ["a", "b"]).unwrap();
        for item in set.iter() {
            set.discard(item).unwrap();
        }
    });
}

#[test]
fn frozenset_and_builder() {
    Python::attach(|py| {
        let elem = fresh(py, "f");
        let fs = PyFrozenSet::new(py, [&elem]).unwrap();
        assert_eq!(elem.get_refcnt(), 2);
        assert!(fs.contains(&elem).unwrap());
        assert!(!fs.contains("nope").unwrap());
        assert_eq!(fs.len(), 1);
        assert!(!fs.is_empty());
        assert!(fs.is_exact_instance_of::<PyFrozenSet>());
        assert!(!fs.is_instance_of::<PySet>());
        let items: Vec<_> = fs.iter().collect();
        assert!(items[0].is(&elem));
        drop(items);
        drop(fs);
        assert_eq!(elem.get_refcnt(), 1);

        let mut builder = PyFrozenSetBuilder::new(py).unwrap();
        builder.add("x").unwrap();
        builder.add(&elem).unwrap();
        builder.add("x").unwrap();
        let err = builder.add(ev(py, c"{}")).unwrap_err();
        let expected = common::python_message(py, c"set().add({})");
        common::assert_err::<PyTypeError>(py, &err, &expected);
        let fs = builder.finalize();
        assert_eq!(fs.len(), 2);
        assert_eq!(sorted_strings(fs.iter()), ["f~", "x"]);
        assert_eq!(sorted_strings((&fs).into_iter()), ["f~", "x"]);
        assert_eq!(fs.iter().len(), 2);
        // A finished frozenset is hashable and equal to Python's own.
        let other = ev(py, c"frozenset(['x', 'f~'])");
        assert!(fs.eq(&other).unwrap());
        assert_eq!(fs.hash().unwrap(), other.hash().unwrap());
        assert!(PyFrozenSet::empty(py).unwrap().is_empty());
        assert_eq!(sorted_strings(fs.into_iter()), ["f~", "x"]);
    });
}

#[test]
fn hashset_conversions() {
    Python::attach(|py| {
        let set: HashSet<String> = ["a", "b"].iter().map(|s| s.to_string()).collect();
        let py_set = (&set).into_pyobject(py).unwrap();
        assert!(py_set.is_exact_instance_of::<PySet>());
        assert_eq!(sorted_strings(py_set.iter()), ["a", "b"]);
        let back: HashSet<String> = py_set.extract().unwrap();
        assert_eq!(back, set);
        let py_set = set.clone().into_pyobject(py).unwrap();
        assert_eq!(py_set.len(), 2);

        let frozen = ev(py, c"frozenset(['q'])");
        let back: HashSet<String> = frozen.extract().unwrap();
        assert!(back.contains("q"));

        type Hasher = BuildHasherDefault<std::collections::hash_map::DefaultHasher>;
        let custom: HashSet<String, Hasher> = frozen.extract().unwrap();
        assert_eq!(custom.len(), 1);
        let py_custom = custom.into_pyobject(py).unwrap();
        assert_eq!(py_custom.len(), 1);
    });
}

#[test]
fn btreeset_conversions() {
    Python::attach(|py| {
        let set: BTreeSet<String> = ["z", "y"].iter().map(|s| s.to_string()).collect();
        let py_set = (&set).into_pyobject(py).unwrap();
        assert_eq!(sorted_strings(py_set.iter()), ["y", "z"]);
        let back: BTreeSet<String> = py_set.extract().unwrap();
        assert_eq!(back, set);
        let py_set = set.into_pyobject(py).unwrap();
        assert_eq!(py_set.len(), 2);
        let back: BTreeSet<String> = ev(py, c"frozenset(['b', 'a'])").extract().unwrap();
        assert_eq!(back.into_iter().collect::<Vec<_>>(), ["a", "b"]);
    });
}

#[test]
fn set_extraction_errors() {
    Python::attach(|py| {
        let list = ev(py, c"['a']");
        let err = list.extract::<HashSet<String>>().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'list' object is not an instance of 'set'");
        assert_eq!(
            err.to_string(),
            "TypeError: 'list' object is not an instance of 'set'"
        );
        let err = list.extract::<BTreeSet<String>>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'list' object is not an instance of 'set'"
        );
        let err = ev(py, c"{1}").extract::<HashSet<String>>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'int' object is not an instance of 'str'"
        );
        let err = ev(py, c"frozenset([1])")
            .extract::<BTreeSet<String>>()
            .unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'int' object is not an instance of 'str'");
    });
}
