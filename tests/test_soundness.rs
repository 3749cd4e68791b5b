#![cfg(feature = "macros")]
//! Regression tests of the soundness defects of issue 7 (one test per numbered defect, named
//! after it). Each failed (crash, leak or wrong result) before its fix.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::{PyTraverseError, PyVisit};

/// Counts the drops of the value holding it.
struct Drops(Arc<AtomicUsize>);

impl Drop for Drops {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn counter() -> (Arc<AtomicUsize>, Drops) {
    let c = Arc::new(AtomicUsize::new(0));
    (c.clone(), Drops(c))
}

// --- defect 1: a panicking `Drop` ---------------------------------------------------------

/// `sys.unraisablehook` is process-wide: the tests that replace it to see what is reported run
/// one at a time (libtest runs the others in parallel threads, and a report from one test would
/// land in another's list).
fn unraisable_hook_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[pyclass(dict)]
struct PanicDrop;

impl Drop for PanicDrop {
    fn drop(&mut self) {
        panic!("PanicDrop dropped");
    }
}

#[pymethods]
impl PanicDrop {
    #[new]
    fn new() -> Self {
        PanicDrop
    }
}

#[test]
fn defect_01_panicking_drop() {
    let _hook = unraisable_hook_lock();
    Python::attach(|py| {
        let cls = py.get_type::<PanicDrop>();
        py_run!(
            py,
            cls,
            r#"
            import gc, sys
            seen = []
            old = sys.unraisablehook
            sys.unraisablehook = seen.append
            try:
                o = cls()
                del o
                assert len(seen) == 1, seen
                assert type(seen[0].exc_value).__name__ == "PanicException", seen[0].exc_value
                assert str(seen[0].exc_value) == "PanicDrop dropped", seen[0].exc_value
                assert seen[0].object is None, seen[0].object  # no context, as from PyO3
                # destroyed by the garbage collector
                o = cls()
                o.me = o
                del o
                gc.collect()
                assert len(seen) == 2, seen
                assert str(seen[1].exc_value) == "PanicDrop dropped", seen[1].exc_value
            finally:
                sys.unraisablehook = old
            "#
        );
        // A drop while an exception is being raised keeps that exception.
        let obj = Py::new(py, PanicDrop).unwrap();
        let hook = py.import("sys").unwrap().getattr("unraisablehook").unwrap();
        py.import("sys")
            .unwrap()
            .setattr(
                "unraisablehook",
                py.eval(c"lambda u: None", None, None).unwrap(),
            )
            .unwrap();
        PyKeyError::new_err("kept").restore(py);
        drop(obj);
        let err = PyErr::take(py).expect("the KeyError was lost");
        py.import("sys")
            .unwrap()
            .setattr("unraisablehook", hook)
            .unwrap();
        assert!(err.is_instance_of::<PyKeyError>(py), "{err}");
        assert_eq!(err.value(py).to_string(), "'kept'");
    });
}

// --- defect 2: weak references of a subclass of a `weakref` class -------------------------

#[pyclass(subclass, weakref)]
struct WeakBase;

#[pyclass(extends = WeakBase)]
struct WeakSub;

#[pymethods]
impl WeakSub {
    #[new]
    fn new() -> (Self, WeakBase) {
        (WeakSub, WeakBase)
    }
}

#[test]
fn defect_02_weakref_of_subclass_cleared() {
    Python::attach(|py| {
        let cls = py.get_type::<WeakSub>();
        py_run!(
            py,
            cls,
            r#"
            import weakref
            called = []
            o = cls()
            r = weakref.ref(o, called.append)
            assert r() is o
            del o
            assert called == [r], called
            assert r() is None
            "#
        );
    });
}

// --- defect 3: an existing base object used as a subclass's base --------------------------

#[pyclass(subclass)]
struct InitBase {
    v: Vec<u64>,
}

#[pyclass(extends = InitBase)]
struct InitSub {
    w: Vec<u64>,
}

#[pymethods]
impl InitSub {
    #[new]
    fn new(py: Python<'_>) -> PyResult<PyClassInitializer<Self>> {
        let base = Py::new(py, InitBase { v: vec![1] })?;
        Ok(PyClassInitializer::from(base).add_subclass(InitSub { w: vec![2; 64] }))
    }
}

#[test]
fn defect_03_existing_base_object_with_subclass() {
    Python::attach(|py| {
        let base = Py::new(py, InitBase { v: vec![7] }).unwrap();
        // Alone, an existing object is the result itself.
        let same = Bound::new(py, PyClassInitializer::from(base.clone_ref(py))).unwrap();
        assert!(same.is(base.bind(py)));
        // As the base of a subclass it is refused.
        let init =
            PyClassInitializer::from(base.clone_ref(py)).add_subclass(InitSub { w: vec![2; 64] });
        let err = Bound::new(py, init).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "an existing InitBase object cannot be the base of a new subclass object; \
             build the base from its value instead"
        );
        assert_eq!(base.borrow(py).v, [7]);
        let cls = py.get_type::<InitSub>();
        py_run!(
            py,
            cls,
            r#"
            try:
                cls()
            except TypeError as e:
                assert "cannot be the base of a new subclass object" in str(e), e
            else:
                raise AssertionError("no TypeError")
            "#
        );
        // A correctly built subclass object still works.
        let ok = Bound::new(py, (InitSub { w: vec![3] }, InitBase { v: vec![4] })).unwrap();
        assert_eq!(ok.borrow().w, [3]);
        assert_eq!(ok.borrow().as_super().v, [4]);
    });
}

