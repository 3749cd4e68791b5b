#![cfg(feature = "auto-initialize")]
//! PyCapsule: construction, names, pointers, context, destructors and import.

mod common;

use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::channel;
use std::sync::Arc;

use pyo3::exceptions::{PyAttributeError, PyImportError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::capsule::CapsuleName;
use pyo3::types::PyCapsule;

#[repr(C)]
#[derive(Debug)]
struct Table {
    add: fn(u32, u32) -> u32,
    tag: u64,
}

fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[test]
fn new_named_capsule() {
    Python::attach(|py| {
        let capsule = PyCapsule::new(
            py,
            Table { add, tag: 77 },
            Some(c"test_capsule.table".to_owned()),
        )
        .unwrap();
        assert_eq!(capsule.get_refcnt(), 1);
        assert!(capsule.is_exact_instance_of::<PyCapsule>());
        assert_eq!(capsule.get_type().name().unwrap().to_string(), "PyCapsule");
        assert!(capsule
            .repr()
            .unwrap()
            .to_string()
            .starts_with("<capsule object \"test_capsule.table\" at "));

        let name: CapsuleName = capsule.name().unwrap().unwrap();
        assert_eq!(unsafe { name.as_cstr() }, c"test_capsule.table");
        assert!(!name.as_ptr().is_null());
        assert_eq!(format!("{name:?}"), "\"test_capsule.table\"");

        let ptr = capsule
            .pointer_checked(Some(c"test_capsule.table"))
            .unwrap();
        let table = unsafe { ptr.cast::<Table>().as_ref() };
        assert_eq!(((table.add)(2, 3), table.tag), (5, 77));

        let err = capsule.pointer_checked(Some(c"other")).unwrap_err();
        common::assert_err::<PyValueError>(
            py,
            &err,
            "PyCapsule_GetPointer called with incorrect name",
        );
        assert_eq!(
            err.to_string(),
            "ValueError: PyCapsule_GetPointer called with incorrect name"
        );
        let err = capsule.pointer_checked(None).unwrap_err();
        common::assert_err::<PyValueError>(
            py,
            &err,
            "PyCapsule_GetPointer called with incorrect name",
        );
        assert!(capsule.is_valid_checked(Some(c"test_capsule.table")));
        assert!(!capsule.is_valid_checked(Some(c"other")));
        assert!(!capsule.is_valid_checked(None));
        assert!(PyErr::take(py).is_none());
    });
}

#[test]
fn unnamed_capsule() {
    Python::attach(|py| {
        let capsule = PyCapsule::new(py, 5u64, None).unwrap();
        assert!(capsule.name().unwrap().is_none());
        assert!(capsule.is_valid_checked(None));
        assert!(!capsule.is_valid_checked(Some(c"x")));
        let ptr = capsule.pointer_checked(None).unwrap();
        assert_eq!(unsafe { *ptr.cast::<u64>().as_ptr() }, 5);
        assert!(capsule
            .repr()
            .unwrap()
            .to_string()
            .starts_with("<capsule object NULL at "));
    });
}

#[test]
#[allow(deprecated)]
fn deprecated_unchecked_accessors() {
    Python::attach(|py| {
        let capsule = PyCapsule::new(py, [1u8, 2, 3], Some(c"dep".to_owned())).unwrap();
        assert!(capsule.is_valid());
        assert!(!capsule.pointer().is_null());
        let value: &[u8; 3] = unsafe { capsule.reference() };
        assert_eq!(value, &[1, 2, 3]);
    });
}

#[test]
fn context_pointer() {
    Python::attach(|py| {
        let capsule = PyCapsule::new(py, 1u32, None).unwrap();
        assert!(capsule.context().unwrap().is_null());
        let mut data = 9i32;
        capsule.set_context((&raw mut data).cast()).unwrap();
        let ctx = capsule.context().unwrap();
        assert_eq!(unsafe { *ctx.cast::<i32>() }, 9);
        capsule.set_context(std::ptr::null_mut()).unwrap();
        assert!(capsule.context().unwrap().is_null());
    });
}

#[test]
fn destructor_runs_once_with_value_and_context() {
    Python::attach(|py| {
        let (tx, rx) = channel::<(Vec<String>, usize)>();
        let capsule = PyCapsule::new_with_destructor(
            py,
            vec!["a".to_owned(), "b".to_owned()],
            Some(c"with.destructor".to_owned()),
            move |value, ctx| tx.send((value, ctx as usize)).unwrap(),
        )
        .unwrap();
        capsule.set_context(0x1234 as *mut c_void).unwrap();
        let second = capsule.clone();
        drop(capsule);
        assert!(rx.try_recv().is_err());
        drop(second);
        let (value, ctx) = rx.try_recv().unwrap();
        assert_eq!(value, ["a", "b"]);
        assert_eq!(ctx, 0x1234);
        assert!(rx.try_recv().is_err());
    });
}

#[test]
fn plain_values_are_dropped() {
    struct Counted(Arc<AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    Python::attach(|py| {
        let drops = Arc::new(AtomicUsize::new(0));
        let capsule = PyCapsule::new(py, Counted(drops.clone()), None).unwrap();
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        let held = capsule.clone().unbind();
        drop(capsule);
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        drop(held);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    });
}

#[test]
fn import_from_module_attribute() {
    Python::attach(|py| {
        let module = PyModule::new(py, "capsule_home").unwrap();
        py.import("sys")
            .unwrap()
            .getattr("modules")
            .unwrap()
            .set_item("capsule_home", &module)
            .unwrap();
        let capsule = PyCapsule::new(
            py,
            Table { add, tag: 1 },
            Some(c"capsule_home.api".to_owned()),
        )
        .unwrap();
        module.add("api", &capsule).unwrap();

        let table: &Table = unsafe { PyCapsule::import(py, c"capsule_home.api") }.unwrap();
        assert_eq!((table.add)(20, 22), 42);
        assert_eq!(table.tag, 1);

        let err = unsafe { PyCapsule::import::<Table>(py, c"capsule_home.missing") }.unwrap_err();
        common::assert_err::<PyAttributeError>(
            py,
            &err,
            "module 'capsule_home' has no attribute 'missing'",
        );
        let err = unsafe { PyCapsule::import::<Table>(py, c"no_such_module_cap.api") }.unwrap_err();
        common::assert_err::<PyImportError>(
            py,
            &err,
            "PyCapsule_Import could not import module \"no_such_module_cap\"",
        );
        assert_eq!(
            err.to_string(),
            "ImportError: PyCapsule_Import could not import module \"no_such_module_cap\""
        );

        // The attribute must be a capsule with the same name.
        module.add("wrong", "not a capsule").unwrap();
        let err = unsafe { PyCapsule::import::<Table>(py, c"capsule_home.wrong") }.unwrap_err();
        common::assert_err::<PyAttributeError>(
            py,
            &err,
            "PyCapsule_Import \"capsule_home.wrong\" is not valid",
        );
        assert_eq!(
            err.to_string(),
            "AttributeError: PyCapsule_Import \"capsule_home.wrong\" is not valid"
        );
    });
}

mod static_name_constructors {
    use pyo3::prelude::*;
    use pyo3::types::PyCapsule;
    use std::ffi::c_void;
    use std::ptr::NonNull;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc::channel;

    #[test]
    fn value_is_reachable_through_the_pointer() {
        Python::attach(|py| {
            let capsule = PyCapsule::new_with_value(py, [1u16, 2, 3], c"tests.values").unwrap();
            assert_eq!(
                capsule
                    .name()
                    .unwrap()
                    .map(|n| unsafe { n.as_cstr() }.to_owned()),
                Some(c"tests.values".to_owned())
            );
            let p: NonNull<[u16; 3]> = capsule
                .pointer_checked(Some(c"tests.values"))
                .unwrap()
                .cast();
            assert_eq!(unsafe { *p.as_ref() }, [1, 2, 3]);
            // a wrong name is refused
            assert!(capsule.pointer_checked(Some(c"tests.other")).is_err());
            // zero-sized values work too
            let unit = PyCapsule::new_with_value(py, (), c"tests.unit").unwrap();
            assert!(unit.is_valid_checked(Some(c"tests.unit")));
        });
    }

    #[test]
    fn destructor_receives_value_and_context() {
        let (tx, rx) = channel::<(String, usize)>();
        Python::attach(|py| {
            let capsule = PyCapsule::new_with_value_and_destructor(
                py,
                String::from("payload"),
                c"tests.destructor",
                move |value, context| {
                    tx.send((value, context as usize)).unwrap();
                },
            )
            .unwrap();
            capsule.set_context(0x40 as *mut c_void).unwrap();
            drop(capsule);
        });
        assert_eq!(rx.recv().unwrap(), (String::from("payload"), 0x40));
    }

    static DESTROYED: AtomicUsize = AtomicUsize::new(0);
    static TABLE: [u32; 2] = [10, 20];

    unsafe extern "C" fn count_destruction(_capsule: *mut pyo3::ffi::PyObject) {
        DESTROYED.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn raw_pointer_capsules_and_import() {
        Python::attach(|py| {
            let table = NonNull::from(&TABLE).cast::<c_void>();
            let plain =
                unsafe { PyCapsule::new_with_pointer(py, table, c"tests_capsule_mod.table") }
                    .unwrap();
            assert_eq!(
                plain
                    .pointer_checked(Some(c"tests_capsule_mod.table"))
                    .unwrap(),
                table
            );

            // import_pointer finds the capsule by its "module.attribute" name
            let module = pyo3::types::PyModule::new(py, "tests_capsule_mod").unwrap();
            module.add("table", &plain).unwrap();
            py.import("sys")
                .unwrap()
                .getattr("modules")
                .unwrap()
                .set_item("tests_capsule_mod", &module)
                .unwrap();
            let imported = PyCapsule::import_pointer(py, c"tests_capsule_mod.table").unwrap();
            assert_eq!(imported, table);
            let err = PyCapsule::import_pointer(py, c"tests_capsule_mod.missing").unwrap_err();
            assert!(err.is_instance_of::<pyo3::exceptions::PyAttributeError>(py));

            let with_destructor = unsafe {
                PyCapsule::new_with_pointer_and_destructor(
                    py,
                    table,
                    c"tests.counted",
                    Some(count_destruction),
                )
            }
            .unwrap();
            let before = DESTROYED.load(Ordering::SeqCst);
            drop(with_destructor);
            assert_eq!(DESTROYED.load(Ordering::SeqCst), before + 1);
        });
    }
}
