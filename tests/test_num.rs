#![cfg(feature = "auto-initialize")]
//! Integer, float, complex and bool types and conversions: values, limits, error types and
//! messages, and reference counts.

mod common;

use std::num::{NonZeroI32, NonZeroU64, NonZeroU8};

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyComplex, PyDict, PyFloat, PyInt, PyString};

/// Runs `code` and returns the dict it defined names in.
fn run<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyDict> {
    let locals = PyDict::new(py);
    py.run(code, None, Some(&locals)).unwrap();
    locals
}

fn get<'py>(d: &Bound<'py, PyDict>, name: &str) -> Bound<'py, PyAny> {
    d.get_item(name).unwrap().unwrap()
}

/// Checks the error's type and message.
fn assert_err<T: pyo3::PyTypeInfo>(py: Python<'_>, err: PyErr, message: &str) {
    assert!(err.is_instance_of::<T>(py), "unexpected error {err}");
    assert_eq!(err.value(py).to_string(), message);
}

const HELPERS: &std::ffi::CStr = c"
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class FloatLike:
    def __float__(self): return 2.5
class BadIndex:
    def __index__(self): raise ZeroDivisionError('bad index')
class BadFloat:
    def __float__(self): raise ZeroDivisionError('bad float')
big = 2 ** 100 + 7
neg_big = -(2 ** 100) - 7
";

#[test]
fn small_ints_round_trip_at_limits() {
    Python::attach(|py| {
        macro_rules! check {
            ($($t:ty),*) => {$(
                for v in [<$t>::MIN, <$t>::MAX, 0 as $t, 1 as $t] {
                    let obj = v.into_pyobject(py).unwrap();
                    assert!(obj.is_exact_instance_of::<PyInt>());
                    assert_eq!(obj.extract::<$t>().unwrap(), v);
                    assert_eq!(obj.str().unwrap(), v.to_string().as_str());
                    let by_ref = (&v).into_pyobject(py).unwrap();
                    assert_eq!(by_ref.extract::<$t>().unwrap(), v);
                    assert!(PyInt::new(py, v) == v);
                }
            )*};
        }
        check!(i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, i128, u128);
    });
}

