#![cfg(feature = "auto-initialize")]
//! PyAnyMethods and the minimal native types.

mod common;

use std::cmp::Ordering;

use pyo3::exceptions::{PyAttributeError, PyKeyError, PyTypeError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyBool, PyDict, PyIterator, PyList, PyNone, PyString, PyTuple, PyType};

fn ev<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
    py.eval(code, None, None).unwrap()
}

#[test]
fn attributes() {
    Python::attach(|py| {
        let ns = ev(py, c"type('NS', (), {})()");
        assert!(!ns.hasattr("a").unwrap());
        ns.setattr("a", "value").unwrap();
        assert!(ns.hasattr("a").unwrap());
        assert_eq!(ns.getattr("a").unwrap().str().unwrap(), "value");
        assert_eq!(
            ns.getattr_opt("a").unwrap().unwrap().str().unwrap(),
            "value"
        );
        assert!(ns.getattr_opt("b").unwrap().is_none());
        ns.delattr("a").unwrap();
        let err = ns.getattr("a").unwrap_err();
        common::assert_err::<PyAttributeError>(py, &err, "'NS' object has no attribute 'a'");
        assert_eq!(
            err.to_string(),
            "AttributeError: 'NS' object has no attribute 'a'"
        );
        common::assert_result_err::<pyo3::exceptions::PyAttributeError, _>(
            py,
            ns.delattr("a"),
            // "a" before Python 3.11.
            &common::python_message(py, c"class NS: pass\ndelattr(NS(), 'a')"),
        );
        // getattr_opt propagates errors other than AttributeError.
        let bad = ev(py, c"type('Bad', (), {'__getattr__': lambda s, n: 1/0})()");
        assert!(bad
            .getattr_opt("x")
            .unwrap_err()
            .is_instance_of::<PyZeroDivisionError>(py));
        common::assert_result_err::<pyo3::exceptions::PyZeroDivisionError, _>(
            py,
            bad.hasattr("x"),
            "division by zero",
        );
        let interned = pyo3::intern!(py, "__class__");
        assert!(ns.getattr(interned).is_ok());
    });
}

#[test]
fn comparisons() {
    Python::attach(|py| {
        let one = ev(py, c"1");
        let two = ev(py, c"2");
        assert!(one.lt(&two).unwrap());
        assert!(one.le(&two).unwrap());
        assert!(!one.eq(&two).unwrap());
        assert!(one.ne(&two).unwrap());
        assert!(two.gt(&one).unwrap());
        assert!(two.ge(&one).unwrap());
        assert_eq!(one.compare(&two).unwrap(), Ordering::Less);
        assert_eq!(two.compare(&one).unwrap(), Ordering::Greater);
        assert_eq!(one.compare(&one).unwrap(), Ordering::Equal);
        let nan = ev(py, c"float('nan')");
        let err = nan.compare(ev(py, c"float('nan')")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: PyAny::compare(): All comparisons returned false"
        );
        let err = one.compare("x").unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'<' not supported between instances of 'int' and 'str'",
        );
        let r = one.rich_compare(&two, CompareOp::Lt).unwrap();
        assert!(r.is_truthy().unwrap());
        assert!(one.eq(ev(py, c"1.0")).unwrap());
    });
}

#[test]
fn arithmetic() {
    Python::attach(|py| {
        let a = ev(py, c"7");
        let b = ev(py, c"2");
        let s = |x: PyResult<Bound<'_, PyAny>>| x.unwrap().str().unwrap().to_string();
        assert_eq!(s(a.add(&b)), "9");
        assert_eq!(s(a.sub(&b)), "5");
        assert_eq!(s(a.mul(&b)), "14");
        assert_eq!(s(a.div(&b)), "3.5");
        assert_eq!(s(a.floor_div(&b)), "3");
        assert_eq!(s(a.rem(&b)), "1");
        assert_eq!(s(a.divmod(&b)), "(3, 1)");
        assert_eq!(s(a.lshift(&b)), "28");
        assert_eq!(s(a.rshift(&b)), "1");
        assert_eq!(s(a.bitand(&b)), "2");
        assert_eq!(s(a.bitor(&b)), "7");
        assert_eq!(s(a.bitxor(&b)), "5");
        assert_eq!(s(a.pow(&b, py.None())), "49");
        assert_eq!(s(a.pow(&b, ev(py, c"5"))), "4");
        assert_eq!(s(a.neg()), "-7");
        assert_eq!(s(a.pos()), "7");
        assert_eq!(s(a.neg().unwrap().abs()), "7");
        assert_eq!(s(a.bitnot()), "-8");
        let err = a.div(ev(py, c"0")).unwrap_err();
        common::assert_err::<PyZeroDivisionError>(py, &err, "division by zero");
        assert!(a.add("x").unwrap_err().is_instance_of::<PyTypeError>(py));
        let m = ev(py, c"type('M', (), {'__matmul__': lambda s, o: 'mm'})()");
        assert_eq!(s(m.matmul(&a)), "mm");
    });
}

