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
