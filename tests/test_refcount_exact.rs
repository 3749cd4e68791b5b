//! Refcount-exact tests: each block runs under `sys.gettotalrefcount()` (the interpreter-wide
//! total of reference counts, only kept by `Py_REF_DEBUG` builds such as `python3.14d`) and must
//! leave the total unchanged: conversions in both directions (success and failure) for the
//! std types and, with `full`, every optional conversion crate; the call API and
//! `#[pyfunction]` calls (argument errors, returned errors, panics); error
//! creation/restore/fetch; `#[pyclass]` instances from creation to deallocation (fields,
//! frozen, dict/weakref, subclasses, garbage-collected cycles). CI runs them on CPython's
//! debug build with `full` (scripts/test-extra-pythons.sh); on other builds the file compiles
//! to nothing, since the total is not kept there.
#![cfg(all(feature = "macros", py_sys_config = "Py_REF_DEBUG"))]

use std::collections::HashMap;

mod common;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ffi::OsString;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pyo3::exceptions::{
    PyAttributeError, PyKeyError, PyOverflowError, PyRuntimeError, PyTypeError, PyValueError,
};
use pyo3::intern;
use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyFrozenSet, PyList, PySet, PyString, PyTuple};
use pyo3::{PyTraverseError, PyTypeInfo, PyVisit};

/// How often each block runs between the two measurements: a leak (or an extra decref) of
/// one reference per run shows up as a difference of this size.
const RUNS: isize = 20;

/// The total is interpreter-wide and the test harness runs tests on several threads (which
/// take turns holding the GIL while running Python code): one measured test at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// `sys.gettotalrefcount` and `gc.collect`, looked up once.
///
/// CPython 3.14's debug build adds to the total whenever a freshly created (not interned) `str`
/// is used as an attribute name (pure Python `getattr(sys, "".join(["pa", "th"]))` shows the
/// same drift), so nothing measured here looks attributes up by a new string: the harness keeps
/// its callables and the blocks use `intern!` names.
struct Meter<'py> {
    total: Bound<'py, PyAny>,
    collect: Bound<'py, PyAny>,
}

impl<'py> Meter<'py> {
    fn new(py: Python<'py>) -> Self {
        let meter = Meter {
            total: py
                .import("sys")
                .unwrap()
                .getattr("gettotalrefcount")
                .unwrap(),
            collect: py.import("gc").unwrap().getattr("collect").unwrap(),
        };
        meter.read();
        meter
    }

    /// Collects cyclic garbage, then reads the total.
    fn read(&self) -> isize {
        self.collect.call0().unwrap();
        self.total.call0().unwrap().extract().unwrap()
    }
}

/// Asserts that `err` is exactly an `E` with `str(err) == message`. Unlike the shared
/// `assert_err` helper this looks up no attribute (no `__qualname__`), so it can run inside a
/// measured block (see [`Meter`] on attribute names).
#[track_caller]
fn expect_err<E: PyTypeInfo>(py: Python<'_>, err: &PyErr, message: &str) {
    let ty = err.get_type(py);
    assert!(
        ty.is(E::type_object(py)),
        "wrong exception type for {message:?}"
    );
    assert_eq!(err.value(py).to_string(), message);
}

/// How many times the measurement is repeated before a difference counts as a leak.
const ATTEMPTS: usize = 5;

