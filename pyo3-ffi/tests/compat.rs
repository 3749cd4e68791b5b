//! Behaviour and reference-count checks of the `pyo3_ffi::compat` shims against a real
//! interpreter (run once per supported Python version).
#![cfg(not(any(PyPy, GraalPy)))]

use pyo3_ffi::compat;
use pyo3_ffi::*;
use std::ffi::{c_char, CStr};
use std::ptr::null_mut;

mod common;
use common::with_gil;

unsafe fn take_error(expected: *mut PyObject) {
    assert!(!PyErr_Occurred().is_null(), "expected an exception");
    assert!(
        PyErr_ExceptionMatches(expected) != 0,
        "unexpected exception type"
    );
    PyErr_Clear();
}

unsafe fn s(text: &CStr) -> *mut PyObject {
    let obj = PyUnicode_FromString(text.as_ptr());
    assert!(!obj.is_null());
    obj
}

#[cfg(not(Py_LIMITED_API))]
unsafe fn bytes_of(obj: *mut PyObject) -> Vec<u8> {
    let data = PyBytes_AsString(obj);
    assert!(!data.is_null());
    std::slice::from_raw_parts(data.cast::<u8>(), PyBytes_Size(obj) as usize).to_vec()
}

#[test]
fn new_ref() {
    with_gil(|| unsafe {
        let obj = PyList_New(0);
        let before = Py_REFCNT(obj);
        assert_eq!(compat::Py_NewRef(obj), obj);
        assert_eq!(Py_REFCNT(obj), before + 1);
        assert_eq!(compat::Py_XNewRef(obj), obj);
        assert_eq!(Py_REFCNT(obj), before + 2);
        assert!(compat::Py_XNewRef(null_mut()).is_null());
        Py_DECREF(obj);
        Py_DECREF(obj);
        assert_eq!(Py_REFCNT(obj), before);
        Py_DECREF(obj);
    })
}

#[test]
fn call_no_args() {
    with_gil(|| unsafe {
        let list_type = std::ptr::addr_of_mut!(PyList_Type).cast::<PyObject>();
        let list = compat::PyObject_CallNoArgs(list_type);
        assert!(!list.is_null());
        assert_eq!(PyList_Size(list), 0);
        assert_eq!(PyList_Append(list, Py_None()), 0);
        let name = s(c"copy");
        let copy = compat::PyObject_CallMethodNoArgs(list, name);
        assert!(!copy.is_null() && copy != list);
        assert_eq!(PyList_Size(copy), 1);
        assert_eq!(Py_REFCNT(copy), 1);
        Py_DECREF(copy);
        let missing = s(c"no_such_method");
        assert!(compat::PyObject_CallMethodNoArgs(list, missing).is_null());
        take_error(PyExc_AttributeError);
        Py_DECREF(missing);
        Py_DECREF(name);
        Py_DECREF(list);
    })
}

#[test]
fn module_add() {
    with_gil(|| unsafe {
        let module = PyModule_New(c"compat_test_module".as_ptr());
        assert!(!module.is_null());
        let value = PyList_New(0);
        assert_eq!(Py_REFCNT(value), 1);
        assert_eq!(
            compat::PyModule_AddObjectRef(module, c"a".as_ptr(), value),
            0
        );
        assert_eq!(Py_REFCNT(value), 2, "AddObjectRef must not steal");
        // PyModule_Add steals the reference on success...
        Py_INCREF(value);
        assert_eq!(compat::PyModule_Add(module, c"b".as_ptr(), value), 0);
        assert_eq!(Py_REFCNT(value), 3);
        // ...and also on failure (NULL value with an exception set).
        PyErr_SetString(PyExc_ValueError, c"boom".as_ptr());
        assert_eq!(compat::PyModule_Add(module, c"c".as_ptr(), null_mut()), -1);
        take_error(PyExc_ValueError);
        // NULL without an exception is a SystemError.
        assert_eq!(
            compat::PyModule_AddObjectRef(module, c"d".as_ptr(), null_mut()),
            -1
        );
        take_error(PyExc_SystemError);
        let got = PyObject_GetAttrString(module, c"b".as_ptr());
        assert_eq!(got, value);
        Py_DECREF(got);
        Py_DECREF(module);
        assert_eq!(Py_REFCNT(value), 1);
        Py_DECREF(value);
    })
}