#[test]
fn int_overflow_errors() {
    Python::attach(|py| {
        let over = |v: i128| v.into_pyobject(py).unwrap();
        let msg = "out of range integral type conversion attempted";
        assert_err::<PyOverflowError>(py, over(128).extract::<i8>().unwrap_err(), msg);
        assert_err::<PyOverflowError>(py, over(-129).extract::<i8>().unwrap_err(), msg);
        assert_err::<PyOverflowError>(py, over(256).extract::<u8>().unwrap_err(), msg);
        assert_err::<PyOverflowError>(py, over(-1).extract::<u8>().unwrap_err(), msg);
        assert_err::<PyOverflowError>(py, over(1 << 31).extract::<i32>().unwrap_err(), msg);
        assert_err::<PyOverflowError>(py, over(-1).extract::<u32>().unwrap_err(), msg);
        assert_err::<PyOverflowError>(py, over(1 << 32).extract::<u32>().unwrap_err(), msg);
        // beyond a C long: CPython's own message
        let e = over(1 << 64).extract::<i64>().unwrap_err();
        assert_err::<PyOverflowError>(py, e, "Python int too large to convert to C long");
        let e = over(1 << 64).extract::<i16>().unwrap_err();
        assert_err::<PyOverflowError>(py, e, "Python int too large to convert to C long");
        let e = over(-1).extract::<u64>().unwrap_err();
        assert_err::<PyOverflowError>(py, e, "can't convert negative int to unsigned");
        assert!(over(1 << 64)
            .extract::<u64>()
            .unwrap_err()
            .is_instance_of::<PyOverflowError>(py));
        assert!(over(-1)
            .extract::<usize>()
            .unwrap_err()
            .is_instance_of::<PyOverflowError>(py));
        assert_eq!(
            over(u64::MAX as i128).extract::<usize>().unwrap(),
            usize::MAX
        );
        // 128 bits
        let d = run(py, HELPERS);
        let big = get(&d, "big");
        let e = big.extract::<i128>().unwrap();
        assert_eq!(e, (1i128 << 100) + 7);
        assert_eq!(big.extract::<u128>().unwrap(), (1u128 << 100) + 7);
        assert_eq!(
            get(&d, "neg_big").extract::<i128>().unwrap(),
            -(1i128 << 100) - 7
        );
        let e = get(&d, "neg_big").extract::<u128>().unwrap_err();
        common::assert_err::<PyOverflowError>(py, &e, "can't convert negative int to unsigned");
        let too_big = py.eval(c"2 ** 128", None, None).unwrap();
        assert!(too_big
            .extract::<u128>()
            .unwrap_err()
            .is_instance_of::<PyOverflowError>(py));
        assert!(too_big
            .extract::<i128>()
            .unwrap_err()
            .is_instance_of::<PyOverflowError>(py));
        let i128_min = py.eval(c"-(2 ** 127)", None, None).unwrap();
        assert_eq!(i128_min.extract::<i128>().unwrap(), i128::MIN);
        let below = py.eval(c"-(2 ** 127) - 1", None, None).unwrap();
        assert!(below
            .extract::<i128>()
            .unwrap_err()
            .is_instance_of::<PyOverflowError>(py));
        let u128_max = py.eval(c"2 ** 128 - 1", None, None).unwrap();
        assert_eq!(u128_max.extract::<u128>().unwrap(), u128::MAX);
        assert!(u128_max
            .extract::<i128>()
            .unwrap_err()
            .is_instance_of::<PyOverflowError>(py));
        // values that need all 128 bits, both ways
        for v in [i128::MIN, i128::MAX, -(1 << 64), 1 << 64, -(1 << 63) - 1] {
            let obj = v.into_pyobject(py).unwrap();
            assert_eq!(obj.str().unwrap(), v.to_string().as_str());
            assert_eq!(obj.extract::<i128>().unwrap(), v);
        }
        for v in [u128::MAX, 1 << 64, (1 << 64) - 1, 1 << 127] {
            let obj = v.into_pyobject(py).unwrap();
            assert_eq!(obj.str().unwrap(), v.to_string().as_str());
            assert_eq!(obj.extract::<u128>().unwrap(), v);
        }
    });
}

#[test]
fn int_extraction_accepts_index_rejects_float_and_str() {
    Python::attach(|py| {
        let d = run(py, HELPERS);
        let idx = get(&d, "Idx").call1((41,)).unwrap();
        assert_eq!(idx.extract::<i32>().unwrap(), 41);
        assert_eq!(idx.extract::<u64>().unwrap(), 41);
        assert_eq!(idx.extract::<i128>().unwrap(), 41);
        assert_eq!(idx.extract::<u8>().unwrap(), 41);
        assert_eq!(idx.extract::<NonZeroU8>().unwrap().get(), 41);
        let big_idx = get(&d, "Idx").call1((get(&d, "big"),)).unwrap();
        assert_eq!(big_idx.extract::<u128>().unwrap(), (1u128 << 100) + 7);
        assert!(big_idx
            .extract::<i64>()
            .unwrap_err()
            .is_instance_of::<PyOverflowError>(py));

        let float = PyFloat::new(py, 1.0);
        let msg = "'float' object cannot be interpreted as an integer";
        assert_err::<PyTypeError>(py, float.extract::<i32>().unwrap_err(), msg);
        assert_err::<PyTypeError>(py, float.extract::<u64>().unwrap_err(), msg);
        assert_err::<PyTypeError>(py, float.extract::<i128>().unwrap_err(), msg);
        assert_err::<PyTypeError>(py, float.extract::<u128>().unwrap_err(), msg);
        assert_err::<PyTypeError>(py, float.extract::<usize>().unwrap_err(), msg);
        assert_err::<PyTypeError>(py, float.extract::<NonZeroI32>().unwrap_err(), msg);
        let s = PyString::new(py, "1");
        let msg = "'str' object cannot be interpreted as an integer";
        assert_err::<PyTypeError>(py, s.extract::<i64>().unwrap_err(), msg);
        assert_err::<PyTypeError>(py, s.extract::<u8>().unwrap_err(), msg);
        // errors raised by __index__ propagate
        let bad = get(&d, "BadIndex").call0().unwrap();
        assert_err::<PyZeroDivisionError>(py, bad.extract::<i64>().unwrap_err(), "bad index");
        assert_err::<PyZeroDivisionError>(py, bad.extract::<u128>().unwrap_err(), "bad index");
        // bool is an int
        assert_eq!(PyBool::new(py, true).extract::<i32>().unwrap(), 1);
    });
}

