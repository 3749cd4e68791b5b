#![cfg(feature = "auto-initialize")]
//! `PySequence`, and `Vec<T>` / `[T; N]` / `&[T]` conversions.

mod common;

use pyo3::exceptions::{PyIndexError, PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PySequence, PyTuple};

#[test]
fn sequence_cast() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2]).unwrap();
        assert!(list.cast::<PySequence>().is_ok());
        let t = PyTuple::new(py, [1]).unwrap();
        assert!(t.cast::<PySequence>().is_ok());
        let r = py.eval(c"range(3)", None, None).unwrap();
        assert!(r.cast::<PySequence>().is_ok());
        let s = py.eval(c"'abc'", None, None).unwrap();
        assert!(s.cast::<PySequence>().is_ok());
        let d = PyDict::new(py);
        let err = d.cast::<PySequence>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'dict' object is not an instance of 'Sequence'"
        );
        let n = py.eval(c"5", None, None).unwrap();
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            n.cast::<PySequence>(),
            "'int' object is not an instance of 'Sequence'",
        );
    });
}

#[test]
fn register_makes_castable() {
    Python::attach(|py| {
        let code = c"class MySeq:\n    def __len__(self): return 2\n    def __getitem__(self, i):\n        if i >= 2: raise IndexError(i)\n        return i * 10\n";
        let globals = PyDict::new(py);
        py.run(code, Some(&globals), None).unwrap();
        let cls = globals.get_item("MySeq").unwrap().unwrap();
        let obj = cls.call0().unwrap();
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            obj.cast::<PySequence>(),
            "'MySeq' object is not an instance of 'Sequence'",
        );
        // register through the type object of a Python class
        let ty = cls.cast::<pyo3::types::PyType>().unwrap();
        let abc = py
            .import("collections.abc")
            .unwrap()
            .getattr("Sequence")
            .unwrap();
        abc.call_method1("register", (ty,)).unwrap();
        let seq = obj.cast::<PySequence>().unwrap();
        assert_eq!(seq.len().unwrap(), 2);
        assert_eq!(obj.extract::<Vec<i64>>().unwrap(), vec![0, 10]);
        // PySequence::register for a native type (idempotent for builtin sequences)
        PySequence::register::<PyList>(py).unwrap();
    });
}

#[test]
fn sequence_methods() {
    Python::attach(|py| {
        let list = PyList::new(py, ["a", "b", "a"]).unwrap();
        let seq = list.as_sequence();
        assert_eq!(seq.len().unwrap(), 3);
        assert!(!seq.is_empty().unwrap());
        assert_eq!(seq.count("a").unwrap(), 2);
        assert!(seq.contains("b").unwrap());
        assert_eq!(seq.index("b").unwrap(), 1);
        assert_eq!(seq.get_item(2).unwrap().to_string(), "a");
        let err = seq.get_item(3).unwrap_err();
        common::assert_err::<PyIndexError>(py, &err, "list index out of range");
        let err = seq.index("z").unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "sequence.index(x): x not in sequence");
        assert_eq!(seq.get_slice(0, 2).unwrap().to_string(), "['a', 'b']");
        let other = PyList::new(py, ["c"]).unwrap();
        let cat = seq.concat(other.as_sequence()).unwrap();
        assert_eq!(cat.to_string(), "['a', 'b', 'a', 'c']");
        assert!(!cat.is(seq));
        assert_eq!(seq.repeat(2).unwrap().len().unwrap(), 6);
        let same = seq.in_place_concat(other.as_sequence()).unwrap();
        assert!(same.is(seq));
        assert_eq!(list.len(), 4);
        let same = seq.in_place_repeat(2).unwrap();
        assert!(same.is(seq));
        assert_eq!(list.len(), 8);
        seq.set_item(0, "z").unwrap();
        seq.del_item(1).unwrap();
        seq.del_slice(2, 100).unwrap();
        assert_eq!(list.to_string(), "['z', 'a']");
        seq.set_slice(0, 1, &PyList::new(py, ["q", "r"]).unwrap())
            .unwrap();
        assert_eq!(list.to_string(), "['q', 'r', 'a']");
        let l2 = seq.to_list().unwrap();
        assert!(!l2.is(&list));
        assert_eq!(l2.get_refcnt(), 1);
        assert_eq!(seq.to_tuple().unwrap().to_string(), "('q', 'r', 'a')");

        let t = PyTuple::new(py, [1]).unwrap();
        let err = t.as_sequence().set_item(0, 2).unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'tuple' object does not support item assignment",
        );
        assert_eq!(
            err.to_string(),
            "TypeError: 'tuple' object does not support item assignment"
        );
    });
}

