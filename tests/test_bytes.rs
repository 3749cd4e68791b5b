#![cfg(feature = "auto-initialize")]
//! `PyBytes`, `PyByteArray`, `PyMemoryView`, `&[u8]` / `Cow<[u8]>` and `pybacked`.

use std::borrow::Cow;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{
    PyByteArray, PyByteArrayMethods, PyBytes, PyBytesMethods, PyList, PyMemoryView, PyString,
};

#[test]
fn bytes_new_and_access() {
    Python::attach(|py| {
        let data = format!("runtime-{}", 42).into_bytes();
        let b = PyBytes::new(py, &data);
        assert_eq!(b.as_bytes(), data.as_slice());
        assert_eq!(b.get_refcnt(), 1);
        assert_eq!(&b[..7], b"runtime");
        assert_eq!(b[0], b'r');
        assert!(b == data.as_slice());
        assert!(*data.as_slice() == b);
        assert_eq!(b.as_borrowed().as_bytes(), data.as_slice());
        let raw = unsafe { PyBytes::from_ptr(py, data.as_ptr(), 3) };
        assert_eq!(raw.as_bytes(), b"run");
        assert_eq!(PyBytes::new(py, b"").as_bytes(), b"");
    });
}

#[test]
fn bytes_new_with() {
    Python::attach(|py| {
        let b = PyBytes::new_with(py, 5, |buf: &mut [u8]| {
            assert!(buf.iter().all(|&x| x == 0));
            buf[..2].copy_from_slice(b"ok");
            Ok(())
        })
        .unwrap();
        assert_eq!(b.as_bytes(), b"ok\0\0\0");
        assert_eq!(b.get_refcnt(), 1);
        let err =
            PyBytes::new_with(py, 3, |_| Err(PyValueError::new_err("init failed"))).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.to_string(), "ValueError: init failed");
        let empty = PyBytes::new_with(py, 0, |buf| {
            assert!(buf.is_empty());
            Ok(())
        })
        .unwrap();
        assert_eq!(empty.as_bytes(), b"");
    });
}

#[test]
fn byte_slice_extraction() {
    Python::attach(|py| {
        let b = PyBytes::new(py, b"xyz");
        let before = b.get_refcnt();
        let s: &[u8] = b.extract().unwrap();
        assert_eq!(s, b"xyz");
        assert_eq!(b.get_refcnt(), before);
        match b.extract::<Cow<'_, [u8]>>().unwrap() {
            Cow::Borrowed(x) => assert_eq!(x, b"xyz"),
            Cow::Owned(_) => panic!("bytes must be borrowed"),
        }
        let ba = PyByteArray::new(py, b"mut");
        match ba.extract::<Cow<'_, [u8]>>().unwrap() {
            Cow::Owned(v) => assert_eq!(v, b"mut"),
            Cow::Borrowed(_) => panic!("bytearray must be copied"),
        }
        let err = ba.extract::<&[u8]>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'bytearray' object is not an instance of 'bytes'"
        );
        let s = PyString::new(py, "str");
        let err = s.extract::<Cow<'_, [u8]>>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        // Neither `bytes` nor `bytearray`: extracted like a `Vec<u8>`, which refuses `str`.
        assert_eq!(err.to_string(), "TypeError: Can't extract `str` to `Vec`");
        let cow: Cow<'_, [u8]> = Cow::Owned(vec![1, 2]);
        let obj = (&cow).into_pyobject(py).unwrap();
        assert_eq!(obj.as_bytes(), &[1, 2]);
        assert_eq!(cow.into_pyobject(py).unwrap().get_refcnt(), 1);
    });
}

