//! The Rust -> Python benchmark cases, written once against the PyO3 0.30 API and compiled
//! both against this repository's `pyo3` (`ours/`) and against PyO3 0.30.1 (`pyo3-upstream/`).
//!
//! `main` of either binary: `--list` prints the case names; `CASE SAMPLES TARGET_NS` measures
//! one case and prints `ITERS NS NS ...` (see `harness::measure`).

use std::hint::black_box;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyInt, PyList, PySet, PyString, PyTuple};
use pyo3::{intern, PyErr};

#[path = "harness.rs"]
mod harness;
use harness::{measure, thread_cpu_ns, time_loop};

/// Every case, in the order of the report.
pub const CASES: &[&str] = &[
    "call0",
    "call1_1arg",
    "call1_3args",
    "call_kwargs",
    "call_method1",
    "getattr_str",
    "getattr_intern",
    "dict_new_100",
    "dict_iter_100",
    "list_new_100",
    "list_iter_100",
    "tuple_new_100",
    "tuple_iter_100",
    "set_new_100",
    "set_iter_100",
    "extract_int_ok",
    "extract_int_err",
    "extract_float_ok",
    "extract_float_err",
    "extract_str_ok",
    "extract_str_err",
    "cast_int_ok",
    "cast_int_err",
    "cast_float_ok",
    "cast_float_err",
    "cast_str_ok",
    "cast_str_err",
    "pyerr_new_restore_fetch",
    "attach_nested",
    "attach_fresh_thread",
    "drop_py_attached",
    "drop_py_detached",
    "pystring_intern",
    "pybytes_new",
];

const SETUP: &std::ffi::CStr = c"
def f0():
    return None

def f1(a):
    return None

def f3(a, b, c):
    return None

def fkw(a, b=None, c=None):
    return None

class C:
    attr = 1

    def m(self, a):
        return None

obj = C()
";

/// The Python objects the cases use, made once per process.
struct Fixture<'py> {
    m: Bound<'py, PyModule>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> Fixture<'py> {
    fn new(py: Python<'py>) -> Self {
        let m = PyModule::from_code(py, SETUP, c"bench_setup.py", c"bench_setup")
            .expect("setup code runs");
        let items = (0..100i64)
            .map(|i| i.into_pyobject(py).unwrap().into_any())
            .collect();
        Fixture { m, items }
    }

    fn get(&self, name: &str) -> Bound<'py, PyAny> {
        self.m.getattr(name).expect("setup defines it")
    }
}

/// Measures `case`; `false` if there is no such case.
pub fn run_case(case: &str, samples: usize, target_ns: u64) -> bool {
    match case {
        "attach_fresh_thread" => attach_fresh_thread(samples, target_ns),
        "drop_py_detached" => drop_py_detached(samples, target_ns),
        _ => return Python::attach(|py| attached_case(py, case, samples, target_ns)),
    }
    true
}

/// Times `expr` (evaluated with `black_box` on its value) `n` times per sample.
macro_rules! simple {
    ($samples:expr, $target:expr, $body:expr) => {
        measure($samples, $target, |n| {
            time_loop(n, || {
                black_box($body);
            })
        })
    };
}

fn attached_case(py: Python<'_>, case: &str, samples: usize, target: u64) -> bool {
    let fx = Fixture::new(py);
    let obj = fx.get("obj");
    match case {
        "call0" => {
            let f = fx.get("f0");
            simple!(samples, target, f.call0().unwrap())
        }
        "call1_1arg" => {
            let f = fx.get("f1");
            simple!(samples, target, f.call1((1i64,)).unwrap())
        }
        "call1_3args" => {
            let f = fx.get("f3");
            simple!(samples, target, f.call1((1i64, 2.5f64, "abc")).unwrap())
        }
        "call_kwargs" => {
            let f = fx.get("fkw");
            let kwargs = PyDict::new(py);
            kwargs.set_item("b", 2i64).unwrap();
            kwargs.set_item("c", 3i64).unwrap();
            simple!(samples, target, f.call((1i64,), Some(&kwargs)).unwrap())
        }
        "call_method1" => simple!(samples, target, obj.call_method1("m", (1i64,)).unwrap()),
        "getattr_str" => simple!(samples, target, obj.getattr("attr").unwrap()),
        "getattr_intern" => simple!(samples, target, obj.getattr(intern!(py, "attr")).unwrap()),
        _ => {
            return collection_case(py, &fx, case, samples, target)
                || misc_case(py, case, samples, target)
        }
    }
    true
}