// --- defect 4: `frozen` and mutable levels share one borrow flag --------------------------

#[pyclass(subclass)]
struct MutBase {
    n: u32,
}

#[pyclass(extends = MutBase, frozen)]
struct FrozenSub;

#[pyclass(subclass, frozen)]
struct FrozenBase;

#[pyclass(extends = FrozenBase)]
struct MutSub {
    n: u32,
}

#[test]
fn defect_04_frozen_and_mutable_levels_share_borrow_flag() {
    Python::attach(|py| {
        // A frozen subclass of a mutable base.
        let o = Bound::new(py, (FrozenSub, MutBase { n: 0 })).unwrap();
        {
            let r = o.borrow();
            assert!(o.as_super().try_borrow_mut().is_err());
            drop(r);
        }
        {
            let mut m = o.as_super().borrow_mut();
            m.n += 1;
            assert!(o.try_borrow().is_err());
        }
        {
            let sup = o.borrow().into_super();
            assert_eq!(sup.n, 1);
            assert!(o.as_super().try_borrow_mut().is_err());
        }
        // No borrow left over (nor an underflow).
        assert!(o.as_super().try_borrow_mut().is_ok());
        assert!(o.try_borrow().is_ok());

        // A mutable subclass of a frozen base.
        let o = Bound::new(py, (MutSub { n: 0 }, FrozenBase)).unwrap();
        {
            let sup = o.borrow().into_super();
            let _: &FrozenBase = &sup;
        }
        let mut m = o.try_borrow_mut().expect("a borrow was leaked");
        m.n = 5;
        drop(m);
        assert_eq!(o.borrow().n, 5);
    });
}

// --- defect 5: every native base with its real layout --------------------------------------

#[cfg(not(Py_LIMITED_API))]
macro_rules! native_base_cases {
    ($($test:ident: $name:ident extends $base:path, $code:literal;)*) => {$(
        #[pyclass(extends = $base)]
        struct $name {
            #[pyo3(get)]
            data: Vec<String>,
            _drops: Drops,
        }

        #[test]
        fn $test() {
            Python::attach(|py| {
                let (count, drops) = counter();
                let o = Bound::new(
                    py,
                    $name { data: vec!["x".repeat(40); 3], _drops: drops },
                )
                .unwrap();
                py_run!(py, o, $code);
                py_run!(
                    py,
                    o,
                    r#"
                    import gc
                    assert o.data == ["x" * 40] * 3, o.data
                    gc.collect()
                    assert o.data == ["x" * 40] * 3, o.data
                    "#
                );
                drop(o);
                py.run(c"import gc; gc.collect()", None, None).unwrap();
                assert_eq!(count.load(Ordering::SeqCst), 1);
            });
        }
    )*};
}

