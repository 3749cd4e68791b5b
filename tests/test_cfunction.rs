#![cfg(feature = "auto-initialize")]
//! PyCFunction (C function pointers and Rust closures) and PyFunction.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyDict, PyList, PyString, PyTuple};

fn fresh_list(py: Python<'_>) -> Bound<'_, PyList> {
    py.eval(c"[object()]", None, None)
        .unwrap()
        .cast_into::<PyList>()
        .unwrap()
}

#[test]
fn closure_receives_args_and_kwargs() {
    Python::attach(|py| {
        let f = PyCFunction::new_closure(
            py,
            Some(c"describe"),
            Some(c"Describes its arguments."),
            |args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>| -> PyResult<String> {
                let nkw = match kwargs {
                    Some(k) => k.len(),
                    None => 0,
                };
                Ok(format!("{} args, {} kwargs", args.len(), nkw))
            },
        )
        .unwrap();
        assert_eq!(
            f.getattr("__name__")
                .unwrap()
                .cast_into::<PyString>()
                .unwrap(),
            "describe"
        );
        assert_eq!(
            f.getattr("__doc__")
                .unwrap()
                .cast_into::<PyString>()
                .unwrap(),
            "Describes its arguments."
        );
        let r = f.call1((1, 2, 3)).unwrap();
        assert_eq!(r.cast_into::<PyString>().unwrap(), "3 args, 0 kwargs");
        let kwargs = PyDict::new(py);
        kwargs.set_item("a", 1).unwrap();
        let r = f.call((1,), Some(&kwargs)).unwrap();
        assert_eq!(r.cast_into::<PyString>().unwrap(), "1 args, 1 kwargs");
        // Python-level call, too.
        let g = PyDict::new(py);
        g.set_item("f", &f).unwrap();
        let r = py.eval(c"f(1, 2, x=3, y=4)", Some(&g), None).unwrap();
        assert_eq!(r.cast_into::<PyString>().unwrap(), "2 args, 2 kwargs");
    });
}

#[test]
fn closure_default_name_and_doc() {
    Python::attach(|py| {
        let f = PyCFunction::new_closure(py, None, None, |_, _| None::<i32>).unwrap();
        assert_eq!(
            f.getattr("__name__")
                .unwrap()
                .cast_into::<PyString>()
                .unwrap(),
            "pyo3-closure"
        );
        assert!(f.call0().unwrap().is_none());
    });
}

#[test]
fn closure_errors_are_raised() {
    Python::attach(|py| {
        let f = PyCFunction::new_closure(py, None, None, |args, _| -> PyResult<i64> {
            if args.is_empty() {
                Err(PyValueError::new_err("need an argument"))
            } else {
                args.get_item(0)?.extract::<i64>()
            }
        })
        .unwrap();
        let err = f.call0().unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "need an argument");
        assert_eq!(err.value(py).to_string(), "need an argument");
        let err = f.call1(("x",)).unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'str' object cannot be interpreted as an integer",
        );
        assert_eq!(f.call1((41,)).unwrap().extract::<i64>().unwrap(), 41);
    });
}

#[test]
fn closure_panic_becomes_panic_exception() {
    Python::attach(|py| {
        let f = PyCFunction::new_closure(py, None, None, |_, _| -> i32 { panic!("boom") }).unwrap();
        let g = PyDict::new(py);
        g.set_item("f", &f).unwrap();
        // Caught in Python: fetching the exception in Rust would resume the panic.
        py.run(
            c"try:\n    f()\n    caught = None\nexcept BaseException as e:\n    caught = (type(e).__name__, str(e))\n",
            Some(&g),
            None,
        )
        .unwrap();
        let caught: (String, String) = g.get_item("caught").unwrap().unwrap().extract().unwrap();
        assert_eq!(caught, ("PanicException".to_string(), "boom".to_string()));
        // From Rust, the panic resumes.
        common::assert_panics_with("boom", || f.call0());
    });
}

