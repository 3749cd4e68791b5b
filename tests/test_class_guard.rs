#![cfg(feature = "macros")]
//! `PyClassGuard` / `PyClassGuardMut`: borrows that own no reference to the object, built with
//! `TryFrom<&Bound<T>>` or extraction, narrowed with `map`, converted back to the object, and
//! sharing the borrow flag with `PyRef` / `PyRefMut`.

mod common;

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::pycell::{PyBorrowError, PyBorrowMutError};
use pyo3::pyclass::{PyClassGuardError, PyClassGuardMutError};

#[pyclass(subclass)]
struct Base {
    name: String,
}

#[pyclass(extends = Base)]
struct Child {
    items: Vec<u32>,
}

#[pyclass(frozen, subclass)]
struct FrozenBase {
    tag: u8,
}

#[pyclass(extends = FrozenBase)]
struct OverFrozen {
    n: u32,
}

#[pymethods]
impl Child {
    fn total(slf: PyClassGuard<'_, Self>) -> u32 {
        slf.items.iter().sum()
    }
    fn push(mut slf: PyClassGuardMut<'_, Self>, v: u32) {
        slf.items.push(v);
        slf.as_super().name.push('+');
    }
}

fn child(py: Python<'_>) -> Bound<'_, Child> {
    Bound::new(
        py,
        PyClassInitializer::from(Base { name: "b".into() })
            .add_subclass(Child { items: vec![1, 2] }),
    )
    .unwrap()
}

#[test]
fn try_from_and_borrow_conflicts() {
    Python::attach(|py| {
        let obj = child(py);
        let shared = PyClassGuard::try_from(&obj).unwrap();
        let second = PyClassGuard::try_from(&obj).unwrap();
        assert_eq!(shared.items, [1, 2]);
        let e: PyBorrowMutError = PyClassGuardMut::try_from(&obj).err().unwrap();
        assert_eq!(e.to_string(), "Already borrowed");
        assert!(obj.try_borrow_mut().is_err());
        drop((shared, second));
        let mut excl = PyClassGuardMut::try_from(&obj).unwrap();
        excl.items.push(3);
        let e: PyBorrowError = PyClassGuard::try_from(&obj).err().unwrap();
        assert_eq!(e.to_string(), "Already mutably borrowed");
        assert!(obj.try_borrow().is_err());
        drop(excl);
        assert_eq!(obj.borrow().items, [1, 2, 3]);
    });
}

#[test]
fn map_keeps_the_borrow_until_dropped() {
    Python::attach(|py| {
        let obj = child(py);
        let first = PyClassGuard::try_from(&obj).unwrap().map(|c| &c.items[0]);
        assert_eq!(*first, 1);
        assert!(obj.try_borrow_mut().is_err());
        drop(first);
        let mut slice = PyClassGuardMut::try_from(&obj)
            .unwrap()
            .map(|c| c.items.as_mut_slice());
        slice[1] = 20;
        assert!(obj.try_borrow().is_err());
        drop(slice);
        assert_eq!(obj.borrow().items, [1, 20]);
        // A panicking `map` closure releases the borrow with the guard.
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let g = PyClassGuardMut::try_from(&obj).unwrap();
            let _m = g.map(|_| -> &mut u32 { panic!("in map") });
        }));
        assert!(r.is_err());
        assert!(obj.try_borrow_mut().is_ok());
    });
}

#[test]
fn extraction_errors_convert_to_python_exceptions() {
    Python::attach(|py| {
        let not_child = 5i32.into_pyobject(py).unwrap().into_any();
        let e: PyClassGuardError<'_, '_> = not_child
            .extract::<PyClassGuard<'_, Child>>()
            .err()
            .unwrap();
        assert_eq!(e.to_string(), "'int' object is not an instance of 'Child'");
        common::assert_err::<PyTypeError>(
            py,
            &PyErr::from(e),
            "'int' object is not an instance of 'Child'",
        );
        let e: PyClassGuardMutError<'_, '_> = not_child
            .extract::<PyClassGuardMut<'_, Child>>()
            .err()
            .unwrap();
        common::assert_err::<PyTypeError>(
            py,
            &e.into(),
            "'int' object is not an instance of 'Child'",
        );

        let obj = child(py).into_any();
        let held = obj.extract::<PyClassGuardMut<'_, Child>>().unwrap();
        let e = obj.extract::<PyClassGuard<'_, Child>>().err().unwrap();
        common::assert_err::<PyRuntimeError>(py, &e.into(), "Already mutably borrowed");
        drop(held);
        let held = obj.extract::<PyClassGuard<'_, Child>>().unwrap();
        let e = obj.extract::<PyClassGuardMut<'_, Child>>().err().unwrap();
        common::assert_err::<PyRuntimeError>(py, &e.into(), "Already borrowed");
        drop(held);
    });
}

