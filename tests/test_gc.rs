#![cfg(all(feature = "macros", feature = "auto-initialize"))]
//! The garbage collector and `#[pyclass]`: cycles through Rust-held references (hand-written
//! `__traverse__`) and through instance dicts (generated traversal) are collected; a
//! `__traverse__` that panics, or that tries to attach, is contained; an instance resurrected
//! by a Python subclass's `__del__` stays valid and its Rust value is dropped exactly once;
//! `gc.get_referents` sees what Rust holds; a million instances allocated and dropped keep
//! the process's memory flat.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::{PyTraverseError, PyVisit};

/// Runs `code` with `locals` as its globals; panics with the Python error if it raises.
/// Every test of this file runs alone: `million_instances_keep_rss_flat` measures the RSS of the
/// whole process, which the other tests' allocations (made while its loop lets the interpreter
/// switch threads) would otherwise add to; 62 MB of them were seen on 3.9.
fn alone() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn run(py: Python<'_>, globals: &Bound<'_, PyDict>, code: &std::ffi::CStr) {
    if let Err(e) = py.run(code, Some(globals), None) {
        panic!(
            "{e}\n{}",
            e.traceback(py)
                .map(|t| t.format().unwrap())
                .unwrap_or_default()
        );
    }
}

static NODE_DROPS: AtomicUsize = AtomicUsize::new(0);

/// Holds Python objects from Rust; reports them to the collector.
#[pyclass(weakref)]
struct Node {
    next: Option<Py<PyAny>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        NODE_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl Node {
    #[new]
    fn new() -> Self {
        Node { next: None }
    }
    fn link(&mut self, other: Py<PyAny>) {
        self.next = Some(other);
    }
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.next)
    }
    fn __clear__(&mut self) {
        self.next = None;
    }
}

#[test]
fn rust_held_cycle_is_collected_and_visible_to_get_referents() {
    let _alone = alone();
    Python::attach(|py| {
        let g = PyDict::new(py);
        g.set_item("Node", py.get_type::<Node>()).unwrap();
        let before = NODE_DROPS.load(Ordering::SeqCst);
        run(
            py,
            &g,
            c"import gc, weakref\n\
              a, b = Node(), Node()\n\
              payload = ['payload']\n\
              a.link(b); b.link(a)\n\
              # The reference Rust holds is what the collector sees.\n\
              assert b in gc.get_referents(a), gc.get_referents(a)\n\
              assert a in gc.get_referents(b)\n\
              c = Node(); c.link(payload)\n\
              assert payload in gc.get_referents(c)\n\
              ra, rb = weakref.ref(a), weakref.ref(b)\n\
              del a, b\n\
              gc.collect()\n\
              assert ra() is None and rb() is None\n",
        );
        // Both nodes of the cycle were dropped (c is still alive).
        assert_eq!(NODE_DROPS.load(Ordering::SeqCst) - before, 2);
    });
}

/// No `__traverse__` of its own: the instance dict is traversed by the generated code.
#[pyclass(dict, weakref, subclass)]
struct WithDict {}

#[pymethods]
impl WithDict {
    #[new]
    fn new() -> Self {
        WithDict {}
    }
}

#[test]
fn dict_cycles_are_collected() {
    let _alone = alone();
    Python::attach(|py| {
        let g = PyDict::new(py);
        g.set_item("WithDict", py.get_type::<WithDict>()).unwrap();
        run(
            py,
            &g,
            c"import gc, weakref\n\
              x = WithDict(); x.me = x\n\
              class Sub(WithDict):\n\
              \x20   pass\n\
              s = Sub(); s.other = [s]\n\
              rx, rs = weakref.ref(x), weakref.ref(s)\n\
              del x, s\n\
              gc.collect()\n\
              assert rx() is None and rs() is None\n",
        );
    });
}

static PANIC_IN_TRAVERSE: AtomicBool = AtomicBool::new(true);
static ATTACH_IN_TRAVERSE: AtomicBool = AtomicBool::new(false);
static ATTACH_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

#[pyclass(weakref)]
struct BadTraverse {
    next: Option<Py<PyAny>>,
}

#[pymethods]
impl BadTraverse {
    #[new]
    fn new() -> Self {
        BadTraverse { next: None }
    }
    fn link(&mut self, other: Py<PyAny>) {
        self.next = Some(other);
    }
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        if PANIC_IN_TRAVERSE.load(Ordering::SeqCst) {
            panic!("traverse panicked");
        }
        if ATTACH_IN_TRAVERSE.load(Ordering::SeqCst) {
            // Touching the interpreter from a traversal is refused (a panic, contained by
            // the traversal wrapper); the message is recorded for the test.
            let r = std::panic::catch_unwind(|| Python::attach(|_| ()));
            if let Err(payload) = r {
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned());
                *ATTACH_PANIC.lock().unwrap() = msg;
                std::panic::resume_unwind(payload);
            }
        }
        visit.call(&self.next)
    }
    fn __clear__(&mut self) {
        self.next = None;
    }
}