// Exceptions: fill the base's own fields and make a cycle through them.
#[cfg(not(Py_LIMITED_API))]
native_base_cases! {
    defect_05_layout_base_exception: LBaseException extends pyo3::exceptions::PyBaseException, "o.args = (o, 1); o.__cause__ = o; o.attr = o";
    defect_05_layout_exception: LException extends pyo3::exceptions::PyException, "o.args = (o,); o.__context__ = o";
    defect_05_layout_arithmetic_error: LArithmeticError extends pyo3::exceptions::PyArithmeticError, "o.args = (o,)";
    defect_05_layout_assertion_error: LAssertionError extends pyo3::exceptions::PyAssertionError, "o.args = (o,)";
    defect_05_layout_attribute_error: LAttributeError extends pyo3::exceptions::PyAttributeError, "o.name = 'n' * 50; o.obj = o; o.args = (o,)";
    defect_05_layout_buffer_error: LBufferError extends pyo3::exceptions::PyBufferError, "o.args = (o,)";
    defect_05_layout_eof_error: LEOFError extends pyo3::exceptions::PyEOFError, "o.args = (o,)";
    defect_05_layout_index_error: LIndexError extends pyo3::exceptions::PyIndexError, "o.args = (o,)";
    defect_05_layout_key_error: LKeyError extends pyo3::exceptions::PyKeyError, "o.args = (o,)";
    defect_05_layout_lookup_error: LLookupError extends pyo3::exceptions::PyLookupError, "o.args = (o,)";
    defect_05_layout_memory_error: LMemoryError extends pyo3::exceptions::PyMemoryError, "o.args = (o,)";
    defect_05_layout_not_implemented_error: LNotImplementedError extends pyo3::exceptions::PyNotImplementedError, "o.args = (o,)";
    defect_05_layout_overflow_error: LOverflowError extends pyo3::exceptions::PyOverflowError, "o.args = (o,)";
    defect_05_layout_recursion_error: LRecursionError extends pyo3::exceptions::PyRecursionError, "o.args = (o,)";
    defect_05_layout_reference_error: LReferenceError extends pyo3::exceptions::PyReferenceError, "o.args = (o,)";
    defect_05_layout_runtime_error: LRuntimeError extends pyo3::exceptions::PyRuntimeError, "o.args = (o,)";
    defect_05_layout_type_error: LTypeError extends pyo3::exceptions::PyTypeError, "o.args = (o,)";
    defect_05_layout_value_error: LValueError extends pyo3::exceptions::PyValueError, "o.args = (o,)";
    defect_05_layout_zero_division_error: LZeroDivisionError extends pyo3::exceptions::PyZeroDivisionError, "o.args = (o,)";
    defect_05_layout_warning: LWarning extends pyo3::exceptions::PyWarning, "o.args = (o,)";
    defect_05_layout_user_warning: LUserWarning extends pyo3::exceptions::PyUserWarning, "o.args = (o,)";
    defect_05_layout_dict: LDict extends pyo3::types::PyDict, "o.update({i: str(i) * 30 for i in range(50)}); o['self'] = o";
    defect_05_layout_list: LList extends pyo3::types::PyList, "o.extend(str(i) * 30 for i in range(50)); o.append(o)";
    defect_05_layout_set: LSet extends pyo3::types::PySet, "o.update(str(i) * 30 for i in range(50))";
    defect_05_layout_frozenset: LFrozenSet extends pyo3::types::PyFrozenSet, "assert len(o) == 0";
    defect_05_layout_float: LFloat extends pyo3::types::PyFloat, "assert o == 0.0";
    defect_05_layout_complex: LComplex extends pyo3::types::PyComplex, "assert o == 0j";
}

// --- defect 6: garbage collection through native bases (3.9 static types) ------------------

#[cfg(not(Py_LIMITED_API))]
#[pyclass(extends = pyo3::exceptions::PyException)]
struct GcException {
    _drops: Drops,
}

#[cfg(not(Py_LIMITED_API))]
#[pyclass(extends = pyo3::types::PyDict)]
struct GcDict {
    _drops: Drops,
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn defect_06_native_base_traverse_and_clear() {
    let _hook = unraisable_hook_lock();
    Python::attach(|py| {
        let (exc_count, drops) = counter();
        let exc = Bound::new(py, GcException { _drops: drops }).unwrap();
        let (dict_count, drops) = counter();
        let dict = Bound::new(py, GcDict { _drops: drops }).unwrap();
        py_run!(
            py,
            exc dict,
            r#"
            import gc, sys
            seen = []
            old = sys.unraisablehook
            sys.unraisablehook = seen.append
            try:
                def f(x):
                    try:
                        raise x
                    except BaseException:
                        pass
                f(exc)  # exc -> traceback -> frame -> x -> exc
                assert exc.__traceback__ is not None
                dict["self"] = dict
                gc.collect()
                assert seen == [], [u.exc_value for u in seen]
            finally:
                sys.unraisablehook = old
            "#
        );
        drop(exc);
        drop(dict);
        py.run(c"import gc; gc.collect()", None, None).unwrap();
        assert_eq!(
            exc_count.load(Ordering::SeqCst),
            1,
            "exception cycle leaked"
        );
        assert_eq!(dict_count.load(Ordering::SeqCst), 1, "dict cycle leaked");
    });
}

// --- defect 7: a base class's `__clear__` runs for subclass instances -----------------------

#[pyclass(subclass)]
struct ClearBase {
    #[pyo3(get, set)]
    other: Option<Py<PyAny>>,
    _drops: Drops,
}

#[pymethods]
impl ClearBase {
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.other)
    }

    fn __clear__(&mut self) {
        self.other = None;
    }
}

