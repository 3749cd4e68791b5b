#![cfg(feature = "auto-initialize")]
//! `PyList` and `PyListMethods`: construction, indexing, mutation, iteration, refcounts.

mod common;

use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PySequence, PyString, PyTuple};

/// A new object that is not cached or immortal (refcount 1, owned by the caller).
fn fresh(py: Python<'_>) -> Bound<'_, PyAny> {
    PyList::empty(py).into_any()
}

#[test]
fn new_and_empty() {
    Python::attach(|py| {
        let list = PyList::new(py, ["a", "b", "c"]).unwrap();
        assert_eq!(list.len(), 3);
        assert!(!list.is_empty());
        assert_eq!(list.to_string(), "['a', 'b', 'c']");
        assert_eq!(list.get_refcnt(), 1);
        let empty = PyList::empty(py);
        assert!(empty.is_empty());
        assert_eq!(empty.len(), 0);
        assert_eq!(empty.to_string(), "[]");
        // elements keep exactly one extra reference each
        let obj = fresh(py);
        let list = PyList::new(py, [&obj, &obj]).unwrap();
        assert_eq!(obj.get_refcnt(), 3);
        drop(list);
        assert_eq!(obj.get_refcnt(), 1);
    });
}

#[test]
#[should_panic(expected = "smaller than reported by its `ExactSizeIterator`")]
fn new_with_lying_iterator_panics() {
    struct Liar(usize);
    impl Iterator for Liar {
        type Item = &'static str;
        fn next(&mut self) -> Option<&'static str> {
            if self.0 == 0 {
                None
            } else {
                self.0 -= 1;
                Some("x")
            }
        }
    }
    impl ExactSizeIterator for Liar {
        fn len(&self) -> usize {
            5
        }
    }
    Python::attach(|py| {
        let _ = PyList::new(py, Liar(2));
    });
}

#[test]
fn get_item_and_errors() {
    Python::attach(|py| {
        let obj = fresh(py);
        let list = PyList::new(py, [&obj]).unwrap();
        assert_eq!(obj.get_refcnt(), 2);
        let item = list.get_item(0).unwrap();
        assert!(item.is(&obj));
        assert_eq!(obj.get_refcnt(), 3);
        drop(item);
        assert_eq!(obj.get_refcnt(), 2);
        let err = list.get_item(1).unwrap_err();
        common::assert_err::<PyIndexError>(py, &err, "list index out of range");
        assert_eq!(err.to_string(), "IndexError: list index out of range");
        let err = list.get_item(usize::MAX).unwrap_err();
        common::assert_err::<PyIndexError>(py, &err, "list index out of range");
        #[cfg(not(Py_LIMITED_API))]
        {
            let item = unsafe { list.get_item_unchecked(0) };
            assert!(item.is(&obj));
            assert_eq!(obj.get_refcnt(), 3);
        }
    });
}

#[test]
fn get_slice_clips() {
    Python::attach(|py| {
        let list = PyList::new(py, ["a", "b", "c", "d"]).unwrap();
        assert_eq!(list.get_slice(1, 3).to_string(), "['b', 'c']");
        assert_eq!(list.get_slice(2, usize::MAX).to_string(), "['c', 'd']");
        assert_eq!(list.get_slice(3, 1).len(), 0);
        let slice = list.get_slice(0, 4);
        assert!(!slice.is(&list));
        assert_eq!(slice.get_refcnt(), 1);
    });
}

#[test]
fn set_item_del_item_and_slices() {
    Python::attach(|py| {
        let old = fresh(py);
        let new = fresh(py);
        let list = PyList::new(py, [&old]).unwrap();
        assert_eq!(old.get_refcnt(), 2);
        list.set_item(0, &new).unwrap();
        assert_eq!(old.get_refcnt(), 1);
        assert_eq!(new.get_refcnt(), 2);
        let err = list.set_item(1, &new).unwrap_err();
        assert_eq!(
            err.to_string(),
            "IndexError: list assignment index out of range"
        );
        // the failed call does not leak or steal the caller's reference
        assert_eq!(new.get_refcnt(), 2);
        list.del_item(0).unwrap();
        assert_eq!(new.get_refcnt(), 1);
        assert!(list.is_empty());
        let err = list.del_item(0).unwrap_err();
        common::assert_err::<PyIndexError>(py, &err, "list assignment index out of range");

        let list = PyList::new(py, ["a", "b", "c", "d"]).unwrap();
        let replacement = PyList::new(py, ["x", "y", "z"]).unwrap();
        list.set_slice(1, 3, &replacement).unwrap();
        assert_eq!(list.to_string(), "['a', 'x', 'y', 'z', 'd']");
        list.del_slice(1, 4).unwrap();
        assert_eq!(list.to_string(), "['a', 'd']");
        let err = list.set_slice(0, 1, &fresh(py).get_type()).unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "can only assign an iterable");
    });
}

#[test]
fn append_insert() {
    Python::attach(|py| {
        let list = PyList::empty(py);
        let obj = fresh(py);
        list.append(&obj).unwrap();
        assert_eq!(obj.get_refcnt(), 2);
        list.append(obj.clone()).unwrap();
        assert_eq!(obj.get_refcnt(), 3);
        list.insert(0, "first").unwrap();
        list.insert(100, "last").unwrap();
        assert_eq!(list.len(), 4);
        assert_eq!(list.get_item(0).unwrap().to_string(), "first");
        assert_eq!(list.get_item(3).unwrap().to_string(), "last");
        drop(list);
        assert_eq!(obj.get_refcnt(), 1);
    });
}