#[test]
fn nonzero() {
    Python::attach(|py| {
        let one = NonZeroU64::new(u64::MAX).unwrap();
        let obj = one.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<NonZeroU64>().unwrap(), one);
        assert_eq!(
            (&one).into_pyobject(py).unwrap().extract::<u64>().unwrap(),
            u64::MAX
        );
        let zero = 0i32.into_pyobject(py).unwrap();
        assert_err::<PyValueError>(
            py,
            zero.extract::<NonZeroI32>().unwrap_err(),
            "invalid zero value",
        );
        assert_err::<PyValueError>(
            py,
            zero.extract::<NonZeroU8>().unwrap_err(),
            "invalid zero value",
        );
        let neg = (-5i32).into_pyobject(py).unwrap();
        assert_eq!(neg.extract::<NonZeroI32>().unwrap().get(), -5);
        let e = neg.extract::<NonZeroU8>().unwrap_err();
        common::assert_err::<PyOverflowError>(
            py,
            &e,
            "out of range integral type conversion attempted",
        );
    });
}

#[test]
fn int_refcounts() {
    Python::attach(|py| {
        // large values are fresh objects owned only by the result
        let obj = u64::MAX.into_pyobject(py).unwrap();
        assert_eq!(obj.get_refcnt(), 1);
        let obj128 = i128::MIN.into_pyobject(py).unwrap();
        assert_eq!(obj128.get_refcnt(), 1);
        let obj128u = u128::MAX.into_pyobject(py).unwrap();
        assert_eq!(obj128u.get_refcnt(), 1);
        // extraction neither leaks nor steals references
        for _ in 0..3 {
            let _ = obj.extract::<u64>().unwrap();
            let _ = obj.extract::<i64>().unwrap_err();
            let _ = obj.extract::<u128>().unwrap();
            let _ = obj128.extract::<i128>().unwrap();
            let _ = obj128u.extract::<u128>().unwrap();
        }
        assert_eq!(obj.get_refcnt(), 1);
        assert_eq!(obj128.get_refcnt(), 1);
        assert_eq!(obj128u.get_refcnt(), 1);
        let d = run(py, HELPERS);
        let idx = get(&d, "Idx").call1((u64::MAX,)).unwrap();
        let value = get(&d, "big");
        let before = value.get_refcnt();
        let idx_big = get(&d, "Idx").call1((&value,)).unwrap();
        assert_eq!(value.get_refcnt(), before + 1);
        for _ in 0..3 {
            let _ = idx.extract::<u64>().unwrap();
            let _ = idx_big.extract::<u128>().unwrap();
            let _ = idx_big.extract::<i32>().unwrap_err();
        }
        assert_eq!(idx.get_refcnt(), 1);
        assert_eq!(idx_big.get_refcnt(), 1);
        assert_eq!(value.get_refcnt(), before + 1);
    });
}