#[pyclass(extends = ClearBase)]
struct ClearSub;

#[test]
fn defect_07_base_clear_runs_for_subclass() {
    Python::attach(|py| {
        let (count, drops) = counter();
        let o = Bound::new(
            py,
            (
                ClearSub,
                ClearBase {
                    other: None,
                    _drops: drops,
                },
            ),
        )
        .unwrap();
        py_run!(py, o, "o.other = o");
        drop(o);
        py.run(c"import gc; gc.collect()", None, None).unwrap();
        assert_eq!(
            count.load(Ordering::SeqCst),
            1,
            "cycle through the base leaked"
        );
    });
}

// --- defect 8: `__dict__` assignment from several threads ----------------------------------

#[pyclass(dict)]
struct DictHolder;

/// On free-threaded builds the `__dict__` setter read-modify-writes the slot; it must do so in
/// the object's critical section (without the GIL two threads released the same old dict).
/// With the GIL this runs the same code path and checks the reference counts stay exact.
#[test]
fn defect_08_concurrent_dict_assignment() {
    Python::attach(|py| {
        let o = Bound::new(py, DictHolder).unwrap();
        py_run!(
            py,
            o,
            r#"
            import sys, threading
            keep = [{"i": i} for i in range(8)]
            rc = sys.getrefcount
            before = list(map(rc, keep))
            def worker(o, d):
                for _ in range(2000):
                    o.__dict__ = d
                    assert isinstance(o.__dict__, dict)
            ts = []
            for d in keep:
                ts.append(threading.Thread(target=worker, args=(o, d)))
            for t in ts: t.start()
            for t in ts: t.join()
            assert o.__dict__ in keep
            o.__dict__ = {}
            del d, ts
            assert list(map(rc, keep)) == before, (list(map(rc, keep)), before)
            "#
        );
    });
}

// --- the "Also" list of issue 7 -------------------------------------------------------------

/// Error arguments whose conversion panics (user code run when the error is raised).
struct PanickingArgs;

impl pyo3::PyErrArguments for PanickingArgs {
    fn arguments(self, _py: Python<'_>) -> Py<PyAny> {
        panic!("arguments panicked")
    }
}

#[pyfunction]
fn fails_with_panicking_args() -> PyResult<()> {
    Err(pyo3::exceptions::PyValueError::new_err(PanickingArgs))
}

/// Raising an error whose arguments panic happens inside the trampoline's panic guard: the
/// panic becomes the raised `PanicException` (it used to unwind into CPython and abort).
#[test]
fn also_trampoline_restore_panics_caught() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(fails_with_panicking_args, py).unwrap();
        py_run!(
            py,
            f,
            r#"
            try:
                f()
            except BaseException as e:
                assert type(e).__name__ == "PanicException", repr(e)
                assert str(e) == "arguments panicked", str(e)
            else:
                raise AssertionError("no exception")
            "#
        );
    });
}

/// A panic while normalizing an error leaves it poisoned: later uses panic too instead of
/// waiting forever for a normalization that will never finish.
#[test]
fn also_normalization_panic_does_not_spin() {
    let err = pyo3::exceptions::PyValueError::new_err(PanickingArgs);
    let err = Python::attach(|py| {
        let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = err.value(py);
        }));
        assert!(first.is_err());
        err
    });
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let second = Python::attach(|py| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = err.value(py);
            }))
        });
        tx.send(second.is_err()).unwrap();
    });
    let panicked = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("normalizing a poisoned error spins forever");
    assert!(panicked);
}

