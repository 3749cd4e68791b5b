#![cfg(all(feature = "auto-initialize", feature = "full"))]
//! The optional conversions (one section per feature; run with `full`), exercised from Python
//! through `#[pyfunction]`s: argument extraction, return conversion and the exception Python
//! sees.

use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::types::PyDict;

/// A dict holding the given functions under their Python names.
fn env<'py>(py: Python<'py>, fns: &[Bound<'py, pyo3::types::PyCFunction>]) -> Bound<'py, PyDict> {
    let d = PyDict::new(py);
    for f in fns {
        d.set_item(f.getattr("__name__").unwrap(), f).unwrap();
    }
    d
}

#[cfg(feature = "num-bigint")]
mod bigint {
    use super::*;
    use num_bigint::{BigInt, BigUint};

    #[pyfunction]
    fn square(x: BigInt) -> BigInt {
        &x * &x
    }

    #[pyfunction]
    fn unsigned(x: BigUint) -> BigUint {
        x
    }

    #[test]
    fn from_python() {
        Python::attach(|py| {
            let env = env(
                py,
                &[
                    wrap_pyfunction!(square, py).unwrap(),
                    wrap_pyfunction!(unsigned, py).unwrap(),
                ],
            );
            py_run!(
                py,
                *env,
                r#"
for x in [0, 1, -1, 2**63, -(2**63) - 1, 3**200, -(7**90)]:
    assert square(x) == x * x, x
assert unsigned(2**130) == 2**130
try:
    unsigned(-5)
except OverflowError:
    pass
else:
    raise AssertionError("negative BigUint accepted")
try:
    square("12")
except TypeError:
    pass
else:
    raise AssertionError("str accepted as BigInt")
"#
            );
        });
    }
}

#[cfg(feature = "serde")]
mod serde_py {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[pyclass]
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Config {
        name: String,
        level: u8,
    }

    #[test]
    fn py_serializes_as_its_value() {
        let obj: Py<Config> = Python::attach(|py| {
            Py::new(
                py,
                Config {
                    name: "x".into(),
                    level: 3,
                },
            )
        })
        .unwrap();
        let json = serde_json::to_string(&obj).unwrap();
        assert_eq!(json, r#"{"name":"x","level":3}"#);
        let back: Py<Config> = serde_json::from_str(&json).unwrap();
        Python::attach(|py| {
            assert_eq!(back.borrow(py).level, 3);
            // Serializing while mutably borrowed is an error, not a panic.
            let guard = obj.borrow_mut(py);
            assert!(serde_json::to_string(&obj).is_err());
            drop(guard);
        });
        // A vector of Py<T> serializes from another thread (attaching as needed).
        let list = vec![obj];
        let json = std::thread::spawn(move || serde_json::to_string(&list).unwrap())
            .join()
            .unwrap();
        assert_eq!(json, r#"[{"name":"x","level":3}]"#);
    }
}

#[cfg(feature = "anyhow")]
mod anyhow_errors {
    use super::*;

    #[pyfunction]
    fn parse(s: &str) -> anyhow::Result<i32> {
        let v: i32 = s.parse()?;
        if v < 0 {
            anyhow::bail!("negative: {v}");
        }
        Ok(v)
    }

    #[pyfunction]
    fn passthrough() -> anyhow::Result<()> {
        Err(pyo3::exceptions::PyKeyError::new_err("k").into())
    }

    #[test]
    fn anyhow_result_from_python() {
        Python::attach(|py| {
            let env = env(
                py,
                &[
                    wrap_pyfunction!(parse, py).unwrap(),
                    wrap_pyfunction!(passthrough, py).unwrap(),
                ],
            );
            py_run!(
                py,
                *env,
                r#"
assert parse("5") == 5
try:
    parse("-1")
except RuntimeError as e:
    assert str(e).startswith("negative: -1"), str(e)
else:
    raise AssertionError
try:
    passthrough()
except KeyError as e:
    assert e.args == ("k",)
else:
    raise AssertionError
"#
            );
        });
    }
}

#[cfg(feature = "eyre")]
mod eyre_errors {
    use super::*;

    #[pyfunction]
    fn fail() -> eyre::Result<()> {
        Err(eyre::eyre!("it broke"))
    }

    #[test]
    fn eyre_result_from_python() {
        Python::attach(|py| {
            let env = env(py, &[wrap_pyfunction!(fail, py).unwrap()]);
            py_run!(
                py,
                *env,
                r#"
try:
    fail()
except RuntimeError as e:
    assert str(e).startswith("it broke"), str(e)
else:
    raise AssertionError
"#
            );
        });
    }
}

#[cfg(all(feature = "either", feature = "uuid", feature = "rust_decimal"))]
mod mixed {
    use super::*;
    use either::Either;
    use rust_decimal::Decimal;
    use uuid::Uuid;

    #[pyfunction]
    fn describe(v: Either<i64, String>) -> String {
        match v {
            Either::Left(i) => format!("int {i}"),
            Either::Right(s) => format!("str {s}"),
        }
    }

    #[pyfunction]
    fn next_uuid(u: Uuid) -> Uuid {
        Uuid::from_u128(u.as_u128().wrapping_add(1))
    }

    #[pyfunction]
    fn halve(d: Decimal) -> Decimal {
        d / Decimal::from(2)
    }

    #[test]
    fn from_python() {
        Python::attach(|py| {
            let env = env(
                py,
                &[
                    wrap_pyfunction!(describe, py).unwrap(),
                    wrap_pyfunction!(next_uuid, py).unwrap(),
                    wrap_pyfunction!(halve, py).unwrap(),
                ],
            );
            py_run!(
                py,
                *env,
                r#"
import uuid, decimal
assert describe(3) == "int 3"
assert describe("x") == "str x"
try:
    describe(1.5)
except TypeError as e:
    assert "failed to convert the value to 'Union[i64, alloc::string::String]'" in str(e), str(e)
else:
    raise AssertionError
u = uuid.UUID(int=41)
assert next_uuid(u) == uuid.UUID(int=42)
try:
    next_uuid(str(u))
except TypeError as e:
    assert str(e) == "Expected a `uuid.UUID` instance.", str(e)
else:
    raise AssertionError
assert halve(decimal.Decimal("3")) == decimal.Decimal("1.5")
try:
    halve(decimal.Decimal("NaN"))
except ValueError:
    pass
else:
    raise AssertionError
"#
            );
        });
    }
}

#[cfg(all(feature = "hashbrown", feature = "indexmap", feature = "smallvec"))]
mod collections {
    use super::*;
    use indexmap::IndexMap;
    use smallvec::SmallVec;
    use std::hash::RandomState;

    #[pyfunction]
    fn reverse_order(m: IndexMap<String, i32>) -> IndexMap<String, i32> {
        m.into_iter().rev().collect()
    }

    #[pyfunction]
    fn count_keys(m: hashbrown::HashMap<String, i32, RandomState>) -> usize {
        m.len()
    }

    #[pyfunction]
    fn tripled(v: SmallVec<[i32; 4]>) -> SmallVec<[i32; 4]> {
        v.into_iter().map(|x| x * 3).collect()
    }

    #[test]
    fn from_python() {
        Python::attach(|py| {
            let env = env(
                py,
                &[
                    wrap_pyfunction!(reverse_order, py).unwrap(),
                    wrap_pyfunction!(count_keys, py).unwrap(),
                    wrap_pyfunction!(tripled, py).unwrap(),
                ],
            );
            py_run!(
                py,
                *env,
                r#"
assert list(reverse_order({"a": 1, "b": 2, "c": 3}).items()) == [("c", 3), ("b", 2), ("a", 1)]
assert count_keys({"x": 1, "y": 2}) == 2
assert tripled((1, 2, 3, 4, 5)) == [3, 6, 9, 12, 15]
try:
    tripled("abc")
except TypeError as e:
    assert "Can't extract `str` to `SmallVec`" in str(e), str(e)
else:
    raise AssertionError
"#
            );
        });
    }
}

#[cfg(all(
    feature = "num-complex",
    feature = "num-rational",
    feature = "ordered-float"
))]
mod numbers {
    use super::*;
    use num_complex::Complex;
    use num_rational::Ratio;
    use ordered_float::NotNan;

