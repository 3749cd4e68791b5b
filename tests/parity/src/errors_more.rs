//! Exceptions, panics and borrow conflicts: `create_exception!`/`import_exception!` types,
//! `PyErr`'s `Debug`/`Display`, panics in slots, getters and constructors, and borrow errors
//! of `&mut self` methods re-entered from Python. Calls in `cases_more.py`.

use super::*;
use pyo3::exceptions::{PyException, PyValueError};

pyo3::create_exception!(errmod, PlainError, PyException);
pyo3::create_exception!(
    errmod.sub,
    DeepError,
    PyValueError,
    "A documented error."
);
pyo3::import_exception!(json, JSONDecodeError);

#[pyfunction]
pub fn err2(py: Python<'_>, which: u32) -> PyResult<String> {
    Ok(match which {
        0 => format!("{:?}", PlainError::new_err("p")),
        1 => format!("{}", DeepError::new_err(("a", 2))),
        2 => {
            let e = py
                .import("json")?
                .call_method1("loads", ("{",))
                .unwrap_err();
            format!(
                "{} {}",
                e.is_instance_of::<JSONDecodeError>(py),
                e.get_type(py).qualname()?
            )
        }
        3 => return Err(JSONDecodeError::new_err(("msg", "doc", 1))),
        4 => format!("{:?}", PyValueError::new_err(())),
        5 => format!("{:?}", PyValueError::new_err(5)),
        6 => {
            let e = PyValueError::new_err("x");
            let _ = e.value(py);
            format!("{:?}", e)
        }
        7 => {
            let e = py.run(c"raise KeyError('k')", None, None).unwrap_err();
            format!("{:?}", e.traceback(py).is_some())
        }
        8 => {
            let t = PyErr::new_type(
                py,
                c"errmod.Custom",
                Some(c"Custom docs."),
                Some(&py.get_type::<PyException>()),
                None,
            )?;
            let b = t.bind(py);
            format!(
                "{} {} {:?} {}",
                b.name()?,
                b.qualname()?,
                b.getattr("__module__")?.to_string(),
                b.getattr("__doc__")?
            )
        }
        9 => format!("{}", PyErr::from_type(py.get_type::<PyValueError>(), "from_type")),
        10 => {
            let e: PyErr = std::io::Error::other("boxed io").into();
            format!("{} | {:?}", e, e.get_type(py).name()?.to_string())
        }
        11 => {
            let e = PyValueError::new_err("cloned");
            let c = e.clone_ref(py);
            format!("{} {}", c, c.value(py).is(e.value(py)))
        }
        _ => "none".into(),
    })
}

#[pyclass]
pub struct Panics {
    which: u32,
}

#[pymethods]
impl Panics {
    #[new]
    fn new(which: u32) -> Self {
        if which == 99 {
            panic!("in new");
        }
        Panics { which }
    }
    #[getter]
    fn g(&self) -> i64 {
        if self.which == 1 {
            panic!("in getter");
        }
        1
    }
    fn __repr__(&self) -> String {
        if self.which == 2 {
            panic!("in repr");
        }
        "Panics".into()
    }
    fn __len__(&self) -> usize {
        if self.which == 3 {
            std::panic::panic_any(7u8)
        }
        0
    }
    fn __richcmp__(&self, _other: i64, _op: pyo3::basic::CompareOp) -> bool {
        panic!("in richcmp")
    }
}

#[pyclass]
pub struct Reentrant {
    #[pyo3(get)]
    n: i64,
}

#[pymethods]
impl Reentrant {
    #[new]
    fn new() -> Self {
        Reentrant { n: 0 }
    }
    fn call_back(&mut self, f: &Bound<'_, PyAny>) -> PyResult<i64> {
        self.n += 1;
        f.call0()?;
        Ok(self.n)
    }
    fn read(&self) -> i64 {
        self.n
    }
    fn read_then_call(&self, f: &Bound<'_, PyAny>) -> PyResult<i64> {
        f.call0()?;
        Ok(self.n)
    }
    fn bump(&mut self) {
        self.n += 1;
    }
}

#[pyclass(frozen)]
pub struct Frozen2 {
    #[pyo3(get)]
    v: i64,
}

#[pymethods]
impl Frozen2 {
    #[new]
    fn new(v: i64) -> PyResult<Self> {
        if v < 0 {
            Err(PyValueError::new_err("negative"))
        } else {
            Ok(Frozen2 { v })
        }
    }
}

pub fn register(m: &Bound<'_, pyo3::types::PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(err2, m)?)?;
    m.add_class::<Panics>()?;
    m.add_class::<Reentrant>()?;
    m.add_class::<Frozen2>()?;
    m.add("PlainError", py.get_type::<PlainError>())?;
    m.add("DeepError", py.get_type::<DeepError>())?;
    Ok(())
}