fn collection_case(
    py: Python<'_>,
    fx: &Fixture<'_>,
    case: &str,
    samples: usize,
    target: u64,
) -> bool {
    let items = &fx.items;
    match case {
        "dict_new_100" => simple!(samples, target, {
            let d = PyDict::new(py);
            for (i, v) in items.iter().enumerate() {
                d.set_item(i, v).unwrap();
            }
            d
        }),
        "dict_iter_100" => {
            let d = PyDict::new(py);
            for v in items {
                d.set_item(v, v).unwrap();
            }
            simple!(samples, target, {
                let mut k = 0usize;
                for (a, b) in d.iter() {
                    k += a.as_ptr() as usize ^ b.as_ptr() as usize;
                }
                k
            })
        }
        "list_new_100" => simple!(samples, target, PyList::new(py, items).unwrap()),
        "list_iter_100" => {
            let l = PyList::new(py, items).unwrap();
            simple!(
                samples,
                target,
                l.iter().fold(0usize, |k, x| k ^ x.as_ptr() as usize)
            )
        }
        "tuple_new_100" => simple!(samples, target, PyTuple::new(py, items).unwrap()),
        "tuple_iter_100" => {
            let t = PyTuple::new(py, items).unwrap();
            simple!(
                samples,
                target,
                t.iter().fold(0usize, |k, x| k ^ x.as_ptr() as usize)
            )
        }
        "set_new_100" => simple!(samples, target, PySet::new(py, items).unwrap()),
        "set_iter_100" => {
            let s = PySet::new(py, items).unwrap();
            simple!(
                samples,
                target,
                s.iter().fold(0usize, |k, x| k ^ x.as_ptr() as usize)
            )
        }
        _ => return false,
    }
    true
}

fn misc_case(py: Python<'_>, case: &str, samples: usize, target: u64) -> bool {
    let int = 12345i64.into_pyobject(py).unwrap().into_any();
    let float = PyFloat::new(py, 2.5).into_any();
    let string = PyString::new(py, "hello world").into_any();
    match case {
        "extract_int_ok" => simple!(samples, target, int.extract::<i64>().unwrap()),
        "extract_int_err" => simple!(samples, target, string.extract::<i64>().is_err()),
        "extract_float_ok" => simple!(samples, target, float.extract::<f64>().unwrap()),
        "extract_float_err" => simple!(samples, target, string.extract::<f64>().is_err()),
        "extract_str_ok" => simple!(samples, target, string.extract::<String>().unwrap()),
        "extract_str_err" => simple!(samples, target, int.extract::<String>().is_err()),
        "cast_int_ok" => simple!(samples, target, int.cast::<PyInt>().is_ok()),
        "cast_int_err" => simple!(samples, target, string.cast::<PyInt>().is_err()),
        "cast_float_ok" => simple!(samples, target, float.cast::<PyFloat>().is_ok()),
        "cast_float_err" => simple!(samples, target, int.cast::<PyFloat>().is_err()),
        "cast_str_ok" => simple!(samples, target, string.cast::<PyString>().is_ok()),
        "cast_str_err" => simple!(samples, target, int.cast::<PyString>().is_err()),
        "pyerr_new_restore_fetch" => simple!(samples, target, {
            PyValueError::new_err("bench").restore(py);
            PyErr::fetch(py)
        }),
        // The closures return nothing: a `Py<T>` returned out of the outermost `attach` would be
        // dropped detached, and the case would time the reference pool too.
        "attach_nested" => simple!(
            samples,
            target,
            Python::attach(|p| {
                black_box(p);
            })
        ),
        "drop_py_attached" => {
            // Only the drop is timed; the clones are made (and the counts raised) beforehand.
            let obj: Py<PyAny> = int.clone().unbind();
            measure(samples, target, |n| {
                let clones: Vec<Py<PyAny>> = (0..n).map(|_| obj.clone_ref(py)).collect();
                let start = thread_cpu_ns();
                for c in clones {
                    drop(black_box(c));
                }
                thread_cpu_ns() - start
            })
        }
        "pystring_intern" => simple!(samples, target, PyString::intern(py, "bench_interned")),
        "pybytes_new" => simple!(samples, target, PyBytes::new(py, &[7u8; 64])),
        _ => return false,
    }
    true
}

/// An outermost `Python::attach` on a thread that is not attached (the thread state is made
/// and released every time, as for a fresh thread), on a thread other than the main one.
fn attach_fresh_thread(samples: usize, target: u64) {
    Python::initialize();
    std::thread::spawn(move || {
        simple!(
            samples,
            target,
            Python::attach(|p| {
                black_box(p);
            })
        )
    })
    .join()
    .unwrap();
}

/// Dropping `Py<T>`s while detached (they are deferred until the next attach); the clones are
/// made while attached and only the drops are timed.
fn drop_py_detached(samples: usize, target: u64) {
    let obj: Py<PyAny> =
        Python::attach(|py| 12345i64.into_pyobject(py).unwrap().into_any().unbind());
    measure(samples, target, |n| {
        let clones: Vec<Py<PyAny>> =
            Python::attach(|py| (0..n).map(|_| obj.clone_ref(py)).collect());
        let start = thread_cpu_ns();
        for c in clones {
            drop(black_box(c));
        }
        let t = thread_cpu_ns() - start;
        // Apply the deferred decrements before the next sample.
        Python::attach(|py| {
            black_box(py);
        });
        t
    });
}

pub fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag] if flag == "--list" => {
            for c in CASES {
                println!("{c}");
            }
        }
        [case, samples, target] => {
            let samples = samples.parse().expect("SAMPLES is a number");
            let target = target.parse().expect("TARGET_NS is a number");
            if !run_case(case, samples, target) {
                eprintln!("unknown case {case:?} (see --list)");
                std::process::exit(2);
            }
        }
        _ => {
            eprintln!("usage: bench (--list | CASE SAMPLES TARGET_NS)");
            std::process::exit(2);
        }
    }
}