#[test]
fn dict_get_item_ref() {
    with_gil(|| unsafe {
        let dict = PyDict_New();
        let key = s(c"key");
        let value = PyList_New(0);
        assert_eq!(PyDict_SetItem(dict, key, value), 0);
        let before = Py_REFCNT(value);

        let mut result = 1 as *mut PyObject;
        assert_eq!(compat::PyDict_GetItemRef(dict, key, &mut result), 1);
        assert_eq!(result, value);
        assert_eq!(Py_REFCNT(value), before + 1);
        Py_DECREF(result);

        let other = s(c"other");
        result = 1 as *mut PyObject;
        assert_eq!(compat::PyDict_GetItemRef(dict, other, &mut result), 0);
        assert!(result.is_null());
        assert!(PyErr_Occurred().is_null());

        // Unhashable key: error.
        let unhashable = PyList_New(0);
        result = 1 as *mut PyObject;
        assert_eq!(compat::PyDict_GetItemRef(dict, unhashable, &mut result), -1);
        assert!(result.is_null());
        take_error(PyExc_TypeError);

        Py_DECREF(unhashable);
        Py_DECREF(other);
        Py_DECREF(value);
        Py_DECREF(key);
        Py_DECREF(dict);
    })
}

#[test]
fn dict_set_default_ref() {
    with_gil(|| unsafe {
        let dict = PyDict_New();
        let key = s(c"key");
        let first = PyList_New(0);
        let second = PyList_New(0);

        let mut result = null_mut();
        assert_eq!(
            compat::PyDict_SetDefaultRef(dict, key, first, &mut result),
            0
        );
        assert_eq!(result, first);
        assert_eq!(Py_REFCNT(first), 3, "ours + dict + result");
        Py_DECREF(result);

        result = null_mut();
        assert_eq!(
            compat::PyDict_SetDefaultRef(dict, key, second, &mut result),
            1
        );
        assert_eq!(result, first);
        assert_eq!(Py_REFCNT(first), 3);
        assert_eq!(Py_REFCNT(second), 1, "default not stored");
        Py_DECREF(result);

        // `result` may be NULL.
        assert_eq!(
            compat::PyDict_SetDefaultRef(dict, key, second, null_mut()),
            1
        );
        assert_eq!(Py_REFCNT(first), 2);

        Py_DECREF(dict);
        assert_eq!(Py_REFCNT(first), 1);
        Py_DECREF(first);
        Py_DECREF(second);
        Py_DECREF(key);
    })
}

#[test]
fn list_functions() {
    with_gil(|| unsafe {
        let list = PyList_New(0);
        let item = PyList_New(0);
        assert_eq!(PyList_Append(list, item), 0);
        assert_eq!(Py_REFCNT(item), 2);

        let got = compat::PyList_GetItemRef(list, 0);
        assert_eq!(got, item);
        assert_eq!(Py_REFCNT(item), 3);
        Py_DECREF(got);

        assert!(compat::PyList_GetItemRef(list, 5).is_null());
        take_error(PyExc_IndexError);

        let extra = PyTuple_Pack(2, item, item);
        assert_eq!(compat::PyList_Extend(list, extra), 0);
        assert_eq!(PyList_Size(list), 3);
        Py_DECREF(extra);
        // Any iterable works, e.g. an iterator.
        let other = PyList_New(0);
        assert_eq!(PyList_Append(other, item), 0);
        let iter = PyObject_GetIter(other);
        assert_eq!(compat::PyList_Extend(list, iter), 0);
        assert_eq!(PyList_Size(list), 4);
        Py_DECREF(iter);
        Py_DECREF(other);
        assert_eq!(Py_REFCNT(item), 5);

        assert_eq!(compat::PyList_Clear(list), 0);
        assert_eq!(PyList_Size(list), 0);
        assert_eq!(Py_REFCNT(item), 1);

        // Extending with a non-iterable fails.
        assert_eq!(compat::PyList_Extend(list, Py_None()), -1);
        take_error(PyExc_TypeError);

        Py_DECREF(item);
        Py_DECREF(list);
    })
}

