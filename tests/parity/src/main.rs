//! PyO3 parity probe: one source, built once against this workspace and once against
//! `pyo3 = "=0.30.1"` (see `scripts/parity.sh`). It defines functions, classes and enums of
//! the common shapes, then runs `cases.py`, which calls them with good and bad input and
//! prints one line per call: the result, or the exception type and message. Two builds that
//! behave the same print the same lines (object addresses aside).
#![allow(clippy::all)]

use pyo3::prelude::*;

#[cfg(feature = "full")]
mod optional;

#[cfg(feature = "full")]
mod asyncs;
use pyo3::types::{IntoPyDict, PyDict, PyTuple};

#[pyfunction]
fn one(a: i64) -> i64 {
    a
}
#[pyfunction]
#[pyo3(signature = (a, b = 1))]
fn two(a: i64, b: i64) -> i64 {
    a + b
}
#[pyfunction]
#[pyo3(signature = (a, /, b, *, c))]
fn mixed(a: i64, b: i64, c: i64) -> i64 {
    a + b + c
}
#[pyfunction]
#[pyo3(signature = (a, *args, **kwargs))]
fn var(a: i64, args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> usize {
    a as usize + args.len() + kwargs.map_or(0, |k| k.len())
}
#[pyfunction]
fn strs(s: &str, v: Vec<i64>, t: (i64, String), o: Option<f64>) -> usize {
    s.len() + v.len() + t.1.len() + o.map_or(0, |_| 1)
}
#[pyfunction]
fn noargs() {}
#[pyfunction]
#[pyo3(signature = (*, k))]
fn kwonly(k: i64) -> i64 {
    k
}
#[pyfunction]
fn three(a: i64, b: i64, c: i64) -> i64 {
    a + b + c
}
#[pyfunction]
fn small(x: u8, y: i32, z: usize) -> usize {
    x as usize + y as usize + z
}
#[pyfunction]
fn boolf(b: bool, c: char) -> bool {
    b || c == 'x'
}

fn fmt<T: std::fmt::Debug, E: Into<PyErr>>(r: Result<T, E>) -> String {
    match r {
        Ok(v) => format!("OK {:?}", v),
        Err(e) => {
            let e: PyErr = e.into();
            format!("ERR {}", e)
        }
    }
}

#[pyfunction]
fn ext(py: Python<'_>, kind: &str, obj: &Bound<'_, PyAny>) -> String {
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
fn conv(py: Python<'_>, which: u32) -> PyResult<Py<PyAny>> {
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

#[pyfunction]
fn panicker() {
    panic!("boom here")
}

#[pyclass]
struct C {
    #[pyo3(get, set)]
    field: i64,
    #[pyo3(get)]
    ro: i64,
    v: i64,
}

#[pymethods]
impl C {
    #[new]
    fn new(field: i64) -> Self {
        C { field, ro: 0, v: 0 }
    }
    #[getter]
    fn get_v(&self) -> i64 {
        self.v
    }
    #[setter]
    fn set_v(&mut self, v: i64) {
        self.v = v;
    }
    #[setter]
    fn set_wo(&mut self, v: i64) {
        self.v = v;
    }
    fn bump(&mut self, x: i64) {
        self.v += x;
    }
    #[staticmethod]
    fn st(x: i64) -> i64 {
        x
    }
    #[classmethod]
    fn cm(_cls: &Bound<'_, pyo3::types::PyType>, x: i64) -> i64 {
        x
    }
    fn __getitem__(&self, i: i64) -> i64 {
        i
    }
    fn __len__(&self) -> usize {
        3
    }
    fn __add__(&self, o: i64) -> i64 {
        o
    }
    fn __richcmp__(&self, other: i64, op: pyo3::basic::CompareOp) -> bool {
        let _ = op;
        other == 0
    }
}

#[pyclass]
struct D {
    x: i64,
}

#[pymethods]
impl D {
    #[new]
    fn new() -> Self {
        D { x: 1 }
    }
    #[getter(x)]
    fn get_x(&self) -> i64 {
        self.x
    }
    #[deleter(x)]
    fn del_x(&mut self) {
        self.x = 0;
    }
    fn __setitem__(&mut self, k: i64, v: i64) {
        self.x = k + v;
    }
    fn __delitem__(&mut self, k: i64) {
        self.x = k;
    }
    fn __call__(&self, a: i64) -> i64 {
        a
    }
    fn __hash__(&self) -> isize {
        -1
    }
    fn __len__(&self) -> usize {
        usize::MAX
    }
    fn __bool__(&self) -> PyResult<bool> {
        Err(pyo3::exceptions::PyValueError::new_err("no bool"))
    }
}

#[pyclass(frozen)]
struct F {
    #[pyo3(get)]
    x: i64,
}

#[pyclass]
struct NoNew {}

#[pyclass(eq, eq_int)]
#[derive(PartialEq, Clone)]
enum E {
    A,
    B,
}

#[pyclass]
enum CE {
    S { x: i64 },
    T(i64, String),
}

/// Numeric, container and attribute protocols, partially defined.
#[pyclass]
struct N {
    v: i64,
}

#[pymethods]
impl N {
    #[new]
    fn new(v: i64) -> Self {
        N { v }
    }
    fn __add__(&self, o: i64) -> i64 {
        self.v + o
    }
    fn __radd__(&self, o: i64) -> i64 {
        o + self.v
    }
    fn __iadd__(&mut self, o: i64) {
        self.v += o;
    }
    fn __pow__(&self, e: u32, m: Option<i64>) -> i64 {
        let r = self.v.pow(e);
        m.map_or(r, |m| r % m)
    }
    fn __neg__(&self) -> i64 {
        -self.v
    }
    fn __truediv__(&self, o: i64) -> PyResult<f64> {
        if o == 0 {
            Err(pyo3::exceptions::PyZeroDivisionError::new_err(
                "division by zero",
            ))
        } else {
            Ok(self.v as f64 / o as f64)
        }
    }
    fn __getitem__(&self, i: isize) -> PyResult<i64> {
        if i < 0 || i >= 3 {
            Err(pyo3::exceptions::PyIndexError::new_err(
                "N index out of range",
            ))
        } else {
            Ok(self.v + i as i64)
        }
    }
    fn __contains__(&self, x: i64) -> bool {
        x == self.v
    }
    fn __setattr__(&mut self, name: &str, value: i64) -> PyResult<()> {
        if name == "v" {
            self.v = value;
            Ok(())
        } else {
            Err(pyo3::exceptions::PyAttributeError::new_err(format!(
                "no {name}"
            )))
        }
    }
    fn __getattr__(&self, name: &str) -> PyResult<String> {
        if name.starts_with("dyn_") {
            Ok(name.to_uppercase())
        } else {
            Err(pyo3::exceptions::PyAttributeError::new_err(
                name.to_string(),
            ))
        }
    }
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self) -> Option<i64> {
        if self.v > 0 {
            self.v -= 1;
            Some(self.v)
        } else {
            None
        }
    }
    fn __call__(&self, a: i64, b: Option<&str>) -> String {
        format!("{a}{b:?}")
    }
}

/// The other halves: `__delattr__` and `__setitem__` alone.
#[pyclass]
struct O {}

#[pymethods]
impl O {
    #[new]
    fn new() -> Self {
        O {}
    }
    fn __delattr__(&mut self, name: &str) -> PyResult<()> {
        Err(pyo3::exceptions::PyAttributeError::new_err(format!(
            "del {name}"
        )))
    }
    fn __setitem__(&mut self, k: i64, v: i64) {
        let _ = (k, v);
    }
}

/// `__delitem__` and `__setattr__` alone.
#[pyclass]
struct Q {
    #[pyo3(get, set)]
    p: i64,
}

#[pymethods]
impl Q {
    #[new]
    fn new() -> Self {
        Q { p: 0 }
    }
    fn __delitem__(&mut self, k: i64) {
        self.p = k;
    }
    fn __setattr__(&mut self, name: &str, v: i64) {
        let _ = name;
        self.p = v;
    }
}

#[derive(FromPyObject, Debug)]
struct Point {
    x: i64,
    #[pyo3(item)]
    y: i64,
}

#[derive(FromPyObject, Debug)]
enum Shape {
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
struct Wrapper(Vec<u8>);

#[derive(FromPyObject, Debug)]
struct TupleStruct(i64, String);

#[derive(FromPyObject, Debug)]
struct WithAttrs {
    #[pyo3(attribute("real"))]
    re: f64,
    #[pyo3(item("k"), default)]
    k: Option<i64>,
}

#[derive(FromPyObject, Debug)]
struct Defaults {
    #[pyo3(attribute("a"), default)]
    a: Option<i64>,
    #[pyo3(item("k"), default)]
    k: Option<i64>,
    #[pyo3(attribute("b"))]
    b: i64,
}

#[pyfunction]
fn derive(kind: &str, obj: &Bound<'_, PyAny>) -> String {
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
fn take_n(n: PyRef<'_, N>, m: PyRefMut<'_, C>, d: &Bound<'_, PyDict>) -> i64 {
    n.v + m.field + d.len() as i64
}

/// Ordering, hashing and `str` from Rust traits; a subclassable base; an exception subclass.
#[pyclass(eq, ord, hash, str, frozen, subclass)]
#[derive(PartialEq, PartialOrd, Hash)]
struct Ord3 {
    #[pyo3(get)]
    v: i64,
}

impl std::fmt::Display for Ord3 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ord3<{}>", self.v)
    }
}

#[pymethods]
impl Ord3 {
    #[new]
    fn new(v: i64) -> Self {
        Ord3 { v }
    }
    #[classattr]
    fn zero() -> i64 {
        0
    }
}

#[pyclass(extends = pyo3::exceptions::PyException)]
struct RichError {
    #[pyo3(get)]
    code: i32,
}

#[pymethods]
impl RichError {
    #[new]
    fn new(code: i32) -> Self {
        RichError { code }
    }
}

#[pyclass(
    get_all,
    set_all,
    rename_all = "camelCase",
    name = "Renamed",
    module = "mymod"
)]
struct SnakeCase {
    some_field: i64,
    other_field: String,
}