#[test]
fn floats() {
    Python::attach(|py| {
        let f = 1.25f64.into_pyobject(py).unwrap();
        assert!(f.is_exact_instance_of::<PyFloat>());
        assert_eq!(f.get_refcnt(), 1);
        assert_eq!(f.extract::<f64>().unwrap(), 1.25);
        assert_eq!(f.extract::<f32>().unwrap(), 1.25f32);
        assert_eq!(f.get_refcnt(), 1);
        assert_eq!((&0.5f32).into_pyobject(py).unwrap().value(), 0.5);
        assert_eq!(
            f64::MAX
                .into_pyobject(py)
                .unwrap()
                .extract::<f32>()
                .unwrap(),
            f32::INFINITY
        );
        assert!(f64::NAN
            .into_pyobject(py)
            .unwrap()
            .extract::<f64>()
            .unwrap()
            .is_nan());
        // ints and __float__ / __index__ objects are accepted
        let d = run(py, HELPERS);
        assert_eq!(
            7i32.into_pyobject(py).unwrap().extract::<f64>().unwrap(),
            7.0
        );
        assert_eq!(
            get(&d, "FloatLike")
                .call0()
                .unwrap()
                .extract::<f64>()
                .unwrap(),
            2.5
        );
        assert_eq!(
            get(&d, "Idx")
                .call1((3,))
                .unwrap()
                .extract::<f32>()
                .unwrap(),
            3.0
        );
        let e = get(&d, "BadFloat")
            .call0()
            .unwrap()
            .extract::<f64>()
            .unwrap_err();
        assert_err::<PyZeroDivisionError>(py, e, "bad float");
        let e = PyString::new(py, "1.0").extract::<f64>().unwrap_err();
        assert_err::<PyTypeError>(py, e, "must be real number, not str");
        let e = py
            .eval(c"2 ** 1100", None, None)
            .unwrap()
            .extract::<f64>()
            .unwrap_err();
        assert_err::<PyOverflowError>(py, e, "int too large to convert to float");
        // subclass of float
        let sub = py
            .eval(c"type('F', (float,), {})(4.5)", None, None)
            .unwrap();
        assert_eq!(sub.extract::<f64>().unwrap(), 4.5);
        assert!(*sub.cast::<PyFloat>().unwrap() == 4.5f64);
    });
}

#[test]
fn complex_numbers() {
    Python::attach(|py| {
        let z = PyComplex::from_doubles(py, 1.0, -2.0);
        assert_eq!(z.get_refcnt(), 1);
        assert_eq!((z.real(), z.imag()), (1.0, -2.0));
        assert_eq!(z.repr().unwrap(), "(1-2j)");
        let sub = py
            .eval(c"type('C', (complex,), {})(3, 4)", None, None)
            .unwrap();
        let sub = sub.cast_into::<PyComplex>().unwrap();
        assert_eq!((sub.real(), sub.imag()), (3.0, 4.0));
        #[cfg(not(Py_LIMITED_API))]
        {
            assert_eq!(sub.abs(), 5.0);
            let sum = &z + &sub;
            assert_eq!((sum.real(), sum.imag()), (4.0, 2.0));
            assert_eq!(sum.get_refcnt(), 1);
            let prod = z.clone() * sub.clone();
            assert_eq!((prod.real(), prod.imag()), (11.0, -2.0));
            let q = &prod / &sub;
            assert_eq!((q.real(), q.imag()), (1.0, -2.0));
            let d = &z - sub.clone();
            assert_eq!((d.real(), d.imag()), (-2.0, -6.0));
            let n = -z.clone();
            assert_eq!((n.real(), n.imag()), (-1.0, 2.0));
            let p = z.pow(&PyComplex::from_doubles(py, 2.0, 0.0));
            assert_eq!((p.real(), p.imag()), (-3.0, -4.0));
            assert_eq!(z.get_refcnt(), 1);
        }
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            PyFloat::new(py, 1.0).cast::<PyComplex>(),
            "'float' object is not an instance of 'complex'",
        );
    });
}

