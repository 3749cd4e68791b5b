//! Less common `std` conversions both ways, error values built from Rust, and native-type
//! API calls on bad input (the `ext2` and `api2` functions; calls in `cases_more.py`).

use super::*;
use extract::fmt;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};

#[pyfunction]
pub fn ext2(kind: &str, obj: &Bound<'_, PyAny>) -> String {
    match kind {
        "i128" => fmt(obj.extract::<i128>()),
        "u128" => fmt(obj.extract::<u128>()),
        "u16" => fmt(obj.extract::<u16>()),
        "isize" => fmt(obj.extract::<isize>()),
        "NonZeroU32" => fmt(obj.extract::<std::num::NonZeroU32>()),
        "NonZeroI8" => fmt(obj.extract::<std::num::NonZeroI8>()),
        "Duration" => fmt(obj.extract::<std::time::Duration>()),
        "SystemTime" => fmt(obj
            .extract::<std::time::SystemTime>()
            .map(|t| t.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()))),
        "IpAddr" => fmt(obj.extract::<std::net::IpAddr>()),
        "OsString" => fmt(obj.extract::<std::ffi::OsString>()),
        "CowBytes" => fmt(obj.extract::<Cow<'_, [u8]>>()),
        "CowStr" => fmt(obj.extract::<Cow<'_, str>>()),
        "PyBackedBytes" => fmt(obj
            .extract::<pyo3::pybacked::PyBackedBytes>()
            .map(|b| b.to_vec())),
        "VecString" => fmt(obj.extract::<Vec<String>>()),
        "VecU8" => fmt(obj.extract::<Vec<u8>>()),
        "tuple1" => fmt(obj.extract::<(i64,)>()),
        "nested_tuple" => fmt(obj.extract::<(i64, (String, f64))>()),
        "OptionVec" => fmt(obj.extract::<Option<Vec<i64>>>()),
        "MapOfVec" => fmt(obj.extract::<HashMap<i64, Vec<String>>>()),
        "BTreeSet" => fmt(obj.extract::<BTreeSet<String>>()),
        "HashSet" => fmt(obj.extract::<HashSet<i64>>()),
        "bytes2" => fmt(obj.extract::<[u8; 2]>()),
        "char" => fmt(obj.extract::<char>()),
        "String" => fmt(obj.extract::<String>()),
        "i64" => fmt(obj.extract::<i64>()),
        "f64" => fmt(obj.extract::<f64>()),
        "bool" => fmt(obj.extract::<bool>()),
        "BoundList" => fmt(obj.extract::<Bound<'_, pyo3::types::PyList>>().map(|l| l.len())),
        "PyDict" => fmt(obj.extract::<Py<PyDict>>().map(|_| ())),
        "PyTupleRef" => fmt(obj.extract::<Bound<'_, PyTuple>>().map(|t| t.len())),
        _ => "unknown".into(),
    }
}

#[pyfunction]
pub fn api2(py: Python<'_>, which: &str, obj: &Bound<'_, PyAny>) -> String {
    use pyo3::exceptions::{PyLookupError, PyOSError, PyValueError};
    use pyo3::types::{
        PyByteArray, PyFrozenSet, PyIterator, PyList, PyMapping, PySequence, PySlice,
        PySliceMethods, PyString, PyType, PyWeakrefReference,
    };
    match which {
        "err_from_value" => {
            let e = PyErr::from_value(obj.clone());
            format!("{} | {}", e.get_type(py).name().unwrap(), e)
        }
        "err_os_tuple" => {
            let e = PyOSError::new_err((2, "nf"));
            let v = e.value(py);
            format!(
                "{} | {} | {:?}",
                v.get_type().name().unwrap(),
                e,
                v.getattr("errno").map(|x| x.to_string())
            )
        }
        "err_int_arg" => format!("{}", PyValueError::new_err(5)),
        "err_list_arg" => format!("{}", PyValueError::new_err(vec![1, 2])),
        "err_is_instance" => {
            let e = pyo3::exceptions::PyKeyError::new_err("k");
            format!(
                "{} {} {}",
                e.is_instance_of::<PyLookupError>(py),
                e.is_instance_of::<PyValueError>(py),
                e.matches(py, py.get_type::<PyLookupError>()).unwrap()
            )
        }
        "err_fetch_none" => {
            let e = PyErr::fetch(py);
            format!("{} | {}", e.get_type(py).name().unwrap(), e)
        }
        "err_take_none" => format!("{:?}", PyErr::take(py).map(|e| e.to_string())),
        "err_cause" => {
            let e = PyValueError::new_err("outer");
            e.set_cause(py, Some(pyo3::exceptions::PyKeyError::new_err("inner")));
            format!("{:?}", e.cause(py).map(|c| c.to_string()))
        }
        "err_traceback" => {
            let e = py.run(c"def f():\n    raise ValueError('tb')\nf()", None, None);
            let e = e.unwrap_err();
            let tb = e.traceback(py).map(|t| t.format().map(|s| s.lines().count()));
            format!("{} | {:?}", e, tb)
        }
        "call0" => fmt(obj.call0()),
        "call1" => fmt(obj.call1((1,))),
        "call_method0" => fmt(obj.call_method0("nope")),
        "iter_from" => fmt(PyIterator::from_object(obj).map(|_| ())),
        "len" => fmt(obj.len()),
        "weakref" => fmt(PyWeakrefReference::new(obj).map(|_| ())),
        "mapping_cast" => fmt(obj.cast::<PyMapping>().map(|m| m.len().unwrap_or(0))),
        "sequence_cast" => fmt(obj.cast::<PySequence>().map(|s| s.len().unwrap_or(0))),
        "seq_index" => fmt(obj.cast::<PySequence>().unwrap().index(99)),
        "seq_count" => fmt(obj.cast::<PySequence>().unwrap().count(1)),
        "seq_to_list" => fmt(obj
            .cast::<PySequence>()
            .unwrap()
            .to_list()
            .map(|l| l.len())),
        "mapping_keys" => fmt(obj
            .cast::<PyMapping>()
            .unwrap()
            .keys()
            .map(|k| k.len())),
        "slice_indices" => fmt(PySlice::new(py, 1, 10, 2).indices(5)),
        "slice_indices_neg" => fmt(PySlice::new(py, -1, -10, -3).indices(7)),
        "slice_full" => fmt(PySlice::full(py).indices(3)),
        "bytearray" => fmt(obj
            .cast::<PyByteArray>()
            .map(|b| b.to_vec())),
        "bytearray_from" => fmt(PyByteArray::from(obj).map(|b| b.to_vec())),
        "frozenset" => fmt(PyFrozenSet::new(py, [1, 2]).map(|s| s.len())),
        "str_cow" => fmt(obj
            .cast::<PyString>()
            .map_err(PyErr::from)
            .and_then(|s| s.to_cow().map(|c| c.into_owned()))),
        "str_encode" => fmt(PyString::new(py, "é")
            .encode_utf8()
            .map(|b| b.as_bytes().to_vec())),
        "type_subclass" => fmt(obj
            .cast::<PyType>()
            .map_err(PyErr::from)
            .and_then(|t| t.is_subclass_of::<pyo3::exceptions::PyException>())),
        "type_name" => fmt(obj.get_type().name().map(|n| n.to_string())),
        "is_callable" => format!("{}", obj.is_callable()),
        "is_none" => format!("{}", obj.is_none()),
        "dir_has" => fmt(obj
            .dir()
            .map(|d| d.iter().any(|n| n.to_string() == "__class__"))),
        "getattr_none" => fmt(obj.getattr("__nope__")),
        "setattr_int" => fmt(obj.setattr("real", 5)),
        "list_append" => fmt(obj
            .cast::<PyList>()
            .unwrap()
            .append(1)
            .map(|_| obj.len().unwrap())),
        "list_slice" => format!("{}", obj.cast::<PyList>().unwrap().get_slice(5, 1)),
        "list_sort" => fmt(obj
            .cast::<PyList>()
            .unwrap()
            .sort()
            .map(|_| obj.to_string())),
        "list_reverse" => fmt(obj
            .cast::<PyList>()
            .unwrap()
            .reverse()
            .map(|_| obj.to_string())),
        "list_to_tuple" => format!("{}", obj.cast::<PyList>().unwrap().to_tuple()),
        "tuple_slice" => format!("{}", obj.cast::<PyTuple>().unwrap().get_slice(1, 100)),
        "dict_items" => format!("{}", obj.cast::<PyDict>().unwrap().items()),
        "dict_copy" => fmt(obj.cast::<PyDict>().unwrap().copy().map(|d| d.to_string())),
        "dict_pop" => fmt(obj
            .cast::<PyDict>()
            .unwrap()
            .get_item("zz")
            .map(|v| v.is_some())),
        "py_none_eq" => format!("{}", py.None().is(&py.None())),
        "version" => format!("{}", py.version_info() >= (3, 9)),
        _ => "unknown".into(),
    }
}