#[test]
fn contains_index_sort_reverse_to_tuple() {
    Python::attach(|py| {
        let list = PyList::new(py, ["b", "c", "a"]).unwrap();
        assert!(list.contains("a").unwrap());
        assert!(!list.contains("z").unwrap());
        assert_eq!(list.index("c").unwrap(), 1);
        let err = list.index("z").unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "sequence.index(x): x not in sequence");
        list.sort().unwrap();
        assert_eq!(list.to_string(), "['a', 'b', 'c']");
        list.reverse().unwrap();
        assert_eq!(list.to_string(), "['c', 'b', 'a']");
        let tuple: Bound<'_, PyTuple> = list.to_tuple();
        assert_eq!(tuple.to_string(), "('c', 'b', 'a')");
        assert_eq!(tuple.get_refcnt(), 1);

        let mixed = PyList::new(py, [fresh(py), PyString::new(py, "s").into_any()]).unwrap();
        let err = mixed.sort().unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'<' not supported between instances of 'str' and 'list'",
        );
        assert_eq!(
            err.to_string(),
            "TypeError: '<' not supported between instances of 'str' and 'list'"
        );
    });
}

#[test]
fn as_sequence() {
    Python::attach(|py| {
        let list = PyList::new(py, ["a"]).unwrap();
        let seq: &Bound<'_, PySequence> = list.as_sequence();
        assert_eq!(seq.len().unwrap(), 1);
        let seq = list.clone().into_sequence();
        assert!(seq.is(&list));
    });
}

#[test]
fn iteration() {
    Python::attach(|py| {
        let items = [fresh(py), fresh(py), fresh(py)];
        let list = PyList::new(py, &items).unwrap();
        let mut iter = list.iter();
        assert_eq!(iter.len(), 3);
        assert_eq!(iter.size_hint(), (3, Some(3)));
        assert!(iter.next().unwrap().is(&items[0]));
        assert!(iter.next_back().unwrap().is(&items[2]));
        assert_eq!(iter.len(), 1);
        assert!(iter.next().unwrap().is(&items[1]));
        assert!(iter.next().is_none());
        assert!(iter.next_back().is_none());
        drop(iter);
        for item in &items {
            assert_eq!(item.get_refcnt(), 2);
        }
        let collected: Vec<_> = (&list).into_iter().collect();
        assert_eq!(collected.len(), 3);
        let reversed: Vec<_> = list.iter().rev().collect();
        assert!(reversed[0].is(&items[2]));
        let count = list.clone().into_iter().count();
        assert_eq!(count, 3);
    });
}

#[test]
fn iteration_survives_mutation() {
    Python::attach(|py| {
        // shrinking during iteration ends the iterator early instead of failing
        let list = PyList::new(py, ["a", "b", "c", "d"]).unwrap();
        let mut seen = Vec::new();
        for item in list.iter() {
            seen.push(item.to_string());
            if list.len() > 2 {
                list.del_item(list.len() - 1).unwrap();
            }
        }
        assert_eq!(seen, ["a", "b"]);

        // growing: only the elements present when iteration started are visited
        let list = PyList::new(py, ["a", "b"]).unwrap();
        let mut seen = Vec::new();
        for item in list.iter() {
            list.append("new").unwrap();
            seen.push(item.to_string());
        }
        assert_eq!(seen, ["a", "b"]);
        assert_eq!(list.len(), 4);

        // clearing from the back while iterating from both ends
        let list = PyList::new(py, ["a", "b", "c"]).unwrap();
        let mut iter = list.iter();
        list.del_slice(0, 3).unwrap();
        assert_eq!(iter.len(), 0);
        assert!(iter.next().is_none());
        assert!(iter.next_back().is_none());
    });
}

#[test]
fn locked_for_each() {
    Python::attach(|py| {
        let list = PyList::new(py, ["a", "b", "c"]).unwrap();
        let seen = std::cell::RefCell::new(Vec::new());
        list.locked_for_each(|item| {
            seen.borrow_mut().push(item.to_string());
            Ok(())
        })
        .unwrap();
        assert_eq!(*seen.borrow(), ["a", "b", "c"]);
        let err = list
            .locked_for_each(|item| {
                if item.to_string() == "b" {
                    Err(PyValueError::new_err("stop"))
                } else {
                    Ok(())
                }
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "ValueError: stop");
    });
}

#[test]
fn cast_errors() {
    Python::attach(|py| {
        let t = PyTuple::empty(py);
        let err = t.cast::<PyList>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'tuple' object is not an instance of 'list'"
        );
    });
}

#[test]
#[should_panic(expected = "larger than reported by its `ExactSizeIterator`")]
fn new_with_iterator_longer_than_reported_panics() {
    /// Claims 2 items and yields 4.
    struct Liar(usize);
    impl Iterator for Liar {
        type Item = i32;
        fn next(&mut self) -> Option<i32> {
            self.0 += 1;
            (self.0 <= 4).then_some(self.0 as i32)
        }
    }
    impl ExactSizeIterator for Liar {
        fn len(&self) -> usize {
            2
        }
    }
    Python::attach(|py| {
        let _ = PyList::new(py, Liar(0));
    });
}
