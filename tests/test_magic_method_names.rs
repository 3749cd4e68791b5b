//! Which methods become type slots, and the halves of paired slots: as in PyO3, the Python
//! name decides (`#[pyo3(name = "__len__")]` on any method fills `__len__`; a magic method
//! renamed to a plain name is a plain method), and a descriptor with only `__set__` or only
//! `__delete__` refuses the other operation with `NotImplementedError`.
#![cfg(feature = "macros")]

use pyo3::prelude::*;
use pyo3::py_run;

#[pyclass]
struct Named {
    n: usize,
}

#[pymethods]
impl Named {
    /// Fills the `__len__` slot.
    #[pyo3(name = "__len__")]
    fn length(&self) -> usize {
        self.n
    }

    /// A plain method `digest`, not the `__hash__` slot.
    #[pyo3(name = "digest")]
    fn __hash__(&self) -> u64 {
        5
    }
}

#[test]
fn the_python_name_decides_the_slot() {
    Python::attach(|py| {
        let obj = Py::new(py, Named { n: 3 }).unwrap();
        py_run!(
            py,
            obj,
            r#"
assert len(obj) == 3
assert not hasattr(obj, 'length')
assert obj.digest() == 5
assert hash(obj) != 5  # the default identity hash
"#
        );
    });
}

#[pyclass]
struct SetOnly;

#[pymethods]
impl SetOnly {
    fn __get__(&self, _obj: Option<&Bound<'_, PyAny>>, _owner: Option<&Bound<'_, PyAny>>) -> i64 {
        1
    }
    fn __set__(&self, _obj: &Bound<'_, PyAny>, _value: i64) {}
}

#[pyclass]
struct DeleteOnly;

#[pymethods]
impl DeleteOnly {
    fn __get__(&self, _obj: Option<&Bound<'_, PyAny>>, _owner: Option<&Bound<'_, PyAny>>) -> i64 {
        2
    }
    fn __delete__(&self, _obj: &Bound<'_, PyAny>) {}
}

#[test]
fn a_descriptor_refuses_its_missing_half() {
    Python::attach(|py| {
        let s = Py::new(py, SetOnly).unwrap();
        let d = Py::new(py, DeleteOnly).unwrap();
        py_run!(
            py,
            s d,
            r#"
Owner = type('Owner', (), {'a': s, 'b': d})
o = Owner()
assert o.a == 1 and o.b == 2
o.a = 5
del o.b
for name, value, message in [('a', None, "can't delete descriptor"),
                             ('b', 1, "can't set descriptor")]:
    try:
        if value is None:
            delattr(o, name)
        else:
            setattr(o, name, value)
        raise AssertionError(message)
    except NotImplementedError as e:
        assert str(e) == message, str(e)
"#
        );
    });
}
