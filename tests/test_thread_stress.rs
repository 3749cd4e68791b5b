#![cfg(all(feature = "macros", feature = "auto-initialize"))]
//! Bounded thread stress: many threads attaching and detaching, `Py<T>` dropped by detached
//! threads (the reference pool), `PyOnceLock` and a class's lazy type object first used by
//! several threads at once, `unsendable` objects touched from the wrong thread, and
//! `detach` around blocking work while other threads call back into Python.
//!
//! Every test runs under a watchdog: a deadlock fails the test after `LIMIT` instead of
//! hanging CI. Iteration counts are fixed, so the work is bounded too.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Barrier};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

const LIMIT: Duration = Duration::from_secs(120);

/// Runs `f` on its own thread and fails if it does not finish within `LIMIT`.
fn bounded<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = tx.send(std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
    });
    match rx.recv_timeout(LIMIT) {
        Ok(Ok(value)) => {
            worker.join().unwrap();
            value
        }
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(_) => panic!("deadlock: the test did not finish within {LIMIT:?}"),
    }
}

#[test]
fn many_threads_attach_and_detach() {
    const THREADS: usize = 8;
    const ROUNDS: usize = 300;
    let total = bounded(|| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                std::thread::spawn(move || {
                    let mut sum = 0usize;
                    for i in 0..ROUNDS {
                        sum += Python::attach(|py| {
                            let list = PyList::new(py, [t, i]).unwrap();
                            // Detach in the middle of using `list`, attach again nested.
                            let n = py.detach(|| Python::attach(|_| 1usize));
                            let v: Vec<usize> = list.extract().unwrap();
                            assert_eq!(v, [t, i]);
                            n + v[1]
                        });
                    }
                    sum
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .sum::<usize>()
    });
    let per_thread = ROUNDS + ROUNDS * (ROUNDS - 1) / 2;
    assert_eq!(total, THREADS * per_thread);
}

#[test]
fn py_dropped_by_detached_threads() {
    const THREADS: usize = 8;
    const CLONES: usize = 500;
    bounded(|| {
        let obj: Py<PyAny> =
            Python::attach(|py| py.eval(c"object()", None, None).unwrap().unbind());
        let batches: Vec<Vec<Py<PyAny>>> = Python::attach(|py| {
            (0..THREADS)
                .map(|_| (0..CLONES).map(|_| obj.clone_ref(py)).collect())
                .collect()
        });
        Python::attach(|py| assert_eq!(obj.get_refcnt(py), (1 + THREADS * CLONES) as isize));
        // Every thread drops its clones without being attached: the decrefs are deferred.
        let barrier = Arc::new(Barrier::new(THREADS));
        let handles: Vec<_> = batches
            .into_iter()
            .map(|batch| {
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    drop(batch);
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        // Attaching applies every pending decref exactly once.
        Python::attach(|py| assert_eq!(obj.get_refcnt(py), 1));
    });
}

#[test]
fn once_lock_first_use_races() {
    const THREADS: usize = 8;
    static CELL: PyOnceLock<Py<PyList>> = PyOnceLock::new();
    static INITS: AtomicUsize = AtomicUsize::new(0);
    let pointers = bounded(|| {
        let barrier = Arc::new(Barrier::new(THREADS));
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    Python::attach(|py| {
                        let list = CELL.get_or_init(py, || {
                            INITS.fetch_add(1, Ordering::SeqCst);
                            PyList::empty(py).unbind()
                        });
                        list.as_ptr() as usize
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect::<Vec<_>>()
    });
    assert_eq!(INITS.load(Ordering::SeqCst), 1);
    assert!(pointers.iter().all(|p| *p == pointers[0]));
}

/// Used by no other test, so its type object is created by the race below.
#[pyclass]
struct RacedType {
    #[pyo3(get)]
    value: i32,
}

#[test]
fn lazy_type_object_first_use_races() {
    const THREADS: usize = 8;
    let results = bounded(|| {
        let barrier = Arc::new(Barrier::new(THREADS));
        let handles: Vec<_> = (0..THREADS)
            .map(|i| {
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    Python::attach(|py| {
                        let ty = py.get_type::<RacedType>();
                        let obj = Bound::new(py, RacedType { value: i as i32 }).unwrap();
                        assert!(obj.get_type().is(&ty));
                        let value: i32 = obj.getattr("value").unwrap().extract().unwrap();
                        (ty.as_ptr() as usize, value)
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect::<Vec<_>>()
    });
    // One type object, and every instance works.
    assert!(results.iter().all(|(ty, _)| *ty == results[0].0));
    let mut values: Vec<i32> = results.iter().map(|(_, v)| *v).collect();
    values.sort();
    assert_eq!(values, (0..THREADS as i32).collect::<Vec<_>>());
    Python::attach(|py| {
        assert_eq!(py.get_type::<RacedType>().name().unwrap(), "RacedType");
    });
}

#[pyclass(unsendable)]
struct ThreadBound {
    value: i32,
}

#[pymethods]
impl ThreadBound {
    fn get(&self) -> i32 {
        self.value
    }
}

#[test]
fn unsendable_used_from_another_thread() {
    let owner = std::thread::current().id();
    let obj: Py<ThreadBound> = Python::attach(|py| Py::new(py, ThreadBound { value: 7 }).unwrap());
    let obj = bounded(move || {
        std::thread::spawn(move || {
            // Worded as PyO3's: an assertion of the two thread ids, the current one first.
            let expected2 = format!(
                "assertion `left == right` failed: {} is unsendable, but sent to another \
                 thread\n  left: ThreadId({:?})\n right: ThreadId({:?})",
                std::any::type_name::<ThreadBound>(),
                std::thread::current().id(),
                owner
            );
            Python::attach(|py| {
                // From Rust: borrowing panics with a clear message.
                common::assert_panics_with(&expected2, || obj.bind(py).borrow().value);
                // From Python: the method call raises PanicException (caught in Python: fetching
                // it into Rust would resume the panic), and Python goes on.
                let locals = PyDict::new(py);
                locals.set_item("obj", &obj).unwrap();
                py.run(
                    c"try:\n    obj.get()\n    caught = None\nexcept BaseException as e:\n    caught = (type(e).__name__, str(e))\n",
                    None,
                    Some(&locals),
                )
                .unwrap();
                let caught: (String, String) =
                    locals.get_item("caught").unwrap().unwrap().extract().unwrap();
                assert_eq!(caught, ("PanicException".to_string(), expected2.clone()));
                assert_eq!(
                    py.eval(c"1 + 1", None, None)
                        .unwrap()
                        .extract::<i32>()
                        .unwrap(),
                    2
                );
            });
            // Hand it back: it is dropped on its own thread below.
            obj
        })
        .join()
        .unwrap()
    });
    // On the owning thread everything still works.
    Python::attach(|py| {
        assert_eq!(obj.bind(py).borrow().value, 7);
        let locals = PyDict::new(py);
        locals.set_item("obj", &obj).unwrap();
        assert_eq!(
            py.eval(c"obj.get()", None, Some(&locals))
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            7
        );
        drop(obj);
    });
}

/// Four Python threads must all be inside this function at once to pass the barrier, which
/// only works if `detach` really lets the others run.
static RENDEZVOUS: std::sync::OnceLock<Barrier> = std::sync::OnceLock::new();

/// Blocks, detached, until every caller has arrived; then calls back into Python.
#[pyfunction]
fn rendezvous(py: Python<'_>, callback: &Bound<'_, PyAny>) -> PyResult<i32> {
    py.detach(|| {
        RENDEZVOUS.get().unwrap().wait();
    });
    callback.call0()?.extract()
}

#[test]
fn detach_around_blocking_work_with_callbacks() {
    RENDEZVOUS.get_or_init(|| Barrier::new(4));
    bounded(|| {
        Python::attach(|py| {
            let locals = PyDict::new(py);
            locals
                .set_item("rendezvous", wrap_pyfunction!(rendezvous, py).unwrap())
                .unwrap();
            py.run(
                c"import threading\n\
                  results = []\n\
                  lock = threading.Lock()\n\
                  def make(i):\n\
                  \x20   def cb():\n\
                  \x20       with lock:\n\
                  \x20           results.append(i)\n\
                  \x20       return i\n\
                  \x20   return cb\n\
                  threads = [threading.Thread(target=rendezvous, args=(make(i),)) for i in range(4)]\n\
                  for t in threads: t.start()\n\
                  for t in threads: t.join()\n\
                  assert sorted(results) == [0, 1, 2, 3], results\n",
                Some(&locals),
                None,
            )
            .unwrap();
        });
    });

    // A Rust thread blocked (detached) on a channel is woken by a Python callback that
    // another thread runs.
    bounded(|| {
        Python::attach(|py| {
            let (tx, rx) = mpsc::channel::<i32>();
            let tx = std::sync::Mutex::new(tx);
            let notify = pyo3::types::PyCFunction::new_closure(py, None, None, move |args, _| {
                let v: i32 = args.get_item(0)?.extract()?;
                tx.lock().unwrap().send(v).unwrap();
                PyResult::Ok(())
            })
            .unwrap()
            .unbind();
            // The caller says when it has left the interpreter, so that joining it needs no
            // detach: a `JoinHandle` holds a `dyn Any + Send` (its panic payload), which is not
            // `Ungil` under the `nightly` feature, so it cannot be moved into `detach`.
            let (done_tx, done_rx) = mpsc::channel::<()>();
            let caller = std::thread::spawn(move || {
                Python::attach(|py| {
                    let locals = PyDict::new(py);
                    locals.set_item("notify", notify.bind(py)).unwrap();
                    py.run(c"notify(41 + 1)", None, Some(&locals)).unwrap();
                });
                done_tx.send(()).unwrap();
            });
            let got = py.detach(move || rx.recv().unwrap());
            assert_eq!(got, 42);
            // An error here means the caller panicked (its sender dropped): `join` reports it.
            let _ = py.detach(move || done_rx.recv());
            caller.join().unwrap();
        });
    });
}
