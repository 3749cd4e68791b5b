//! Keyword calls parsed by the fast path (every name the interned parameter name, nothing
//! else involved) and every call that must leave it for the general parser: the same results
//! and the same errors either way. Each call runs several times, since the fast path only
//! applies once the first keyword call has interned the names. Errors of methods name the
//! class, `Cls.method()`, as PyO3's do.
#![cfg(all(feature = "macros", feature = "auto-initialize"))]

use pyo3::prelude::*;
use pyo3::types::PyDict;

#[pyfunction]
#[pyo3(signature = (a, b = 0, c = 0))]
fn abc(a: i64, b: i64, c: i64) -> i64 {
    a + 10 * b + 100 * c
}

#[pyfunction]
#[pyo3(signature = (p, /, q, *, r, s = 5))]
fn mixed(p: i64, q: i64, r: i64, s: i64) -> (i64, i64, i64, i64) {
    (p, q, r, s)
}

#[pyfunction]
#[pyo3(signature = (alpha, beta = 0))]
fn named(alpha: i64, beta: i64) -> i64 {
    alpha - beta
}

#[pyclass]
struct Acc {
    total: i64,
}

#[pymethods]
impl Acc {
    #[new]
    fn new() -> Self {
        Acc { total: 0 }
    }

    #[pyo3(signature = (x, times = 1))]
    fn add(&mut self, x: i64, times: i64) -> i64 {
        self.total += x * times;
        self.total
    }
}

/// Runs `code` three times with the functions and class bound; it uses `assert`.
fn run(code: &str) {
    Python::attach(|py| {
        let g = PyDict::new(py);
        g.set_item("abc", wrap_pyfunction!(abc, py).unwrap())
            .unwrap();
        g.set_item("mixed", wrap_pyfunction!(mixed, py).unwrap())
            .unwrap();
        g.set_item("named", wrap_pyfunction!(named, py).unwrap())
            .unwrap();
        g.set_item("Acc", py.get_type::<Acc>()).unwrap();
        let helper = "def raises(f, msg):\n    try:\n        f()\n    except TypeError as e:\n        assert str(e) == msg, str(e)\n    else:\n        raise AssertionError('no TypeError: ' + msg)\n";
        let code = std::ffi::CString::new(format!("{helper}for _ in range(3):\n{}", indent(code)))
            .unwrap();
        if let Err(e) = py.run(&code, Some(&g), None) {
            e.print(py);
            panic!("{e}");
        }
    });
}

fn indent(code: &str) -> String {
    code.lines().map(|l| format!("    {l}\n")).collect()
}

#[test]
fn interned_names_in_any_order() {
    run("assert abc(1, b=2, c=3) == 321\n\
         assert abc(1, c=3, b=2) == 321\n\
         assert abc(a=1, c=3) == 301\n\
         assert abc(c=3, a=1, b=2) == 321\n\
         assert abc(1, 2, c=3) == 321\n\
         assert mixed(1, q=2, r=3) == (1, 2, 3, 5)\n\
         assert mixed(1, r=3, q=2, s=4) == (1, 2, 3, 4)\n\
         acc = Acc()\n\
         assert acc.add(2, times=3) == 6\n\
         assert acc.add(x=1) == 7");
}

/// Names that are equal strings but other objects go to the general parser, which compares
/// their text.
#[test]
fn names_that_are_not_the_interned_objects() {
    run("beta = ''.join(['be', 'ta'])\n\
         assert beta == 'beta' and beta is not 'beta'\n\
         assert named(5, beta=2) == 3\n\
         assert named(5, **{beta: 2}) == 3\n\
         assert named(**{''.join(['al', 'pha']): 5, beta: 1}) == 4\n\
         class S(str): pass\n\
         assert abc(1, **{S('b'): 2}) == 21\n\
         assert named(1, **{S('beta'): 2}) == -1");
}

#[test]
fn errors_are_the_general_parsers() {
    run("raises(lambda: abc(1, a=2), 'abc() got multiple values for argument \\'a\\'')\n\
         raises(lambda: abc(1, d=2), 'abc() got an unexpected keyword argument \\'d\\'')\n\
         raises(lambda: abc(b=2), 'abc() missing 1 required positional argument: \\'a\\'')\n\
         raises(lambda: abc(1, 2, 3, c=4), 'abc() got multiple values for argument \\'c\\'')\n\
         raises(lambda: abc(1, 2, 3, 4, c=4), 'abc() takes from 1 to 3 positional arguments but 4 were given')\n\
         raises(lambda: mixed(1, q=2), 'mixed() missing 1 required keyword argument: \\'r\\'')\n\
         raises(lambda: mixed(q=2, r=3), 'mixed() missing 1 required positional argument: \\'p\\'')\n\
         raises(lambda: mixed(1, p=1, q=2, r=3), 'mixed() got some positional-only arguments passed as keyword arguments: \\'p\\'')\n\
         raises(lambda: Acc().add(times=2), 'Acc.add() missing 1 required positional argument: \\'x\\'')\n\
         raises(lambda: Acc().add(1, y=2), 'Acc.add() got an unexpected keyword argument \\'y\\'')\n\
         raises(lambda: Acc(1), 'Acc.__new__() takes 0 positional arguments but 1 was given')");
}

/// A call after a failed one is parsed afresh (the fast path leaves no argument behind).
#[test]
fn a_failed_attempt_leaves_nothing_behind() {
    run(
        "raises(lambda: abc(1, b=2, d=5), 'abc() got an unexpected keyword argument \\'d\\'')\n\
         assert abc(1, c=3) == 301\n\
         assert abc(1, b=2, c=3) == 321\n\
         raises(lambda: abc(b=2, c=3), 'abc() missing 1 required positional argument: \\'a\\'')\n\
         assert abc(4) == 4",
    );
}
