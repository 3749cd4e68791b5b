//! The functions measured by the call-overhead benchmark, written once against the
//! PyO3 0.30 API. Both `pyo3-upstream/` (PyO3 0.30.1 from crates.io) and `ours/` (this
//! repository's `pyo3`) include this file with `#[path]`, so the two builds compile the
//! same source. `c-ext/bench_c.c` implements the same eleven functions and the two classes
//! by hand.
//!
//! Each function does the least real work its case names, and returns something that
//! depends on its inputs, so that `run.py` can check the three implementations agree.

use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Case "no-arg call": takes nothing, returns `None`.
#[pyfunction]
pub fn noargs() {}

/// Case "one int in and out": returns `x + 1` (wrapping at the `i64` bounds).
#[pyfunction]
pub fn one_int(x: i64) -> i64 {
    x.wrapping_add(1)
}

/// Case "three positional args": returns `a + b + len(c)` (UTF-8 length).
#[pyfunction]
pub fn three_args(a: i64, b: f64, c: &str) -> f64 {
    a as f64 + b + c.len() as f64
}

/// Case "keyword call `f(1, b=2, c=3)`": returns `a + 10 * b + 100 * c`, so that a
/// mixed-up argument order shows in the result.
#[pyfunction]
#[pyo3(signature = (a, b = 0, c = 0))]
pub fn kwargs(a: i64, b: i64, c: i64) -> i64 {
    a.wrapping_add(b.wrapping_mul(10))
        .wrapping_add(c.wrapping_mul(100))
}

/// Case "a 1000-int list extracted to `Vec<i64>`": returns the (wrapping) sum.
#[pyfunction]
pub fn sum_list(v: Vec<i64>) -> i64 {
    v.iter().fold(0i64, |acc, x| acc.wrapping_add(*x))
}

/// Case "a `Vec<i64>` of 1000 returned as a list": returns `list(range(n))`.
#[pyfunction]
pub fn make_list(n: usize) -> Vec<i64> {
    (0..n as i64).collect()
}

/// Case "a 100-char `&str` argument": returns its UTF-8 length in bytes.
#[pyfunction]
pub fn str_len(s: &str) -> usize {
    s.len()
}

/// Case "a `String` returned": returns `n` characters cycling through `a`..`z`.
#[pyfunction]
pub fn make_string(n: usize) -> String {
    // Filled byte by byte into one allocation, as the C version fills its buffer (collecting
    // `char`s would encode each one as UTF-8 behind a capacity check, ~10x the loop's cost).
    let bytes: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
    String::from_utf8(bytes).expect("ASCII")
}

/// Case "iterating a 100-item dict": returns the (wrapping) sum of its values, which
/// must all be ints.
#[pyfunction]
pub fn dict_sum(d: &Bound<'_, PyDict>) -> PyResult<i64> {
    let mut total = 0i64;
    for (_key, value) in d.iter() {
        total = total.wrapping_add(value.extract::<i64>()?);
    }
    Ok(total)
}

/// Case "raising ValueError caught in Python": always raises `ValueError("bad value")`.
#[pyfunction]
pub fn raise_value_error() -> PyResult<()> {
    Err(PyValueError::new_err("bad value"))
}

/// Case "a `(i64, f64, String)` tuple argument": returns `a + b + len(s)` (UTF-8 length).
#[pyfunction]
pub fn tuple_arg(t: (i64, f64, String)) -> f64 {
    let (a, b, s) = t;
    a as f64 + b + s.len() as f64
}

/// The class cases: a mutable two-field class. Each timed operation is one line of
/// `run.py`'s `CLASS_CASES`; `c-ext/bench_c.c` implements the same type with `tp_new`,
/// `METH_NOARGS`/`METH_O` methods, a `PyGetSetDef` and the mapping/richcompare slots.
#[pyclass(name = "Pair")]
pub struct Pair {
    a: i64,
    b: i64,
}

#[pymethods]
impl Pair {
    /// Case "construct with two args": `Pair(1, 2)`.
    #[new]
    fn new(a: i64, b: i64) -> Self {
        Pair { a, b }
    }

    /// Case "`&self` method, no args": returns `a + b` (wrapping).
    fn total(&self) -> i64 {
        self.a.wrapping_add(self.b)
    }

    /// Case "`&mut self` method, one int": adds `x` to `a` (wrapping), returns `None`.
    fn bump(&mut self, x: i64) {
        self.a = self.a.wrapping_add(x);
    }

    /// Case "`#[getter]` of an int field".
    #[getter]
    fn a(&self) -> i64 {
        self.a
    }

    /// Case "`#[setter]`".
    #[setter]
    fn set_a(&mut self, value: i64) {
        self.a = value;
    }

    /// Case "`__eq__` between two instances": equal when both fields are; any other
    /// operand type gives `NotImplemented` (so `==` falls back to identity).
    fn __eq__(&self, other: &Self) -> bool {
        self.a == other.a && self.b == other.b
    }

    /// Case "`__getitem__` with an int": index 0 is `a`, 1 is `b`, -1/-2 count from the end.
    fn __getitem__(&self, index: i64) -> PyResult<i64> {
        match index {
            0 | -2 => Ok(self.a),
            1 | -1 => Ok(self.b),
            _ => Err(PyIndexError::new_err("Pair index out of range")),
        }
    }

    /// Case "`__len__`": always 2.
    fn __len__(&self) -> usize {
        2
    }
}

/// Case "a `frozen` class method": an immutable one-field class.
#[pyclass(name = "FrozenBox", frozen)]
pub struct FrozenBox {
    value: i64,
}

#[pymethods]
impl FrozenBox {
    #[new]
    fn new(value: i64) -> Self {
        FrozenBox { value }
    }

    /// Returns `value * 2` (wrapping).
    fn doubled(&self) -> i64 {
        self.value.wrapping_mul(2)
    }
}

/// Defines the extension module `$name` holding the eleven functions and two classes above;
/// each crate that includes this file invokes it once with its own module name.
macro_rules! bench_module {
    ($name:ident) => {
        #[pyo3::pymodule]
        fn $name(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
            use pyo3::types::PyModuleMethods;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::noargs, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::one_int, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::three_args, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::kwargs, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::sum_list, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::make_list, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::str_len, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::make_string, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::dict_sum, m)?)?;
            m.add_function(pyo3::wrap_pyfunction!(
                $crate::bench_fns::raise_value_error,
                m
            )?)?;
            m.add_function(pyo3::wrap_pyfunction!($crate::bench_fns::tuple_arg, m)?)?;
            m.add_class::<$crate::bench_fns::Pair>()?;
            m.add_class::<$crate::bench_fns::FrozenBox>()?;
            Ok(())
        }
    };
}
