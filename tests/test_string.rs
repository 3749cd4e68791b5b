#![cfg(feature = "auto-initialize")]
//! `PyString`, `str`-like conversions (`char`, `Box<str>`, `OsString`, `PathBuf`), `IpAddr`,
//! `Ellipsis` and `NotImplemented`.

mod common;

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

use pyo3::exceptions::{
    PyLookupError, PyTypeError, PyUnicodeDecodeError, PyUnicodeEncodeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::py_format;
use pyo3::types::{PyEllipsis, PyNotImplemented, PyString};

fn assert_err<T: pyo3::PyTypeInfo>(py: Python<'_>, err: PyErr, message: &str) {
    assert!(err.is_instance_of::<T>(py), "unexpected error {err}");
    assert_eq!(err.value(py).to_string(), message);
}

/// A fresh `str` holding a lone surrogate: "a\ud800b".
fn surrogate_str(py: Python<'_>) -> Bound<'_, PyString> {
    py.eval(c"'a' + chr(0xd800) + 'b'", None, None)
        .unwrap()
        .cast_into::<PyString>()
        .unwrap()
}

#[test]
fn new_intern_and_compare() {
    Python::attach(|py| {
        let s = PyString::new(py, "héllo 🐍");
        assert_eq!(s.get_refcnt(), 1);
        assert_eq!(s, "héllo 🐍");
        assert_eq!(s.to_cow().unwrap(), "héllo 🐍");
        assert_eq!(s.len().unwrap(), 7);
        let a = PyString::intern(py, "num_helper_interned_name");
        let b = PyString::intern(py, "num_helper_interned_name");
        assert!(a.is(&b));
        assert!(!PyString::new(py, "x y").is(PyString::new(py, "x y")));
        let encoded = s.encode_utf8().unwrap();
        assert_eq!(
            encoded.repr().unwrap(),
            "b'h\\xc3\\xa9llo \\xf0\\x9f\\x90\\x8d'"
        );
        assert_eq!(encoded.get_refcnt(), 1);
        let unbound: Py<PyString> = s.clone().unbind();
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        assert_eq!(unbound.to_str(py).unwrap(), "héllo 🐍");
        assert_eq!(unbound.to_cow(py).unwrap(), "héllo 🐍");
        assert_eq!(unbound.to_string_lossy(py), "héllo 🐍");
        drop(unbound);
        assert_eq!(s.get_refcnt(), 1);
    });
}

#[test]
fn from_bytes_and_encoded_object() {
    Python::attach(|py| {
        let s = PyString::from_bytes(py, "ü".as_bytes()).unwrap();
        assert_eq!(s, "ü");
        let e = PyString::from_bytes(py, b"ab\xff").unwrap_err();
        assert_err::<PyUnicodeDecodeError>(
            py,
            e,
            "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte",
        );
        let raw = py.eval(c"b'caf\\xe9'", None, None).unwrap();
        let latin = PyString::from_encoded_object(&raw, Some(c"latin-1"), None).unwrap();
        assert_eq!(latin, "café");
        assert_eq!(latin.get_refcnt(), 1);
        assert_eq!(raw.get_refcnt(), 1);
        let e = PyString::from_encoded_object(&raw, None, None).unwrap_err();
        common::assert_err::<PyUnicodeDecodeError>(
            py,
            &e,
            "'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data",
        );
        let lossy = PyString::from_encoded_object(&raw, Some(c"utf-8"), Some(c"replace")).unwrap();
        assert_eq!(lossy, "caf\u{fffd}");
        let e = PyString::from_encoded_object(&raw, Some(c"no-such-codec"), None).unwrap_err();
        assert_err::<PyLookupError>(py, e, "unknown encoding: no-such-codec");
        let e = PyString::from_encoded_object(&PyString::new(py, "s"), None, None).unwrap_err();
        assert_err::<PyTypeError>(py, e, "decoding str is not supported");
        #[allow(deprecated)]
        let old = PyString::from_object(&raw, "latin-1", "strict").unwrap();
        assert_eq!(old, "café");
    });
}

#[test]
fn surrogates() {
    Python::attach(|py| {
        let s = surrogate_str(py);
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            let e = s.to_str().unwrap_err();
            common::assert_err::<PyUnicodeEncodeError>(py, &e, "'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed");
        }
        let e = s.to_cow().unwrap_err();
        assert_err::<PyUnicodeEncodeError>(
            py,
            e,
            "'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed",
        );
        assert_eq!(s.to_string_lossy(), "a\u{fffd}\u{fffd}\u{fffd}b");
        assert!(s
            .extract::<String>()
            .unwrap_err()
            .is_instance_of::<PyUnicodeEncodeError>(py));
        assert_eq!(s.get_refcnt(), 1);
    });
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn string_data() {
    use pyo3::types::PyStringData;
    Python::attach(|py| {
        let ascii = PyString::new(py, "abc");
        let data = unsafe { ascii.data() }.unwrap();
        assert_eq!(data, PyStringData::Ucs1(b"abc"));
        assert_eq!(data.value_width_bytes(), 1);
        assert!(matches!(data.to_string(py).unwrap(), Cow::Borrowed("abc")));
        let ucs2 = PyString::new(py, "aé€");
        let data = unsafe { ucs2.data() }.unwrap();
        assert_eq!(data, PyStringData::Ucs2(&[0x61, 0xe9, 0x20ac]));
        assert_eq!(data.as_bytes().len(), 6);
        assert_eq!(data.to_string(py).unwrap(), "aé€");
        let ucs4 = PyString::new(py, "a🐍");
        let data = unsafe { ucs4.data() }.unwrap();
        assert_eq!(data, PyStringData::Ucs4(&[0x61, 0x1f40d]));
        assert_eq!(data.value_width_bytes(), 4);
        assert_eq!(data.to_string_lossy(), "a🐍");
        // latin-1 range, one byte per char: not UTF-8
        let latin = PyString::new(py, "é");
        let data = unsafe { latin.data() }.unwrap();
        assert_eq!(data, PyStringData::Ucs1(&[0xe9]));
        let e = data.to_string(py).unwrap_err();
        common::assert_err::<PyUnicodeDecodeError>(
            py,
            &e,
            "'utf-8' codec can't decode byte 0xe9 in position 0: invalid utf-8",
        );
        assert_eq!(data.to_string_lossy(), "\u{fffd}");
        let sur = surrogate_str(py);
        let data = unsafe { sur.data() }.unwrap();
        assert_eq!(data, PyStringData::Ucs2(&[0x61, 0xd800, 0x62]));
        let e = data.to_string(py).unwrap_err();
        common::assert_err::<PyUnicodeDecodeError>(
            py,
            &e,
            "'utf-16' codec can't decode bytes in position 2-3: invalid utf-16",
        );
        assert_eq!(data.to_string_lossy(), "a\u{fffd}b");
    });
}

#[test]
fn py_format_macro() {
    Python::attach(|py| {
        let constant = py_format!(py, "constant text").unwrap();
        let again = py_format!(py, "constant text").unwrap();
        assert!(constant.is(&again));
        let n = 5;
        let s = py_format!(py, "{n} + {} = {:>3}", 2, n + 2).unwrap();
        assert_eq!(s, "5 + 2 =   7");
        assert_eq!(s.get_refcnt(), 1);
    });
}

#[test]
fn char_and_box_str() {
    Python::attach(|py| {
        let c = 'ж'.into_pyobject(py).unwrap();
        assert_eq!(c, "ж");
        assert_eq!(c.extract::<char>().unwrap(), 'ж');
        let e = PyString::new(py, "ab").extract::<char>().unwrap_err();
        assert_err::<PyValueError>(py, e, "expected a string of length 1");
        let e = PyString::new(py, "").extract::<char>().unwrap_err();
        assert_err::<PyValueError>(py, e, "expected a string of length 1");
        let e = 1i32
            .into_pyobject(py)
            .unwrap()
            .extract::<char>()
            .unwrap_err();
        assert_err::<PyTypeError>(py, e, "'int' object is not an instance of 'str'");
        let b: Box<str> = "boxed".into();
        let obj = (&b).into_pyobject(py).unwrap();
        assert_eq!(obj, "boxed");
        assert_eq!(obj.get_refcnt(), 1);
        assert_eq!(b.clone().into_pyobject(py).unwrap(), "boxed");
        assert_eq!(obj.extract::<Box<str>>().unwrap(), b);
        assert_eq!(obj.get_refcnt(), 1);
        let e = 1i32
            .into_pyobject(py)
            .unwrap()
            .extract::<Box<str>>()
            .unwrap_err();
        assert_err::<PyTypeError>(py, e, "'int' object is not an instance of 'str'");
    });
}

#[test]
fn os_strings() {
    Python::attach(|py| {
        let os = OsStr::new("plain");
        let obj = os.into_pyobject(py).unwrap();
        assert_eq!(obj, "plain");
        assert_eq!(obj.get_refcnt(), 1);
        assert_eq!(obj.extract::<OsString>().unwrap(), os);
        assert_eq!(OsString::from("o").into_pyobject(py).unwrap(), "o");
        assert_eq!(
            Cow::Borrowed(OsStr::new("c")).into_pyobject(py).unwrap(),
            "c"
        );
        let e = 3i32
            .into_pyobject(py)
            .unwrap()
            .extract::<OsString>()
            .unwrap_err();
        assert_err::<PyTypeError>(py, e, "'int' object is not an instance of 'str'");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            // invalid UTF-8 round-trips through surrogateescape
            let raw = OsStr::from_bytes(b"f\xffo");
            let obj = raw.into_pyobject(py).unwrap();
            let fsencode = py.import("os").unwrap().getattr("fsencode").unwrap();
            assert_eq!(
                fsencode.call1((&obj,)).unwrap().repr().unwrap(),
                "b'f\\xffo'"
            );
            assert_eq!(obj.extract::<OsString>().unwrap(), raw);
            assert_eq!(obj.get_refcnt(), 1);
        }
    });
}

#[test]
fn paths() {
    Python::attach(|py| {
        let path = Path::new("/tmp/some dir/file.txt");
        let obj = path.into_pyobject(py).unwrap();
        let pathlib_path = py.import("pathlib").unwrap().getattr("Path").unwrap();
        assert!(obj.is_instance(&pathlib_path).unwrap());
        assert_eq!(obj.str().unwrap(), "/tmp/some dir/file.txt");
        assert_eq!(obj.get_refcnt(), 1);
        assert_eq!(obj.extract::<PathBuf>().unwrap(), path);
        assert_eq!(obj.get_refcnt(), 1);
        let owned = PathBuf::from("rel/p");
        assert_eq!((&owned).into_pyobject(py).unwrap().str().unwrap(), "rel/p");
        assert_eq!(
            owned.clone().into_pyobject(py).unwrap().str().unwrap(),
            "rel/p"
        );
        assert_eq!(
            Cow::Borrowed(owned.as_path())
                .into_pyobject(py)
                .unwrap()
                .str()
                .unwrap(),
            "rel/p"
        );
        // str and os.PathLike objects are accepted
        assert_eq!(
            PyString::new(py, "a/b").extract::<PathBuf>().unwrap(),
            Path::new("a/b")
        );
        let custom = py
            .eval(
                c"type('P', (), {'__fspath__': lambda self: 'x/y'})()",
                None,
                None,
            )
            .unwrap();
        assert_eq!(custom.extract::<PathBuf>().unwrap(), Path::new("x/y"));
        let e = 1i32
            .into_pyobject(py)
            .unwrap()
            .extract::<PathBuf>()
            .unwrap_err();
        assert_err::<PyTypeError>(py, e, "expected str, bytes or os.PathLike object, not int");
    });
}

#[test]
fn ip_addresses() {
    Python::attach(|py| {
        let v4 = Ipv4Addr::new(192, 168, 0, 1);
        let obj = v4.into_pyobject(py).unwrap();
        assert_eq!(obj.get_type().name().unwrap(), "IPv4Address");
        assert_eq!(obj.str().unwrap(), "192.168.0.1");
        assert_eq!(obj.get_refcnt(), 1);
        assert_eq!(obj.extract::<Ipv4Addr>().unwrap(), v4);
        assert_eq!(obj.extract::<IpAddr>().unwrap(), IpAddr::V4(v4));
        assert_eq!(obj.get_refcnt(), 1);
        let v6 = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
        let obj = IpAddr::V6(v6).into_pyobject(py).unwrap();
        assert_eq!(obj.get_type().name().unwrap(), "IPv6Address");
        assert_eq!(obj.str().unwrap(), "2001:db8::1");
        assert_eq!(obj.extract::<Ipv6Addr>().unwrap(), v6);
        assert_eq!(
            (&v6).into_pyobject(py).unwrap().str().unwrap(),
            "2001:db8::1"
        );
        let e = obj.extract::<Ipv4Addr>().unwrap_err();
        assert_err::<PyValueError>(py, e, "expected an IPv4 address");
        // strings
        assert_eq!(
            PyString::new(py, "::1").extract::<IpAddr>().unwrap(),
            IpAddr::V6(Ipv6Addr::LOCALHOST)
        );
        let e = PyString::new(py, "not an ip")
            .extract::<IpAddr>()
            .unwrap_err();
        assert_err::<PyValueError>(py, e, "invalid IP address syntax");
        let e = 5i32
            .into_pyobject(py)
            .unwrap()
            .extract::<IpAddr>()
            .unwrap_err();
        // Without a `packed` attribute, `str(obj)` is parsed (as PyO3 does): "5" is no address,
        // an object whose `str()` is one is accepted.
        assert_err::<PyValueError>(py, e, "invalid IP address syntax");
        let custom = py
            .eval(
                c"type('Ip', (), {'__str__': lambda s: '10.0.0.2'})()",
                None,
                None,
            )
            .unwrap();
        assert_eq!(
            custom.extract::<IpAddr>().unwrap(),
            IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2))
        );
        // A `packed` attribute that is not 4 or 16 bytes.
        let odd = py
            .eval(c"type('P', (), {'packed': b'abc'})()", None, None)
            .unwrap();
        let e = odd.extract::<IpAddr>().unwrap_err();
        assert_err::<PyValueError>(py, e, "invalid packed length");
    });
}

