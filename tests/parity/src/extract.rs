//! Conversions and the Rust-side API: `extract`/`cast` of the std types, derived
//! `FromPyObject`, Rust values into Python, `std` error conversions, bad-input calls.

use super::*;

pub fn fmt<T: std::fmt::Debug, E: Into<PyErr>>(r: Result<T, E>) -> String {
    match r {
        Ok(v) => format!("OK {:?}", v),
        Err(e) => {
            let e: PyErr = e.into();
            format!("ERR {}", e)
        }
    }
}

#[pyfunction]
pub fn ext(py: Python<'_>, kind: &str, obj: &Bound<'_, PyAny>) -> String {
    use std::collections::{BTreeMap, HashMap, HashSet};
    match kind {
        "i64" => fmt(obj.extract::<i64>()),
        "u8" => fmt(obj.extract::<u8>()),
        "i32" => fmt(obj.extract::<i32>()),
        "u64" => fmt(obj.extract::<u64>()),
        "usize" => fmt(obj.extract::<usize>()),
        "f64" => fmt(obj.extract::<f64>()),
        "f32" => fmt(obj.extract::<f32>()),
        "bool" => fmt(obj.extract::<bool>()),
        "char" => fmt(obj.extract::<char>()),
        "String" => fmt(obj.extract::<String>()),
        "str" => fmt(obj
            .extract::<pyo3::pybacked::PyBackedStr>()
            .map(|s| s.to_string())),
        "bytes" => fmt(obj.extract::<Vec<u8>>()),
        "Vec" => fmt(obj.extract::<Vec<i64>>()),
        "HashMap" => fmt(obj.extract::<HashMap<String, i64>>()),
        "BTreeMap" => fmt(obj.extract::<BTreeMap<i64, i64>>()),
        "HashSet" => fmt(obj.extract::<HashSet<i64>>()),
        "tuple2" => fmt(obj.extract::<(i64, i64)>()),
        "array3" => fmt(obj.extract::<[i64; 3]>()),
        "Option" => fmt(obj.extract::<Option<i64>>()),
        "PathBuf" => fmt(obj.extract::<std::path::PathBuf>()),
        "PyRef" => fmt(obj.extract::<PyRef<'_, C>>().map(|c| c.field)),
        "PyRefMut" => fmt(obj.extract::<PyRefMut<'_, C>>().map(|c| c.field)),
        "cast_list" => fmt(obj.cast::<pyo3::types::PyList>().map(|l| l.len())),
        "cast_dict" => fmt(obj.cast::<PyDict>().map(|l| l.len())),
        "cast_C" => fmt(obj.cast::<C>().map(|_| ())),
        "cast_exact" => fmt(obj.cast_exact::<pyo3::types::PyInt>().map(|_| ())),
        "borrow_twice" => {
            let c = obj.cast::<C>().unwrap();
            let _a = c.borrow();
            let r1 = fmt(c.try_borrow_mut().map(|_| ()));
            drop(_a);
            let _b = c.borrow_mut();
            let r2 = fmt(c.try_borrow().map(|_| ()));
            format!("{r1} | {r2}")
        }
        "call_kw" => fmt(obj.call((1,), Some(&[("zz", 1)].into_py_dict(py).unwrap()))),
        "getattr" => fmt(obj.getattr("nope")),
        "getitem" => fmt(obj.get_item(99)),
        "len" => fmt(obj.len()),
        "iter" => fmt(obj.try_iter().map(|_| ())),
        "hash" => fmt(obj.hash()),
        "int" => fmt(obj.call_method0("bit_length")),
        "compare" => fmt(obj.compare(1)),
        "lt" => fmt(obj.lt(1)),
        "import" => fmt(py.import("no_such_module_xyz").map(|_| ())),
        "eval" => fmt(py.eval(c"1/0", None, None)),
        "run" => fmt(py.run(c"raise KeyError('k')", None, None)),
        "pyerr_display" => {
            let e = pyo3::exceptions::PyValueError::new_err(("a", 1));
            format!("{} / {:?}", e, e)
        }
        "pyerr_none" => {
            let e = pyo3::exceptions::PyValueError::new_err(());
            format!("[{}]", e)
        }
        _ => "unknown".into(),
    }
}

pyo3::create_exception!(mymod, MyError, pyo3::exceptions::PyValueError, "Some docs.");

#[pyfunction]
pub fn conv(py: Python<'_>, which: u32) -> PyResult<Py<PyAny>> {
    use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
    let o: Bound<'_, PyAny> = match which {
        0 => vec![1u8, 2].into_pyobject(py)?.into_any(),
        1 => (&[1u8, 2][..]).into_pyobject(py)?.into_any(),
        2 => [1u8, 2].into_pyobject(py)?.into_any(),
        3 => vec![1i32, 2].into_pyobject(py)?.into_any(),
        4 => (1, "a", 2.5, true, None::<i32>, Some(3))
            .into_pyobject(py)?
            .into_any(),
        5 => HashMap::from([(1, "x")]).into_pyobject(py)?.into_any(),
        6 => BTreeMap::from([(1, vec![1])]).into_pyobject(py)?.into_any(),
        7 => HashSet::from([1]).into_pyobject(py)?.into_any(),
        8 => BTreeSet::from(["a"]).into_pyobject(py)?.into_any(),
        9 => 'c'.into_pyobject(py)?.into_any(),
        10 => std::path::PathBuf::from("/tmp/x")
            .into_pyobject(py)?
            .into_any(),
        11 => std::ffi::OsString::from("os").into_pyobject(py)?.into_any(),
        12 => std::borrow::Cow::<[u8]>::Borrowed(b"cow")
            .into_pyobject(py)?
            .into_any(),
        13 => u128::MAX.into_pyobject(py)?.into_any(),
        14 => i128::MIN.into_pyobject(py)?.into_any(),
        15 => std::time::Duration::from_millis(1500)
            .into_pyobject(py)?
            .into_any(),
        16 => f32::NAN.into_pyobject(py)?.into_any(),
        17 => std::num::NonZeroU32::new(5)
            .unwrap()
            .into_pyobject(py)?
            .into_any(),
        18 => ().into_pyobject(py)?.into_any(),
        19 => std::net::Ipv4Addr::new(1, 2, 3, 4)
            .into_pyobject(py)?
            .into_any(),
        20 => MyError::new_err("bad")
            .into_value(py)
            .into_bound(py)
            .into_any(),
        21 => py.get_type::<MyError>().into_any(),
        22 => std::time::SystemTime::UNIX_EPOCH
            .into_pyobject(py)?
            .into_any(),
        23 => vec![vec![1u8]].into_pyobject(py)?.into_any(),
        24 => (vec![1u8], [2u8; 2]).into_pyobject(py)?.into_any(),
        25 => std::sync::Arc::new(5i32).into_pyobject(py)?.into_any(),
        26 => {
            let boxed: Box<str> = "boxed".into();
            boxed.into_pyobject(py)?.into_any()
        }
        _ => py.None().into_bound(py),
    };
    Ok(o.unbind())
}

#[derive(FromPyObject, Debug)]
pub struct Point {
    x: i64,
    #[pyo3(item)]
    y: i64,
}

#[derive(FromPyObject, Debug)]
pub enum Shape {
    Int(i64),
    Pair(i64, i64),
    Named {
        name: String,
    },
    #[pyo3(transparent)]
    Text(String),
}

#[derive(FromPyObject, Debug)]
#[pyo3(transparent)]
pub struct Wrapper(Vec<u8>);

#[derive(FromPyObject, Debug)]
pub struct TupleStruct(i64, String);

#[derive(FromPyObject, Debug)]
pub struct WithAttrs {
    #[pyo3(attribute("real"))]
    re: f64,
    #[pyo3(item("k"), default)]
    k: Option<i64>,
}

#[derive(FromPyObject, Debug)]
pub struct Defaults {
    #[pyo3(attribute("a"), default)]
    a: Option<i64>,
    #[pyo3(item("k"), default)]
    k: Option<i64>,
    #[pyo3(attribute("b"))]
    b: i64,
}

#[pyfunction]
pub fn derive(kind: &str, obj: &Bound<'_, PyAny>) -> String {
    match kind {
        "Point" => fmt(obj.extract::<Point>()),
        "Shape" => fmt(obj.extract::<Shape>()),
        "Wrapper" => fmt(obj.extract::<Wrapper>()),
        "TupleStruct" => fmt(obj.extract::<TupleStruct>()),
        "WithAttrs" => fmt(obj.extract::<WithAttrs>()),
        "Defaults" => fmt(obj.extract::<Defaults>()),
        _ => "unknown".into(),
    }
}

#[pyfunction]
pub fn take_n(n: PyRef<'_, N>, m: PyRefMut<'_, C>, d: &Bound<'_, PyDict>) -> i64 {
    n.v + m.field + d.len() as i64
}

#[pyfunction]
pub fn std_err(py: Python<'_>, which: u32) -> String {
    use std::io::{Error, ErrorKind};
    let e: PyErr = match which {
        0 => Error::new(ErrorKind::NotFound, "nf").into(),
        1 => Error::new(ErrorKind::PermissionDenied, "pd").into(),
        2 => Error::new(ErrorKind::Interrupted, "int").into(),
        3 => Error::new(ErrorKind::Other, "other").into(),
        4 => Error::new(ErrorKind::TimedOut, "to").into(),
        5 => Error::new(ErrorKind::WouldBlock, "wb").into(),
        6 => Error::new(ErrorKind::BrokenPipe, "bp").into(),
        7 => Error::new(ErrorKind::ConnectionRefused, "cr").into(),
        8 => Error::new(ErrorKind::AlreadyExists, "ae").into(),
        9 => "x".parse::<i32>().unwrap_err().into(),
        10 => "x".parse::<f64>().unwrap_err().into(),
        11 => "x".parse::<bool>().unwrap_err().into(),
        12 => u8::try_from(300i32).unwrap_err().into(),
        13 => String::from_utf8(vec![0xff]).unwrap_err().into(),
        15 => std::ffi::CString::new("a\0b").unwrap_err().into(),
        16 => "x".parse::<std::net::IpAddr>().unwrap_err().into(),
        17 => "xy".parse::<char>().unwrap_err().into(),
        19 => Error::new(ErrorKind::InvalidInput, "ii").into(),
        20 => Error::from_raw_os_error(2).into(),
        21 => {
            let inner: PyErr = pyo3::exceptions::PyKeyError::new_err("k");
            let io: Error = inner.into();
            io.into()
        }
        _ => return "none".into(),
    };
    let ty = e.get_type(py);
    format!(
        "{}.{} | {} | args={}",
        ty.module().map(|m| m.to_string()).unwrap_or_default(),
        ty.qualname().unwrap(),
        e,
        e.value(py)
            .getattr("args")
            .map(|a| a.repr().unwrap().to_string())
            .unwrap_or_default()
    )
}

#[pyfunction]
pub fn fmt_obj(obj: &Bound<'_, PyAny>) -> String {
    format!("[{}] [{:?}]", obj, obj)
}

#[pyfunction]
pub fn api(py: Python<'_>, which: &str, obj: &Bound<'_, PyAny>) -> String {
    use pyo3::types::{PyList, PySequence, PyString, PyTuple};
    match which {
        "list_get" => fmt(obj.cast::<PyList>().unwrap().get_item(10).map(|_| ())),
        "list_set" => fmt(obj.cast::<PyList>().unwrap().set_item(10, 1)),
        "list_del" => fmt(obj.cast::<PyList>().unwrap().del_item(10)),
        "list_insert" => fmt(obj
            .cast::<PyList>()
            .unwrap()
            .insert(100, 1)
            .map(|_| obj.len().unwrap())),
        "tuple_get" => fmt(obj.cast::<PyTuple>().unwrap().get_item(10).map(|_| ())),
        "dict_get" => fmt(obj
            .cast::<PyDict>()
            .unwrap()
            .get_item(PyList::empty(py))
            .map(|_| ())),
        "dict_set" => fmt(obj.cast::<PyDict>().unwrap().set_item(PyList::empty(py), 1)),
        "dict_del" => fmt(obj.cast::<PyDict>().unwrap().del_item("missing")),
        "dict_contains" => fmt(obj.cast::<PyDict>().unwrap().contains(PyList::empty(py))),
        "seq_cast" => fmt(obj.cast::<PySequence>().map(|_| ())),
        "seq_get" => fmt(obj.cast::<PySequence>().unwrap().get_item(10).map(|_| ())),
        "call_method" => fmt(obj.call_method1("nope", (1,))),
        "str_to_str" => fmt(obj
            .cast::<PyString>()
            .unwrap()
            .to_str()
            .map(|s| s.to_owned())),
        "str_lossy" => obj
            .cast::<PyString>()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
        "str_cow" => fmt(obj
            .cast::<PyString>()
            .unwrap()
            .to_cow()
            .map(|s| s.into_owned())),
        "bool" => fmt(obj.extract::<bool>()),
        "f64" => fmt(obj.extract::<f64>()),
        "i64" => fmt(obj.extract::<i64>()),
        "is_truthy" => fmt(obj.is_truthy()),
        "iter_next" => fmt(obj
            .try_iter()
            .and_then(|mut i| i.next().transpose())
            .map(|x| x.map(|x| x.to_string()))),
        "setattr" => fmt(obj.setattr("x", 1)),
        "delattr" => fmt(obj.delattr("x")),
        "set_item" => fmt(obj.set_item(0, 1)),
        "del_item" => fmt(obj.del_item(0)),
        "contains" => fmt(obj.contains(1)),
        "index" => fmt(obj.cast::<PyList>().unwrap().index(99)),
        "richcmp" => fmt(obj
            .rich_compare(1, pyo3::basic::CompareOp::Lt)
            .map(|o| o.to_string())),
        "repr_err" => fmt(obj.repr().map(|s| s.to_string())),
        "str_err" => fmt(obj.str().map(|s| s.to_string())),
        "hash" => fmt(obj.hash()),
        "get_type_name" => fmt(obj.get_type().name().map(|n| n.to_string())),
        "qualname" => fmt(obj.get_type().qualname().map(|n| n.to_string())),
        "fully_qualified" => fmt(obj.get_type().fully_qualified_name().map(|n| n.to_string())),
        "module" => fmt(obj.get_type().module().map(|n| n.to_string())),
        _ => "unknown".into(),
    }
}
