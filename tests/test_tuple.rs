#![cfg(feature = "auto-initialize")]
//! `PyTuple` and `PyTupleMethods`: construction, borrowed access, slicing, iteration.

mod common;

use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

fn fresh(py: Python<'_>) -> Bound<'_, PyAny> {
    PyList::empty(py).into_any()
}

#[test]
fn new_get_item_borrowed() {
    Python::attach(|py| {
        let a = fresh(py);
        let b = fresh(py);
        let t = PyTuple::new(py, [&a, &b]).unwrap();
        assert_eq!(t.len(), 2);
        assert!(!t.is_empty());
        assert_eq!(a.get_refcnt(), 2);
        let borrowed = t.get_borrowed_item(1).unwrap();
        assert!(borrowed.is(&b));
        assert_eq!(b.get_refcnt(), 2);
        let owned = t.get_item(0).unwrap();
        assert_eq!(a.get_refcnt(), 3);
        drop(owned);
        assert_eq!(a.get_refcnt(), 2);
        let err = t.get_item(2).unwrap_err();
        common::assert_err::<PyIndexError>(py, &err, "tuple index out of range");
        assert_eq!(err.to_string(), "IndexError: tuple index out of range");
        let err = t.get_borrowed_item(usize::MAX).unwrap_err();
        common::assert_err::<PyIndexError>(py, &err, "tuple index out of range");
        #[cfg(not(Py_LIMITED_API))]
        unsafe {
            assert!(t.get_item_unchecked(1).is(&b));
            assert!(t.get_borrowed_item_unchecked(0).is(&a));
            assert_eq!(a.get_refcnt(), 2);
        }
        drop(t);
        assert_eq!(a.get_refcnt(), 1);
        assert!(PyTuple::empty(py).is_empty());
    });
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn as_slice() {
    Python::attach(|py| {
        let a = fresh(py);
        let t = PyTuple::new(py, [a.clone(), fresh(py), a.clone()]).unwrap();
        let slice = t.as_slice();
        assert_eq!(slice.len(), 3);
        assert!(slice[0].is(&a));
        assert!(slice[2].is(&a));
        assert!(!slice[1].is(&a));
        // viewing does not touch reference counts
        assert_eq!(a.get_refcnt(), 3);
        assert!(PyTuple::empty(py).as_slice().is_empty());
    });
}

#[test]
fn slices_contains_index_to_list() {
    Python::attach(|py| {
        let t = PyTuple::new(py, ["a", "b", "c", "d"]).unwrap();
        assert_eq!(t.get_slice(1, 3).to_string(), "('b', 'c')");
        assert_eq!(t.get_slice(2, usize::MAX).to_string(), "('c', 'd')");
        assert!(t.get_slice(3, 1).is_empty());
        assert!(t.contains("c").unwrap());
        assert!(!t.contains("z").unwrap());
        assert_eq!(t.index("d").unwrap(), 3);
        let err = t.index("z").unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "sequence.index(x): x not in sequence");
        let list = t.to_list();
        assert_eq!(list.to_string(), "['a', 'b', 'c', 'd']");
        assert_eq!(list.get_refcnt(), 1);
        assert_eq!(t.as_sequence().len().unwrap(), 4);
        assert!(t.clone().into_sequence().is(&t));
    });
}

#[test]
fn iterators() {
    Python::attach(|py| {
        let items = [fresh(py), fresh(py), fresh(py)];
        let t = PyTuple::new(py, &items).unwrap();
        let mut it = t.iter();
        assert_eq!(it.len(), 3);
        assert!(it.next().unwrap().is(&items[0]));
        assert!(it.next_back().unwrap().is(&items[2]));
        assert_eq!(it.size_hint(), (1, Some(1)));
        assert!(it.next().unwrap().is(&items[1]));
        assert!(it.next().is_none());
        assert!(it.next_back().is_none());
        drop(it);
        let mut borrowed = t.iter_borrowed();
        assert_eq!(borrowed.len(), 3);
        let first = borrowed.next().unwrap();
        assert!(first.is(&items[0]));
        assert_eq!(items[0].get_refcnt(), 2);
        assert!(borrowed.next_back().unwrap().is(&items[2]));
        assert_eq!(borrowed.count(), 1);
        let rev: Vec<_> = t.clone().into_iter().rev().collect();
        assert!(rev[0].is(&items[2]));
        drop(rev);
        for item in &items {
            assert_eq!(item.get_refcnt(), 2);
        }
        assert_eq!((&t).into_iter().count(), 3);
    });
}

#[test]
fn tuple_extraction() {
    Python::attach(|py| {
        let t = PyTuple::new(py, ["x", "y"]).unwrap();
        let (a, b): (String, String) = t.extract().unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("x", "y"));
        let err = t.extract::<(String,)>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: expected tuple of length 1, but got tuple of length 2"
        );
    });
}