struct DropCounter(Arc<AtomicUsize>);
impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn closure_state_lives_with_the_function() {
    let drops = Arc::new(AtomicUsize::new(0));
    let calls = Arc::new(AtomicUsize::new(0));
    Python::attach(|py| {
        let guard = DropCounter(drops.clone());
        let calls2 = calls.clone();
        let f = PyCFunction::new_closure(py, None, None, move |_, _| {
            let _keep = &guard;
            calls2.fetch_add(1, Ordering::SeqCst)
        })
        .unwrap();
        assert_eq!(f.call0().unwrap().extract::<usize>().unwrap(), 0);
        assert_eq!(f.call0().unwrap().extract::<usize>().unwrap(), 1);
        assert_eq!(f.get_refcnt(), 1);
        let f2 = f.clone();
        drop(f);
        assert_eq!(drops.load(Ordering::SeqCst), 0, "still referenced");
        drop(f2);
        assert_eq!(drops.load(Ordering::SeqCst), 1, "dropped with the function");
    });
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn closure_argument_refcounts() {
    Python::attach(|py| {
        let list = fresh_list(py);
        assert_eq!(list.get_refcnt(), 1);
        let f = PyCFunction::new_closure(py, None, None, |args, _| -> PyResult<Py<PyAny>> {
            Ok(args.get_item(0)?.unbind())
        })
        .unwrap();
        let r = f.call1((&list,)).unwrap();
        assert!(r.is(&list));
        // `list` and `r`; the argument tuple is gone.
        assert_eq!(list.get_refcnt(), 2);
        drop(r);
        assert_eq!(list.get_refcnt(), 1);
        // An error path leaks nothing either.
        let g = PyCFunction::new_closure(py, None, None, |args, _| -> PyResult<()> {
            let _item = args.get_item(0)?;
            Err(PyValueError::new_err("no"))
        })
        .unwrap();
        common::assert_result_err::<pyo3::exceptions::PyValueError, _>(py, g.call1((&list,)), "no");
        assert_eq!(list.get_refcnt(), 1);
    });
}

unsafe extern "C" fn c_sum(
    _slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    let n = ffi::PyTuple_Size(args);
    let nk = if kwargs.is_null() {
        0
    } else {
        ffi::PyDict_Size(kwargs)
    };
    ffi::PyLong_FromSsize_t(n * 10 + nk)
}

unsafe extern "C" fn c_noargs(
    slf: *mut ffi::PyObject,
    arg: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    assert!(arg.is_null());
    // Return `self` (the module, or None when there is none).
    let r = if slf.is_null() { ffi::Py_None() } else { slf };
    ffi::Py_IncRef(r);
    r
}

#[test]
fn c_function_with_keywords() {
    Python::attach(|py| {
        let f = PyCFunction::new_with_keywords(py, c_sum, c"c_sum", c"Counts arguments.", None)
            .unwrap();
        assert!(f.is_instance_of::<PyCFunction>());
        assert_eq!(f.call1((1, 2)).unwrap().extract::<isize>().unwrap(), 20);
        let kwargs = PyDict::new(py);
        kwargs.set_item("k", 1).unwrap();
        assert_eq!(
            f.call((1,), Some(&kwargs))
                .unwrap()
                .extract::<isize>()
                .unwrap(),
            11
        );
        assert_eq!(
            f.getattr("__doc__")
                .unwrap()
                .cast_into::<PyString>()
                .unwrap(),
            "Counts arguments."
        );
    });
}

#[test]
fn c_function_noargs_and_module() {
    Python::attach(|py| {
        let module = PyModule::new(py, "cfunc_mod").unwrap();
        let f = PyCFunction::new(py, c_noargs, c"noargs", c"", Some(&module)).unwrap();
        assert!(f.call0().unwrap().is(&module));
        assert_eq!(
            f.getattr("__module__")
                .unwrap()
                .cast_into::<PyString>()
                .unwrap(),
            "cfunc_mod"
        );
        let err = f.call1((1,)).unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "cfunc_mod.noargs() takes no arguments (1 given)",
        );
        assert_eq!(
            err.value(py).to_string(),
            "cfunc_mod.noargs() takes no arguments (1 given)"
        );
        let g = PyCFunction::new(py, c_noargs, c"noargs2", c"", None).unwrap();
        assert!(g.call0().unwrap().is_none());
    });
}

#[cfg(not(any(Py_LIMITED_API, PyPy)))]
#[test]
fn python_functions() {
    use pyo3::types::PyFunction;
    Python::attach(|py| {
        let g = PyDict::new(py);
        py.run(c"def f(x):\n    return x * 2\n", Some(&g), None)
            .unwrap();
        let f = g.get_item("f").unwrap().unwrap();
        let f = f.cast::<PyFunction>().unwrap();
        assert_eq!(f.call1((21,)).unwrap().extract::<i64>().unwrap(), 42);
        let len = py.eval(c"len", None, None).unwrap();
        let err = len.cast::<PyFunction>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'builtin_function_or_method' object is not an instance of 'function'"
        );
        assert!(len.cast::<PyCFunction>().is_ok());
    });
}

#[test]
fn closure_returning_unit_gives_none() {
    Python::attach(|py| {
        let plain = PyCFunction::new_closure(py, None, None, |_, _| ()).unwrap();
        assert!(plain.call0().unwrap().is_none());
        let ok =
            PyCFunction::new_closure(py, None, None, |_, _| -> PyResult<()> { Ok(()) }).unwrap();
        assert!(ok.call0().unwrap().is_none());
        // A real empty tuple stays a tuple.
        let tuple =
            PyCFunction::new_closure(py, None, None, |args, _| args.clone().unbind()).unwrap();
        let r = tuple.call0().unwrap();
        assert!(r.is_instance_of::<pyo3::types::PyTuple>());
        pyo3::py_run!(py, plain ok, "assert plain() is None and ok(1, k=2) is None");
    });
}
