//! Refcount-exact tests: each block runs under `sys.gettotalrefcount()` (the interpreter-wide
//! total of reference counts, only kept by `Py_REF_DEBUG` builds such as `python3.14d`) and must
//! leave the total unchanged: conversions in both directions (success and failure), the call
//! API, error creation/restore/fetch, and `#[pyclass]` instances from creation to
//! deallocation. CI runs them on CPython's debug build (scripts/test-extra-pythons.sh); on
//! other builds the file compiles to nothing, since the total is not kept there.
#![cfg(all(feature = "macros", py_sys_config = "Py_REF_DEBUG"))]

use std::collections::HashMap;

use pyo3::exceptions::{PyKeyError, PyOverflowError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

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

/// Runs `block` twice to warm the caches it fills once (interned names, type objects, lazy
/// cells), then `RUNS` times between two readings of the total, which must be equal.
fn assert_refcount_neutral(name: &str, mut block: impl FnMut(Python<'_>)) {
    let _serial = serial();
    Python::attach(|py| {
        let meter = Meter::new(py);
        block(py);
        block(py);
        let before = meter.read();
        for _ in 0..RUNS {
            block(py);
        }
        let after = meter.read();
        assert_eq!(
            after - before,
            0,
            "{name}: the total reference count changed by {} over {RUNS} runs",
            after - before
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