#[test]
fn calls() {
    Python::attach(|py| {
        let f = ev(py, c"lambda *a, **k: (a, k)");
        assert!(f.is_callable());
        assert!(!ev(py, c"1").is_callable());
        assert_eq!(f.call0().unwrap().repr().unwrap(), "((), {})");
        assert_eq!(f.call1(("x",)).unwrap().repr().unwrap(), "(('x',), {})");
        assert_eq!(
            f.call1(("x", "y", true)).unwrap().repr().unwrap(),
            "(('x', 'y', True), {})"
        );
        let kwargs = PyDict::new(py);
        kwargs.set_item("k", "v").unwrap();
        assert_eq!(
            f.call(("x",), Some(&kwargs)).unwrap().repr().unwrap(),
            "(('x',), {'k': 'v'})"
        );
        assert_eq!(
            f.call((), Some(&kwargs)).unwrap().repr().unwrap(),
            "((), {'k': 'v'})"
        );
        assert_eq!(f.call((), None).unwrap().repr().unwrap(), "((), {})");
        let t = PyTuple::new(py, ["p", "q"]).unwrap();
        assert_eq!(f.call1(&t).unwrap().repr().unwrap(), "(('p', 'q'), {})");
        assert_eq!(
            f.call(t.clone(), Some(&kwargs)).unwrap().repr().unwrap(),
            "(('p', 'q'), {'k': 'v'})"
        );
        let unbound: Py<PyTuple> = t.clone().unbind();
        assert_eq!(
            f.call1(&unbound).unwrap().repr().unwrap(),
            "(('p', 'q'), {})"
        );
        assert_eq!(
            f.call1(unbound).unwrap().repr().unwrap(),
            "(('p', 'q'), {})"
        );
        let many = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        assert_eq!(
            f.call1(many)
                .unwrap()
                .get_item(ev(py, c"0"))
                .unwrap()
                .len()
                .unwrap(),
            12
        );

        let s = PyString::new(py, "a-b-c");
        assert_eq!(
            s.call_method1("split", ("-",)).unwrap().repr().unwrap(),
            "['a', 'b', 'c']"
        );
        assert_eq!(s.call_method0("upper").unwrap().str().unwrap(), "A-B-C");
        let kw = PyDict::new(py);
        kw.set_item("maxsplit", ev(py, c"1")).unwrap();
        assert_eq!(
            s.call_method("split", ("-",), Some(&kw))
                .unwrap()
                .repr()
                .unwrap(),
            "['a', 'b-c']"
        );
        let err = s.call_method0("nope").unwrap_err();
        common::assert_err::<PyAttributeError>(py, &err, "'str' object has no attribute 'nope'");
        let err = ev(py, c"1").call0().unwrap_err();
        assert_eq!(err.to_string(), "TypeError: 'int' object is not callable");
    });
}

#[test]
fn items_len_iter_contains() {
    Python::attach(|py| {
        let d = PyDict::new(py);
        d.as_any().set_item("k", "v").unwrap();
        assert_eq!(d.as_any().get_item("k").unwrap().str().unwrap(), "v");
        assert_eq!(d.as_any().len().unwrap(), 1);
        assert!(!d.as_any().is_empty().unwrap());
        assert!(d.as_any().contains("k").unwrap());
        d.as_any().del_item("k").unwrap();
        let err = d.as_any().get_item("k").unwrap_err();
        common::assert_err::<PyKeyError>(py, &err, "'k'");
        assert!(d.as_any().is_empty().unwrap());
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            ev(py, c"1").len(),
            "object of type 'int' has no len()",
        );

        let list = ev(py, c"['a', 'b']");
        let items: Vec<String> = list
            .try_iter()
            .unwrap()
            .map(|x| x.unwrap().extract::<String>().unwrap())
            .collect();
        assert_eq!(items, ["a", "b"]);
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            ev(py, c"1").try_iter(),
            "'int' object is not iterable",
        );
        let it = list.try_iter().unwrap();
        assert!(it.cast::<PyIterator>().is_ok());
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            list.cast::<PyIterator>(),
            "'list' object is not an instance of 'Iterator'",
        );
        assert_eq!(
            list.cast::<PyIterator>().unwrap_err().to_string(),
            "'list' object is not an instance of 'Iterator'"
        );
        let gen = ev(py, c"(1/x for x in [1, 0])");
        let results: Vec<PyResult<Bound<'_, PyAny>>> = gen.try_iter().unwrap().collect();
        assert!(results[0].is_ok());
        assert!(results[1]
            .as_ref()
            .unwrap_err()
            .is_instance_of::<PyZeroDivisionError>(py));
    });
}