#[test]
fn import_add_module_ref() {
    with_gil(|| unsafe {
        let borrowed = PyImport_AddModule(c"sys".as_ptr());
        assert!(!borrowed.is_null());
        let before = Py_REFCNT(borrowed);
        let module = compat::PyImport_AddModuleRef(c"sys".as_ptr());
        assert_eq!(module, borrowed);
        if before < (1 << 30) {
            // (skip for immortal objects)
            assert_eq!(Py_REFCNT(module), before + 1);
        }
        Py_DECREF(module);
    })
}

#[test]
fn weakref_get_ref() {
    with_gil(|| unsafe {
        let target = PySet_New(null_mut());
        let weak = PyWeakref_NewRef(target, null_mut());
        assert!(!weak.is_null());

        let mut obj = null_mut();
        assert_eq!(compat::PyWeakref_GetRef(weak, &mut obj), 1);
        assert_eq!(obj, target);
        assert_eq!(Py_REFCNT(target), 2);
        Py_DECREF(obj);

        Py_DECREF(target);
        obj = 1 as *mut PyObject;
        assert_eq!(compat::PyWeakref_GetRef(weak, &mut obj), 0);
        assert!(obj.is_null());
        assert!(PyErr_Occurred().is_null());

        // Not a weak reference.
        obj = 1 as *mut PyObject;
        let not_weak = PyList_New(0);
        assert_eq!(compat::PyWeakref_GetRef(not_weak, &mut obj), -1);
        assert!(obj.is_null());
        assert!(!PyErr_Occurred().is_null());
        PyErr_Clear();
        Py_DECREF(not_weak);
        Py_DECREF(weak);
    })
}

#[test]
fn optional_attr() {
    with_gil(|| unsafe {
        let list = PyList_New(0);
        let name = s(c"append");
        let missing = s(c"no_such_attribute");

        let mut result = null_mut();
        assert_eq!(compat::PyObject_GetOptionalAttr(list, name, &mut result), 1);
        assert!(!result.is_null());
        assert_eq!(Py_REFCNT(result), 1, "new bound method reference");
        Py_DECREF(result);

        result = 1 as *mut PyObject;
        assert_eq!(
            compat::PyObject_GetOptionalAttr(list, missing, &mut result),
            0
        );
        assert!(result.is_null());
        assert!(PyErr_Occurred().is_null());

        // A non-string attribute name is a TypeError, not "missing".
        result = 1 as *mut PyObject;
        assert_eq!(
            compat::PyObject_GetOptionalAttr(list, list, &mut result),
            -1
        );
        assert!(result.is_null());
        take_error(PyExc_TypeError);

        assert_eq!(compat::PyObject_HasAttrWithError(list, name), 1);
        assert_eq!(compat::PyObject_HasAttrWithError(list, missing), 0);
        assert!(PyErr_Occurred().is_null());
        assert_eq!(compat::PyObject_HasAttrWithError(list, list), -1);
        take_error(PyExc_TypeError);

        Py_DECREF(missing);
        Py_DECREF(name);
        Py_DECREF(list);
    })
}

#[test]
#[cfg(not(Py_LIMITED_API))]
fn thread_state_unchecked() {
    with_gil(|| unsafe {
        let tstate = compat::PyThreadState_GetUnchecked();
        assert!(!tstate.is_null());
        assert_eq!(tstate, PyThreadState_Get());
    })
}