#[pymethods]
impl SnakeCase {
    #[new]
    #[pyo3(signature = (some_field = 1, other_field = String::from("o")))]
    fn new(some_field: i64, other_field: String) -> Self {
        SnakeCase {
            some_field,
            other_field,
        }
    }
    /// Does a thing.
    #[pyo3(text_signature = "(self, x)")]
    fn thing(&self, x: i64) -> i64 {
        x
    }
    /// Documented method.
    fn documented(&self, a: i64, b: Option<i64>) -> i64 {
        a + b.unwrap_or(0)
    }
}

#[pyfunction]
fn std_err(py: Python<'_>, which: u32) -> String {
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
fn fmt_obj(obj: &Bound<'_, PyAny>) -> String {
    format!("[{}] [{:?}]", obj, obj)
}

#[pyfunction]
fn api(py: Python<'_>, which: &str, obj: &Bound<'_, PyAny>) -> String {
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

/// Panics everywhere a panic can meet Python: a function with a non-string payload, a slot,
/// a destructor.
#[pyfunction]
fn panic_any_payload(which: u32) {
    match which {
        0 => std::panic::panic_any(42i32),
        1 => std::panic::panic_any(String::from("owned")),
        _ => panic!("formatted {}", which),
    }
}

#[pyclass]
struct Panicky {}

#[pymethods]
impl Panicky {
    #[new]
    fn new() -> Self {
        Panicky {}
    }
    fn __repr__(&self) -> String {
        panic!("repr panicked")
    }
    fn __len__(&self) -> usize {
        panic!("len panicked")
    }
}

#[pyclass]
struct DropPanics {}

impl Drop for DropPanics {
    fn drop(&mut self) {
        panic!("drop panicked")
    }
}

#[pymethods]
impl DropPanics {
    #[new]
    fn new() -> Self {
        DropPanics {}
    }
}

#[pyfunction]
fn chained(py: Python<'_>) -> PyResult<()> {
    let inner = pyo3::exceptions::PyKeyError::new_err("inner");
    let outer = pyo3::exceptions::PyRuntimeError::new_err("outer");
    outer.set_cause(py, Some(inner));
    Err(outer)
}

/// A declarative module with a submodule, a class, a function, a constant and an init hook.
#[pymodule]
mod decl {
    use pyo3::prelude::*;

    #[pymodule_export]
    const ANSWER: i64 = 42;

    #[pyfunction]
    fn inside(x: i64) -> i64 {
        x
    }

    #[pyclass]
    struct Inner {}

    #[pymodule]
    mod sub {
        use pyo3::prelude::*;

        #[pyfunction]
        fn deep() -> &'static str {
            "deep"
        }
    }

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("added", "by init")
    }
}