#[test]
fn type_and_instance_checks() {
    Python::attach(|py| {
        let s = PyString::new(py, "x");
        let ty = s.get_type();
        assert_eq!(ty.name().unwrap(), "str");
        assert_eq!(ty.qualname().unwrap(), "str");
        assert_eq!(ty.module().unwrap(), "builtins");
        assert_eq!(ty.fully_qualified_name().unwrap(), "str");
        assert_eq!(s.get_type_ptr(), ty.as_type_ptr());
        assert!(s.is_instance_of::<PyString>());
        assert!(s.is_exact_instance_of::<PyString>());
        assert!(!s.is_instance_of::<PyDict>());
        assert!(s.is_instance(ty.as_any()).unwrap());
        assert!(s.is_exact_instance(ty.as_any()));
        let sub = ev(py, c"type('Sub', (str,), {})('y')");
        assert!(sub.is_instance_of::<PyString>());
        assert!(!sub.is_exact_instance_of::<PyString>());
        assert!(!sub.is_exact_instance(ty.as_any()));
        let subty = sub.get_type();
        assert!(subty.is_subclass_of::<PyString>().unwrap());
        assert!(subty.is_subclass(ty.as_any()).unwrap());
        assert_eq!(subty.mro().len(), 3);
        assert_eq!(subty.bases().repr().unwrap(), "(<class 'str'>,)");
        let nested = ev(py, c"__import__('collections').OrderedDict");
        let nested = nested.cast::<PyType>().unwrap();
        assert_eq!(
            nested.fully_qualified_name().unwrap(),
            "collections.OrderedDict"
        );
        assert!(ev(py, c"None").is_none());
        assert!(ev(py, c"None").is_instance_of::<PyNone>());
        assert!(ev(py, c"True").is_instance_of::<PyBool>());
        let list = ev(py, c"[]");
        assert!(list.cast::<PyList>().is_ok());
        assert!(list.dir().unwrap().as_any().contains("append").unwrap());
    });
}

#[test]
fn repr_str_hash_truthy_refcnt() {
    Python::attach(|py| {
        let s = PyString::new(py, "abc");
        assert_eq!(s.repr().unwrap(), "'abc'");
        assert_eq!(s.str().unwrap(), "abc");
        let h = s.hash().unwrap();
        let h2: isize = ev(py, c"hash('abc')")
            .str()
            .unwrap()
            .to_cow()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(h, h2);
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            ev(py, c"[]").hash(),
            "unhashable type: 'list'",
        );
        assert!(!ev(py, c"[]").is_truthy().unwrap());
        assert!(ev(py, c"[0]").is_truthy().unwrap());
        let l = ev(py, c"[1]");
        assert_eq!(l.get_refcnt(), 1);
        // A clone is a second reference to the same object, not a copy.
        let l2 = l.clone();
        assert_eq!(l.get_refcnt(), 2);
        assert!(l.is(&l2));
        drop(l2);
        assert_eq!(l.get_refcnt(), 1);
        assert!(!l.is(ev(py, c"[1]")));
    });
}

#[test]
fn py_super() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(c"class A:\n    def who(self):\n        return 'A'\nclass B(A):\n    def who(self):\n        return 'B'\nb = B()", Some(&globals), None).unwrap();
        let b = globals.get_item("b").unwrap().unwrap();
        assert_eq!(b.call_method0("who").unwrap().str().unwrap(), "B");
        let sup = b.py_super().unwrap();
        assert_eq!(sup.call_method0("who").unwrap().str().unwrap(), "A");
    });
}