#[test]
fn misbehaving_traverse_is_contained() {
    let _alone = alone();
    Python::attach(|py| {
        let g = PyDict::new(py);
        g.set_item("Bad", py.get_type::<BadTraverse>()).unwrap();
        // A panicking traversal: collection runs, nothing crashes, the objects stay usable.
        PANIC_IN_TRAVERSE.store(true, Ordering::SeqCst);
        run(
            py,
            &g,
            c"import gc, weakref\n\
              a, b = Bad(), Bad()\n\
              a.link(b); b.link(a)\n\
              ra = weakref.ref(a)\n\
              del a, b\n\
              gc.collect()\n\
              assert gc.collect() >= 0\n",
        );
        // A traversal that tries to attach: also contained.
        PANIC_IN_TRAVERSE.store(false, Ordering::SeqCst);
        ATTACH_IN_TRAVERSE.store(true, Ordering::SeqCst);
        run(py, &g, c"gc.collect()\nassert 1 + 1 == 2\n");
        assert_eq!(
            ATTACH_PANIC.lock().unwrap().as_deref(),
            Some("Access to the GIL is prohibited while a __traverse__ implementation is running.")
        );
        // Once traversal behaves, the cycle is found and collected.
        ATTACH_IN_TRAVERSE.store(false, Ordering::SeqCst);
        run(py, &g, c"gc.collect()\nassert ra() is None\n");
    });
}

static RESURRECTED_DROPS: AtomicUsize = AtomicUsize::new(0);

#[pyclass(subclass)]
struct Base {
    value: String,
}

impl Drop for Base {
    fn drop(&mut self) {
        RESURRECTED_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl Base {
    #[new]
    fn new(value: String) -> Self {
        Base { value }
    }
    fn value(&self) -> String {
        self.value.clone()
    }
}

#[test]
fn resurrection_in_subclass_del() {
    let _alone = alone();
    Python::attach(|py| {
        let g = PyDict::new(py);
        g.set_item("Base", py.get_type::<Base>()).unwrap();
        let before = RESURRECTED_DROPS.load(Ordering::SeqCst);
        run(
            py,
            &g,
            c"import gc\n\
              saved = []\n\
              class Phoenix(Base):\n\
              \x20   def __del__(self):\n\
              \x20       saved.append(self)\n\
              p = Phoenix('alive')\n\
              del p\n\
              gc.collect()\n\
              assert len(saved) == 1\n\
              # The Rust value of the resurrected object is intact.\n\
              assert saved[0].value() == 'alive'\n",
        );
        assert_eq!(RESURRECTED_DROPS.load(Ordering::SeqCst), before);
        // Dropping the last reference again: __del__ does not run twice (PEP 442), the
        // object is deallocated and the Rust value dropped exactly once.
        run(py, &g, c"saved.clear()\ngc.collect()\n");
        assert_eq!(RESURRECTED_DROPS.load(Ordering::SeqCst), before + 1);
    });
}

/// Resident set size in bytes, from /proc (Linux).
#[cfg(target_os = "linux")]
fn rss_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    // SAFETY: sysconf has no preconditions.
    pages * unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize
}

#[pyclass]
struct Heavy {
    _data: Vec<u8>,
    _held: Option<Py<PyAny>>,
}

#[pymethods]
impl Heavy {
    #[new]
    #[pyo3(signature = (held=None))]
    fn new(held: Option<Py<PyAny>>) -> Self {
        Heavy {
            _data: vec![0u8; 256],
            _held: held,
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn million_instances_keep_rss_flat() {
    let _alone = alone();
    Python::attach(|py| {
        let g = PyDict::new(py);
        g.set_item("Heavy", py.get_type::<Heavy>()).unwrap();
        // Warm up allocators and caches first.
        run(py, &g, c"for i in range(100_000):\n    Heavy(i)\n");
        let before = rss_bytes();
        // A leak of the 256-byte buffer (or of the held int) per instance would add over
        // 250 MB here.
        run(
            py,
            &g,
            c"held = object()\n\
              for i in range(1_000_000):\n\
              \x20   Heavy(held if i % 2 else None)\n\
              import sys\n\
              assert sys.getrefcount(held) == 2, sys.getrefcount(held)\n",
        );
        let grown = rss_bytes().saturating_sub(before);
        assert!(
            grown < 16 * 1024 * 1024,
            "RSS grew by {grown} bytes over a million instances"
        );
    });
}