#[test]
fn vec_extraction() {
    Python::attach(|py| {
        let list = py.eval(c"[1, 2, 3]", None, None).unwrap();
        assert_eq!(list.extract::<Vec<i64>>().unwrap(), vec![1, 2, 3]);
        let t = py.eval(c"(4, 5)", None, None).unwrap();
        assert_eq!(t.extract::<Vec<i32>>().unwrap(), vec![4, 5]);
        let r = py.eval(c"range(3)", None, None).unwrap();
        assert_eq!(r.extract::<Vec<usize>>().unwrap(), vec![0, 1, 2]);
        let b = PyBytes::new(py, b"ab");
        assert_eq!(b.extract::<Vec<u8>>().unwrap(), vec![97, 98]);
        let nested = py.eval(c"[['a'], [], ['b', 'c']]", None, None).unwrap();
        assert_eq!(
            nested.extract::<Vec<Vec<String>>>().unwrap(),
            vec![vec!["a".to_string()], vec![], vec!["b".into(), "c".into()]]
        );

        let s = py.eval(c"'abc'", None, None).unwrap();
        let err = s.extract::<Vec<String>>().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "Can't extract `str` to `Vec`");
        assert_eq!(err.to_string(), "TypeError: Can't extract `str` to `Vec`");
        let d = PyDict::new(py);
        let err = d.extract::<Vec<i64>>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'dict' object is not an instance of 'Sequence'"
        );
        let bad = py.eval(c"[1, 'x']", None, None).unwrap();
        let err = bad.extract::<Vec<i64>>().unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'str' object cannot be interpreted as an integer",
        );
        let big = py.eval(c"[1, 2**70]", None, None).unwrap();
        let err = big.extract::<Vec<i64>>().unwrap_err();
        common::assert_err::<PyOverflowError>(
            py,
            &err,
            "Python int too large to convert to C long",
        );
        // the input's refcount is unchanged by extraction
        let list = py.eval(c"[object(), object()]", None, None).unwrap();
        let before = list.get_refcnt();
        let first = list.get_item(0).unwrap();
        let first_before = first.get_refcnt();
        let _: Vec<Bound<'_, PyAny>> = list.extract().unwrap();
        assert_eq!(list.get_refcnt(), before);
        assert_eq!(first.get_refcnt(), first_before);
        let objs: Vec<Bound<'_, PyAny>> = list.extract().unwrap();
        assert_eq!(first.get_refcnt(), first_before + 1);
        drop(objs);
    });
}

#[test]
fn vec_extraction_survives_mutation() {
    Python::attach(|py| {
        // extracting an element runs Python code that shrinks the list
        let globals = PyDict::new(py);
        py.run(
            c"class Shrink:\n    def __index__(self):\n        lst.clear()\n        return 7\nlst = [Shrink(), 1, 2]\n",
            Some(&globals),
            None,
        )
        .unwrap();
        let lst = globals.get_item("lst").unwrap().unwrap();
        assert_eq!(lst.extract::<Vec<i64>>().unwrap(), vec![7]);
    });
}

#[test]
fn array_conversions() {
    Python::attach(|py| {
        let list = py.eval(c"[1, 2, 3]", None, None).unwrap();
        assert_eq!(list.extract::<[i64; 3]>().unwrap(), [1, 2, 3]);
        let err = list.extract::<[i64; 2]>().unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "expected a sequence of length 2 (got 3)");
        assert_eq!(
            err.to_string(),
            "ValueError: expected a sequence of length 2 (got 3)"
        );
        let d = PyDict::new(py);
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            d.extract::<[i64; 0]>(),
            "'dict' object is not an instance of 'Sequence'",
        );
        let obj = [1i64, 2, 3].into_pyobject(py).unwrap();
        assert!(obj.is_instance_of::<PyList>());
        assert_eq!(obj.to_string(), "[1, 2, 3]");
        let obj = (&["a", "b"]).into_pyobject(py).unwrap();
        assert_eq!(obj.to_string(), "['a', 'b']");
    });
}

#[test]
fn vec_and_slice_into_pyobject() {
    Python::attach(|py| {
        let obj = vec!["x".to_string(), "y".to_string()]
            .into_pyobject(py)
            .unwrap();
        assert!(obj.is_instance_of::<PyList>());
        assert_eq!(obj.to_string(), "['x', 'y']");
        assert_eq!(obj.get_refcnt(), 1);
        let v = vec![1i32, 2];
        assert_eq!((&v).into_pyobject(py).unwrap().to_string(), "[1, 2]");
        let slice: &[i32] = &v;
        assert_eq!(slice.into_pyobject(py).unwrap().to_string(), "[1, 2]");
        let nested = vec![vec![1i64], vec![]].into_pyobject(py).unwrap();
        assert_eq!(nested.to_string(), "[[1], []]");
        let empty: Vec<String> = Vec::new();
        assert_eq!(empty.into_pyobject(py).unwrap().to_string(), "[]");
        // element refcounts: each element is referenced once by the new list
        let a = PyList::empty(py).into_any();
        let list = vec![a.clone(), a.clone()].into_pyobject(py).unwrap();
        assert_eq!(a.get_refcnt(), 3);
        drop(list);
        assert_eq!(a.get_refcnt(), 1);
    });
}

#[test]
fn bytes_like_sequences_become_bytes() {
    Python::attach(|py| {
        let obj = vec![1u8, 2, 3].into_pyobject(py).unwrap();
        assert!(obj.is_instance_of::<PyBytes>());
        assert_eq!(obj.to_string(), "b'\\x01\\x02\\x03'");
        let slice: &[u8] = b"hi";
        let obj = slice.into_pyobject(py).unwrap();
        assert!(obj.is_instance_of::<PyBytes>());
        let obj = [0u8; 2].into_pyobject(py).unwrap();
        assert!(obj.is_instance_of::<PyBytes>());
        let obj = std::borrow::Cow::Borrowed(&b"c"[..])
            .into_pyobject(py)
            .unwrap();
        assert_eq!(obj.as_any().to_string(), "b'c'");
    });
}