#[test]
fn iter_next_item() {
    with_gil(|| unsafe {
        let list = PyList_New(0);
        let a = PyList_New(0);
        assert_eq!(PyList_Append(list, a), 0);
        assert_eq!(PyList_Append(list, a), 0);
        let iter = PyObject_GetIter(list);

        let mut item = null_mut();
        assert_eq!(compat::PyIter_NextItem(iter, &mut item), 1);
        assert_eq!(item, a);
        assert_eq!(Py_REFCNT(a), 4);
        Py_DECREF(item);
        assert_eq!(compat::PyIter_NextItem(iter, &mut item), 1);
        Py_DECREF(item);
        item = 1 as *mut PyObject;
        assert_eq!(compat::PyIter_NextItem(iter, &mut item), 0);
        assert!(item.is_null());
        assert!(PyErr_Occurred().is_null());

        // A list is iterable but not an iterator.
        item = 1 as *mut PyObject;
        assert_eq!(compat::PyIter_NextItem(list, &mut item), -1);
        assert!(item.is_null());
        take_error(PyExc_TypeError);

        Py_DECREF(iter);
        Py_DECREF(a);
        Py_DECREF(list);
    })
}

#[test]
fn hash_buffer() {
    with_gil(|| unsafe {
        for data in [&b""[..], b"a", b"hello world", &[0u8, 255, 7, 9][..]] {
            let bytes = PyBytes_FromStringAndSize(data.as_ptr().cast::<c_char>(), data.len() as _);
            let expected = PyObject_Hash(bytes);
            assert_eq!(
                compat::Py_HashBuffer(data.as_ptr().cast(), data.len() as _),
                expected
            );
            Py_DECREF(bytes);
        }
    })
}

#[test]
#[cfg(not(Py_LIMITED_API))]
fn bytes_writer() {
    with_gil(|| unsafe {
        // Grow step by step.
        let writer = compat::PyBytesWriter_Create(3);
        assert!(!writer.is_null());
        assert_eq!(compat::PyBytesWriter_GetSize(writer), 3);
        std::ptr::copy_nonoverlapping(
            b"abc".as_ptr(),
            compat::PyBytesWriter_GetData(writer).cast(),
            3,
        );
        for size in [6, 100, 1000] {
            assert_eq!(compat::PyBytesWriter_Resize(writer, size), 0);
            assert_eq!(compat::PyBytesWriter_GetSize(writer), size);
        }
        assert_eq!(compat::PyBytesWriter_Resize(writer, 6), 0);
        let data = compat::PyBytesWriter_GetData(writer).cast::<u8>();
        assert_eq!(std::slice::from_raw_parts(data, 3), b"abc");
        std::ptr::copy_nonoverlapping(b"def".as_ptr(), data.add(3), 3);
        let bytes = compat::PyBytesWriter_Finish(writer);
        assert!(!bytes.is_null());
        assert_eq!(bytes_of(bytes), b"abcdef");
        assert_eq!(Py_REFCNT(bytes), 1);
        Py_DECREF(bytes);

        // Truncate with FinishWithSize.
        let writer = compat::PyBytesWriter_Create(10);
        std::ptr::copy_nonoverlapping(
            b"xy".as_ptr(),
            compat::PyBytesWriter_GetData(writer).cast(),
            2,
        );
        let bytes = compat::PyBytesWriter_FinishWithSize(writer, 2);
        assert_eq!(bytes_of(bytes), b"xy");
        Py_DECREF(bytes);

        // Empty writer.
        let writer = compat::PyBytesWriter_Create(0);
        assert!(!writer.is_null());
        assert!(!compat::PyBytesWriter_GetData(writer).is_null());
        let bytes = compat::PyBytesWriter_Finish(writer);
        assert_eq!(bytes_of(bytes), b"");
        Py_DECREF(bytes);

        // Errors.
        assert!(compat::PyBytesWriter_Create(-1).is_null());
        take_error(PyExc_ValueError);
        let writer = compat::PyBytesWriter_Create(1);
        assert_eq!(compat::PyBytesWriter_Resize(writer, -1), -1);
        take_error(PyExc_ValueError);
        compat::PyBytesWriter_Discard(writer);
        compat::PyBytesWriter_Discard(null_mut());
    })
}