/// A function-form module with a renamed function and a submodule added by hand.
#[pymodule]
#[pyo3(name = "funcmod")]
fn func_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    #[pyfunction]
    #[pyo3(name = "renamed")]
    fn original() -> i64 {
        1
    }
    m.add_function(wrap_pyfunction!(original, m)?)?;
    let child = PyModule::new(m.py(), "child")?;
    child.add("value", 3)?;
    m.add_submodule(&child)?;
    m.add_class::<Ord3>()?;
    Ok(())
}

/// Interleaved item kinds, for the order of `__all__`.
#[pymodule]
mod order {
    use pyo3::prelude::*;

    #[pymodule_export]
    const A1: i64 = 1;

    #[pyfunction]
    fn f1() {}

    #[pymodule_export]
    use super::one;

    #[pymodule_export]
    const A2: i64 = 2;

    #[pyclass]
    struct C1 {}

    #[pymodule]
    mod s1 {}

    #[pymodule_export]
    use super::Ord3;

    #[pyfunction]
    fn f2() {}
}

/// `eq` without `hash`, a sequence class, a mapping class, a class with `dict` and `weakref`,
/// an unsendable one, a subclassable base with a Rust subclass.
#[pyclass(eq)]
#[derive(PartialEq)]
struct EqOnly {
    v: i64,
}

