#![cfg(feature = "auto-initialize")]
//! Failure paths leave every reference count exactly where it was: PyErr state changes,
//! argument extraction in generated code, `#[derive(FromPyObject)]` enums, and the
//! map / Vec / array / set conversions. Each check goes through
//! `common::assert_refcounts_unchanged` and asserts the exact error through
//! `common::assert_err`.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};

use common::{assert_err, assert_refcounts_unchanged, assert_result_err};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// A fresh object from Python source (mortal, so its reference count moves).
fn fresh<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
    py.eval(code, None, None).unwrap()
}

#[test]
fn pyerr_state_changes() {
    Python::attach(|py| {
        // Normalized error: restore / fetch / take / clone_ref / into_value.
        let value = fresh(py, c"ValueError('state')");
        assert_refcounts_unchanged(&[&value], || {
            let err = PyErr::from_value(value.clone());
            err.clone_ref(py).restore(py);
            let fetched = PyErr::fetch(py);
            assert!(fetched.value(py).is(&value));
            fetched.restore(py);
            let taken = PyErr::take(py).unwrap();
            assert!(taken.traceback(py).is_none());
            assert_err::<PyValueError>(py, &taken, "state");
            let value_again = taken.into_value(py);
            assert!(value_again.bind(py).is(&value));
            drop(value_again);
            drop(err);
        });

        // Lazy error whose argument is a Python object: normalizing it, fetching it and
        // dropping it releases the argument again.
        let arg = PyList::new(py, [1, 2]).unwrap();
        assert_refcounts_unchanged(&[arg.as_any()], || {
            let err = PyTypeError::new_err(arg.clone().unbind());
            err.restore(py);
            let fetched = PyErr::fetch(py);
            assert_err::<PyTypeError>(py, &fetched, "[1, 2]");
        });

        // Causes: setting and reading a cause, then dropping both errors.
        let cause = fresh(py, c"KeyError('why')");
        assert_refcounts_unchanged(&[&cause], || {
            let err = PyValueError::new_err("outer");
            err.set_cause(py, Some(PyErr::from_value(cause.clone())));
            let read = err.cause(py).unwrap();
            assert!(read.value(py).is(&cause));
            err.set_cause(py, None);
            assert!(err.cause(py).is_none());
        });
    });
}

#[pyfunction]
#[pyo3(signature = (number, items, mapping, *, flag = false))]
fn takes_many(number: i32, items: Vec<String>, mapping: HashMap<String, i64>, flag: bool) -> usize {
    let _ = (number, flag);
    items.len() + mapping.len()
}

#[pyclass]
struct Holder {
    value: i64,
}

#[pymethods]
impl Holder {
    fn set(&mut self, value: i64) {
        self.value = value;
    }
}

#[test]
fn argument_extraction_failures() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(takes_many, py).unwrap();
        let number = fresh(py, c"[1]");
        let items = fresh(py, c"['a', ''.join(['b', 'c']), 3]");
        let mapping = fresh(py, c"{'k': 'not an int'}");
        let good_items = fresh(py, c"['a']");
        let good_mapping = fresh(py, c"{'k': 1}");
        let all = [&number, &items, &mapping, &good_items, &good_mapping];
        assert_refcounts_unchanged(&all, || {
            assert_result_err::<PyTypeError, _>(
                py,
                f.call1((&number, &good_items, &good_mapping)),
                "'list' object cannot be interpreted as an integer",
            );
            assert_result_err::<PyTypeError, _>(
                py,
                f.call1((1, &items, &good_mapping)),
                "'int' object is not an instance of 'str'",
            );
            assert_result_err::<PyTypeError, _>(
                py,
                f.call1((1, &good_items, &mapping)),
                "'str' object cannot be interpreted as an integer",
            );
            // Keyword arguments: unknown name, wrong type for a keyword-only one.
            let kwargs = PyDict::new(py);
            kwargs.set_item("flag", &number).unwrap();
            assert_result_err::<PyTypeError, _>(
                py,
                f.call((1, &good_items, &good_mapping), Some(&kwargs)),
                "'list' object is not an instance of 'bool'",
            );
            let kwargs = PyDict::new(py);
            kwargs.set_item("nope", &number).unwrap();
            assert_result_err::<PyTypeError, _>(
                py,
                f.call((1, &good_items, &good_mapping), Some(&kwargs)),
                "takes_many() got an unexpected keyword argument 'nope'",
            );
            // Too many positional arguments.
            assert_result_err::<PyTypeError, _>(
                py,
                f.call1((1, &good_items, &good_mapping, &number)),
                "takes_many() takes 3 positional arguments but 4 were given",
            );
            // And the success path, for comparison.
            assert_eq!(
                f.call1((1, &good_items, &good_mapping))
                    .unwrap()
                    .extract::<usize>()
                    .unwrap(),
                2
            );
        });

        // The argument's name is attached to a TypeError as a note.
        let err = f.call1((1, &items, &good_mapping)).unwrap_err();
        let notes = err.value(py).getattr("__notes__").unwrap();
        assert_eq!(notes.repr().unwrap(), "[\"while processing 'items'\"]");
        drop((err, notes));

        // A method whose argument fails to extract while `self` is borrowed mutably.
        let holder = Bound::new(py, Holder { value: 0 }).unwrap();
        assert_refcounts_unchanged(&[holder.as_any(), &number], || {
            assert_result_err::<PyTypeError, _>(
                py,
                holder.call_method1("set", (&number,)),
                "'list' object cannot be interpreted as an integer",
            );
            // The borrow was released: the object is usable again.
            holder.call_method1("set", (5,)).unwrap();
        });
        assert_eq!(holder.borrow().value, 5);
    });
}

