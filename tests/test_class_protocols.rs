#![cfg(feature = "macros")]
//! Protocol slots from Python: `divmod`, in-place power and matmul, the async protocols,
//! `__contains__ = None`, sequence item assignment through `__setitem__`, `__getattribute__`.

mod common;

use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::types::{PySequence, PySequenceMethods};

#[pyclass]
struct Num {
    v: i64,
}

#[pymethods]
impl Num {
    #[new]
    fn new(v: i64) -> Self {
        Num { v }
    }
    fn __repr__(&self) -> String {
        format!("Num({})", self.v)
    }
    fn __divmod__(&self, other: i64) -> (i64, i64) {
        (self.v / other, self.v % other)
    }
    fn __rdivmod__(&self, other: i64) -> (i64, i64) {
        (other / self.v, other % self.v)
    }
    fn __ipow__(&mut self, exp: u32, _modulo: Option<i64>) {
        self.v = self.v.pow(exp);
    }
    fn __imatmul__(&mut self, other: i64) {
        self.v *= other;
    }
}

#[test]
fn numeric_slots() {
    Python::attach(|py| {
        let cls = py.get_type::<Num>();
        py_run!(
            py,
            cls,
            r#"
n = cls(7)
assert divmod(n, 2) == (3, 1)
assert divmod(15, n) == (2, 1)
d = n
n **= 2
assert n is d and repr(n) == 'Num(49)'
n @= 2
assert repr(n) == 'Num(98)'
assert n.__imatmul__('x') is NotImplemented
try:
    n @= 'x'
except TypeError:
    pass
else:
    assert False
"#
        );
    });
}

#[pyclass]
struct NoIn {}

#[pymethods]
impl NoIn {
    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(pyo3::types::PyList::new(py, [1, 2])?
            .as_any()
            .try_iter()?
            .into_any()
            .unbind())
    }

    #[classattr]
    fn __contains__() -> Option<Py<PyAny>> {
        None
    }
}

#[test]
fn contains_set_to_none_disables_in() {
    Python::attach(|py| {
        let o = Py::new(py, NoIn {}).unwrap();
        py_run!(
            py,
            o,
            r#"
assert list(o) == [1, 2]
try:
    1 in o
except TypeError:
    pass
else:
    assert False
"#
        );
    });
}

#[pyclass]
struct Countdown {
    n: u32,
}

#[pymethods]
impl Countdown {
    fn __aiter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __anext__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.n == 0 {
            return Ok(None);
        }
        self.n -= 1;
        // An awaitable giving the value: a finished asyncio future.
        let asyncio = py.import("asyncio")?;
        let fut = asyncio.call_method0("Future")?;
        fut.call_method1("set_result", (self.n,))?;
        Ok(Some(fut.unbind()))
    }
}

#[pyclass]
struct Ready {}

#[pymethods]
impl Ready {
    fn __await__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        // `__await__` returns an iterator; an empty one finishes the await with `None`.
        Ok(pyo3::types::PyList::empty(py)
            .as_any()
            .try_iter()?
            .into_any()
            .unbind())
    }
}

#[test]
fn async_protocols() {
    Python::attach(|py| {
        let c = Py::new(py, Countdown { n: 3 }).unwrap();
        let r = Py::new(py, Ready {}).unwrap();
        py_run!(
            py,
            c r,
            r#"
import asyncio
async def main(c, r):
    assert await r is None
    out = []
    async for v in c:
        out.append(v)
    return out
assert asyncio.run(main(c, r)) == [2, 1, 0]
"#
        );
    });
}

#[pyclass]
struct Items {
    v: Vec<i64>,
}

#[pymethods]
impl Items {
    fn __len__(&self) -> usize {
        self.v.len()
    }
    fn __getitem__(&self, i: usize) -> PyResult<i64> {
        self.v
            .get(i)
            .copied()
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(i))
    }
    fn __setitem__(&mut self, i: usize, x: i64) {
        self.v[i] = x;
    }
    fn __delitem__(&mut self, i: usize) {
        self.v.remove(i);
    }
}

#[test]
fn sequence_item_assignment_goes_through_setitem() {
    Python::attach(|py| {
        PySequence::register::<Items>(py).unwrap();
        let o = Bound::new(py, Items { v: vec![1, 2, 3] }).unwrap();
        let seq = o.as_any().cast::<PySequence>().unwrap();
        seq.set_item(0, 10).unwrap();
        seq.del_item(1).unwrap();
        assert_eq!(o.borrow().v, vec![10, 3]);
    });
}

#[pyclass]
struct OnlyGetattribute {
    #[pyo3(get)]
    x: u32,
}

#[pymethods]
impl OnlyGetattribute {
    fn __getattribute__(&self, name: &str) -> PyResult<u32> {
        if name == "x" {
            Ok(self.x + 1)
        } else {
            Err(PyAttributeError::new_err("internal detail"))
        }
    }
}

#[test]
fn getattribute_error_names_the_attribute() {
    Python::attach(|py| {
        let o = Py::new(py, OnlyGetattribute { x: 1 }).unwrap();
        py_run!(
            py,
            o,
            r#"
assert o.x == 2
try:
    o.missing
except AttributeError as e:
    assert str(e) == 'missing', str(e)
else:
    assert False
"#
        );
    });
}

/// One half of each paired slot: `__setattr__` without `__delattr__`, `__delitem__` without
/// `__setitem__`. The missing half refuses with PyO3's messages; there is no fallback to the
/// generic attribute or item assignment.
#[pyclass]
struct HalfSlots {
    #[pyo3(get)]
    last: String,
}

#[pymethods]
impl HalfSlots {
    fn __setattr__(&mut self, name: String, value: i64) {
        self.last = format!("{name}={value}");
    }
    fn __delitem__(&mut self, key: i64) {
        self.last = format!("del [{key}]");
    }
}

#[test]
fn missing_halves_of_paired_slots() {
    use pyo3::exceptions::PyNotImplementedError;
    Python::attach(|py| {
        let h = Bound::new(
            py,
            HalfSlots {
                last: String::new(),
            },
        )
        .unwrap();
        py_run!(
            py,
            h,
            "h.x = 1; assert h.last == 'x=1'; del h[3]; assert h.last == 'del [3]'"
        );
        let locals = pyo3::types::PyDict::new(py);
        locals.set_item("h", &h).unwrap();
        let no_del = "can't delete attribute";
        common::assert_py_raises::<PyAttributeError>(py, &locals, c"del h.x", no_del);
        common::assert_py_raises::<PyAttributeError>(py, &locals, c"del h.last", no_del);
        common::assert_py_raises::<PyNotImplementedError>(
            py,
            &locals,
            c"h[0] = 1",
            "can't set item",
        );
    });
}
