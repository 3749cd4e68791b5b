#![cfg(feature = "macros")]
//! Behaviour under hostile input (issue 7, second part): conversions and calls given objects
//! that half-implement a protocol, lie about their length or re-enter the object being
//! called, with the results PyO3 documents (exception types and messages).

use std::borrow::Cow;

use pyo3::exceptions::{PyOverflowError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::types::PyDict;

/// Python classes implementing the sequence protocol in odd ways, defined in `locals`.
fn hostile_classes(py: Python<'_>) -> Bound<'_, PyDict> {
    let locals = PyDict::new(py);
    py.run(
        cr#"
class Seq:
    """__len__ and __getitem__, not registered as collections.abc.Sequence."""
    def __init__(self, items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]

class LongLen(Seq):
    """Claims far more elements than __getitem__ gives."""
    def __len__(self): return 2 ** 62

class ShortLen(Seq):
    """Claims fewer elements than __getitem__ gives."""
    def __len__(self): return 1

class BadLen(Seq):
    def __len__(self): raise KeyError("no length")

class NoLen:
    """__getitem__ only."""
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i
"#,
        None,
        Some(&locals),
    )
    .unwrap();
    locals
}

fn eval<'py>(py: Python<'py>, locals: &Bound<'py, PyDict>, code: &str) -> Bound<'py, PyAny> {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, Some(locals)).unwrap()
}

#[test]
fn vec_from_sequence_protocol_objects() {
    Python::attach(|py| {
        let l = hostile_classes(py);
        let v: Vec<i64> = eval(py, &l, "Seq([1, 2, 3])").extract().unwrap();
        assert_eq!(v, [1, 2, 3]);
        // The length is only a hint: a lying or failing `__len__` does not matter.
        let v: Vec<i64> = eval(py, &l, "LongLen([1, 2])").extract().unwrap();
        assert_eq!(v, [1, 2]);
        let v: Vec<i64> = eval(py, &l, "ShortLen([1, 2, 3])").extract().unwrap();
        assert_eq!(v, [1, 2, 3]);
        let v: Vec<i64> = eval(py, &l, "BadLen([4])").extract().unwrap();
        assert_eq!(v, [4]);
        assert!(PyErr::take(py).is_none(), "an error was left set");
        let v: Vec<i64> = eval(py, &l, "NoLen()").extract().unwrap();
        assert_eq!(v, [0, 1, 2]);
        // Not sequences.
        for code in ["5", "{1: 2}", "{1, 2}", "None"] {
            let err = eval(py, &l, code).extract::<Vec<i64>>().unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py), "{code}: {err}");
        }
        let err = eval(py, &l, "'abc'").extract::<Vec<String>>().unwrap_err();
        assert_eq!(err.to_string(), "TypeError: Can't extract `str` to `Vec`");
        // A failing element fails the extraction with the element's error.
        let err = eval(py, &l, "Seq([1, 'x'])")
            .extract::<Vec<i64>>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn array_from_sequence_protocol_objects() {
    Python::attach(|py| {
        let l = hostile_classes(py);
        let a: [i64; 3] = eval(py, &l, "Seq([1, 2, 3])").extract().unwrap();
        assert_eq!(a, [1, 2, 3]);
        // The length decides: a wrong one is a ValueError, a failing one its own error.
        let err = eval(py, &l, "ShortLen([1, 2, 3])")
            .extract::<[i64; 3]>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "expected a sequence of length 3 (got 1)"
        );
        let err = eval(py, &l, "BadLen([1, 2, 3])")
            .extract::<[i64; 3]>()
            .unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyKeyError>(py));
        let err = eval(py, &l, "[1, 2]").extract::<[i64; 3]>().unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err = eval(py, &l, "{1: 2}").extract::<[i64; 1]>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn cow_bytes_from_buffers_and_int_sequences() {
    Python::attach(|py| {
        let l = hostile_classes(py);
        let b = eval(py, &l, "b'abc'");
        let c: Cow<'_, [u8]> = b.extract().unwrap();
        assert!(matches!(c, Cow::Borrowed(b"abc")));
        for code in [
            "bytearray(b'abc')",
            "memoryview(b'abc')",
            "[97, 98, 99]",
            "Seq([97, 98, 99])",
        ] {
            let obj = eval(py, &l, code);
            let c: Cow<'_, [u8]> = obj.extract().unwrap();
            assert!(matches!(&c, Cow::Owned(v) if v == b"abc"), "{code}: {c:?}");
        }
        let err = eval(py, &l, "[256]")
            .extract::<Cow<'_, [u8]>>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py), "{err}");
        for code in ["'abc'", "5", "{1: 2}"] {
            let err = eval(py, &l, code).extract::<Cow<'_, [u8]>>().unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py), "{code}: {err}");
        }
    });
}

#[derive(FromPyObject, Debug)]
struct Pair(i64, #[allow(dead_code)] i64);

#[test]
fn tuple_of_wrong_length_is_value_error() {
    Python::attach(|py| {
        let l = hostile_classes(py);
        let err = eval(py, &l, "(1, 2, 3)")
            .extract::<(i64, i64)>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "expected tuple of length 2, but got tuple of length 3"
        );
        let err = eval(py, &l, "(1,)").extract::<Pair>().unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py), "{err}");
        assert_eq!(eval(py, &l, "(4, 5)").extract::<Pair>().unwrap().0, 4);
        let err = eval(py, &l, "[1, 2]").extract::<(i64, i64)>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}

#[pyfunction]
fn takes_pair(p: (i64, i64)) -> i64 {
    p.0 + p.1
}

#[test]
fn tuple_argument_of_wrong_length_stays_value_error() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(takes_pair, py).unwrap();
        py_run!(
            py,
            f,
            r#"
            assert f((1, 2)) == 3
            try:
                f((1, 2, 3))
            except ValueError as e:
                assert "expected tuple of length 2" in str(e), e
            else:
                raise AssertionError("no ValueError")
            "#
        );
    });
}

