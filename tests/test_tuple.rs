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

/// A tuple still being built by C code (reachable from Python through e.g. `gc.get_objects()`)
/// has NULL item slots. Iterating it panics at the NULL item and viewing it as a slice panics
/// up front, instead of handing out an invalid `Bound`; once every slot is set, both work.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[test]
fn half_built_tuple_panics_instead_of_reading_null() {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    Python::attach(|py| {
        let raw = unsafe { pyo3::ffi::PyTuple_New(3) };
        let t = unsafe { Bound::from_owned_ptr(py, raw) }
            .cast_into::<PyTuple>()
            .unwrap();
        let set = |i: isize, v: i64| unsafe {
            let item = v.into_pyobject(py).unwrap().into_ptr();
            pyo3::ffi::PyTuple_SET_ITEM(t.as_ptr(), i, item);
        };
        set(0, 10);
        set(2, 30);
        let mut seen = Vec::new();
        assert!(catch_unwind(AssertUnwindSafe(|| {
            for x in t.iter() {
                seen.push(x.extract::<i64>().unwrap());
            }
        }))
        .is_err());
        assert_eq!(seen, [10], "the items before the NULL one were handed out");
        assert!(catch_unwind(AssertUnwindSafe(|| t.iter_borrowed().count())).is_err());
        let r = catch_unwind(AssertUnwindSafe(|| t.as_slice().len())).unwrap_err();
        assert_eq!(
            r.downcast_ref::<&str>().copied(),
            Some("a tuple item is NULL: the tuple is still being built")
        );

        set(1, 20);
        let items: Vec<i64> = t.iter().map(|x| x.extract().unwrap()).collect();
        assert_eq!(items, [10, 20, 30]);
        let back: Vec<i64> = t.iter().rev().map(|x| x.extract().unwrap()).collect();
        assert_eq!(back, [30, 20, 10]);
        assert_eq!(t.as_slice().len(), 3);
        assert_eq!(t.get_refcnt(), 1, "iteration kept no tuple reference");
    });
}

/// An iterator claiming `claimed` items and yielding `yields`.
struct Liar {
    claimed: usize,
    yields: usize,
}

impl Iterator for Liar {
    type Item = i32;
    fn next(&mut self) -> Option<i32> {
        self.yields = self.yields.checked_sub(1)?;
        Some(7)
    }
}

impl ExactSizeIterator for Liar {
    fn len(&self) -> usize {
        self.claimed
    }
}

#[test]
#[should_panic(expected = "ExactSizeIterator reported an incorrect length")]
fn new_with_iterator_shorter_than_reported_panics() {
    Python::attach(|py| {
        let _ = PyTuple::new(
            py,
            Liar {
                claimed: 5,
                yields: 2,
            },
        );
    });
}

#[test]
#[should_panic(expected = "ExactSizeIterator reported an incorrect length")]
fn new_with_iterator_longer_than_reported_panics() {
    Python::attach(|py| {
        let _ = PyTuple::new(
            py,
            Liar {
                claimed: 2,
                yields: 4,
            },
        );
    });
}

#[test]
fn new_from_exact_iterators() {
    Python::attach(|py| {
        let t = PyTuple::new(
            py,
            Liar {
                claimed: 3,
                yields: 3,
            },
        )
        .unwrap();
        assert_eq!(t.extract::<(i32, i32, i32)>().unwrap(), (7, 7, 7));
        let t = PyTuple::new(py, Vec::<i32>::new()).unwrap();
        assert!(t.is_empty());
        let list = vec![1i64, 2, 3].into_pyobject(py).unwrap();
        assert_eq!(list.extract::<Vec<i64>>().unwrap(), [1, 2, 3]);
    });
}
