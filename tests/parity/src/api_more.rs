//! Rust-side API calls beyond `extract.rs`/`std_more.rs`: containers changed while Rust
//! iterates them, keyword dictionaries of several forms, interning, `PyBytes::new_with`,
//! encoded strings, set and dict helpers. Calls in `cases_more.py`.

use super::*;
use extract::fmt;
use pyo3::types::{IntoPyDict, PyBytes, PyList, PySet, PyString};
use std::collections::HashMap;

fn catch<R: std::fmt::Debug>(f: impl FnOnce() -> R) -> String {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => format!("OK {v:?}"),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            format!("PANIC {msg}")
        }
    }
}

#[pyfunction]
pub fn api3(py: Python<'_>, which: &str, obj: &Bound<'_, PyAny>) -> String {
    match which {
        "dict_grow_while_iter" => {
            let d = obj.cast::<PyDict>().unwrap().clone();
            catch(|| {
                let mut n = 0;
                for (k, _) in d.iter() {
                    n += 1;
                    d.set_item(format!("new{n}"), 0).unwrap();
                    let _ = k;
                    if n > 5 {
                        break;
                    }
                }
                n
            })
        }
        "dict_shrink_while_iter" => {
            let d = obj.cast::<PyDict>().unwrap().clone();
            catch(|| {
                let mut seen = vec![];
                for (k, _) in d.iter() {
                    seen.push(k.to_string());
                    if let Some(key) = d.keys().iter().last() {
                        d.del_item(key).unwrap();
                    }
                }
                seen
            })
        }
        "dict_replace_while_iter" => {
            let d = obj.cast::<PyDict>().unwrap().clone();
            catch(|| {
                let mut seen = vec![];
                for (k, _) in d.iter() {
                    seen.push(k.to_string());
                    if seen.len() == 1 {
                        d.del_item(&k).unwrap();
                        d.set_item("other", 1).unwrap();
                    }
                }
                seen
            })
        }
        "set_grow_while_iter" => {
            let s = obj.cast::<PySet>().unwrap().clone();
            catch(|| {
                let mut n = 0;
                for _ in s.iter() {
                    n += 1;
                    s.add(1000 + n).unwrap();
                    if n > 5 {
                        break;
                    }
                }
                n
            })
        }
        "list_shrink_while_iter" => {
            let l = obj.cast::<PyList>().unwrap().clone();
            catch(|| {
                let mut seen = vec![];
                for x in l.iter() {
                    seen.push(x.to_string());
                    let _ = l.del_item(0);
                }
                seen
            })
        }
        "list_grow_while_iter" => {
            let l = obj.cast::<PyList>().unwrap().clone();
            catch(|| {
                let mut seen = vec![];
                for x in l.iter() {
                    seen.push(x.to_string());
                    if seen.len() < 10 {
                        l.append(0).unwrap();
                    }
                }
                seen
            })
        }
        "kwargs_forms" => {
            let f = obj;
            let a = f.call((), Some(&[("x", 1)].into_py_dict(py).unwrap()));
            let b = f.call(
                (),
                Some(&HashMap::from([("y", "s")]).into_py_dict(py).unwrap()),
            );
            let c = f.call(
                (),
                Some(&vec![(1, 2)].into_py_dict(py).unwrap()),
            );
            format!("{} | {} | {}", fmt(a), fmt(b), fmt(c))
        }
        "intern" => {
            let a = pyo3::intern!(py, "interned_name");
            let b = PyString::intern(py, "interned_name");
            let c = PyString::new(py, "interned_name");
            format!("{} {}", a.is(&b), a.is(&c))
        }
        "bytes_new_with" => {
            let ok = PyBytes::new_with(py, 3, |b| {
                b.copy_from_slice(b"abc");
                Ok(())
            })
            .map(|b| b.as_bytes().to_vec());
            let err = PyBytes::new_with(py, 3, |_| {
                Err(pyo3::exceptions::PyValueError::new_err("init failed"))
            })
            .map(|b| b.as_bytes().to_vec());
            let zeroed = PyBytes::new_with(py, 2, |_| Ok(())).map(|b| b.as_bytes().to_vec());
            format!("{} | {} | {}", fmt(ok), fmt(err), fmt(zeroed))
        }
        "from_encoded" => {
            let r = PyString::from_encoded_object(obj, Some(c"utf-8"), Some(c"strict"));
            fmt(r.map(|s| s.to_string()))
        }
        "from_encoded_ascii" => {
            let r = PyString::from_encoded_object(obj, Some(c"ascii"), None);
            fmt(r.map(|s| s.to_string()))
        }
        "set_pop" => {
            let s = obj.cast::<PySet>().unwrap();
            format!("{:?} {:?}", s.pop().map(|v| v.to_string()), s.pop().map(|v| v.to_string()))
        }
        "set_discard" => fmt(obj.cast::<PySet>().unwrap().discard(PyList::empty(py))),
        "dict_from_seq" => fmt(PyDict::from_sequence(obj).map(|d| d.to_string())),
        "dict_setdefault" => {
            let d = obj.cast::<PyDict>().unwrap();
            let r = d
                .call_method1("setdefault", ("k", 5))
                .map(|v| v.to_string());
            format!("{} {}", fmt(r), d)
        }
        "dict_keys_order" => {
            let d = obj.cast::<PyDict>().unwrap();
            format!("{} {} {}", d.keys(), d.values(), d.items())
        }
        _ => "unknown".into(),
    }
}