#[pymethods]
impl EqOnly {
    #[new]
    fn new(v: i64) -> Self {
        EqOnly { v }
    }
}

#[pyclass(sequence)]
struct Seq {
    items: Vec<i64>,
}

#[pymethods]
impl Seq {
    #[new]
    fn new(items: Vec<i64>) -> Self {
        Seq { items }
    }
    fn __len__(&self) -> usize {
        self.items.len()
    }
    fn __getitem__(&self, i: isize) -> PyResult<i64> {
        let n = self.items.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            Err(pyo3::exceptions::PyIndexError::new_err(
                "Seq index out of range",
            ))
        } else {
            Ok(self.items[j as usize])
        }
    }
}

#[pyclass(mapping)]
struct Map {}

#[pymethods]
impl Map {
    #[new]
    fn new() -> Self {
        Map {}
    }
    fn __len__(&self) -> usize {
        1
    }
    fn __getitem__(&self, k: &str) -> PyResult<i64> {
        if k == "a" {
            Ok(1)
        } else {
            Err(pyo3::exceptions::PyKeyError::new_err(k.to_string()))
        }
    }
}

#[pyclass(dict, weakref, subclass)]
struct Base2 {
    #[pyo3(get)]
    b: i64,
}

#[pymethods]
impl Base2 {
    #[new]
    fn new(b: i64) -> Self {
        Base2 { b }
    }
    fn who(&self) -> &'static str {
        "base"
    }
}

