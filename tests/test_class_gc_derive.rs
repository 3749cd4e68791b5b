#![cfg(all(feature = "macros", feature = "auto-initialize"))]
//! `#[pyclass(gc)]` (an extension of this crate): `__traverse__` and `__clear__` derived from
//! the fields, so reference cycles through Rust-held references are collected without
//! hand-written GC methods.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::prelude::*;
use pyo3::pyclass::{GcTraverse, PyTraverseError, PyVisit};
use pyo3::types::PyDict;

fn run(py: Python<'_>, globals: &Bound<'_, PyDict>, code: &std::ffi::CStr) {
    if let Err(e) = py.run(code, Some(globals), None) {
        panic!("{e}");
    }
}

static LINK_DROPS: AtomicUsize = AtomicUsize::new(0);

#[pyclass(gc, weakref)]
struct Link {
    other: Option<Py<Link>>,
    label: u32,
}

impl Drop for Link {
    fn drop(&mut self) {
        LINK_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl Link {
    #[new]
    fn new(label: u32) -> Self {
        Link { other: None, label }
    }
    fn connect(&mut self, other: Py<Link>) {
        self.other = Some(other);
    }
    #[getter]
    fn label(&self) -> u32 {
        self.label
    }
}

fn assert_copy<T: Copy>() {}

#[test]
fn visitor_is_copy() {
    // A visitor can be handed to helpers by value more than once.
    assert_copy::<PyVisit<'static>>();
}

#[test]
fn cycle_through_two_rust_objects_is_collected_once() {
    Python::attach(|py| {
        let g = PyDict::new(py);
        g.set_item("Link", py.get_type::<Link>()).unwrap();
        run(
            py,
            &g,
            cr#"
import gc, weakref
gc.collect()
a = Link(1)
b = Link(2)
a.connect(b)
b.connect(a)
assert b in gc.get_referents(a) and a in gc.get_referents(b)
wa, wb = weakref.ref(a), weakref.ref(b)
del a, b
"#,
        );
        let before = LINK_DROPS.load(Ordering::SeqCst);
        run(
            py,
            &g,
            c"assert wa() is not None and wb() is not None\ngc.collect()\nassert wa() is None and wb() is None",
        );
        assert_eq!(LINK_DROPS.load(Ordering::SeqCst), before + 2);
        // Further collections find nothing left to drop.
        run(py, &g, c"gc.collect()");
        assert_eq!(LINK_DROPS.load(Ordering::SeqCst), before + 2);
    });
}

/// A user container of Python references, visited through `#[pyo3(traverse)]`.
struct Bag {
    items: Vec<(u8, Py<PyAny>)>,
}

impl GcTraverse for Bag {
    fn gc_traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        self.items
            .iter()
            .try_for_each(|(_, o)| o.gc_traverse(visit))
    }
}

#[pyclass(gc, subclass)]
struct Holder {
    one: Py<PyAny>,
    maybe: Option<Py<PyAny>>,
    many: Vec<Py<PyAny>>,
    #[pyo3(traverse)]
    bag: Bag,
    #[pyo3(traverse)]
    boxed: Box<Py<PyAny>>,
    #[pyo3(traverse)]
    pair: [Option<Py<PyAny>>; 2],
    not_python: String,
}

#[pyclass(gc, extends = Holder)]
struct SubHolder {
    extra: Py<PyAny>,
}

#[test]
fn every_field_kind_is_visited_on_every_level() {
    Python::attach(|py| {
        let objs: Vec<Py<PyAny>> = (0..8)
            .map(|i| {
                py.eval(
                    &std::ffi::CString::new(format!("[{i}]")).unwrap(),
                    None,
                    None,
                )
                .unwrap()
                .unbind()
            })
            .collect();
        let holder = Holder {
            one: objs[0].clone_ref(py),
            maybe: Some(objs[1].clone_ref(py)),
            many: vec![objs[2].clone_ref(py), objs[3].clone_ref(py)],
            bag: Bag {
                items: vec![(7, objs[4].clone_ref(py))],
            },
            boxed: Box::new(objs[6].clone_ref(py)),
            pair: [None, Some(objs[7].clone_ref(py))],
            not_python: "text".into(),
        };
        let sub = Bound::new(
            py,
            PyClassInitializer::from(holder).add_subclass(SubHolder {
                extra: objs[5].clone_ref(py),
            }),
        )
        .unwrap();
        assert_eq!(sub.as_super().borrow().not_python, "text");
        let g = PyDict::new(py);
        g.set_item("sub", &sub).unwrap();
        g.set_item("objs", &objs).unwrap();
        run(
            py,
            &g,
            cr#"
import gc
refs = gc.get_referents(sub)
for o in objs:
    assert sum(1 for r in refs if r is o) == 1, (o, refs)
assert type(sub) in refs
"#,
        );
    });
}

static FROZEN_DROPS: AtomicUsize = AtomicUsize::new(0);

/// `frozen`: only `__traverse__` is derived (no mutable access to clear); a cycle through it
/// is still broken by the non-frozen class's derived `__clear__`.
#[pyclass(gc, frozen, weakref)]
struct FrozenEnd {
    back: Py<PyAny>,
}

impl Drop for FrozenEnd {
    fn drop(&mut self) {
        FROZEN_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pyclass(gc)]
struct AnyLink {
    other: Option<Py<PyAny>>,
}

#[test]
fn cycle_through_a_frozen_class_is_collected() {
    Python::attach(|py| {
        let link = Py::new(py, AnyLink { other: None }).unwrap();
        let end = Py::new(
            py,
            FrozenEnd {
                back: link.clone_ref(py).into_any(),
            },
        )
        .unwrap();
        link.borrow_mut(py).other = Some(end.clone_ref(py).into_any());
        let g = PyDict::new(py);
        g.set_item("end", &end).unwrap();
        run(py, &g, c"import gc, weakref\nw = weakref.ref(end)\ndel end");
        drop((link, end));
        let before = FROZEN_DROPS.load(Ordering::SeqCst);
        run(
            py,
            &g,
            c"assert w() is not None\ngc.collect()\nassert w() is None",
        );
        assert_eq!(FROZEN_DROPS.load(Ordering::SeqCst), before + 1);
    });
}