#[test]
fn strings() {
    Python::attach(|py| {
        let s = PyString::new(py, "héllo");
        assert_eq!(s.to_cow().unwrap(), "héllo");
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        assert_eq!(s.to_str().unwrap(), "héllo");
        assert_eq!(s.to_string_lossy(), "héllo");
        assert!(s == "héllo");
        assert!("héllo" == s);
        let i1 = PyString::intern(py, "interned_key");
        let i2 = PyString::intern(py, "interned_key");
        assert!(i1.is(&i2));
        let surrogate = ev(py, c"'a\\ud800b'");
        let surrogate = surrogate.cast::<PyString>().unwrap();
        common::assert_result_err::<pyo3::exceptions::PyUnicodeEncodeError, _>(
            py,
            surrogate.to_cow(),
            "'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed",
        );
        assert_eq!(surrogate.to_string_lossy(), "a\u{fffd}\u{fffd}\u{fffd}b");
        let extracted: String = s.extract().unwrap();
        assert_eq!(extracted, "héllo");
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            let borrowed: &str = s.extract().unwrap();
            assert_eq!(borrowed, "héllo");
        }
        let c: char = PyString::new(py, "z").extract().unwrap();
        assert_eq!(c, 'z');
        common::assert_result_err::<pyo3::exceptions::PyValueError, _>(
            py,
            PyString::new(py, "zz").extract::<char>(),
            "expected a string of length 1",
        );
        let err = ev(py, c"1").extract::<String>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'int' object is not an instance of 'str'"
        );
    });
}

#[test]
fn tuples_and_dicts() {
    Python::attach(|py| {
        let t = PyTuple::new(py, ["a", "b", "c"]).unwrap();
        assert_eq!(t.len(), 3);
        assert!(!t.is_empty());
        assert_eq!(t.get_item(1).unwrap().str().unwrap(), "b");
        common::assert_result_err::<pyo3::exceptions::PyIndexError, _>(
            py,
            t.get_item(5),
            "tuple index out of range",
        );
        assert_eq!(t.get_borrowed_item(2).unwrap().str().unwrap(), "c");
        let v: Vec<String> = t.iter().map(|x| x.extract().unwrap()).collect();
        assert_eq!(v, ["a", "b", "c"]);
        let rev: Vec<String> = t.iter().rev().map(|x| x.extract().unwrap()).collect();
        assert_eq!(rev, ["c", "b", "a"]);
        assert_eq!(t.iter().len(), 3);
        assert!(PyTuple::empty(py).is_empty());
        let (a, b): (String, bool) = ("x", true).into_pyobject(py).unwrap().extract().unwrap();
        assert_eq!((a.as_str(), b), ("x", true));
        let err = t.extract::<(String, String)>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: expected tuple of length 2, but got tuple of length 3"
        );
        PyTuple::empty(py).extract::<()>().unwrap();

        let d = PyDict::new(py);
        assert!(d.is_empty());
        d.set_item("a", "1").unwrap();
        d.set_item("b", true).unwrap();
        assert_eq!(d.len(), 2);
        assert!(d.contains("a").unwrap());
        assert_eq!(d.get_item("a").unwrap().unwrap().str().unwrap(), "1");
        assert!(d.get_item("zz").unwrap().is_none());
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            d.get_item(ev(py, c"[]")),
            // 3.14 names the role ("as a dict key"): Python's own message for the same lookup.
            &common::python_message(py, c"{}.get([])"),
        );
        let copy = d.copy().unwrap();
        d.del_item("a").unwrap();
        assert_eq!(copy.len(), 2);
        d.clear();
        assert!(d.is_empty());
    });
}

#[test]
fn bool_and_none() {
    Python::attach(|py| {
        assert!(PyBool::new(py, true).is_true());
        assert!(!PyBool::new(py, false).is_true());
        let t: bool = ev(py, c"True").extract().unwrap();
        assert!(t);
        common::assert_result_err::<pyo3::exceptions::PyTypeError, _>(
            py,
            ev(py, c"1").extract::<bool>(),
            "'int' object is not an instance of 'bool'",
        );
        assert!(PyNone::get(py).is_none());
        let none: Option<String> = ev(py, c"None").extract().unwrap();
        assert!(none.is_none());
        let some: Option<String> = ev(py, c"'s'").extract().unwrap();
        assert_eq!(some.as_deref(), Some("s"));
        let o: Option<&str> = None;
        assert!(o.into_pyobject(py).unwrap().is_none());
    });
}