#[pyclass]
struct Num {
    #[pyo3(get)]
    n: i64,
}

#[pymethods]
impl Num {
    fn __add__(&self, other: i64) -> i64 {
        self.n + other
    }

    fn __sub__(&mut self, other: i64) -> i64 {
        self.n -= other;
        self.n
    }

    /// Calls `f(self)` while `self` is mutably borrowed.
    fn with_borrowed(&mut self, py: Python<'_>, f: Py<PyAny>, me: Py<PyAny>) -> PyResult<()> {
        f.call1(py, (me,))?;
        Ok(())
    }

    #[setter]
    fn set_items(&mut self, items: Vec<i64>) {
        self.n = items.iter().sum();
    }
}

/// A binary operator whose receiver cannot be borrowed returns `NotImplemented`: Python then
/// raises its usual `TypeError` for unsupported operands.
#[test]
fn binary_operator_on_borrowed_self_is_not_implemented() {
    Python::attach(|py| {
        let o = Bound::new(py, Num { n: 1 }).unwrap();
        py_run!(
            py,
            o,
            r#"
            assert o + 1 == 2
            def probe(me):
                for op in (lambda: me + 1, lambda: me - 1):
                    try:
                        op()
                    except TypeError as e:
                        assert "unsupported operand type" in str(e), e
                    else:
                        raise AssertionError("no TypeError")
            o.with_borrowed(probe, o)
            assert o - 1 == 0
            "#
        );
        // Outside operators a borrow conflict stays a RuntimeError.
        let m = o.borrow_mut();
        let err = o.getattr("n").unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        drop(m);
    });
}

/// A setter's value is extracted before `self` is borrowed: the extraction may use the object.
#[test]
fn setter_value_extraction_may_use_self() {
    Python::attach(|py| {
        let o = Bound::new(py, Num { n: 5 }).unwrap();
        py_run!(
            py,
            o,
            r#"
            class Reads:
                def __init__(self, obj): self.obj = obj
                def __len__(self): return 2
                def __getitem__(self, i):
                    if i >= 2: raise IndexError(i)
                    return self.obj.n
            o.items = Reads(o)
            assert o.n == 10, o.n
            "#
        );
    });
}