#[pyfunction]
pub fn modapi(py: Python<'_>, which: &str) -> String {
    use pyo3::types::{PyModule, PyModuleMethods};
    match which {
        "from_code" => fmt(PyModule::from_code(
            py,
            c"X = 1\ndef f():\n    return X + 1\n",
            c"made.py",
            c"made",
        )
        .and_then(|m| {
            Ok(format!(
                "{} {} {:?} {}",
                m.name()?,
                m.filename()?,
                m.getattr("__file__")?.to_string(),
                m.getattr("f")?.call0()?
            ))
        })),
        "from_code_syntax" => fmt(
            PyModule::from_code(py, c"def (:\n", c"bad.py", c"bad").map(|_| ()),
        ),
        "from_code_raises" => fmt(
            PyModule::from_code(py, c"raise KeyError('at import')", c"r.py", c"r").map(|_| ()),
        ),
        "new_dotted" => {
            let m = PyModule::new(py, "a.b.c").unwrap();
            format!("{} {}", fmt(m.name().map(|n| n.to_string())), fmt(m.filename().map(|n| n.to_string())))
        }
        "index" => {
            let m = PyModule::new(py, "idx").unwrap();
            m.add("A", 1).unwrap();
            m.add("B", 2).unwrap();
            format!("{} {}", m.index().unwrap(), fmt(m.getattr("__all__").map(|a| a.to_string())))
        }
        "add_twice" => {
            let m = PyModule::new(py, "twice").unwrap();
            m.add("A", 1).unwrap();
            let r = m.add("A", 2);
            format!("{} {}", fmt(r), m.getattr("A").unwrap())
        }
        "submodule" => {
            let parent = PyModule::new(py, "parent").unwrap();
            let child = PyModule::new(py, "child").unwrap();
            parent.add_submodule(&child).unwrap();
            format!(
                "{} {} {}",
                parent.getattr("child").unwrap().getattr("__name__").unwrap(),
                parent.index().unwrap(),
                py.import("sys").unwrap().getattr("modules").unwrap().contains("parent.child").unwrap()
            )
        }
        "import_attr_err" => fmt(py.import("os").and_then(|m| m.getattr("no_such_attr")).map(|_| ())),
        "dict_keys" => {
            let m = PyModule::new(py, "dk").unwrap();
            let mut keys: Vec<String> = m.dict().keys().iter().map(|k| k.to_string()).collect();
            keys.sort();
            format!("{keys:?}")
        }
        _ => "unknown".into(),
    }
}