#[pyclass(extends = Base2, subclass)]
struct Sub2 {
    #[pyo3(get)]
    s: i64,
}

#[pymethods]
impl Sub2 {
    #[new]
    fn new(b: i64, s: i64) -> (Self, Base2) {
        (Sub2 { s }, Base2 { b })
    }
    fn who(&self) -> &'static str {
        "sub"
    }
    fn base_b(slf: PyRef<'_, Self>) -> i64 {
        slf.as_super().b
    }
}

fn main() {
    Python::attach(|py| {
        let m = pyo3::types::PyModule::new(py, "m").unwrap();
        for f in [
            wrap_pyfunction!(one, &m).unwrap(),
            wrap_pyfunction!(two, &m).unwrap(),
            wrap_pyfunction!(mixed, &m).unwrap(),
            wrap_pyfunction!(var, &m).unwrap(),
            wrap_pyfunction!(strs, &m).unwrap(),
            wrap_pyfunction!(noargs, &m).unwrap(),
            wrap_pyfunction!(kwonly, &m).unwrap(),
            wrap_pyfunction!(three, &m).unwrap(),
            wrap_pyfunction!(small, &m).unwrap(),
            wrap_pyfunction!(boolf, &m).unwrap(),
            wrap_pyfunction!(ext, &m).unwrap(),
            wrap_pyfunction!(panicker, &m).unwrap(),
            wrap_pyfunction!(conv, &m).unwrap(),
            wrap_pyfunction!(derive, &m).unwrap(),
            wrap_pyfunction!(take_n, &m).unwrap(),
            wrap_pyfunction!(std_err, &m).unwrap(),
            wrap_pyfunction!(fmt_obj, &m).unwrap(),
            wrap_pyfunction!(api, &m).unwrap(),
            wrap_pyfunction!(panic_any_payload, &m).unwrap(),
            wrap_pyfunction!(chained, &m).unwrap(),
        ] {
            m.add_function(f).unwrap();
        }
        m.add_class::<C>().unwrap();
        m.add_class::<F>().unwrap();
        m.add_class::<D>().unwrap();
        m.add_class::<N>().unwrap();
        m.add_class::<O>().unwrap();
        m.add_class::<Q>().unwrap();
        m.add_class::<Ord3>().unwrap();
        m.add_class::<RichError>().unwrap();
        m.add_class::<SnakeCase>().unwrap();
        m.add_class::<Panicky>().unwrap();
        m.add_class::<EqOnly>().unwrap();
        m.add_class::<Seq>().unwrap();
        m.add_class::<Map>().unwrap();
        m.add_class::<Base2>().unwrap();
        m.add_class::<Sub2>().unwrap();
        m.add_class::<DropPanics>().unwrap();
        m.add_class::<NoNew>().unwrap();
        m.add_class::<E>().unwrap();
        m.add_class::<CE>().unwrap();
        m.add("MyError", py.get_type::<MyError>()).unwrap();
        m.add("decl", pyo3::wrap_pymodule!(decl)(py)).unwrap();
        m.add("order", pyo3::wrap_pymodule!(order)(py)).unwrap();
        m.add("funcmod", pyo3::wrap_pymodule!(func_module)(py))
            .unwrap();
        let g = PyDict::new(py);
        g.set_item("m", &m).unwrap();
        #[cfg(feature = "full")]
        {
            m.add_function(wrap_pyfunction!(optional::to_py, &m).unwrap())
                .unwrap();
            m.add_function(wrap_pyfunction!(optional::from_py, &m).unwrap())
                .unwrap();
            asyncs::register(&m).unwrap();
        }
        // Each argument is a file of calls, run in order in the same globals.
        for cases in std::env::args().skip(1) {
            g.set_item("__cases_path", cases).unwrap();
            py.run(c"exec(open(__cases_path).read())", Some(&g), None)
                .unwrap();
        }
    });
}