#[test]
fn bytearray() {
    Python::attach(|py| {
        let ba = PyByteArray::new(py, b"abc");
        assert_eq!(ba.len(), 3);
        assert!(!ba.is_empty());
        assert_eq!(ba.to_vec(), b"abc");
        unsafe {
            assert_eq!(ba.as_bytes(), b"abc");
            ba.as_bytes_mut()[0] = b'X';
            *ba.data().add(1) = b'Y';
        }
        assert_eq!(ba.to_vec(), b"XYc");
        ba.resize(5).unwrap();
        assert_eq!(ba.len(), 5);
        assert_eq!(&ba.to_vec()[..3], b"XYc");
        ba.resize(0).unwrap();
        assert!(ba.is_empty());

        let init = PyByteArray::new_with(py, 2, |buf| {
            buf.copy_from_slice(b"hi");
            Ok(())
        })
        .unwrap();
        assert_eq!(init.to_vec(), b"hi");
        let err = PyByteArray::new_with(py, 2, |_| Err(PyValueError::new_err("nope"))).unwrap_err();
        assert_eq!(err.to_string(), "ValueError: nope");

        let src = PyBytes::new(py, b"copy");
        let from = PyByteArray::from(&src).unwrap();
        assert_eq!(from.to_vec(), b"copy");
        let from: Bound<'_, PyByteArray> = src.as_any().try_into().unwrap();
        assert_eq!(from.get_refcnt(), 1);
        let err = PyByteArray::from(&py.eval(c"1.5", None, None).unwrap()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn memoryview() {
    Python::attach(|py| {
        let ba = PyByteArray::new(py, b"abcd");
        let view = PyMemoryView::from(&ba).unwrap();
        assert!(view.is_instance_of::<PyMemoryView>());
        assert_eq!(view.len().unwrap(), 4);
        view.set_item(0, 122).unwrap();
        assert_eq!(ba.to_vec(), b"zbcd");
        // the view holds a reference to its exporter
        assert_eq!(ba.get_refcnt(), 2);
        view.call_method0("release").unwrap();
        assert_eq!(ba.get_refcnt(), 1);
        let view: Bound<'_, PyMemoryView> = ba.as_any().try_into().unwrap();
        assert_eq!(view.get_refcnt(), 1);
        let err = PyMemoryView::from(&PyList::empty(py)).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.to_string(),
            "TypeError: memoryview: a bytes-like object is required, not 'list'"
        );
    });
}

#[test]
fn pybacked_str() {
    Python::attach(|py| {
        let s = PyString::new(py, &format!("value-{}", 1));
        let before = s.get_refcnt();
        let backed: PyBackedStr = s.extract().unwrap();
        assert_eq!(&*backed, "value-1");
        assert_eq!(backed.as_str(), "value-1");
        let r: &str = backed.as_ref();
        assert_eq!(r, "value-1");
        let bytes: &[u8] = backed.as_ref();
        assert_eq!(bytes, b"value-1");
        assert_eq!(backed, "value-1");
        assert_eq!(backed, *"value-1");
        assert_eq!(format!("{backed}"), "value-1");
        assert_eq!(format!("{backed:?}"), "\"value-1\"");
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            assert_eq!(s.get_refcnt(), before + 1);
            assert!(backed.as_py_str().bind(py).is(&s));
        }
        let other = backed.clone_ref(py);
        assert_eq!(other, backed);
        assert!(other <= backed);
        drop(other);
        let obj = (&backed).into_pyobject(py).unwrap();
        assert_eq!(obj.to_string(), "value-1");
        drop(obj);
        drop(backed);
        assert_eq!(s.get_refcnt(), before);
        let from = PyBackedStr::try_from(s.clone()).unwrap();
        assert_eq!(from, "value-1");

        let b = PyBytes::new(py, b"x");
        let err = b.extract::<PyBackedStr>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.to_string(),
            "TypeError: 'bytes' object is not an instance of 'str'"
        );
        let surrogate = py.eval(c"'\\ud800'", None, None).unwrap();
        let err = surrogate.extract::<PyBackedStr>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyUnicodeEncodeError>(py));

        // usable across threads and as map keys
        let backed: PyBackedStr = s.extract().unwrap();
        let set: std::collections::HashSet<PyBackedStr> = [backed].into_iter().collect();
        assert!(set.contains("value-1"));
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<PyBackedStr>();
        assert_send_sync::<PyBackedBytes>();
    });
}

#[test]
fn pybacked_bytes() {
    Python::attach(|py| {
        let b = PyBytes::new(py, &format!("b-{}", 2).into_bytes());
        let before = b.get_refcnt();
        let backed: PyBackedBytes = b.extract().unwrap();
        assert_eq!(&*backed, b"b-2");
        assert_eq!(b.get_refcnt(), before + 1);
        assert_eq!(backed, *b"b-2");
        assert_eq!(backed, b"b-2".to_vec());
        assert_eq!(backed, b"b-2"[..]);
        let out = backed.clone_ref(py).into_pyobject(py).unwrap();
        assert!(out.is(&b));
        drop(out);
        drop(backed);
        assert_eq!(b.get_refcnt(), before);

        let ba = PyByteArray::new(py, b"ba");
        let backed = PyBackedBytes::from(ba.clone());
        ba.resize(0).unwrap();
        assert_eq!(&*backed, b"ba");
        assert_eq!(ba.get_refcnt(), 1);
        let out = (&backed).into_pyobject(py).unwrap();
        assert!(out.is_instance_of::<PyBytes>());
        assert_eq!(out.as_bytes(), b"ba");
        assert_eq!(backed.clone_ref(py), backed);
        let from_bytes = PyBackedBytes::from(PyBytes::new(py, b"ba"));
        assert_eq!(from_bytes, backed);

        let s = PyString::new(py, "s");
        let err = s.extract::<PyBackedBytes>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'str' object is not an instance of 'bytes | bytearray'"
        );
    });
}
