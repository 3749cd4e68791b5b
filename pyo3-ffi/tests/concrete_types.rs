//! Checks of the concrete-object declarations (int, float, complex, str, bytes, bytearray,
//! tuple, list, dict, set, slice, ...) against a real interpreter: type checks, the inline
//! accessors that read object layouts directly, and a few exported functions.
#![cfg(not(any(PyPy, GraalPy, Py_LIMITED_API)))]

use pyo3_ffi::*;
use std::ffi::{c_char, c_int, c_uint, CStr};
use std::ptr::null_mut;

mod common;
use common::with_gil;

/// Evaluates a Python expression (new reference).
unsafe fn eval(expr: &CStr) -> *mut PyObject {
    let globals = PyDict_New();
    let builtins = PyEval_GetBuiltins();
    assert_eq!(
        PyDict_SetItemString(globals, c"__builtins__".as_ptr(), builtins),
        0
    );
    let result = PyRun_String(expr.as_ptr(), Py_eval_input, globals, globals);
    Py_DECREF(globals);
    if result.is_null() {
        PyErr_Print();
        panic!("evaluation of {expr:?} failed");
    }
    result
}

unsafe fn utf8(obj: *mut PyObject) -> String {
    let mut size: Py_ssize_t = 0;
    let data = PyUnicode_AsUTF8AndSize(obj, &mut size);
    assert!(!data.is_null());
    let bytes = std::slice::from_raw_parts(data.cast::<u8>(), size as usize);
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn int_float_complex() {
    with_gil(|| unsafe {
        let i = PyLong_FromLong(-42);
        assert_eq!(PyLong_Check(i), 1);
        assert_eq!(PyLong_CheckExact(i), 1);
        assert_eq!(PyLong_AsLong(i), -42);
        assert_eq!(PyFloat_Check(i), 0);
        let b = eval(c"True");
        assert_eq!(PyLong_Check(b), 1);
        assert_eq!(PyLong_CheckExact(b), 0);
        Py_DECREF(b);

        let big = eval(c"2**100 + 7");
        let mut overflow: c_int = 0;
        assert_eq!(PyLong_AsLongAndOverflow(big, &mut overflow), -1);
        assert_eq!(overflow, 1);
        assert_eq!(PyLong_AsUnsignedLongLongMask(big), 7);
        assert_eq!(_PyLong_NumBits(big), 101);
        assert_eq!(_PyLong_Sign(big), 1);
        Py_DECREF(big);

        // Digit layout of a small int.
        let v = PyLong_FromLong(5);
        #[cfg(not(Py_3_12))]
        {
            let o = v.cast::<PyLongObject>();
            assert_eq!(Py_SIZE(v), 1);
            assert_eq!((*o).ob_digit[0], 5);
        }
        #[cfg(Py_3_12)]
        {
            let o = v.cast::<PyLongObject>();
            assert_eq!((*o).long_value.lv_tag >> 3, 1);
            assert_eq!((*o).long_value.ob_digit[0], 5);
            assert_eq!(PyUnstable_Long_IsCompact(o), 1);
            assert_eq!(PyUnstable_Long_CompactValue(o), 5);
        }
        Py_DECREF(v);

        let s = PyUnicode_FromString(c"1234".as_ptr());
        let parsed = PyLong_FromUnicodeObject(s, 10);
        assert_eq!(PyLong_AsLongLong(parsed), 1234);
        Py_DECREF(parsed);
        Py_DECREF(s);
        Py_DECREF(i);

        let f = PyFloat_FromDouble(2.5);
        assert_eq!(PyFloat_Check(f), 1);
        assert_eq!(PyFloat_CheckExact(f), 1);
        assert_eq!(PyFloat_AS_DOUBLE(f), 2.5);
        assert_eq!(PyFloat_AsDouble(f), 2.5);
        Py_DECREF(f);

        let c = PyComplex_FromDoubles(1.0, -2.0);
        assert_eq!(PyComplex_Check(c), 1);
        assert_eq!(PyComplex_CheckExact(c), 1);
        let cval = (*c.cast::<PyComplexObject>()).cval;
        assert_eq!(
            cval,
            Py_complex {
                real: 1.0,
                imag: -2.0
            }
        );
        assert_eq!(PyComplex_AsCComplex(c), cval);
        assert_eq!(PyComplex_ImagAsDouble(c), -2.0);
        Py_DECREF(c);
    })
}

#[test]
fn str_layout_and_accessors() {
    with_gil(|| unsafe {
        let cases: [(&CStr, c_uint, bool, &[u32]); 4] = [
            (c"'abc'", PyUnicode_1BYTE_KIND, true, &[0x61, 0x62, 0x63]),
            (c"'a\\xe9'", PyUnicode_1BYTE_KIND, false, &[0x61, 0xe9]),
            (c"'\\u20ac!'", PyUnicode_2BYTE_KIND, false, &[0x20ac, 0x21]),
            (
                c"'x\\U0001f600'",
                PyUnicode_4BYTE_KIND,
                false,
                &[0x78, 0x1f600],
            ),
        ];
        for (expr, kind, ascii, chars) in cases {
            let s = eval(expr);
            assert_eq!(PyUnicode_Check(s), 1);
            assert_eq!(PyUnicode_CheckExact(s), 1);
            assert_eq!(PyUnicode_READY(s), 0);
            assert_eq!(PyUnicode_IS_READY(s), 1);
            assert_eq!(PyUnicode_KIND(s), kind);
            assert_eq!(PyUnicode_IS_ASCII(s), ascii as c_uint);
            assert_eq!(PyUnicode_IS_COMPACT(s), 1);
            assert_eq!(PyUnicode_IS_COMPACT_ASCII(s), ascii as c_int);
            assert_eq!(PyUnicode_GET_LENGTH(s), chars.len() as Py_ssize_t);
            let header = &*s.cast::<PyASCIIObject>();
            assert_eq!(header.kind(), kind);
            assert_eq!(header.ascii(), ascii as c_uint);
            assert_eq!(header.compact(), 1);
            let data = PyUnicode_DATA(s);
            for (i, &ch) in chars.iter().enumerate() {
                assert_eq!(PyUnicode_READ_CHAR(s, i as Py_ssize_t), ch);
                assert_eq!(PyUnicode_READ(kind as c_int, data, i as Py_ssize_t), ch);
                assert_eq!(PyUnicode_ReadChar(s, i as Py_ssize_t), ch);
            }
            if kind == PyUnicode_1BYTE_KIND {
                assert_eq!(*PyUnicode_1BYTE_DATA(s) as u32, chars[0]);
            }
            Py_DECREF(s);
        }

        // Writing through PyUnicode_WRITE into a fresh string.
        let s = PyUnicode_New(2, 0x10ffff);
        let kind = PyUnicode_KIND(s) as c_int;
        assert_eq!(kind as c_uint, PyUnicode_4BYTE_KIND);
        PyUnicode_WRITE(kind, PyUnicode_DATA(s), 0, 0x1f600);
        PyUnicode_WRITE(kind, PyUnicode_DATA(s), 1, 0x41);
        assert_eq!(utf8(s), "\u{1f600}A");
        Py_DECREF(s);

        // Interning state.
        let mut s = PyUnicode_FromString(c"ffi_types_interned_name".as_ptr());
        assert_eq!(PyUnicode_CHECK_INTERNED(s), SSTATE_NOT_INTERNED);
        PyUnicode_InternInPlace(&mut s);
        assert_ne!(PyUnicode_CHECK_INTERNED(s), SSTATE_NOT_INTERNED);
        Py_DECREF(s);

        let s = PyUnicode_FromKindAndData(
            PyUnicode_2BYTE_KIND as c_int,
            [0x48u16, 0x20acu16].as_ptr().cast(),
            2,
        );
        assert_eq!(utf8(s), "H\u{20ac}");
        assert_eq!(
            CStr::from_ptr(PyUnicode_AsUTF8(s)).to_str().unwrap(),
            "H\u{20ac}"
        );
        assert_eq!(PyUnicode_CompareWithASCIIString(s, c"H".as_ptr()), 1);
        Py_DECREF(s);
        assert_eq!(Py_UNICODE_TODECIMAL('7' as Py_UCS4), 7);
        assert_eq!(Py_UNICODE_TODECIMAL('x' as Py_UCS4), -1);
    })
}

#[test]
fn bytes_and_bytearray() {
    with_gil(|| unsafe {
        let b = PyBytes_FromStringAndSize(c"hello".as_ptr(), 5);
        assert_eq!(PyBytes_Check(b), 1);
        assert_eq!(PyBytes_CheckExact(b), 1);
        assert_eq!(PyBytes_GET_SIZE(b), 5);
        let data = PyBytes_AS_STRING(b);
        assert_eq!(data, PyBytes_AsString(b));
        assert_eq!(CStr::from_ptr(data).to_bytes(), b"hello");
        let mut b2 = b;
        Py_INCREF(b2);
        PyBytes_Concat(&mut b2, b);
        assert_eq!(PyBytes_Size(b2), 10);
        Py_DECREF(b2);

        let ba = PyByteArray_FromObject(b);
        assert_eq!(PyByteArray_Check(ba), 1);
        assert_eq!(PyByteArray_CheckExact(ba), 1);
        assert_eq!(PyBytes_Check(ba), 0);
        assert_eq!(PyByteArray_GET_SIZE(ba), 5);
        assert_eq!(*PyByteArray_AS_STRING(ba) as u8, b'h');
        assert_eq!(PyByteArray_Resize(ba, 0), 0);
        assert_eq!(*PyByteArray_AS_STRING(ba), 0 as c_char);
        Py_DECREF(ba);
        Py_DECREF(b);
    })
}

#[test]
fn tuple_list() {
    with_gil(|| unsafe {
        let t = PyTuple_New(2);
        PyTuple_SET_ITEM(t, 0, PyLong_FromLong(1));
        PyTuple_SET_ITEM(t, 1, PyLong_FromLong(2));
        assert_eq!(PyTuple_Check(t), 1);
        assert_eq!(PyTuple_CheckExact(t), 1);
        assert_eq!(PyTuple_GET_SIZE(t), 2);
        assert_eq!(PyLong_AsLong(PyTuple_GET_ITEM(t, 1)), 2);
        assert_eq!(PyTuple_GET_ITEM(t, 0), PyTuple_GetItem(t, 0));

        let l = PyList_New(0);
        assert_eq!(PyList_Check(l), 1);
        assert_eq!(PyList_CheckExact(l), 1);
        assert_eq!(PyList_Append(l, PyTuple_GET_ITEM(t, 0)), 0);
        assert_eq!(PyList_Append(l, PyTuple_GET_ITEM(t, 1)), 0);
        assert_eq!(PyList_GET_SIZE(l), 2);
        assert_eq!(PyList_GET_ITEM(l, 1), PyTuple_GET_ITEM(t, 1));
        let lo = &*l.cast::<PyListObject>();
        assert!(lo.allocated >= 2);
        let one = PyLong_FromLong(10);
        let old = PyList_GET_ITEM(l, 0);
        PyList_SET_ITEM(l, 0, one);
        Py_DECREF(old);
        assert_eq!(PyLong_AsLong(PyList_GetItem(l, 0)), 10);
        let as_tuple = PyList_AsTuple(l);
        assert_eq!(PyTuple_Size(as_tuple), 2);
        Py_DECREF(as_tuple);
        Py_DECREF(l);
        Py_DECREF(t);

        let t = eval(c"tuple(range(3))");
        assert_eq!(PyTuple_GET_SIZE(t), 3);
        Py_DECREF(t);
    })
}

#[test]
fn dict_set() {
    with_gil(|| unsafe {
        let d = PyDict_New();
        assert_eq!(PyDict_Check(d), 1);
        assert_eq!(PyDict_CheckExact(d), 1);
        let v = PyLong_FromLong(3);
        assert_eq!(PyDict_SetItemString(d, c"a".as_ptr(), v), 0);
        assert_eq!(PyDict_SetItemString(d, c"b".as_ptr(), v), 0);
        assert_eq!(PyDict_GET_SIZE(d), 2);
        assert_eq!(PyDict_Size(d), 2);
        assert_eq!(PyDict_GetItemString(d, c"a".as_ptr()), v);
        #[cfg(Py_3_13)]
        {
            let mut out = null_mut();
            assert_eq!(PyDict_GetItemStringRef(d, c"b".as_ptr(), &mut out), 1);
            assert_eq!(out, v);
            Py_DECREF(out);
            assert_eq!(PyDict_ContainsString(d, c"zz".as_ptr()), 0);
        }
        let keys = eval(c"{}.keys()");
        assert_eq!(PyDictKeys_Check(keys), 1);
        assert_eq!(PyDictViewSet_Check(keys), 1);
        assert_eq!(PyDictValues_Check(keys), 0);
        Py_DECREF(keys);
        Py_DECREF(v);
        Py_DECREF(d);

        let s = PySet_New(null_mut());
        let f = PyFrozenSet_New(null_mut());
        assert_eq!(PySet_Check(s), 1);
        assert_eq!(PyAnySet_Check(s), 1);
        assert_eq!(PyAnySet_CheckExact(f), 1);
        assert_eq!(PyFrozenSet_Check(f), 1);
        assert_eq!(PyFrozenSet_CheckExact(s), 0);
        #[cfg(Py_3_10)]
        assert_eq!(PySet_CheckExact(s), 1);
        for i in 0..20 {
            let k = PyLong_FromLong(i);
            assert_eq!(PySet_Add(s, k), 0);
            Py_DECREF(k);
        }
        assert_eq!(PySet_GET_SIZE(s), 20);
        assert_eq!(PySet_Size(s), 20);
        Py_DECREF(f);
        Py_DECREF(s);
    })
}

#[test]
fn slice_range_misc() {
    with_gil(|| unsafe {
        let e = Py_Ellipsis();
        assert_eq!(Py_TYPE(e), &raw mut PyEllipsis_Type);
        let sl = eval(c"slice(1, None, 2)");
        assert_eq!(PySlice_Check(sl), 1);
        let (mut start, mut stop, mut step, mut len) = (0, 0, 0, 0);
        assert_eq!(
            PySlice_GetIndicesEx(sl, 10, &mut start, &mut stop, &mut step, &mut len),
            0
        );
        assert_eq!((start, stop, step, len), (1, 10, 2, 5));
        let so = &*sl.cast::<PySliceObject>();
        assert_eq!(so.stop, Py_None());
        Py_DECREF(sl);

        let r = eval(c"range(3)");
        assert_eq!(PyRange_Check(r), 1);
        Py_DECREF(r);
        let seq = eval(c"'ab'");
        let it = PySeqIter_New(seq);
        assert_eq!(PySeqIter_Check(it), 1);
        Py_DECREF(it);
        Py_DECREF(seq);
        let en = eval(c"enumerate([])");
        assert_eq!(Py_TYPE(en), &raw mut PyEnum_Type);
        Py_DECREF(en);
        let ga = eval(c"list[int]");
        assert_eq!(Py_TYPE(ga), &raw mut Py_GenericAliasType);
        Py_DECREF(ga);
    })
}
