//! Behaviour of public items that build on the core API: error context and notes, dict
//! `setdefault`, string length and formatting, the bytes writer, the version string and the
//! public module paths.

use std::io::Write;

use pyo3::exceptions::{PyKeyError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTraceback};

fn run<'py>(py: Python<'py>, code: &std::ffi::CStr) -> PyErr {
    py.run(code, None, None).unwrap_err()
}

#[test]
fn error_context_round_trip() {
    Python::attach(|py| {
        // Python sets __context__ when raising while handling
        let err = run(
            py,
            c"try:\n    raise KeyError('a')\nexcept KeyError:\n    raise ValueError('b')",
        );
        assert!(err.is_instance_of::<PyValueError>(py));
        let context = err.context(py).unwrap();
        assert!(context.is_instance_of::<PyKeyError>(py));
        assert_eq!(context.to_string(), "KeyError: 'a'");

        let fresh = PyTypeError::new_err("outer");
        assert!(fresh.context(py).is_none());
        fresh.set_context(py, Some(PyRuntimeError::new_err("inner")));
        let seen = fresh
            .value(py)
            .getattr("__context__")
            .unwrap()
            .repr()
            .unwrap()
            .to_string();
        assert_eq!(seen, "RuntimeError('inner')");
        fresh.set_context(py, None);
        assert!(fresh.value(py).getattr("__context__").unwrap().is_none());
    });
}

#[test]
fn error_traceback_set_and_clear() {
    Python::attach(|py| {
        let raised = run(py, c"def f():\n    raise ValueError('x')\nf()");
        let tb: Bound<'_, PyTraceback> = raised.traceback(py).unwrap();
        let err = PyValueError::new_err("no traceback yet");
        assert!(err.traceback(py).is_none());
        err.set_traceback(py, Some(tb.clone()));
        assert!(err.traceback(py).unwrap().is(&tb));
        err.set_traceback(py, None);
        assert!(err.traceback(py).is_none());
        assert!(err.value(py).getattr("__traceback__").unwrap().is_none());
    });
}

#[test]
fn error_notes() {
    Python::attach(|py| {
        let err = PyValueError::new_err("bad");
        err.add_note(py, "first").unwrap();
        err.add_note(py, String::from("second")).unwrap();
        let notes: Vec<String> = err
            .value(py)
            .getattr("__notes__")
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(notes, ["first", "second"]);
        // a non-list __notes__ is refused, as Python's add_note does
        let other = PyValueError::new_err("other");
        other.value(py).setattr("__notes__", 1).unwrap();
        let refused = other.add_note(py, "x").unwrap_err();
        assert!(refused.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            refused.value(py).to_string(),
            "Cannot add note: __notes__ is not a list"
        );
    });
}

#[test]
fn dict_set_default() {
    Python::attach(|py| {
        let dict = PyDict::new(py);
        assert!(dict.set_default("a", 1).unwrap());
        assert!(!dict.set_default("a", 2).unwrap());
        assert_eq!(
            dict.get_item("a")
                .unwrap()
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            1
        );

        let (inserted, value) = dict.set_default_with_result("b", vec![1, 2]).unwrap();
        assert!(inserted);
        assert_eq!(value.extract::<Vec<i32>>().unwrap(), [1, 2]);
        // the returned object is the one stored: mutating it shows in the dict
        value.call_method1("append", (3,)).unwrap();
        let (inserted, value) = dict.set_default_with_result("b", 0).unwrap();
        assert!(!inserted);
        assert_eq!(value.extract::<Vec<i32>>().unwrap(), [1, 2, 3]);

        // unhashable keys fail like `dict.setdefault`
        let err = dict.set_default(vec![1], 0).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let expected = py
            .run(c"{}.setdefault([1], 0)", None, None)
            .unwrap_err()
            .value(py)
            .to_string();
        assert_eq!(err.value(py).to_string(), expected);
    });
}

#[test]
fn string_code_point_len_ignores_len_override() {
    Python::attach(|py| {
        assert_eq!(PyString::new(py, "héllo ☃").code_point_len().unwrap(), 7);
        let odd = py
            .eval(
                c"type('S', (str,), {'__len__': lambda s: 100})('abc')",
                None,
                None,
            )
            .unwrap();
        assert_eq!(odd.len().unwrap(), 100);
        let odd = odd.cast_into::<PyString>().unwrap();
        assert_eq!(odd.code_point_len().unwrap(), 3);
    });
}