/// Runs `block` twice to warm the caches it fills once (interned names, type objects, lazy
/// cells), then `RUNS` times between two readings of the total, which must be equal.
///
/// The measurement is repeated (up to `ATTEMPTS` times) while the total changes: CPython
/// 3.14's debug build itself moves the total during the first few dozen executions of some
/// calls (pure Python `dt.utcoffset()` on an aware datetime, 20 calls per attempt, reads
/// `[18, 4, 0, 0, ...]`), and then stays put. A leak (or an extra decref) changes the total by
/// at least `RUNS` in every attempt, so it still fails.
fn assert_refcount_neutral(name: &str, mut block: impl FnMut(Python<'_>)) {
    let _serial = serial();
    Python::attach(|py| {
        let meter = Meter::new(py);
        block(py);
        block(py);
        let mut differences = Vec::new();
        for _ in 0..ATTEMPTS {
            let before = meter.read();
            for _ in 0..RUNS {
                block(py);
            }
            let difference = meter.read() - before;
            differences.push(difference);
            if difference == 0 {
                return;
            }
        }
        panic!(
            "{name}: the total reference count changed over each of {ATTEMPTS} rounds of {RUNS} \
             runs: {differences:?}"
        );
    });
}

#[test]
fn the_helper_detects_a_leak() {
    // Guards the helper itself: a deliberately leaked reference per run must be seen.
    let _serial = serial();
    Python::attach(|py| {
        let obj = PyList::empty(py).into_any().unbind();
        let meter = Meter::new(py);
        let before = meter.read();
        for _ in 0..RUNS {
            std::mem::forget(obj.clone_ref(py));
        }
        let after = meter.read();
        assert_eq!(after - before, RUNS);
        // Give the leaked references back.
        for _ in 0..RUNS {
            unsafe { pyo3::ffi::Py_DECREF(obj.as_ptr()) };
        }
        assert_eq!(meter.read(), before);
    });
}

#[test]
fn the_harness_fails_a_leaking_block() {
    // `assert_refcount_neutral` itself (warm-up, repeated attempts) must reject a block that
    // leaks one reference per run, naming the block and each attempt's difference.
    let obj = Python::attach(|py| PyList::empty(py).into_any().unbind());
    let mut leaked = 0;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert_refcount_neutral("leaky", |py| {
            std::mem::forget(obj.clone_ref(py));
            leaked += 1;
        })
    }));
    let message = common::panic_message(&*result.unwrap_err());
    assert_eq!(
        message,
        format!(
            "leaky: the total reference count changed over each of {ATTEMPTS} rounds of {RUNS} \
             runs: {:?}",
            [RUNS; ATTEMPTS]
        )
    );
    assert_eq!(leaked, 2 + ATTEMPTS * RUNS as usize);
    // Give the leaked references back.
    Python::attach(|_py| {
        for _ in 0..leaked {
            unsafe { pyo3::ffi::Py_DECREF(obj.as_ptr()) };
        }
    });
}

#[test]
fn rust_to_python_conversions() {
    assert_refcount_neutral("Rust -> Python", |py| {
        let _ = 12345_i64.into_pyobject(py).unwrap();
        let _ = u64::MAX.into_pyobject(py).unwrap();
        let _ = (-1_i128 << 100).into_pyobject(py).unwrap();
        let _ = 2.5_f64.into_pyobject(py).unwrap();
        let _ = true.into_pyobject(py).unwrap();
        let _ = "text".into_pyobject(py).unwrap();
        let _ = String::from("owned é").into_pyobject(py).unwrap();
        let _ = vec![1_i64, 2, 3].into_pyobject(py).unwrap();
        let _ = (1_i32, "two", 3.0_f64).into_pyobject(py).unwrap();
        let _ = Some(7_u8).into_pyobject(py).unwrap();
        let _ = None::<i32>.into_pyobject(py).unwrap();
        let map: HashMap<String, Vec<i32>> = [("a".to_owned(), vec![1, 2])].into_iter().collect();
        let _ = map.into_pyobject(py).unwrap();
        let _ = PyBytes::new(py, b"bytes");
        let _ = PyTuple::new(py, [1, 2, 3]).unwrap();
    });
}

#[test]
fn python_to_rust_conversions() {
    assert_refcount_neutral("Python -> Rust", |py| {
        let int = 12345_i64.into_pyobject(py).unwrap();
        assert_eq!(int.extract::<i64>().unwrap(), 12345);
        let big = u64::MAX.into_pyobject(py).unwrap();
        assert_eq!(big.extract::<u64>().unwrap(), u64::MAX);
        let s = PyString::new(py, "text é");
        assert_eq!(s.extract::<String>().unwrap(), "text é");
        assert_eq!(s.to_str().unwrap(), "text é");
        let list = PyList::new(py, [1, 2, 3]).unwrap();
        assert_eq!(list.extract::<Vec<i64>>().unwrap(), [1, 2, 3]);
        let tuple = (1_i32, "two").into_pyobject(py).unwrap();
        assert_eq!(
            tuple.extract::<(i32, String)>().unwrap(),
            (1, "two".to_owned())
        );
        let dict = PyDict::new(py);
        dict.set_item("k", vec![1, 2]).unwrap();
        let map: HashMap<String, Vec<i32>> = dict.extract().unwrap();
        assert_eq!(map["k"], [1, 2]);
        assert_eq!(py.None().extract::<Option<i32>>(py).unwrap(), None);
    });
}