#[test]
fn bools() {
    Python::attach(|py| {
        let t = true.into_pyobject(py).unwrap();
        assert!(t.is(PyBool::new(py, true).to_owned()));
        assert!(t.is_true() && t == true);
        assert!((&false).into_pyobject(py).unwrap() == false);
        assert!(t.to_any().extract::<bool>().unwrap());
        let one = 1i32.into_pyobject(py).unwrap();
        let e = one.extract::<bool>().unwrap_err();
        assert_err::<PyTypeError>(py, e, "'int' object is not an instance of 'bool'");
        let e = py.None().bind(py).extract::<bool>().unwrap_err();
        assert_err::<PyTypeError>(py, e, "'None' is not an instance of 'bool'");
        // numpy-style bool scalars are recognised by module and name
        let d = run(
            py,
            c"
class bool_:
    __module__ = 'numpy'
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
class NoBool:
    pass
NoBool.__module__ = 'numpy'
NoBool.__name__ = 'bool'
class other_bool_:
    __module__ = 'notnumpy'
    def __bool__(self): return True
",
        );
        let np_true = get(&d, "bool_").call1((true,)).unwrap();
        let np_false = get(&d, "bool_").call1((false,)).unwrap();
        assert!(np_true.extract::<bool>().unwrap());
        assert!(!np_false.extract::<bool>().unwrap());
        assert_eq!(np_true.get_refcnt(), 1);
        let e = get(&d, "NoBool")
            .call0()
            .unwrap()
            .extract::<bool>()
            .unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &e,
            "object of type '<class 'numpy.NoBool'>' does not define a '__bool__' conversion",
        );
        assert!(
            e.value(py)
                .to_string()
                .contains("does not define a '__bool__' conversion"),
            "{e}"
        );
        let e = get(&d, "other_bool_")
            .call0()
            .unwrap()
            .extract::<bool>()
            .unwrap_err();
        assert_err::<PyTypeError>(py, e, "'other_bool_' object is not an instance of 'bool'");
    });
}

#[test]
fn int_equality_with_rust_values() {
    Python::attach(|py| {
        let n = PyInt::new(py, 300u16);
        assert!(n == 300i32 && 300u64 == n && n != 44u8 && n != -300i64);
        let b = n.as_borrowed();
        assert!(b == 300usize && 300i128 == b);
    });
}

#[test]
fn ordering_conversions() {
    use std::cmp::Ordering;
    Python::attach(|py| {
        // Rust -> Python: -1 / 0 / 1, the convention of comparison functions.
        for (ord, expected) in [
            (Ordering::Less, -1i64),
            (Ordering::Equal, 0),
            (Ordering::Greater, 1),
        ] {
            let obj = ord.into_pyobject(py).unwrap();
            assert!(obj.is_exact_instance_of::<PyInt>());
            assert_eq!(obj.extract::<i64>().unwrap(), expected);
            assert_eq!(
                (&ord).into_pyobject(py).unwrap().extract::<i64>().unwrap(),
                expected
            );
            assert_eq!(obj.extract::<Ordering>().unwrap(), ord);
        }
        // Python -> Rust: the sign of any int, `__index__` objects too.
        let d = run(py, HELPERS);
        for (name, expected) in [("big", Ordering::Greater), ("neg_big", Ordering::Less)] {
            let obj = get(&d, name);
            let before = obj.get_refcnt();
            assert_eq!(obj.extract::<Ordering>().unwrap(), expected);
            assert_eq!(obj.get_refcnt(), before);
        }
        let idx = |code: &std::ffi::CStr| py.eval(code, None, Some(&d)).unwrap();
        assert_eq!(
            idx(c"Idx(-3)").extract::<Ordering>().unwrap(),
            Ordering::Less
        );
        assert_eq!(
            idx(c"Idx(0)").extract::<Ordering>().unwrap(),
            Ordering::Equal
        );
        assert_eq!(
            idx(c"True").extract::<Ordering>().unwrap(),
            Ordering::Greater
        );
        assert_eq!(idx(c"-5").extract::<Ordering>().unwrap(), Ordering::Less);
        assert_eq!(
            idx(c"2 ** 64").extract::<Ordering>().unwrap(),
            Ordering::Greater
        );

        // Non-ints: TypeError, as integer extraction raises; errors from `__index__` propagate.
        assert_err::<PyTypeError>(
            py,
            idx(c"1.5").extract::<Ordering>().unwrap_err(),
            "'float' object cannot be interpreted as an integer",
        );
        assert_err::<PyTypeError>(
            py,
            idx(c"'x'").extract::<Ordering>().unwrap_err(),
            "'str' object cannot be interpreted as an integer",
        );
        assert_err::<PyZeroDivisionError>(
            py,
            idx(c"BadIndex()").extract::<Ordering>().unwrap_err(),
            "bad index",
        );
    });
}
