//! One type deriving `FromPyObject`, `IntoPyObject` and `IntoPyObjectRef` together: the
//! `#[pyo3(...)]` options of both derives share the helper attribute, so each derive must
//! accept the other's (`from_py_with` / `into_py_with` on one field, `from_item_all` on the
//! struct) and use only its own.
#![cfg(all(feature = "macros", feature = "auto-initialize"))]

mod common;

use std::borrow::Cow;

use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3::IntoPyObjectExt;

/// Stored in Python as a string such as `"21C"`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Celsius(i64);

fn celsius_into_py<'py>(value: Cow<'_, Celsius>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    format!("{}C", value.0).into_bound_py_any(py)
}

fn celsius_from_py(obj: &Bound<'_, PyAny>) -> PyResult<Celsius> {
    let text: String = obj.extract()?;
    text.strip_suffix('C')
        .and_then(|digits| digits.parse().ok())
        .map(Celsius)
        .ok_or_else(|| PyValueError::new_err(format!("not a temperature: {text:?}")))
}

#[derive(Debug, PartialEq, FromPyObject, IntoPyObject, IntoPyObjectRef)]
#[pyo3(rename_all = "camelCase", from_item_all)]
struct Reading {
    #[pyo3(into_py_with = celsius_into_py, from_py_with = celsius_from_py)]
    temperature: Celsius,
    sensor_name: String,
}

fn sample() -> Reading {
    Reading {
        temperature: Celsius(21),
        sensor_name: "attic".to_owned(),
    }
}

#[test]
fn into_python_uses_into_py_with_and_item_keys() {
    Python::attach(|py| {
        let dict: Bound<'_, PyDict> = sample().into_pyobject(py).unwrap();
        assert_eq!(dict.len(), 2);
        let temperature: String = dict
            .get_item("temperature")
            .unwrap()
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(temperature, "21C");
        let name: String = dict
            .get_item("sensorName")
            .unwrap()
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(name, "attic");

        // By reference: the converter gets a borrowed `Cow`, the value stays usable.
        let reading = sample();
        let dict = (&reading).into_pyobject(py).unwrap();
        let temperature: String = dict
            .get_item("temperature")
            .unwrap()
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(temperature, "21C");
        assert_eq!(reading, sample());
    });
}

#[test]
fn roundtrip_through_python() {
    Python::attach(|py| {
        let obj = sample().into_pyobject(py).unwrap();
        let back: Reading = obj.extract().unwrap();
        assert_eq!(back, sample());

        // `from_item_all` reads every field by key, `rename_all` applies to the keys.
        let dict = PyDict::new(py);
        dict.set_item("temperature", "-3C").unwrap();
        dict.set_item("sensorName", "cellar").unwrap();
        let read: Reading = dict.extract().unwrap();
        assert_eq!(
            read,
            Reading {
                temperature: Celsius(-3),
                sensor_name: "cellar".to_owned()
            }
        );
    });
}

#[test]
fn extraction_errors_name_the_field() {
    Python::attach(|py| {
        // The `from_py_with` converter's error becomes the cause of a TypeError naming the field.
        let dict = PyDict::new(py);
        dict.set_item("temperature", "hot").unwrap();
        dict.set_item("sensorName", "attic").unwrap();
        let err = dict.extract::<Reading>().unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "failed to extract field Reading.temperature");
        let cause = err.cause(py).expect("the converter's error is the cause");
        common::assert_err::<PyValueError>(py, &cause, "not a temperature: \"hot\"");

        // A missing key is the mapping's own KeyError.
        let dict = PyDict::new(py);
        dict.set_item("temperature", "1C").unwrap();
        let err = dict.extract::<Reading>().unwrap_err();
        common::assert_err::<PyKeyError>(py, &err, "'sensorName'");
    });
}
