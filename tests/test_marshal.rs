#![cfg(all(feature = "auto-initialize", not(Py_LIMITED_API)))]
//! pyo3::marshal.

mod common;

use pyo3::exceptions::{PyEOFError, PyValueError};
use pyo3::marshal::{dumps, loads, VERSION};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyBytesMethods, PyDict, PyList};

#[test]
fn roundtrip() {
    Python::attach(|py| {
        let value = py
            .eval(
                c"{'a': [1, 2.5, 'three', b'four', (None, True)], 'big': 10**30}",
                None,
                None,
            )
            .unwrap();
        let bytes = dumps(&value, VERSION).unwrap();
        assert_eq!(bytes.get_refcnt(), 1);
        let expected = py
            .import("marshal")
            .unwrap()
            .call_method1("dumps", (&value, VERSION))
            .unwrap();
        assert!(bytes.as_any().eq(&expected).unwrap());
        let back = loads(py, bytes.as_bytes()).unwrap();
        assert_eq!(back.get_refcnt(), 1);
        assert!(back.eq(&value).unwrap());
        assert!(back.cast::<PyDict>().is_ok());
        // Any AsRef<[u8]>.
        let owned: Vec<u8> = bytes.as_bytes().to_vec();
        assert!(loads(py, &owned).unwrap().eq(&value).unwrap());
    });
}

#[test]
fn versions() {
    Python::attach(|py| {
        let marshal_version: i32 = py
            .import("marshal")
            .unwrap()
            .getattr("version")
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(VERSION, marshal_version);
        let list = PyList::new(py, ["x", "x"]).unwrap();
        for version in 0..=VERSION {
            let bytes = dumps(&list, version).unwrap();
            assert!(loads(py, bytes.as_bytes()).unwrap().eq(&list).unwrap());
        }
    });
}

#[test]
fn errors() {
    Python::attach(|py| {
        let obj = py.eval(c"object()", None, None).unwrap();
        let err = dumps(&obj, VERSION).unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "unmarshallable object");
        assert_eq!(err.value(py).to_string(), "unmarshallable object");
        assert_eq!(obj.get_refcnt(), 1);

        let err = loads(py, b"").unwrap_err();
        common::assert_err::<PyEOFError>(py, &err, "EOF read where object expected");
        assert_eq!(err.value(py).to_string(), "EOF read where object expected");
        let err = loads(py, &[0xffu8][..]).unwrap_err();
        common::assert_err::<PyValueError>(py, &err, "bad marshal data (unknown type code)");
        assert_eq!(
            err.value(py).to_string(),
            "bad marshal data (unknown type code)"
        );
        let truncated = dumps(PyBytes::new(py, b"hello").as_any(), VERSION).unwrap();
        let err = loads(py, &truncated.as_bytes()[..3]).unwrap_err();
        common::assert_err::<PyEOFError>(py, &err, "marshal data too short");
    });
}
