//! Checks for the scalar extractions: every integer width, floats, bool and char, each against
//! what Python itself says about the same object.

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString, PyType};

use crate::support::{call, err_is, refcount_unchanged};

/// `operator.index(obj)`: the int Python would use, or the type of the exception it raises.
fn index_of<'py>(obj: &Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>, Bound<'py, PyType>> {
    let (value, err) = call(obj.py(), "index_or_error", (obj,))
        .extract::<(Bound<'py, PyAny>, Bound<'py, PyAny>)>()
        .expect("index_or_error returns a pair");
    if err.is_none() {
        Ok(value)
    } else {
        Err(err.cast_into::<PyType>().expect("an exception type"))
    }
}

/// Extracts every integer width from `obj`: in range gives the same value as
/// `operator.index`, out of range raises OverflowError, and a failing `__index__` raises
/// what it raised.
pub fn check_ints(obj: &Bound<'_, PyAny>) {
    let index = index_of(obj);
    macro_rules! width {
        ($($t:ty),*) => {$(
            let got = refcount_unchanged(obj, stringify!($t), || obj.extract::<$t>());
            check_int_result(obj, &index, got.map(|v| v.into_pyobject(obj.py()).unwrap().into_any()),
                <$t>::MIN, <$t>::MAX, stringify!($t));
        )*};
    }
    width!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
}

fn check_int_result<'py>(
    obj: &Bound<'py, PyAny>,
    index: &Result<Bound<'py, PyAny>, Bound<'py, PyType>>,
    got: PyResult<Bound<'py, PyAny>>,
    min: impl IntoPyObject<'py>,
    max: impl IntoPyObject<'py>,
    ty: &str,
) {
    let py = obj.py();
    match index {
        Ok(value) => {
            let in_range = value.ge(min).unwrap() && value.le(max).unwrap();
            match got {
                Ok(v) => {
                    assert!(in_range, "{ty} from {obj:?}: extracted {v:?} out of range");
                    assert!(
                        v.eq(value).unwrap(),
                        "{ty} from {obj:?}: got {v:?}, want {value:?}"
                    );
                }
                Err(e) => {
                    assert!(!in_range, "{ty} from {obj:?}: in range but raised {e}");
                    let overflow = py.get_type::<PyOverflowError>();
                    assert!(err_is(py, &e, overflow.as_any()), "{ty} from {obj:?}: {e}");
                }
            }
        }
        Err(expected) => match got {
            Ok(v) => panic!("{ty} from {obj:?}: operator.index raises, extracted {v:?}"),
            Err(e) => assert!(
                err_is(py, &e, expected.as_any()),
                "{ty} from {obj:?}: {e}, want {expected:?}"
            ),
        },
    }
}

/// f64/f32 from a float or an int agree with Python's `float()`; from anything else they must
/// not crash or leak (float() parses strings, which extraction must not, so no oracle there).
pub fn check_floats(obj: &Bound<'_, PyAny>) {
    let py = obj.py();
    let got = refcount_unchanged(obj, "f64", || obj.extract::<f64>());
    let got32 = refcount_unchanged(obj, "f32", || obj.extract::<f32>());
    if !(obj.is_instance_of::<PyFloat>() || obj.is_instance_of::<PyInt>()) {
        return;
    }
    let builtins = py.import("builtins").unwrap();
    let want = builtins.getattr("float").unwrap().call1((obj,));
    match (want, got) {
        (Ok(w), Ok(g)) => {
            let w: f64 = w.cast_into::<PyFloat>().unwrap().value();
            assert_eq!(w.to_bits(), g.to_bits(), "f64 from {obj:?}");
            // f32 is the f64 narrowed (an `as` cast: rounds, saturates to infinity).
            assert_eq!(
                (w as f32).to_bits(),
                got32.expect("f32 like f64").to_bits(),
                "f32 from {obj:?}"
            );
        }
        (Err(w), Err(g)) => assert!(
            err_is(py, &g, w.get_type(py).as_any()),
            "f64 from {obj:?}: {g}, want {w}"
        ),
        (w, g) => panic!("f64 from {obj:?}: float() gives {w:?}, extraction {g:?}"),
    }
}

/// bool only from Python bools; char only from one-character strings that are not lone
/// surrogates; anything not a str is a TypeError.
pub fn check_bool_char(obj: &Bound<'_, PyAny>) {
    let py = obj.py();
    let type_error = py.get_type::<PyTypeError>();
    let b = refcount_unchanged(obj, "bool", || obj.extract::<bool>());
    match obj.cast::<PyBool>() {
        Ok(pb) => assert_eq!(b.expect("bool from a bool"), pb.is_true()),
        Err(_) => assert!(err_is(
            py,
            &b.expect_err("bool from a non-bool"),
            type_error.as_any()
        )),
    }
    let c = refcount_unchanged(obj, "char", || obj.extract::<char>());
    let Ok(s) = obj.cast::<PyString>() else {
        let e = c.expect_err("char from a non-str");
        assert!(
            err_is(py, &e, type_error.as_any()),
            "char from {obj:?}: {e}"
        );
        return;
    };
    let chars: Vec<u32> = s
        .call_method0("__iter__")
        .unwrap()
        .try_iter()
        .unwrap()
        .map(|ch| {
            let ord = py.import("builtins").unwrap().getattr("ord").unwrap();
            ord.call1((ch.unwrap(),)).unwrap().extract::<u32>().unwrap()
        })
        .collect();
    match (chars.as_slice(), c) {
        ([cp], Ok(ch)) => assert_eq!(*cp, ch as u32, "char from {obj:?}"),
        ([cp], Err(e)) => assert!((0xD800..0xE000).contains(cp), "char from {obj:?}: {e}"),
        (_, Ok(ch)) => panic!(
            "char {ch:?} from {obj:?}, a string of length {}",
            chars.len()
        ),
        (_, Err(_)) => {}
    }
}