#[derive(FromPyObject, Debug)]
enum Shape {
    Int(i64),
    Pair(i64, i64),
    Named {
        #[pyo3(item)]
        name: String,
    },
}

#[test]
fn derive_enum_extraction_failures() {
    Python::attach(|py| {
        let head = "failed to extract enum Shape ('Int | Pair | Named')";
        let cases = [
            (
                c"['x', 'y']",
                "- variant Int (Int): TypeError: failed to extract field Shape::Int.0, caused by TypeError: 'list' object cannot be interpreted as an integer\n\
                 - variant Pair (Pair): TypeError: 'list' object is not an instance of 'tuple'\n\
                 - variant Named (Named): TypeError: list indices must be integers or slices, not str",
            ),
            (
                c"{'name': [1]}",
                "- variant Int (Int): TypeError: failed to extract field Shape::Int.0, caused by TypeError: 'dict' object cannot be interpreted as an integer\n\
                 - variant Pair (Pair): TypeError: 'dict' object is not an instance of 'tuple'\n\
                 - variant Named (Named): TypeError: failed to extract field Shape::Named.name, caused by TypeError: 'list' object is not an instance of 'str'",
            ),
            (
                c"object()",
                "- variant Int (Int): TypeError: failed to extract field Shape::Int.0, caused by TypeError: 'object' object cannot be interpreted as an integer\n\
                 - variant Pair (Pair): TypeError: 'object' object is not an instance of 'tuple'\n\
                 - variant Named (Named): TypeError: 'object' object is not subscriptable",
            ),
        ];
        for (code, variants) in cases {
            let obj = fresh(py, code);
            // The bad field value inside the object must not leak either.
            let inner = obj.get_item("name").ok();
            let mut objs = vec![&obj];
            objs.extend(inner.as_ref());
            assert_refcounts_unchanged(&objs, || {
                let message = format!("{head}\n{variants}");
                assert_result_err::<PyTypeError, _>(py, obj.extract::<Shape>(), &message);
            });
        }
        // Matching variants still work.
        assert!(matches!(
            fresh(py, c"(1, 2)").extract::<Shape>(),
            Ok(Shape::Pair(1, 2))
        ));
        match fresh(py, c"5").extract::<Shape>() {
            Ok(Shape::Int(v)) => assert_eq!(v, 5),
            other => panic!("{other:?}"),
        }
        match fresh(py, c"{'name': 'n'}").extract::<Shape>() {
            Ok(Shape::Named { name }) => assert_eq!(name, "n"),
            other => panic!("{other:?}"),
        }
    });
}

#[test]
fn collection_extraction_failures() {
    Python::attach(|py| {
        // The bad element sits after good ones, so the partial result must be dropped.
        let element = fresh(py, c"''.join(['not ', 'a number'])");
        let list = PyList::new(py, [fresh(py, c"1"), element.clone()]).unwrap();
        let dict = PyDict::new(py);
        dict.set_item(fresh(py, c"''.join(['ke', 'y'])"), &element)
            .unwrap();
        let short = fresh(py, c"[1, 2]");
        let not_a_seq = fresh(py, c"object()");
        let int_set = fresh(py, c"{1, 2}");
        let objs = [
            &element,
            list.as_any(),
            dict.as_any(),
            &short,
            &not_a_seq,
            &int_set,
        ];
        assert_refcounts_unchanged(&objs, || {
            assert_result_err::<PyTypeError, _>(
                py,
                list.extract::<Vec<i32>>(),
                "'str' object cannot be interpreted as an integer",
            );
            assert_result_err::<PyTypeError, _>(
                py,
                list.extract::<[i32; 2]>(),
                "'str' object cannot be interpreted as an integer",
            );
            assert_result_err::<PyValueError, _>(
                py,
                short.extract::<[i32; 3]>(),
                "expected a sequence of length 3 (got 2)",
            );
            assert_result_err::<PyTypeError, _>(
                py,
                not_a_seq.extract::<Vec<i32>>(),
                "'object' object is not an instance of 'Sequence'",
            );
            assert_result_err::<PyTypeError, _>(
                py,
                dict.extract::<HashMap<String, i32>>(),
                "'str' object cannot be interpreted as an integer",
            );
            assert_result_err::<PyTypeError, _>(
                py,
                dict.extract::<BTreeMap<i32, String>>(),
                "'str' object cannot be interpreted as an integer",
            );
            assert_result_err::<PyTypeError, _>(
                py,
                list.extract::<HashSet<i32>>(),
                "'list' object is not an instance of 'set'",
            );
            assert_result_err::<PyTypeError, _>(
                py,
                int_set.extract::<HashSet<String>>(),
                "'int' object is not an instance of 'str'",
            );
        });
    });
}