    #[pyfunction]
    fn conj(z: Complex<f64>) -> Complex<f64> {
        z.conj()
    }

    #[pyfunction]
    fn inverse(r: Ratio<i64>) -> Ratio<i64> {
        r.recip()
    }

    #[pyfunction]
    fn checked(x: NotNan<f64>) -> NotNan<f64> {
        x
    }

    #[test]
    fn from_python() {
        Python::attach(|py| {
            let env = env(
                py,
                &[
                    wrap_pyfunction!(conj, py).unwrap(),
                    wrap_pyfunction!(inverse, py).unwrap(),
                    wrap_pyfunction!(checked, py).unwrap(),
                ],
            );
            py_run!(
                py,
                *env,
                r#"
from fractions import Fraction
assert conj(1 + 2j) == 1 - 2j
assert conj(3) == 3 + 0j
assert inverse(Fraction(2, 7)) == Fraction(7, 2)
assert type(inverse(Fraction(2, 7))) is Fraction
assert checked(1.25) == 1.25
try:
    checked(float("nan"))
except ValueError as e:
    assert str(e) == "NotNan constructed with NaN", str(e)
else:
    raise AssertionError
"#
            );
        });
    }
}

#[cfg(feature = "bytes")]
mod bytes_conv {
    use super::*;
    use bytes::Bytes;

    #[pyfunction]
    fn tail(b: Bytes) -> Bytes {
        b.slice(1..)
    }

    #[test]
    fn from_python() {
        Python::attach(|py| {
            let env = env(py, &[wrap_pyfunction!(tail, py).unwrap()]);
            py_run!(
                py,
                *env,
                r#"
assert tail(b"hello") == b"ello"
assert tail(bytearray(b"xy")) == b"y"
try:
    tail("str")
except TypeError:
    pass
else:
    raise AssertionError
"#
            );
        });
    }
}