#[test]
fn string_from_fmt() {
    struct Failing;
    impl std::fmt::Display for Failing {
        fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            Err(std::fmt::Error)
        }
    }
    Python::attach(|py| {
        let s = PyString::from_fmt(py, format_args!("{:>5}|{:.2}", "ab", 1.0 / 3.0)).unwrap();
        assert_eq!(s.to_cow().unwrap(), "   ab|0.33");
        let literal = PyString::from_fmt(py, format_args!("plain")).unwrap();
        assert_eq!(literal.to_cow().unwrap(), "plain");
        let err = PyString::from_fmt(py, format_args!("{}", Failing)).unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "a formatting trait implementation returned an error"
        );
    });
}

#[test]
fn bytes_new_with_writer() {
    Python::attach(|py| {
        let bytes = PyBytes::new_with_writer(py, 0, |w| {
            assert!(w.is_empty());
            w.write_bytes(b"ab")?;
            w.write_all(&[b'c'; 3])?;
            write!(w, "-{}", 7)?;
            assert_eq!(w.len(), 7);
            Ok(())
        })
        .unwrap();
        assert_eq!(bytes.as_bytes(), b"abccc-7");

        // more than the reserved capacity
        let big = PyBytes::new_with_writer(py, 2, |w| w.write_bytes(&[1u8; 1000])).unwrap();
        assert_eq!(big.as_bytes().len(), 1000);

        let err = PyBytes::new_with_writer(py, 4, |w| {
            w.write_bytes(b"partial")?;
            Err(PyValueError::new_err("stop"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "ValueError: stop");
    });
}

#[test]
fn version_str_matches_sys_version() {
    Python::attach(|py| {
        let sys_version: String = py
            .import("sys")
            .unwrap()
            .getattr("version")
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(Python::version_str(), sys_version);
        assert_eq!(Python::version_str(), py.version());
    });
}

#[test]
fn public_paths() {
    use pyo3::basic::CompareOp;
    use pyo3::types::{bytes, code, context, datetime, iterator, list, slice, string, tuple};
    Python::attach(|py| {
        assert_eq!(CompareOp::from_raw(pyo3::ffi::Py_LT), Some(CompareOp::Lt));
        let info: pyo3::PythonVersionInfo<'_> = py.version_info();
        assert_eq!(info.major, 3);
        let b: Bound<'_, bytes::PyBytes> = bytes::PyBytes::new(py, b"x");
        assert_eq!(b.as_bytes(), b"x");
        let l = list::PyList::new(py, [1, 2]).unwrap();
        let mut it: list::BoundListIterator<'_> = l.iter();
        assert_eq!(it.next().unwrap().extract::<i32>().unwrap(), 1);
        let t = tuple::PyTuple::new(py, [1]).unwrap();
        let _: tuple::BoundTupleIterator<'_> = t.iter();
        let s = string::PyString::new(py, "s");
        assert_eq!(s.to_cow().unwrap(), "s");
        let indices: slice::PySliceIndices = slice::PySlice::new(py, 0, 4, 2).indices(10).unwrap();
        assert_eq!(indices.slicelength, 2);
        let _ = code::PyCodeInput::Eval;
        let _ = datetime::PyDate::new(py, 2020, 1, 2).unwrap();
        let _ = context::PyContext::copy_current(py).unwrap();
        let iter = iterator::PyIterator::from_object(&l).unwrap();
        assert_eq!(iter.count(), 2);
    });
}

#[test]
fn c_strings_to_and_from_python() {
    use std::borrow::Cow;
    use std::ffi::{CStr, CString};
    Python::attach(|py| {
        let s = c"héllo".into_pyobject(py).unwrap();
        assert_eq!(s.to_cow().unwrap(), "héllo");
        let owned = CString::new("abc").unwrap();
        assert_eq!((&owned).into_pyobject(py).unwrap().to_cow().unwrap(), "abc");
        assert_eq!(owned.into_pyobject(py).unwrap().to_cow().unwrap(), "abc");
        let cow: Cow<'_, CStr> = Cow::Borrowed(c"cow");
        assert_eq!(cow.into_pyobject(py).unwrap().to_cow().unwrap(), "cow");
        // invalid UTF-8 is a UnicodeDecodeError
        let bad: &CStr = c"\xff";
        let err = bad.into_pyobject(py).unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyUnicodeDecodeError>(py));

        let text = PyString::new(py, "näme");
        assert_eq!(
            text.extract::<CString>().unwrap().as_bytes(),
            "näme".as_bytes()
        );
        assert_eq!(
            text.extract::<Cow<'_, CStr>>().unwrap().to_bytes(),
            "näme".as_bytes()
        );
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            let borrowed: &CStr = text.extract().unwrap();
            assert_eq!(borrowed.to_str().unwrap(), "näme");
        }
        let with_nul = PyString::new(py, "a\0b");
        let err = with_nul.extract::<CString>().unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.value(py).to_string(), "embedded null character");
        let err = PyBytes::new(py, b"x").extract::<CString>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn reference_and_cow_conversions() {
    use std::borrow::Cow;
    use std::path::Path;
    Python::attach(|py| {
        let c = 'é';
        assert_eq!((&c).into_pyobject(py).unwrap().to_cow().unwrap(), "é");
        let n = 5u32;
        let r = &n;
        assert_eq!((&r).into_pyobject(py).unwrap().extract::<u32>().unwrap(), 5);
        let list: Cow<'_, [i32]> = Cow::Owned(vec![1, 2]);
        assert_eq!(
            list.into_pyobject(py).unwrap().repr().unwrap().to_string(),
            "[1, 2]"
        );
        let raw: Cow<'_, [u8]> = Cow::Borrowed(b"ab");
        let bytes = raw.into_pyobject(py).unwrap();
        assert!(bytes.is_instance_of::<PyBytes>());
        let dir = PyString::new(py, "dir");
        let os: Cow<'_, std::ffi::OsStr> = dir.extract().unwrap();
        assert_eq!(os, std::ffi::OsStr::new("dir"));
        let path_obj = py
            .eval(c"__import__('pathlib').Path('a/b')", None, None)
            .unwrap();
        let path: Cow<'_, Path> = path_obj.extract().unwrap();
        assert_eq!(path, Path::new("a/b"));
    });
}

#[test]
// Both operand orders are the point of the test.
#[allow(clippy::nonminimal_bool, clippy::op_ref, clippy::byte_char_slices)]
fn comparisons_with_references() {
    use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
    use pyo3::types::{PyBool, PyFloat};
    Python::attach(|py| {
        let t = PyBool::new(py, true).to_owned();
        assert!(&t == true && true == &t);
        let f = PyFloat::new(py, 1.5);
        assert!(&f == 1.5f64 && 1.5f64 == &f && f == &1.5f64 && &1.5f32 == f);
        assert!(f.as_borrowed() == &1.5f64 && &1.5f64 == f.as_borrowed());
        let s = PyString::new(py, "ab");
        assert!(&s == "ab" && *"ab" == &s);
        assert!(*"ab" == s.as_borrowed() && "ab" == s.as_borrowed());
        let b = PyBytes::new(py, b"xy");
        assert!(b.as_borrowed() == &b"xy"[..] && &b"xy"[..] == b.as_borrowed());
        assert!(&b == b"xy"[..]);
        let as_ref: &[u8] = b.as_ref();
        assert_eq!(as_ref, b"xy");

        let backed: PyBackedBytes = b.extract().unwrap();
        assert!(backed == &[b'x', b'y'] && &[b'x', b'y'] == backed);
        assert!(backed < b"xz"[..] && b"xa"[..] < backed);
        let backed_str: PyBackedStr = s.extract().unwrap();
        assert!(backed_str > *"aa" && *"b" > backed_str);
    });
}

#[test]
fn references_into_owned_pointers() {
    Python::attach(|py| {
        let list = pyo3::types::PyList::new(py, [1]).unwrap();
        let before = list.get_refcnt();
        let owned: Py<pyo3::types::PyList> = Py::from(&list);
        assert_eq!(list.get_refcnt(), before + 1);
        let bound: Bound<'_, pyo3::types::PyList> = Bound::from(&list);
        assert!(bound.is(&owned));
        let from_borrowed: Py<pyo3::types::PyList> = Py::from(list.as_borrowed());
        assert_eq!(list.get_refcnt(), before + 3);
        drop((owned, bound, from_borrowed));
        assert_eq!(list.get_refcnt(), before);
    });
}

#[test]
fn std_errors_as_exceptions() {
    use pyo3::exceptions::PyOSError;
    Python::attach(|py| {
        let err: PyErr = "1.2.3.x".parse::<std::net::IpAddr>().unwrap_err().into();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.value(py).to_string(), "invalid IP address syntax");
        let err: PyErr = std::path::Path::new("/a")
            .strip_prefix("/b")
            .unwrap_err()
            .into();
        assert_eq!(err.to_string(), "ValueError: prefix not found");
        let err: PyErr = <[u8; 2]>::try_from(&[1u8][..]).unwrap_err().into();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err: PyErr = char::try_from(0xD800u32).unwrap_err().into();
        assert_eq!(
            err.to_string(),
            "ValueError: converted integer out of range for `char`"
        );
        let err: PyErr = std::time::Duration::try_from_secs_f64(-1.0)
            .unwrap_err()
            .into();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err: PyErr = std::ffi::CString::new("a")
            .unwrap()
            .into_string()
            .map(drop)
            .map_or_else(
                |_| PyValueError::new_err("unreachable"),
                |_| PyValueError::new_err("ok"),
            );
        assert_eq!(err.to_string(), "ValueError: ok");

        // a writer whose flush fails gives back an IntoInnerError
        #[derive(Debug)]
        struct Failing;
        impl std::io::Write for Failing {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut writer = std::io::BufWriter::new(Failing);
        std::io::Write::write_all(&mut writer, b"data").unwrap();
        let err: PyErr = writer.into_inner().unwrap_err().into();
        assert!(err.is_instance_of::<PyOSError>(py));
        assert_eq!(err.to_string(), "OSError: disk full");

        // std errors are usable as arguments of any exception type
        let err = PyRuntimeError::new_err("x".parse::<i32>().unwrap_err());
        assert_eq!(
            err.to_string(),
            "RuntimeError: invalid digit found in string"
        );
        let err = PyOSError::new_err(std::io::Error::other("io"));
        assert_eq!(err.to_string(), "OSError: io");
    });
}

#[test]
fn unicode_decode_error_constructors() {
    use pyo3::exceptions::PyUnicodeDecodeError;
    Python::attach(|py| {
        let input = b"ok\xe2\x82".to_vec(); // a truncated 3-byte sequence at the end
        let err = std::str::from_utf8(&input).unwrap_err();
        let exc = PyUnicodeDecodeError::new_utf8(py, &input, err).unwrap();
        assert_eq!(
            exc.to_string(),
            "'utf-8' codec can't decode bytes in position 2-3: invalid utf-8"
        );
        assert_eq!(exc.getattr("start").unwrap().extract::<usize>().unwrap(), 2);
        assert_eq!(exc.getattr("end").unwrap().extract::<usize>().unwrap(), 4);

        let custom =
            PyUnicodeDecodeError::new(py, c"ascii", b"a\x80", 1..2, c"ordinal not in range")
                .unwrap();
        assert_eq!(
            custom.to_string(),
            "'ascii' codec can't decode byte 0x80 in position 1: ordinal not in range"
        );
        let out_of_bounds = PyUnicodeDecodeError::new(py, c"ascii", b"a", 0..3, c"x").unwrap_err();
        assert!(out_of_bounds.is_instance_of::<PyValueError>(py));

        let bad = b"\xffz".to_vec();
        let err = PyUnicodeDecodeError::new_err_from_utf8(
            py,
            &bad,
            std::str::from_utf8(&bad).unwrap_err(),
        );
        assert!(err.is_instance_of::<PyUnicodeDecodeError>(py));
        assert_eq!(
            err.to_string(),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid utf-8"
        );
    });
}

#[test]
// Calling with a reference to the tuple is what is tested.
#[allow(clippy::needless_borrows_for_generic_args)]
fn call_with_tuple_references_and_borrowed_extract() {
    Python::attach(|py| {
        let f = py.eval(c"lambda *a: repr(a)", None, None).unwrap();
        let args = (1, "two".to_string(), vec![3]);
        assert_eq!(
            f.call1(&args).unwrap().extract::<String>().unwrap(),
            "(1, 'two', [3])"
        );
        // the tuple is still ours
        assert_eq!(args.1, "two");
        let one = (5u8,);
        assert_eq!(
            f.call(&one, None).unwrap().extract::<String>().unwrap(),
            "(5,)"
        );
        let s = PyString::new(py, "abc");
        assert_eq!(
            s.call_method1("count", &("b",))
                .unwrap()
                .extract::<usize>()
                .unwrap(),
            1
        );

        let value = s.as_borrowed().extract::<String>().unwrap();
        assert_eq!(value, "abc");
        let err = s.as_borrowed().extract::<i32>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));

        let bytes: Py<PyBytes> = PyBytes::new(py, b"held").unbind();
        assert_eq!(bytes.as_bytes(py), b"held");
    });
}

#[test]
fn attach_unchecked_once_initialized() {
    Python::initialize();
    let version = unsafe { Python::attach_unchecked(|py| py.version().to_owned()) };
    assert_eq!(version, Python::version_str());
    // nested inside an attached thread it reuses the attachment
    Python::attach(|py| {
        let inner = unsafe { Python::attach_unchecked(|inner| inner.None().is_none(inner)) };
        assert!(inner);
        let _ = py;
    });
}

#[test]
fn abstract_types_have_type_objects() {
    use pyo3::types::{PyIterator, PyMapping};
    use pyo3::PyTypeInfo;
    Python::attach(|py| {
        let abc = py.import("collections.abc").unwrap();
        assert!(PyIterator::type_object(py).is(abc.getattr("Iterator").unwrap()));
        assert!(PyMapping::type_object(py).is(abc.getattr("Mapping").unwrap()));
        let it = py.eval(c"iter([1])", None, None).unwrap();
        assert!(PyIterator::is_type_of(&it));
        let err: PyErr = py
            .eval(c"[1]", None, None)
            .unwrap()
            .cast_into::<PyIterator>()
            .unwrap_err()
            .into();
        assert_eq!(
            err.value(py).to_string(),
            "'list' object is not an instance of 'Iterator'"
        );
        assert!(PyMapping::is_type_of(&PyDict::new(py)));
    });
}

#[test]
fn generic_alias() {
    use pyo3::types::{PyGenericAlias, PyInt, PyList, PyTuple};
    use pyo3::PyTypeInfo;
    Python::attach(|py| {
        let alias = PyGenericAlias::new(
            py,
            &py.get_type::<PyDict>(),
            PyTuple::new(py, [py.get_type::<PyString>(), py.get_type::<PyInt>()])
                .unwrap()
                .as_any(),
        )
        .unwrap();
        assert_eq!(alias.repr().unwrap().to_string(), "dict[str, int]");
        assert!(PyGenericAlias::type_object(py).is(py
            .import("types")
            .unwrap()
            .getattr("GenericAlias")
            .unwrap()));
        let from_python = py.eval(c"list[int]", None, None).unwrap();
        assert!(from_python.cast::<PyGenericAlias>().is_ok());
        assert!(py.get_type::<PyList>().cast::<PyGenericAlias>().is_err());
    });
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn borrowed_complex_arithmetic() {
    use pyo3::types::{PyComplex, PyComplexMethods};
    Python::attach(|py| {
        let a = PyComplex::from_doubles(py, 1.0, 2.0);
        let b = PyComplex::from_doubles(py, 3.0, -1.0);
        let (a, b) = (a.as_borrowed(), b.as_borrowed());
        let sum = a + b;
        assert_eq!((sum.real(), sum.imag()), (4.0, 1.0));
        let diff = a - b;
        assert_eq!((diff.real(), diff.imag()), (-2.0, 3.0));
        let prod = a * b;
        assert_eq!((prod.real(), prod.imag()), (5.0, 5.0));
        let quot = prod.as_borrowed() / b;
        assert!((quot.real() - 1.0).abs() < 1e-12 && (quot.imag() - 2.0).abs() < 1e-12);
        let neg = -a;
        assert_eq!((neg.real(), neg.imag()), (-1.0, -2.0));
    });
}

#[test]
fn range_into_slice_and_borrowed_as_py() {
    use pyo3::types::{PyRange, PySlice};
    Python::attach(|py| {
        let range = PyRange::new_with_step(py, 1, 10, 3).unwrap();
        let slice = Bound::<PySlice>::try_from(range).unwrap();
        assert_eq!(slice.repr().unwrap().to_string(), "slice(1, 10, 3)");
        let s = PyString::new(py, "x");
        let borrowed = s.as_borrowed();
        let py_ref: &Py<PyAny> = AsRef::<Py<PyAny>>::as_ref(&borrowed);
        assert!(py_ref.bind(py).is(&s));
    });
}

#[test]
fn unchecked_item_access_on_every_api() {
    use pyo3::types::{PyList, PyTuple};
    Python::attach(|py| {
        let tuple = PyTuple::new(py, ["a", "b"]).unwrap();
        assert_eq!(
            unsafe { tuple.get_item_unchecked(1) }
                .extract::<String>()
                .unwrap(),
            "b"
        );
        assert_eq!(
            unsafe { tuple.get_borrowed_item_unchecked(0) }
                .extract::<String>()
                .unwrap(),
            "a"
        );
        let list = PyList::new(py, [10, 20]).unwrap();
        let item = unsafe { list.get_item_unchecked(0) };
        assert_eq!(item.extract::<i32>().unwrap(), 10);
    });
}

#[test]
fn py_run_with_code_from_a_closure_parameter() {
    Python::attach(|py| {
        let check = |value: i32, code| {
            let v = value;
            pyo3::py_run!(py, v, code);
        };
        check(3, "assert v == 3");
        check(4, "assert v * 2 == 8");
        let owned = String::from("assert v == 5");
        let v = 5;
        pyo3::py_run!(py, v, owned);
        assert_eq!(owned, "assert v == 5");
    });
}