#[test]
fn singletons() {
    Python::attach(|py| {
        let e = PyEllipsis::get(py);
        assert!(e.is(py.Ellipsis()));
        assert_eq!(e.repr().unwrap(), "Ellipsis");
        assert!(e.to_any().cast::<PyEllipsis>().is_ok());
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            py.None().bind(py).cast::<PyEllipsis>(),
            "'None' is not an instance of 'ellipsis'",
        );
        let n = PyNotImplemented::get(py);
        assert!(n.is(py.NotImplemented()));
        assert_eq!(n.repr().unwrap(), "NotImplemented");
        assert!(n.to_any().cast::<PyNotImplemented>().is_ok());
        let err = e.to_any().cast::<PyNotImplemented>().unwrap_err();
        assert_eq!(
            PyErr::from(err).value(py).to_string(),
            "'ellipsis' object is not an instance of 'NotImplementedType'"
        );
    });
}

/// Non-ASCII compact strings: the first extraction asks CPython (which caches the UTF-8 in the
/// object), later ones read that cache directly; both give the same text, for every storage
/// kind, and a string that cannot be encoded still fails every time.
#[test]
fn non_ascii_text_before_and_after_the_utf8_cache() {
    Python::attach(|py| {
        for text in [
            "h\u{e9}llo",
            "\u{20ac}uro \u{3b1}\u{3b2}",
            "smile \u{1f600}",
        ] {
            // Made by Python code so the object is a fresh compact string with no cache yet.
            let locals = pyo3::types::PyDict::new(py);
            locals.set_item("t", text).unwrap();
            let s = py.eval(c"''.join(list(t))", None, Some(&locals)).unwrap();
            for _ in 0..3 {
                assert_eq!(s.extract::<String>().unwrap(), text);
                // (`&str` borrows the UTF-8 buffer, which the limited API has only from 3.10.)
                #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
                assert_eq!(s.extract::<&str>().unwrap(), text);
            }
        }
        let lone = py.eval(c"'a\\ud800'", None, None).unwrap();
        for _ in 0..2 {
            let err = lone.extract::<String>().unwrap_err();
            assert!(err.is_instance_of::<pyo3::exceptions::PyUnicodeEncodeError>(py));
        }
    });
}