/// A panicking capsule destructor is reported as unraisable instead of unwinding into CPython.
#[test]
fn also_capsule_destructor_panic() {
    let _hook = unraisable_hook_lock();
    Python::attach(|py| {
        let capsule = pyo3::types::PyCapsule::new_with_destructor(py, 5u32, None, |_, _| {
            panic!("capsule destructor panicked")
        })
        .unwrap();
        let sys = py.import("sys").unwrap();
        let old = sys.getattr("unraisablehook").unwrap();
        let seen = pyo3::types::PyList::empty(py);
        sys.setattr("unraisablehook", seen.getattr("append").unwrap())
            .unwrap();
        drop(capsule);
        sys.setattr("unraisablehook", old).unwrap();
        assert_eq!(seen.len(), 1);
        let exc = seen.get_item(0).unwrap().getattr("exc_value").unwrap();
        assert_eq!(exc.get_type().name().unwrap(), "PanicException");
        assert_eq!(exc.to_string(), "capsule destructor panicked");
    });
}

#[pyclass]
struct FailingClassAttr;

#[pymethods]
impl FailingClassAttr {
    #[classattr]
    fn broken() -> PyResult<i32> {
        Err(pyo3::exceptions::PyValueError::new_err(
            "class attribute failed",
        ))
    }
}

/// A type whose class attributes could not be set is not handed out later as if complete:
/// every use fails again.
#[test]
fn also_failing_classattr_leaves_no_half_built_type() {
    // Each failed creation reports through `sys.unraisablehook` (as `get_or_init` does before
    // panicking): hold the lock so that the reports cannot land in another test's hook.
    let _hook = unraisable_hook_lock();
    Python::attach(|py| {
        for _ in 0..2 {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = py.get_type::<FailingClassAttr>();
            }));
            assert!(r.is_err(), "a half-built type was handed out");
            // As in PyO3, the error names the attribute and has the original as its cause.
            let err = Bound::new(py, FailingClassAttr).unwrap_err();
            assert_eq!(
                err.value(py).to_string(),
                "An error occurred while initializing `FailingClassAttr.broken`"
            );
            let cause = err.cause(py).expect("the attribute's error is the cause");
            assert_eq!(cause.value(py).to_string(), "class attribute failed");
        }
    });
}

/// Panics when dropped.
struct PanicOnDrop;

impl Drop for PanicOnDrop {
    fn drop(&mut self) {
        panic!("closure state dropped");
    }
}

/// A closure whose captured state panics when dropped is reported like a capsule destructor.
#[test]
fn also_closure_drop_panic() {
    let _hook = unraisable_hook_lock();
    Python::attach(|py| {
        let state = PanicOnDrop;
        let f = pyo3::types::PyCFunction::new_closure(py, None, None, move |_args, _kwargs| {
            let _ = &state;
        })
        .unwrap();
        let sys = py.import("sys").unwrap();
        let old = sys.getattr("unraisablehook").unwrap();
        let seen = pyo3::types::PyList::empty(py);
        sys.setattr("unraisablehook", seen.getattr("append").unwrap())
            .unwrap();
        drop(f);
        sys.setattr("unraisablehook", old).unwrap();
        assert_eq!(seen.len(), 1);
        let exc = seen.get_item(0).unwrap().getattr("exc_value").unwrap();
        assert_eq!(exc.to_string(), "closure state dropped");
    });
}

#[pyclass(unsendable)]
struct Unsendable {
    _drops: Drops,
}

/// An `unsendable` value released on another thread is leaked, and reported (a
/// `RuntimeError` through `sys.unraisablehook`, without the dying object as context).
#[test]
fn also_unsendable_dropped_elsewhere() {
    let _hook = unraisable_hook_lock();
    Python::attach(|py| {
        let (count, drops) = counter();
        let obj = Py::new(py, Unsendable { _drops: drops }).unwrap();
        let sys = py.import("sys").unwrap();
        let old = sys.getattr("unraisablehook").unwrap();
        let seen = pyo3::types::PyList::empty(py);
        sys.setattr("unraisablehook", seen.getattr("append").unwrap())
            .unwrap();
        py.detach(|| {
            std::thread::spawn(move || Python::attach(move |_py| drop(obj)))
                .join()
                .unwrap();
        });
        sys.setattr("unraisablehook", old).unwrap();
        assert_eq!(
            count.load(Ordering::SeqCst),
            0,
            "dropped on the wrong thread"
        );
        assert_eq!(seen.len(), 1);
        let u = seen.get_item(0).unwrap();
        assert!(u.getattr("object").unwrap().is_none());
        let exc = u.getattr("exc_value").unwrap();
        assert_eq!(exc.get_type().name().unwrap(), "RuntimeError");
        assert_eq!(
            exc.to_string(),
            "test_soundness::Unsendable is unsendable, but is being dropped on another thread"
        );
    });
}
