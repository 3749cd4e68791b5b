#![cfg(feature = "auto-initialize")]
//! `PyIterator`, `PySlice` / `PySliceIndices` and `PyRange`.

mod common;

use pyo3::exceptions::{PyTypeError, PyValueError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::types::{
    PyDict, PyIterator, PyList, PyRange, PyRangeMethods, PySlice, PySliceIndices, PySliceMethods,
};

#[test]
fn iterator_from_object() {
    Python::attach(|py| {
        let a = PyList::empty(py).into_any();
        let list = PyList::new(py, [&a, &a]).unwrap();
        let iter = PyIterator::from_object(&list).unwrap();
        assert_eq!(list.get_refcnt(), 2);
        #[cfg(not(Py_LIMITED_API))]
        assert_eq!(iter.size_hint(), (2, None));
        let items: Vec<_> = iter.collect::<PyResult<_>>().unwrap();
        assert_eq!(items.len(), 2);
        assert!(items[0].is(&a));
        assert_eq!(a.get_refcnt(), 5);
        drop(items);
        assert_eq!(a.get_refcnt(), 3);
        assert_eq!(list.get_refcnt(), 1);

        let err = PyIterator::from_object(&py.eval(c"5", None, None).unwrap()).unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "'int' object is not iterable");
        assert_eq!(err.to_string(), "TypeError: 'int' object is not iterable");

        // iterating by reference
        let iter = PyIterator::from_object(&list).unwrap();
        let mut n = 0;
        for item in &iter {
            item.unwrap();
            n += 1;
        }
        assert_eq!(n, 2);
        assert!((&iter).into_iter().next().is_none());
    });
}

#[test]
fn iterator_errors() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            c"def gen():\n    yield 1\n    1 / 0\n",
            Some(&globals),
            None,
        )
        .unwrap();
        let g = py.eval(c"gen()", Some(&globals), None).unwrap();
        let mut iter = g.try_iter().unwrap();
        assert_eq!(iter.next().unwrap().unwrap().extract::<i64>().unwrap(), 1);
        let err = iter.next().unwrap().unwrap_err();
        common::assert_err::<PyZeroDivisionError>(py, &err, "division by zero");
        assert!(iter.next().is_none());
        // casting
        let list = PyList::empty(py);
        let err = list.cast::<PyIterator>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'list' object is not an instance of 'Iterator'"
        );
        let it = list.try_iter().unwrap();
        assert!(it.as_any().cast::<PyIterator>().is_ok());
    });
}

#[cfg(Py_3_10)]
#[test]
fn iterator_send() {
    use pyo3::types::PySendResult;
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            c"def gen():\n    x = yield 1\n    y = yield x + 1\n    return y * 2\n",
            Some(&globals),
            None,
        )
        .unwrap();
        let g = py.eval(c"gen()", Some(&globals), None).unwrap();
        let g = g.cast::<PyIterator>().unwrap();
        let none = py.None().into_bound(py);
        match g.send(&none).unwrap() {
            PySendResult::Next(v) => assert_eq!(v.extract::<i64>().unwrap(), 1),
            other => panic!("unexpected {other:?}"),
        }
        match g
            .send(&10i64.into_pyobject(py).unwrap().into_any())
            .unwrap()
        {
            PySendResult::Next(v) => assert_eq!(v.extract::<i64>().unwrap(), 11),
            other => panic!("unexpected {other:?}"),
        }
        match g
            .send(&21i64.into_pyobject(py).unwrap().into_any())
            .unwrap()
        {
            PySendResult::Return(v) => assert_eq!(v.extract::<i64>().unwrap(), 42),
            other => panic!("unexpected {other:?}"),
        }
        let g2 = py.eval(c"gen()", Some(&globals), None).unwrap();
        let g2 = g2.cast::<PyIterator>().unwrap();
        let err = g2
            .send(&5i64.into_pyobject(py).unwrap().into_any())
            .unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "can't send non-None value to a just-started generator",
        );
        assert_eq!(
            err.to_string(),
            "TypeError: can't send non-None value to a just-started generator"
        );
    });
}

#[test]
fn slices() {
    Python::attach(|py| {
        let s = PySlice::new(py, 1, 8, 3);
        assert_eq!(s.to_string(), "slice(1, 8, 3)");
        assert_eq!(s.get_refcnt(), 1);
        let i = s.indices(5).unwrap();
        assert_eq!(
            i,
            PySliceIndices {
                start: 1,
                stop: 5,
                step: 3,
                slicelength: 2
            }
        );
        let full = PySlice::full(py);
        assert_eq!(full.to_string(), "slice(None, None, None)");
        let i = full.indices(4).unwrap();
        assert_eq!((i.start, i.stop, i.step, i.slicelength), (0, 4, 1, 4));
        let neg = PySlice::new(py, -2, isize::MIN, -1);
        let i = neg.indices(6).unwrap();
        assert_eq!((i.start, i.stop, i.step, i.slicelength), (4, -1, -1, 5));
        let err = PySlice::new(py, 0, 1, 0).indices(3).unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "slice step cannot be zero");
        assert_eq!(err.to_string(), "ValueError: slice step cannot be zero");
        let obj = PySliceIndices::new(2, 3, 1).into_pyobject(py).unwrap();
        assert_eq!(obj.to_string(), "slice(2, 3, 1)");
        let list = PyList::new(py, ["a", "b", "c", "d"]).unwrap();
        assert_eq!(list.as_any().get_item(&obj).unwrap().to_string(), "['c']");
        assert_eq!(PySliceIndices::new(1, 2, 3).slicelength, 0);
        let obj = (&PySliceIndices::new(0, 1, 1)).into_pyobject(py).unwrap();
        assert_eq!(obj.to_string(), "slice(0, 1, 1)");
    });
}

#[test]
fn ranges() {
    Python::attach(|py| {
        let r = PyRange::new(py, 2, 5).unwrap();
        assert_eq!(r.to_string(), "range(2, 5)");
        assert_eq!(
            (r.start().unwrap(), r.stop().unwrap(), r.step().unwrap()),
            (2, 5, 1)
        );
        assert_eq!(r.len().unwrap(), 3);
        let r = PyRange::new_with_step(py, 10, -10, -5).unwrap();
        assert_eq!(r.extract::<Vec<i64>>().unwrap(), vec![10, 5, 0, -5]);
        assert_eq!(r.step().unwrap(), -5);
        let err = PyRange::new_with_step(py, 0, 1, 0).unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "range() arg 3 must not be zero");
        assert_eq!(
            err.to_string(),
            "ValueError: range() arg 3 must not be zero"
        );
        let big = py.eval(c"range(2**70)", None, None).unwrap();
        let big = big.cast::<PyRange>().unwrap();
        assert_eq!(big.start().unwrap(), 0);
        assert!(big
            .stop()
            .unwrap_err()
            .is_instance_of::<pyo3::exceptions::PyOverflowError>(py));
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            PyList::empty(py).cast::<PyRange>(),
            "'list' object is not an instance of 'range'",
        );
    });
}