#[test]
fn failed_conversions() {
    assert_refcount_neutral("failed extraction", |py| {
        let s = PyString::new(py, "not a number");
        let err = s.extract::<i64>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let big = (1_i128 << 70).into_pyobject(py).unwrap();
        let err = big.extract::<i64>().unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py));
        let list = PyList::new(py, [1_i64, 2]).unwrap();
        list.append("x").unwrap();
        let err = list.extract::<Vec<i64>>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let err = list.extract::<(i64, i64)>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let err = list.extract::<HashMap<String, i64>>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn calls() {
    let (func, obj) = Python::attach(|py| {
        let module = PyModule::from_code(
            py,
            c"def f(*args, **kwargs):\n    return (args, kwargs)\n\nclass C:\n    def m(self, x):\n        return [x, x]\n",
            c"refcount_calls.py",
            c"refcount_calls",
        )
        .unwrap();
        let func = module.getattr("f").unwrap().unbind();
        let obj = module.getattr("C").unwrap().call0().unwrap().unbind();
        (func, obj)
    });
    assert_refcount_neutral("calls", |py| {
        let f = func.bind(py);
        let _ = f.call0().unwrap();
        let _ = f.call1((1, "two", 3.0)).unwrap();
        let kwargs = PyDict::new(py);
        kwargs.set_item("k", 1).unwrap();
        let _ = f.call((1,), Some(&kwargs)).unwrap();
        let _ = f.call((), Some(&kwargs)).unwrap();
        let o = obj.bind(py);
        let m = intern!(py, "m");
        let r = o.call_method1(m, (5,)).unwrap();
        assert_eq!(r.extract::<Vec<i32>>().unwrap(), [5, 5]);
        let _ = o.call_method(m, ("x",), None).unwrap();
        let _ = o.getattr(m).unwrap().call1((1,)).unwrap();
    });
}

#[test]
fn error_paths() {
    let raiser = Python::attach(|py| {
        PyModule::from_code(
            py,
            c"def boom(msg):\n    raise KeyError(msg)\n",
            c"refcount_errors.py",
            c"refcount_errors",
        )
        .unwrap()
        .getattr("boom")
        .unwrap()
        .unbind()
    });
    assert_refcount_neutral("errors", |py| {
        // Raised by Python and caught in Rust.
        let err = raiser.bind(py).call1(("key",)).unwrap_err();
        assert!(err.is_instance_of::<PyKeyError>(py));
        let _ = err.value(py).to_string();
        let _ = err.traceback(py);
        // Created lazily in Rust, normalized, restored and fetched again.
        let err = PyValueError::new_err("lazy");
        let _ = err.value(py);
        err.restore(py);
        let err = PyErr::fetch(py);
        assert!(err.is_instance_of::<PyValueError>(py));
        // With a cause.
        let outer = PyTypeError::new_err("outer");
        outer.set_cause(py, Some(PyValueError::new_err("inner")));
        assert!(outer.cause(py).is_some());
        // Attribute and item lookups that fail.
        let dict = PyDict::new(py);
        let missing = intern!(py, "missing");
        assert!(dict.as_any().get_item(missing).is_err());
        assert!(dict.as_any().getattr(missing).is_err());
        assert!(dict.get_item(missing).unwrap().is_none());
    });
}

#[pyclass(subclass, module = "refcount")]
struct Tracked {
    value: i64,
    held: Option<Py<PyAny>>,
}

#[pymethods]
impl Tracked {
    #[new]
    #[pyo3(signature = (value, held = None))]
    fn new(value: i64, held: Option<Py<PyAny>>) -> Self {
        Tracked { value, held }
    }

    fn add(&mut self, by: i64) -> i64 {
        self.value += by;
        self.value
    }

    fn held(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.held.as_ref().map(|h| h.clone_ref(py))
    }
}

#[pyclass(extends = Tracked, subclass, module = "refcount")]
struct Derived {
    name: String,
}

#[pymethods]
impl Derived {
    #[new]
    fn new(name: String) -> (Self, Tracked) {
        (Derived { name }, Tracked::new(0, None))
    }

    fn name(&self) -> &str {
        &self.name
    }
}

#[test]
fn class_lifecycle() {
    // A Python subclass of the Rust subclass, defined once: creating classes fills caches.
    let subclass = Python::attach(|py| {
        let locals = PyDict::new(py);
        locals
            .set_item("Derived", py.get_type::<Derived>())
            .unwrap();
        py.run(c"class Sub(Derived):\n    pass\n", None, Some(&locals))
            .unwrap();
        locals.get_item("Sub").unwrap().unwrap().unbind()
    });
    assert_refcount_neutral("#[pyclass] lifecycle", |py| {
        // From Rust: create, borrow, call, drop.
        let payload = PyList::new(py, [1, 2]).unwrap().into_any().unbind();
        let obj = Bound::new(
            py,
            Tracked {
                value: 1,
                held: Some(payload),
            },
        )
        .unwrap();
        assert_eq!(obj.borrow_mut().add(2), 3);
        let add = intern!(py, "add");
        let _ = obj.call_method1(add, (1,)).unwrap();
        let held = obj.call_method0(intern!(py, "held")).unwrap();
        assert!(held.is_instance_of::<PyList>());
        drop(held);
        drop(obj);
        // From Python: the type called, a subclass defined in Python, a failing borrow.
        let tracked = py.get_type::<Tracked>();
        let inst = tracked.call1((5, "x")).unwrap();
        let _ = inst.call_method1(add, (1,)).unwrap();
        let derived = py.get_type::<Derived>();
        let d = derived.call1(("n",)).unwrap();
        let name = d.call_method0(intern!(py, "name")).unwrap();
        assert_eq!(name.extract::<String>().unwrap(), "n");
        let sub = subclass.bind(py).call1(("s",)).unwrap();
        let _ = sub.call_method1(add, (3,)).unwrap();
        drop(sub);
        let cell = Bound::new(py, Tracked::new(0, None)).unwrap();
        let guard = cell.borrow_mut();
        assert!(cell.try_borrow().is_err());
        drop(guard);
        // A constructor that fails on its arguments.
        assert!(tracked.call1(("not an int",)).is_err());
    });
}

#[test]
fn std_conversions_both_ways() {
    assert_refcount_neutral("std conversions", |py| {
        let c = 'é'.into_pyobject(py).unwrap();
        assert_eq!(c.extract::<char>().unwrap(), 'é');
        let f = 1.5_f32.into_pyobject(py).unwrap();
        assert_eq!(f.extract::<f32>().unwrap(), 1.5);
        let n = NonZeroU32::new(9).unwrap().into_pyobject(py).unwrap();
        assert_eq!(n.extract::<NonZeroU32>().unwrap().get(), 9);
        let small = i8::MIN.into_pyobject(py).unwrap();
        assert_eq!(small.extract::<i8>().unwrap(), i8::MIN);
        let huge = u128::MAX.into_pyobject(py).unwrap();
        assert_eq!(huge.extract::<u128>().unwrap(), u128::MAX);
        let s = PyString::new(py, "borrowed");
        assert_eq!(s.extract::<Cow<'_, str>>().unwrap(), "borrowed");
        assert_eq!(&*s.extract::<Box<str>>().unwrap(), "borrowed");
        assert_eq!(&*s.extract::<PyBackedStr>().unwrap(), "borrowed");
        let path = PathBuf::from("/tmp/x").into_pyobject(py).unwrap();
        assert_eq!(path.extract::<PathBuf>().unwrap(), PathBuf::from("/tmp/x"));
        let os = OsString::from("os").into_pyobject(py).unwrap();
        assert_eq!(os.extract::<OsString>().unwrap(), "os");
        let bytes = [1_u8, 2, 3];
        let b = (&bytes[..]).into_pyobject(py).unwrap();
        assert!(b.is_instance_of::<PyBytes>());
        assert_eq!(b.extract::<&[u8]>().unwrap(), [1, 2, 3]);
        assert_eq!(b.extract::<Cow<'_, [u8]>>().unwrap(), &[1, 2, 3][..]);
        assert_eq!(&*b.extract::<PyBackedBytes>().unwrap(), [1, 2, 3]);
        let arr = [1_i32, 2, 3].into_pyobject(py).unwrap();
        assert_eq!(arr.extract::<[i32; 3]>().unwrap(), [1, 2, 3]);
        let set: HashSet<i32> = [1, 2].into_iter().collect();
        let pyset = set.into_pyobject(py).unwrap();
        assert_eq!(pyset.extract::<BTreeSet<i32>>().unwrap().len(), 2);
        let frozen = PyFrozenSet::new(py, [1, 2, 3]).unwrap();
        assert_eq!(frozen.extract::<HashSet<i32>>().unwrap().len(), 3);
        let tree: BTreeMap<i32, &str> = [(1, "a"), (2, "b")].into_iter().collect();
        let d = tree.into_pyobject(py).unwrap();
        assert_eq!(d.extract::<BTreeMap<i32, String>>().unwrap()[&2], "b");
        let dur = Duration::new(5, 1_000).into_pyobject(py).unwrap();
        assert_eq!(dur.extract::<Duration>().unwrap(), Duration::new(5, 1_000));
        let when = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let t = when.into_pyobject(py).unwrap();
        assert_eq!(t.extract::<SystemTime>().unwrap(), when);
        let v4 = Ipv4Addr::new(127, 0, 0, 1).into_pyobject(py).unwrap();
        assert_eq!(v4.extract::<IpAddr>().unwrap(), Ipv4Addr::LOCALHOST);
        let v6 = Ipv6Addr::LOCALHOST.into_pyobject(py).unwrap();
        assert_eq!(v6.extract::<Ipv6Addr>().unwrap(), Ipv6Addr::LOCALHOST);
        let ord = std::cmp::Ordering::Less.into_pyobject(py).unwrap();
        assert_eq!(
            ord.extract::<std::cmp::Ordering>().unwrap(),
            std::cmp::Ordering::Less
        );
        let cell = std::cell::Cell::new(4_u16).into_pyobject(py).unwrap();
        assert_eq!(cell.extract::<std::cell::Cell<u16>>().unwrap().get(), 4);
        let nested = vec![Some(vec![(1_u8, "x")]), None]
            .into_pyobject(py)
            .unwrap();
        let back: Vec<Option<Vec<(u8, String)>>> = nested.extract().unwrap();
        assert_eq!(back.len(), 2);
        let _ = PySet::new(py, ["a", "b"]).unwrap();
    });
}

#[test]
fn std_conversions_failing() {
    assert_refcount_neutral("failed std conversions", |py| {
        let two = PyString::new(py, "ab");
        let err = two.extract::<char>().unwrap_err();
        expect_err::<PyValueError>(py, &err, "expected a string of length 1");
        let zero = 0_i32.into_pyobject(py).unwrap();
        let err = zero.extract::<NonZeroU32>().unwrap_err();
        expect_err::<PyValueError>(py, &err, "invalid zero value");
        let neg = (-1_i32).into_pyobject(py).unwrap();
        let err = neg.extract::<u32>().unwrap_err();
        expect_err::<PyOverflowError>(py, &err, "out of range integral type conversion attempted");
        let list = PyList::new(py, [1, 2]).unwrap();
        let err = list.extract::<[i32; 3]>().unwrap_err();
        expect_err::<PyValueError>(py, &err, "expected a sequence of length 3 (got 2)");
        let err = PyErr::from(list.extract::<&[u8]>().unwrap_err());
        assert!(err.is_instance_of::<PyTypeError>(py));
        let err = list.extract::<PathBuf>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let err = list.extract::<Duration>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        // No `packed` attribute: `str(list)` is parsed, as PyO3 does.
        let err = list.extract::<IpAddr>().unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err = list.extract::<HashSet<i32>>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let err = two.extract::<Vec<String>>().unwrap_err();
        expect_err::<PyTypeError>(py, &err, "Can't extract `str` to `Vec`");
    });
}

#[pyfunction]
#[pyo3(signature = (a, b = 2, *args, c = None, **kwargs))]
fn takes_all(
    a: i64,
    b: i64,
    args: &Bound<'_, PyTuple>,
    c: Option<String>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> (i64, usize, Option<String>, usize) {
    (a + b, args.len(), c, kwargs.map_or(0, |k| k.len()))
}

#[pyfunction]
fn fails(kind: u8) -> PyResult<Vec<i32>> {
    match kind {
        0 => Err(PyValueError::new_err(("value", 1))),
        1 => Err(PyRuntimeError::new_err("runtime")),
        _ => panic!("panicked on purpose"),
    }
}

#[test]
fn pyfunction_calls() {
    let (all, fail, catch) = Python::attach(|py| {
        let catch = PyModule::from_code(
            py,
            c"def catch(f, *args):\n    try:\n        f(*args)\n    except BaseException as e:\n        return e\n",
            c"refcount_catch.py",
            c"refcount_catch",
        )
        .unwrap()
        .getattr("catch")
        .unwrap()
        .unbind();
        (
            wrap_pyfunction!(takes_all, py).unwrap().into_any().unbind(),
            wrap_pyfunction!(fails, py).unwrap().into_any().unbind(),
            catch,
        )
    });
    assert_refcount_neutral("#[pyfunction] calls", |py| {
        let all = all.bind(py);
        let r = all.call1((1,)).unwrap();
        assert_eq!(
            r.extract::<(i64, usize, Option<String>, usize)>()
                .unwrap()
                .0,
            3
        );
        let kwargs = PyDict::new(py);
        kwargs.set_item(intern!(py, "c"), "see").unwrap();
        kwargs.set_item(intern!(py, "extra"), 1).unwrap();
        let r = all.call((1, 2, 3, 4), Some(&kwargs)).unwrap();
        assert_eq!(
            r.extract::<(i64, usize, Option<String>, usize)>().unwrap(),
            (3, 2, Some("see".to_owned()), 1)
        );
        // Argument errors, raised before the body runs.
        let err = all.call0().unwrap_err();
        expect_err::<PyTypeError>(
            py,
            &err,
            "takes_all() missing 1 required positional argument: 'a'",
        );
        let err = all.call1(("x",)).unwrap_err();
        expect_err::<PyTypeError>(py, &err, "'str' object cannot be interpreted as an integer");
        // The argument is named in a note (PEP 678) on the exception.
        let notes = err.value(py).getattr(intern!(py, "__notes__")).unwrap();
        assert_eq!(
            notes.extract::<Vec<String>>().unwrap(),
            ["while processing 'a'"]
        );
        let bad = PyDict::new(py);
        bad.set_item(intern!(py, "a"), 1).unwrap();
        let err = all.call((1,), Some(&bad)).unwrap_err();
        expect_err::<PyTypeError>(py, &err, "takes_all() got multiple values for argument 'a'");
        // Errors and panics from the body.
        let fail = fail.bind(py);
        let err = fail.call1((0,)).unwrap_err();
        expect_err::<PyValueError>(py, &err, "('value', 1)");
        let err = fail.call1((1,)).unwrap_err();
        expect_err::<PyRuntimeError>(py, &err, "runtime");
        // A panic becomes a `PanicException`, caught in Python: fetched into Rust it would
        // resume the panic.
        let caught = catch.bind(py).call1((fail, 2)).unwrap();
        assert!(caught.is_exact_instance_of::<PanicException>());
        assert_eq!(caught.to_string(), "panicked on purpose");
    });
}

#[pyclass(frozen, module = "refcount")]
struct Frozen {
    #[pyo3(get)]
    items: Py<PyList>,
}

#[pyclass(dict, weakref, module = "refcount")]
struct Props {
    #[pyo3(get, set)]
    number: u32,
    #[pyo3(get, set)]
    label: String,
}

/// Holds arbitrary objects, possibly itself: instances in a cycle are freed by the collector
/// through `__traverse__`/`__clear__`.
#[pyclass(module = "refcount")]
struct Node {
    next: Option<Py<PyAny>>,
}

#[pymethods]
impl Node {
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.next)
    }

    fn __clear__(&mut self) {
        self.next = None;
    }
}

#[test]
fn class_fields_gc_and_frozen() {
    assert_refcount_neutral("#[pyclass] fields, frozen, gc", |py| {
        let items = PyList::new(py, ["a"]).unwrap().unbind();
        let frozen = Bound::new(py, Frozen { items }).unwrap();
        let got = frozen.getattr(intern!(py, "items")).unwrap();
        assert!(got.is(frozen.get().items.bind(py)));
        drop(got);
        drop(frozen);
        let props = Bound::new(
            py,
            Props {
                number: 1,
                label: "l".to_owned(),
            },
        )
        .unwrap();
        let number = intern!(py, "number");
        let label = intern!(py, "label");
        props.setattr(number, 7).unwrap();
        props.setattr(label, "new label").unwrap();
        assert_eq!(props.getattr(number).unwrap().extract::<u32>().unwrap(), 7);
        assert_eq!(props.borrow().label, "new label");
        let err = props.setattr(number, "seven").unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let err = props.delattr(number).unwrap_err();
        expect_err::<PyAttributeError>(py, &err, "property has no deleter");
        // The instance dict and a weak reference.
        props.setattr(intern!(py, "free_form"), vec![1, 2]).unwrap();
        let weak = pyo3::types::PyWeakrefReference::new(&props).unwrap();
        drop(props);
        assert!(weak.upgrade().is_none());
        // A cycle through a Rust field, freed by the collector (`Meter::read` collects).
        let node = Bound::new(py, Node { next: None }).unwrap();
        node.borrow_mut().next = Some(node.clone().into_any().unbind());
        let pair = Bound::new(py, Node { next: None }).unwrap();
        let other = Bound::new(
            py,
            Node {
                next: Some(pair.clone().into_any().unbind()),
            },
        )
        .unwrap();
        pair.borrow_mut().next = Some(other.into_any().unbind());
    });
}

/// The optional conversions (the debug stage runs this file with `full`): each family both
/// ways and one failing extraction.
#[cfg(feature = "full")]
#[test]
fn optional_conversions() {
    use std::str::FromStr;
    assert_refcount_neutral("num-bigint", |py| {
        let text = PyString::new(py, "not this");
        let big = num_bigint::BigInt::from(-7_i32) << 100_u32;
        let obj = (&big).into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<num_bigint::BigInt>().unwrap(), big);
        let neg = (-1_i32).into_pyobject(py).unwrap();
        assert!(neg.extract::<num_bigint::BigUint>().is_err());
        assert!(text.extract::<num_bigint::BigInt>().is_err());
    });
    assert_refcount_neutral("num-complex", |py| {
        let text = PyString::new(py, "not this");
        let z = num_complex::Complex::new(1.0_f64, -2.0);
        let obj = z.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<num_complex::Complex<f64>>().unwrap(), z);
        assert!(text.extract::<num_complex::Complex<f64>>().is_err());
    });
    assert_refcount_neutral("num-rational", |py| {
        let text = PyString::new(py, "not this");
        let r = num_rational::Ratio::new(3_i64, 4);
        let obj = r.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<num_rational::Ratio<i64>>().unwrap(), r);
        assert!(text.extract::<num_rational::Ratio<i64>>().is_err());
    });
    assert_refcount_neutral("rust_decimal + bigdecimal", |py| {
        let text = PyString::new(py, "not this");
        let d = rust_decimal::Decimal::from_str("12.345").unwrap();
        let obj = d.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<rust_decimal::Decimal>().unwrap(), d);
        assert!(text.extract::<rust_decimal::Decimal>().is_err());
        let b = bigdecimal::BigDecimal::from_str("-1.5e40").unwrap();
        let obj = (&b).into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<bigdecimal::BigDecimal>().unwrap(), b);
        assert!(text.extract::<bigdecimal::BigDecimal>().is_err());
    });
    assert_refcount_neutral("uuid", |py| {
        let text = PyString::new(py, "not this");
        let u = uuid::Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);
        let obj = u.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<uuid::Uuid>().unwrap(), u);
        assert!(text.extract::<uuid::Uuid>().is_err());
    });
    assert_refcount_neutral("chrono + chrono-tz", |py| {
        let text = PyString::new(py, "not this");
        let date = chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let dt = date.and_hms_micro_opt(1, 2, 3, 4).unwrap();
        let obj = dt.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<chrono::NaiveDateTime>().unwrap(), dt);
        let aware = dt.and_utc();
        let obj = aware.into_pyobject(py).unwrap();
        assert_eq!(
            obj.extract::<chrono::DateTime<chrono::Utc>>().unwrap(),
            aware
        );
        let off = chrono::FixedOffset::east_opt(3600).unwrap();
        let obj = off.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<chrono::FixedOffset>().unwrap(), off);
        let d = chrono::Duration::milliseconds(-1500);
        let obj = d.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<chrono::Duration>().unwrap(), d);
        assert!(text.extract::<chrono::NaiveDate>().is_err());
        let tz = chrono_tz::Tz::Europe__Paris;
        let obj = tz.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<chrono_tz::Tz>().unwrap(), tz);
    });
    assert_refcount_neutral("time", |py| {
        let text = PyString::new(py, "not this");
        let date = time::Date::from_calendar_date(2024, time::Month::March, 1).unwrap();
        let obj = date.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<time::Date>().unwrap(), date);
        let d = time::Duration::seconds(-3);
        let obj = d.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<time::Duration>().unwrap(), d);
        assert!(text.extract::<time::Time>().is_err());
    });
    assert_refcount_neutral("jiff", |py| {
        let text = PyString::new(py, "not this");
        let date = jiff_02::civil::date(2024, 7, 14);
        let obj = date.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<jiff_02::civil::Date>().unwrap(), date);
        let ts = jiff_02::Timestamp::from_second(1_700_000_000).unwrap();
        let obj = ts.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<jiff_02::Timestamp>().unwrap(), ts);
        assert!(text.extract::<jiff_02::civil::Date>().is_err());
    });
    assert_refcount_neutral("either", |py| {
        let e: either::Either<i32, String> = either::Either::Right("r".to_owned());
        let obj = e.into_pyobject(py).unwrap();
        let back: either::Either<i32, String> = obj.extract().unwrap();
        assert_eq!(back, either::Either::Right("r".to_owned()));
        let list = PyList::empty(py);
        assert!(list.extract::<either::Either<i32, String>>().is_err());
    });
    assert_refcount_neutral("hashbrown + indexmap + smallvec", |py| {
        let text = PyString::new(py, "not this");
        // hashbrown is built without its default hasher.
        type Map = hashbrown::HashMap<String, i32, std::collections::hash_map::RandomState>;
        let mut hb = Map::default();
        hb.insert("k".to_owned(), 1_i32);
        let obj = hb.into_pyobject(py).unwrap();
        let back: Map = obj.extract().unwrap();
        assert_eq!(back["k"], 1);
        let mut im = indexmap::IndexMap::new();
        im.insert(2_i32, "two");
        im.insert(1_i32, "one");
        let obj = im.into_pyobject(py).unwrap();
        let back: indexmap::IndexMap<i32, String> = obj.extract().unwrap();
        assert_eq!(back.keys().copied().collect::<Vec<_>>(), [2, 1]);
        assert!(text.extract::<indexmap::IndexMap<i32, i32>>().is_err());
        let sv: smallvec::SmallVec<[i32; 2]> = smallvec::smallvec![1, 2, 3];
        let obj = sv.clone().into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<smallvec::SmallVec<[i32; 2]>>().unwrap(), sv);
        assert!(text.extract::<smallvec::SmallVec<[i32; 2]>>().is_err());
    });
    assert_refcount_neutral("ordered-float", |py| {
        let of = ordered_float::OrderedFloat(2.5_f64);
        let obj = of.into_pyobject(py).unwrap();
        assert_eq!(
            obj.extract::<ordered_float::OrderedFloat<f64>>().unwrap(),
            of
        );
        let nan = f64::NAN.into_pyobject(py).unwrap();
        assert!(nan.extract::<ordered_float::NotNan<f64>>().is_err());
    });
    assert_refcount_neutral("bytes", |py| {
        let b = bytes::Bytes::from_static(b"raw");
        let obj = b.clone().into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<bytes::Bytes>().unwrap(), b);
    });
    assert_refcount_neutral("anyhow + eyre", |py| {
        // The message is the error's `Debug` form (with a backtrace if RUST_BACKTRACE is set).
        let e = anyhow::anyhow!("from anyhow");
        let message = format!("{e:?}");
        assert!(message.starts_with("from anyhow"));
        let err: PyErr = e.into();
        expect_err::<PyRuntimeError>(py, &err, &message);
        let e = eyre::eyre!("from eyre");
        let message = format!("{e:?}");
        assert!(message.starts_with("from eyre"));
        let err: PyErr = e.into();
        expect_err::<PyRuntimeError>(py, &err, &message);
    });
}