#[test]
fn into_pyobject_is_the_same_object_and_owns_no_reference() {
    Python::attach(|py| {
        let obj = child(py);
        let before = obj.get_refcnt();
        let guard = PyClassGuard::try_from(&obj).unwrap();
        assert_eq!(obj.get_refcnt(), before);
        let by_ref = (&guard).into_pyobject(py).unwrap();
        assert!(by_ref.is(&obj));
        let by_value = guard.into_pyobject(py).unwrap();
        assert!(by_value.is(&obj));
        // The conversion ended the guard, so the value can be borrowed mutably again.
        assert!(obj.try_borrow_mut().is_ok());
        let guard = PyClassGuardMut::try_from(&obj).unwrap();
        assert!((&guard).into_pyobject(py).unwrap().is(&obj));
        assert!(guard.into_pyobject(py).unwrap().is(&obj));
        assert_eq!(obj.get_refcnt(), before);
        assert!(obj.try_borrow_mut().is_ok());
    });
}

#[test]
fn super_views_share_the_borrow() {
    Python::attach(|py| {
        let obj = child(py);
        let g = PyClassGuard::try_from(&obj).unwrap();
        assert_eq!(g.as_super().name, "b");
        let base = g.into_super();
        assert_eq!(base.name, "b");
        assert!(obj.try_borrow_mut().is_err());
        drop(base);
        let mut m = PyClassGuardMut::try_from(&obj).unwrap();
        m.as_super().name.push('!');
        let mut base = m.into_super();
        base.name.push('?');
        assert!(obj.try_borrow().is_err());
        drop(base);
        assert_eq!(obj.as_super().borrow().name, "b!?");

        // `into_super` to a frozen base that counts no borrows releases the subclass's one.
        let o = Bound::new(
            py,
            PyClassInitializer::from(FrozenBase { tag: 4 }).add_subclass(OverFrozen { n: 2 }),
        )
        .unwrap();
        let g = PyClassGuard::try_from(&o).unwrap();
        assert_eq!(g.n, 2);
        let b = g.into_super();
        assert_eq!(b.tag, 4);
        drop(b);
        assert!(o.try_borrow_mut().is_ok());
    });
}

#[test]
fn guard_receivers_in_methods() {
    Python::attach(|py| {
        let obj = child(py);
        pyo3::py_run!(py, obj, "obj.push(5); assert obj.total() == 8");
        assert_eq!(obj.as_super().borrow().name, "b+");
        // The receiver's borrow conflicts with one held from Rust.
        let held = obj.borrow();
        let err = obj.call_method1("push", (1,)).unwrap_err();
        common::assert_err::<PyRuntimeError>(py, &err, "Already borrowed");
        drop(held);
    });
}

#[test]
fn pyref_conversions() {
    Python::attach(|py| {
        let obj = child(py);
        let r = PyRef::try_from(&obj).unwrap();
        let base: &Base = r.as_ref();
        assert_eq!(base.name, "b");
        assert!((&r).into_pyobject(py).unwrap().is(&obj));
        assert!(PyRefMut::try_from(&obj).is_err());
        drop(r);
        let mut m = PyRefMut::try_from(&obj).unwrap();
        AsMut::<Base>::as_mut(&mut m).name.push('m');
        assert_eq!(AsRef::<Base>::as_ref(&m).name, "bm");
        assert!((&m).into_pyobject(py).unwrap().is(&obj));
        assert!(PyRef::try_from(&obj).is_err());
    });
}

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn guards_of_sync_classes_are_send_and_sync() {
    assert_send_sync::<PyClassGuard<'static, Child>>();
    assert_send_sync::<PyClassGuardMut<'static, Child>>();
    // Dropping a guard on another thread only releases the borrow flag.
    Python::attach(|py| {
        let obj = child(py);
        let g = PyClassGuardMut::try_from(&obj).unwrap();
        std::thread::scope(|s| {
            s.spawn(move || drop(g));
        });
        assert!(obj.try_borrow_mut().is_ok());
    });
}
