//! Runtime checks of the object-model declarations against a real interpreter: reference
//! counting (incl. immortal objects on 3.12+), singletons, type checks, heap types from specs,
//! built-in functions for each calling convention, modules, capsules, weak references, the
//! buffer protocol, argument parsing / value building and the allocators.
//!
//! A few functions owned by other modules of the crate (interpreter start-up, `int`, tuples)
//! are declared locally so that this file only depends on the object model.
#![allow(clippy::missing_safety_doc)]

use pyo3_ffi::*;
use std::ffi::{c_char, c_int, c_long, c_void, CStr};
use std::ptr;

extern "C" {
    fn Py_InitializeEx(initsigs: c_int);
    fn PyLong_FromLong(v: c_long) -> *mut PyObject;
    fn PyLong_AsLong(v: *mut PyObject) -> c_long;
    fn PyObject_CallObject(callable: *mut PyObject, args: *mut PyObject) -> *mut PyObject;
    fn PyObject_Call(
        callable: *mut PyObject,
        args: *mut PyObject,
        kw: *mut PyObject,
    ) -> *mut PyObject;
    fn PyErr_Occurred() -> *mut PyObject;
    fn PyErr_Clear();
    fn PyErr_Print();
    fn PyTuple_New(n: Py_ssize_t) -> *mut PyObject;
    fn PyTuple_Size(t: *mut PyObject) -> Py_ssize_t;
    fn PyUnicode_FromString(s: *const c_char) -> *mut PyObject;
    fn PyUnicode_AsUTF8String(s: *mut PyObject) -> *mut PyObject;
    fn PyBytes_AsString(b: *mut PyObject) -> *mut c_char;
    fn PyDict_New() -> *mut PyObject;
    fn PyDict_SetItemString(d: *mut PyObject, k: *const c_char, v: *mut PyObject) -> c_int;
    static mut PyLong_Type: PyTypeObject;
}

unsafe fn call0(f: *mut PyObject) -> *mut PyObject {
    PyObject_CallObject(f, ptr::null_mut())
}

unsafe fn tuple(items: &[*mut PyObject]) -> *mut PyObject {
    let t = PyTuple_New(items.len() as Py_ssize_t);
    for (i, &item) in items.iter().enumerate() {
        // PyTuple_SetItem steals; keep the caller's reference.
        Py_INCREF(item);
        assert_eq!(PyTuple_SetItem(t, i as Py_ssize_t, item), 0);
    }
    t
}

extern "C" {
    fn PyTuple_SetItem(t: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int;
}

unsafe fn to_string(o: *mut PyObject) -> String {
    let s = PyObject_Str(o);
    assert!(!s.is_null());
    let b = PyUnicode_AsUTF8String(s);
    let out = CStr::from_ptr(PyBytes_AsString(b))
        .to_string_lossy()
        .into_owned();
    Py_DECREF(b);
    Py_DECREF(s);
    out
}

unsafe fn expect_ok(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        PyErr_Print();
        panic!("unexpected Python exception");
    }
    o
}

unsafe extern "C" fn f_noargs(_slf: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    PyLong_FromLong(42)
}

unsafe extern "C" fn f_o(_slf: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    PyLong_FromLong(PyLong_AsLong(arg) * 2)
}

unsafe extern "C" fn f_varkw(
    _slf: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let nkw = if kwargs.is_null() { 0 } else { 1 };
    PyLong_FromLong(PyTuple_Size(args) as c_long * 10 + nkw)
}

#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
unsafe extern "C" fn f_fast(
    _slf: *mut PyObject,
    args: *mut *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    let mut total = 0;
    for i in 0..nargs {
        total += PyLong_AsLong(*args.offset(i));
    }
    PyLong_FromLong(total)
}

#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
unsafe extern "C" fn f_fastkw(
    _slf: *mut PyObject,
    _args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let nkw = if kwnames.is_null() {
        0
    } else {
        PyTuple_Size(kwnames)
    };
    PyLong_FromLong((nargs * 10 + nkw) as c_long)
}

#[repr(C)]
struct Point {
    ob_base: PyObject,
    x: c_long,
    y: c_long,
}

unsafe extern "C" fn point_sum(slf: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let p = slf.cast::<Point>();
    PyLong_FromLong((*p).x + (*p).y)
}

unsafe extern "C" fn point_get_double_x(
    slf: *mut PyObject,
    _closure: *mut c_void,
) -> *mut PyObject {
    PyLong_FromLong((*slf.cast::<Point>()).x * 2)
}

unsafe extern "C" fn point_repr(slf: *mut PyObject) -> *mut PyObject {
    let p = slf.cast::<Point>();
    let text = format!("Point({}, {})\0", (*p).x, (*p).y);
    PyUnicode_FromString(text.as_ptr().cast())
}

#[test]
fn object_model() {
    unsafe {
        Py_InitializeEx(0);
        refcounts();
        singletons_and_type_checks();
        builtin_functions();
        heap_type();
        modules();
        capsules_weakrefs_buffers();
        parse_and_build();
        allocators();
    }
}

unsafe fn refcounts() {
    let o = expect_ok(PyLong_FromLong(1_234_567_891));
    assert_eq!(Py_REFCNT(o), 1);
    Py_INCREF(o);
    assert_eq!(Py_REFCNT(o), 2);
    Py_DECREF(o);
    assert_eq!(Py_REFCNT(o), 1);
    let o2 = Py_NewRef(o);
    assert_eq!(o2, o);
    assert_eq!(Py_REFCNT(o), 2);
    Py_XDECREF(o2);
    assert!(Py_XNewRef(ptr::null_mut()).is_null());
    Py_XINCREF(ptr::null_mut());
    Py_XDECREF(ptr::null_mut());
    let mut slot = Py_NewRef(o);
    Py_CLEAR(&mut slot);
    assert!(slot.is_null());
    Py_CLEAR(&mut slot);
    assert_eq!(Py_REFCNT(o), 1);
    Py_SET_REFCNT(o, 3);
    assert_eq!(Py_REFCNT(o), 3);
    Py_SET_REFCNT(o, 1);
    Py_IncRef(o);
    Py_DecRef(o);
    assert_eq!(Py_REFCNT(o), 1);
    Py_DECREF(o);

    // None is immortal from 3.12: its count never changes.
    let none = Py_None();
    let before = Py_REFCNT(none);
    Py_INCREF(none);
    #[cfg(Py_3_12)]
    assert_eq!(Py_REFCNT(none), before);
    #[cfg(not(Py_3_12))]
    assert_eq!(Py_REFCNT(none), before + 1);
    Py_DECREF(none);
    assert_eq!(Py_REFCNT(none), before);
    #[cfg(all(
        Py_3_12,
        not(Py_3_14),
        not(Py_GIL_DISABLED),
        target_pointer_width = "64"
    ))]
    increment_saturates_like_cpython();
}

/// 3.12 and 3.13 (64-bit): `Py_INCREF` works on the whole count word here, where CPython's
/// works on its low 32 bits; the counts must come out the same at the boundaries: a count
/// whose low half is all ones stays (no carry into the high half), and a count reaching 2**31
/// makes the object immortal, so `Py_DECREF` leaves it alone.
#[cfg(all(
    Py_3_12,
    not(Py_3_14),
    not(Py_GIL_DISABLED),
    target_pointer_width = "64"
))]
unsafe fn increment_saturates_like_cpython() {
    let o = expect_ok(PyLong_FromLong(987_654_321));
    let word = ptr::addr_of_mut!((*o).ob_refcnt.ob_refcnt);
    *word = 0xFFFF_FFFF;
    Py_INCREF(o);
    assert_eq!(*word, 0xFFFF_FFFF);
    Py_DECREF(o);
    assert_eq!(*word, 0xFFFF_FFFF);
    *word = 0x7FFF_FFFF;
    Py_INCREF(o);
    assert_eq!(*word, 0x8000_0000);
    Py_DECREF(o);
    assert_eq!(*word, 0x8000_0000);
    *word = 1;
    Py_DECREF(o);
}

unsafe fn singletons_and_type_checks() {
    assert_eq!(Py_IsNone(Py_None()), 1);
    let t = PyBool_FromLong(7);
    assert_eq!(t, Py_True());
    assert_eq!(Py_IsTrue(t), 1);
    assert_eq!(Py_IsFalse(t), 0);
    Py_DECREF(t);
    let f = PyBool_FromLong(0);
    assert_eq!(Py_IsFalse(f), 1);
    Py_DECREF(f);
    assert_eq!(PyBool_Check(Py_True()), 1);
    assert_eq!(to_string(Py_NotImplemented()), "NotImplemented");
    assert_eq!(to_string(Py_None()), "None");

    let type_type = ptr::addr_of_mut!(PyType_Type);
    assert_eq!(PyType_Check(type_type.cast()), 1);
    assert_eq!(PyType_CheckExact(type_type.cast()), 1);
    let long_type = ptr::addr_of_mut!(PyLong_Type);
    assert_eq!(Py_TYPE(Py_True()), ptr::addr_of_mut!(PyBool_Type));
    assert_eq!(Py_IS_TYPE(Py_True(), long_type), 0);
    assert_eq!(PyObject_TypeCheck(Py_True(), long_type), 1);
    assert_eq!(
        PyType_IsSubtype(ptr::addr_of_mut!(PyBool_Type), long_type),
        1
    );
    assert_eq!(PyType_HasFeature(long_type, Py_TPFLAGS_LONG_SUBCLASS), 1);
    assert_eq!(PyType_FastSubclass(long_type, Py_TPFLAGS_LIST_SUBCLASS), 0);
    assert_ne!(PyType_GetFlags(long_type) & Py_TPFLAGS_READY, 0);
    assert_eq!(PyType_IS_GC(long_type), 0);

    let one = PyLong_FromLong(1);
    let two = PyLong_FromLong(2);
    assert_eq!(PyObject_RichCompareBool(one, two, Py_LT), 1);
    assert_eq!(PyObject_RichCompareBool(one, two, Py_GE), 0);
    let cmp = expect_ok(PyObject_RichCompare(one, one, Py_EQ));
    assert_eq!(cmp, Py_True());
    Py_DECREF(cmp);
    assert_eq!(PyObject_IsTrue(one), 1);
    assert_eq!(PyObject_Not(one), 0);
    assert_eq!(PyObject_Hash(two), 2);
    assert_eq!(to_string(PyObject_Repr(two)), "2");
    Py_DECREF(one);
    Py_DECREF(two);
}

static mut FUNCS: [PyMethodDef; 6] = [
    PyMethodDef {
        ml_name: c"noargs".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunction: f_noargs,
        },
        ml_flags: METH_NOARGS,
        ml_doc: c"no arguments".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"one".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: f_o },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"varkw".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunctionWithKeywords: f_varkw,
        },
        ml_flags: METH_VARARGS | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    PyMethodDef {
        ml_name: c"fast".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunctionFast: f_fast,
        },
        ml_flags: METH_FASTCALL,
        ml_doc: ptr::null(),
    },
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    PyMethodDef {
        ml_name: c"fastkw".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunctionFastWithKeywords: f_fastkw,
        },
        ml_flags: METH_FASTCALL | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
    PyMethodDef::zeroed(),
    #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
    PyMethodDef::zeroed(),
    PyMethodDef::zeroed(),
];

unsafe fn builtin_functions() {
    let defs = ptr::addr_of_mut!(FUNCS).cast::<PyMethodDef>();
    let noargs = expect_ok(PyCFunction_New(defs, ptr::null_mut()));
    assert_eq!(PyCFunction_Check(noargs), 1);
    assert_eq!(PyCFunction_GetFlags(noargs), METH_NOARGS);
    assert_eq!(PyLong_AsLong(expect_ok(call0(noargs))), 42);

    let one = expect_ok(PyCFunction_NewEx(
        defs.add(1),
        ptr::null_mut(),
        ptr::null_mut(),
    ));
    let arg = PyLong_FromLong(21);
    let args = tuple(&[arg]);
    assert_eq!(PyLong_AsLong(expect_ok(PyObject_CallObject(one, args))), 42);

    let varkw = expect_ok(PyCMethod_New(
        defs.add(2),
        ptr::null_mut(),
        ptr::null_mut(),
        ptr::null_mut(),
    ));
    let kw = PyDict_New();
    PyDict_SetItemString(kw, c"k".as_ptr(), arg);
    assert_eq!(PyLong_AsLong(expect_ok(PyObject_Call(varkw, args, kw))), 11);

    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    {
        let fast = expect_ok(PyCFunction_New(defs.add(3), ptr::null_mut()));
        let args2 = tuple(&[arg, arg]);
        assert_eq!(
            PyLong_AsLong(expect_ok(PyObject_CallObject(fast, args2))),
            42
        );
        let fastkw = expect_ok(PyCFunction_New(defs.add(4), ptr::null_mut()));
        assert_eq!(
            PyLong_AsLong(expect_ok(PyObject_Call(fastkw, args2, kw))),
            21
        );
    }
    #[cfg(not(Py_LIMITED_API))]
    {
        assert_eq!(PyCFunction_GET_FLAGS(one), METH_O);
        assert!(PyCFunction_GET_SELF(one).is_null());
        assert!(PyCFunction_GET_CLASS(one).is_null());
        assert_eq!(
            PyCFunction_GET_FUNCTION(one) as usize,
            f_o as PyCFunction as usize
        );
    }
    assert_eq!(
        PyCFunction_GetFunction(noargs).map(|f| f as usize),
        Some(f_noargs as PyCFunction as usize)
    );
    Py_DECREF(kw);
    Py_DECREF(args);
    Py_DECREF(arg);
}

static mut POINT_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"sum".as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunction: point_sum,
        },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];

static mut POINT_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef {
        name: c"x".as_ptr(),
        type_code: Py_T_LONG,
        offset: std::mem::offset_of!(Point, x) as Py_ssize_t,
        flags: 0,
        doc: ptr::null(),
    },
    PyMemberDef {
        name: c"y".as_ptr(),
        type_code: Py_T_LONG,
        offset: std::mem::offset_of!(Point, y) as Py_ssize_t,
        flags: Py_READONLY,
        doc: ptr::null(),
    },
    PyMemberDef {
        name: ptr::null(),
        type_code: 0,
        offset: 0,
        flags: 0,
        doc: ptr::null(),
    },
];

static mut POINT_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"double_x".as_ptr(),
        get: Some(point_get_double_x),
        set: None,
        doc: ptr::null(),
        closure: ptr::null_mut(),
    },
    PyGetSetDef {
        name: ptr::null(),
        get: None,
        set: None,
        doc: ptr::null(),
        closure: ptr::null_mut(),
    },
];

unsafe fn heap_type() {
    let mut slots = [
        PyType_Slot {
            slot: Py_tp_methods,
            pfunc: ptr::addr_of_mut!(POINT_METHODS).cast(),
        },
        PyType_Slot {
            slot: Py_tp_members,
            pfunc: ptr::addr_of_mut!(POINT_MEMBERS).cast(),
        },
        PyType_Slot {
            slot: Py_tp_getset,
            pfunc: ptr::addr_of_mut!(POINT_GETSET).cast(),
        },
        PyType_Slot {
            slot: Py_tp_repr,
            pfunc: point_repr as *mut c_void,
        },
        PyType_Slot::default(),
    ];
    let mut spec = PyType_Spec {
        name: c"objtest.Point".as_ptr(),
        basicsize: std::mem::size_of::<Point>() as c_int,
        itemsize: 0,
        flags: (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE) as _,
        slots: slots.as_mut_ptr(),
    };
    let tp = expect_ok(PyType_FromSpec(&mut spec));
    let tpo = tp.cast::<PyTypeObject>();
    assert_eq!(PyType_Check(tp), 1);
    assert_eq!(PyType_HasFeature(tpo, Py_TPFLAGS_HEAPTYPE), 1);
    assert_eq!(PyType_HasFeature(tpo, Py_TPFLAGS_BASETYPE), 1);
    assert!(!PyType_GetSlot(tpo, Py_tp_repr).is_null());
    #[cfg(Py_3_11)]
    assert_eq!(to_string(expect_ok(PyType_GetName(tpo))), "Point");
    #[cfg(Py_3_13)]
    assert_eq!(
        to_string(expect_ok(PyType_GetFullyQualifiedName(tpo))),
        "objtest.Point"
    );
    #[cfg(not(Py_LIMITED_API))]
    {
        assert_eq!((*tpo).tp_basicsize as usize, std::mem::size_of::<Point>());
        assert!((*tpo).tp_repr.is_some());
        let ht = tp.cast::<PyHeapTypeObject>();
        assert_eq!(to_string((*ht).ht_qualname), "Point");
        assert_eq!(PyType_SUPPORTS_WEAKREFS(tpo), 0);
    }

    let inst = expect_ok(call0(tp));
    assert_eq!(PyObject_TypeCheck(inst, tpo), 1);
    (*inst.cast::<Point>()).x = 3;
    (*inst.cast::<Point>()).y = 4;
    assert_eq!(to_string(inst), "Point(3, 4)");
    let x = expect_ok(PyObject_GetAttrString(inst, c"x".as_ptr()));
    assert_eq!(PyLong_AsLong(x), 3);
    let dx = expect_ok(PyObject_GetAttrString(inst, c"double_x".as_ptr()));
    assert_eq!(PyLong_AsLong(dx), 6);
    let ten = PyLong_FromLong(10);
    assert_eq!(PyObject_SetAttrString(inst, c"x".as_ptr(), ten), 0);
    assert_eq!((*inst.cast::<Point>()).x, 10);
    // `y` is read-only.
    assert_eq!(PyObject_SetAttrString(inst, c"y".as_ptr(), ten), -1);
    PyErr_Clear();
    let sum = expect_ok(call_method0(inst, c"sum"));
    assert_eq!(PyLong_AsLong(sum), 14);
    assert_eq!(PyObject_HasAttrString(inst, c"nope".as_ptr()), 0);
    assert!(PyErr_Occurred().is_null());
    let dir = expect_ok(PyObject_Dir(inst));
    assert!(to_string(dir).contains("double_x"));
    Py_DECREF(dir);
    Py_DECREF(ten);
    assert_eq!(Py_REFCNT(inst), 1);
    Py_DECREF(inst);

    // Direct allocation, as a `tp_new` would do it.
    let raw: *mut Point = PyObject_New(tpo);
    assert!(!raw.is_null());
    assert_eq!(Py_TYPE(raw.cast()), tpo);
    assert_eq!(Py_REFCNT(raw.cast()), 1);
    (*raw).x = 1;
    (*raw).y = 2;
    assert_eq!(to_string(raw.cast()), "Point(1, 2)");
    Py_DECREF(raw.cast());
    Py_DECREF(tp);
}

unsafe fn call_method0(o: *mut PyObject, name: &CStr) -> *mut PyObject {
    let m = PyObject_GetAttrString(o, name.as_ptr());
    if m.is_null() {
        return m;
    }
    let r = call0(m);
    Py_DECREF(m);
    r
}

unsafe extern "C" fn module_exec(module: *mut PyObject) -> c_int {
    PyModule_AddIntConstant(module, c"ANSWER".as_ptr(), 42)
}

static mut MOD_SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot {
        slot: Py_mod_exec,
        value: module_exec as *mut c_void,
    },
    PyModuleDef_Slot {
        slot: 0,
        value: ptr::null_mut(),
    },
];

static mut MOD_DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"objtest_mod".as_ptr(),
    m_doc: c"a test module".as_ptr(),
    m_size: 0,
    m_methods: ptr::addr_of_mut!(FUNCS).cast(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

static mut MOD_DEF2: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"objtest_mod2".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::addr_of_mut!(MOD_SLOTS).cast(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

unsafe fn modules() {
    let m = expect_ok(PyModule_Create(ptr::addr_of_mut!(MOD_DEF)));
    assert_eq!(PyModule_Check(m), 1);
    assert_eq!(PyModule_CheckExact(m), 1);
    assert_eq!(CStr::from_ptr(PyModule_GetName(m)), c"objtest_mod");
    assert_eq!(PyModule_GetDef(m), ptr::addr_of_mut!(MOD_DEF));
    let f = expect_ok(PyObject_GetAttrString(m, c"noargs".as_ptr()));
    assert_eq!(PyLong_AsLong(expect_ok(call0(f))), 42);
    Py_DECREF(f);
    let v = PyLong_FromLong(5_000_000);
    let before = Py_REFCNT(v);
    assert_eq!(PyModule_AddObjectRef(m, c"five".as_ptr(), v), 0);
    assert_eq!(Py_REFCNT(v), before + 1);
    assert_eq!(
        PyModule_AddObjectRef(m, c"null".as_ptr(), ptr::null_mut()),
        -1
    );
    assert!(!PyErr_Occurred().is_null());
    PyErr_Clear();
    Py_INCREF(v);
    assert_eq!(PyModule_Add(m, c"five_too".as_ptr(), v), 0);
    assert_eq!(Py_REFCNT(v), before + 2);
    assert_eq!(PyModule_Add(m, c"null".as_ptr(), ptr::null_mut()), -1);
    PyErr_Clear();
    Py_INCREF(v);
    assert_eq!(PyModule_AddObject(m, c"five_again".as_ptr(), v), 0);
    assert_eq!(
        PyModule_AddStringConstant(m, c"S".as_ptr(), c"str".as_ptr()),
        0
    );
    assert_eq!(
        to_string(expect_ok(PyObject_GetAttrString(m, c"S".as_ptr()))),
        "str"
    );
    Py_DECREF(v);
    let dict = PyModule_GetDict(m);
    assert!(!dict.is_null());
    Py_DECREF(m);

    // Multi-phase initialisation through a spec-like object (any object with `name`).
    let def2 = PyModuleDef_Init(ptr::addr_of_mut!(MOD_DEF2));
    assert!(!def2.is_null());
    let spec = expect_ok(PyModule_New(c"spec".as_ptr()));
    let name = PyUnicode_FromString(c"objtest_mod2".as_ptr());
    assert_eq!(PyObject_SetAttrString(spec, c"name".as_ptr(), name), 0);
    let m2 = expect_ok(PyModule_FromDefAndSpec(ptr::addr_of_mut!(MOD_DEF2), spec));
    assert_eq!(PyModule_ExecDef(m2, ptr::addr_of_mut!(MOD_DEF2)), 0);
    let answer = expect_ok(PyObject_GetAttrString(m2, c"ANSWER".as_ptr()));
    assert_eq!(PyLong_AsLong(answer), 42);
    Py_DECREF(answer);
    Py_DECREF(m2);
    Py_DECREF(name);
    Py_DECREF(spec);
}

unsafe extern "C" fn capsule_destructor(capsule: *mut PyObject) {
    let ctx = PyCapsule_GetContext(capsule).cast::<c_int>();
    *ctx += 1;
}

unsafe fn capsules_weakrefs_buffers() {
    let mut destroyed: c_int = 0;
    let value = 0x5eed_usize as *mut c_void;
    let cap = expect_ok(PyCapsule_New(
        value,
        c"objtest.cap".as_ptr(),
        Some(capsule_destructor),
    ));
    assert_eq!(PyCapsule_CheckExact(cap), 1);
    assert_eq!(PyCapsule_IsValid(cap, c"objtest.cap".as_ptr()), 1);
    assert_eq!(PyCapsule_GetPointer(cap, c"objtest.cap".as_ptr()), value);
    assert_eq!(CStr::from_ptr(PyCapsule_GetName(cap)), c"objtest.cap");
    assert_eq!(
        PyCapsule_SetContext(cap, ptr::addr_of_mut!(destroyed).cast()),
        0
    );
    Py_DECREF(cap);
    assert_eq!(destroyed, 1);

    // Weak references to a heap type (types support weakrefs).
    let mut no_slots = [PyType_Slot::default()];
    let mut spec = PyType_Spec {
        name: c"objtest.W".as_ptr(),
        basicsize: 0,
        itemsize: 0,
        flags: Py_TPFLAGS_DEFAULT as _,
        slots: no_slots.as_mut_ptr(),
    };
    let target = expect_ok(PyType_FromSpec(&mut spec));
    let r = expect_ok(PyWeakref_NewRef(target, ptr::null_mut()));
    assert_eq!(PyWeakref_Check(r), 1);
    assert_eq!(PyWeakref_CheckRef(r), 1);
    assert_eq!(PyWeakref_CheckRefExact(r), 1);
    assert_eq!(PyWeakref_CheckProxy(r), 0);
    #[allow(deprecated)]
    let got = PyWeakref_GetObject(r);
    assert_eq!(got, target);
    #[cfg(Py_3_13)]
    {
        let mut strong = ptr::null_mut();
        assert_eq!(PyWeakref_GetRef(r, &mut strong), 1);
        assert_eq!(strong, target);
        Py_DECREF(strong);
    }
    let p = expect_ok(PyWeakref_NewProxy(target, ptr::null_mut()));
    assert_eq!(PyWeakref_CheckProxy(p), 1);
    Py_DECREF(p);
    Py_DECREF(target);
    PyGC_Collect();
    #[allow(deprecated)]
    let dead = PyWeakref_GetObject(r);
    assert_eq!(Py_IsNone(dead), 1);
    Py_DECREF(r);

    // Buffer protocol on bytes; memoryview.
    let data = expect_ok(Py_BuildValue(
        c"y#".as_ptr(),
        c"abcdef".as_ptr(),
        6 as Py_ssize_t,
    ));
    #[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
    {
        assert_eq!(PyObject_CheckBuffer(data), 1);
        let mut view = Py_buffer::new();
        assert_eq!(PyObject_GetBuffer(data, &mut view, PyBUF_SIMPLE), 0);
        assert_eq!(view.len, 6);
        assert_eq!(view.readonly, 1);
        assert_eq!(PyBuffer_IsContiguous(&view, b'C' as c_char), 1);
        assert_eq!(*view.buf.cast::<u8>(), b'a');
        let mut copy = [0u8; 6];
        assert_eq!(
            PyBuffer_ToContiguous(copy.as_mut_ptr().cast(), &view, 6, b'C' as c_char),
            0
        );
        assert_eq!(&copy, b"abcdef");
        assert_eq!(
            PyObject_GetBuffer(data, &mut Py_buffer::new(), PyBUF_WRITABLE),
            -1
        );
        PyErr_Clear();
        let mv2 = expect_ok(PyMemoryView_FromBuffer(&view));
        Py_DECREF(mv2);
        PyBuffer_Release(&mut view);
        assert!(view.obj.is_null());
    }
    let mv = expect_ok(PyMemoryView_FromObject(data));
    assert_eq!(PyMemoryView_Check(mv), 1);
    #[cfg(not(Py_LIMITED_API))]
    {
        assert_eq!((*PyMemoryView_GET_BUFFER(mv)).len, 6);
        assert_eq!(PyMemoryView_GET_BASE(mv), data);
    }
    Py_DECREF(mv);
    let mut raw = *b"xyz";
    let mv3 = expect_ok(PyMemoryView_FromMemory(
        raw.as_mut_ptr().cast(),
        3,
        PyBUF_READ,
    ));
    assert_eq!(to_string(expect_ok(PyObject_Bytes(mv3))), "b'xyz'");
    Py_DECREF(mv3);
    Py_DECREF(data);
}

unsafe fn parse_and_build() {
    let built = expect_ok(Py_BuildValue(
        c"(is#O)".as_ptr(),
        7 as c_int,
        c"hello".as_ptr(),
        4 as Py_ssize_t,
        Py_None(),
    ));
    assert_eq!(to_string(built), "(7, 'hell', None)");
    let mut i: c_int = 0;
    let mut j: c_int = 0;
    let mut s: *const c_char = ptr::null();
    let mut len: Py_ssize_t = 0;
    let mut o: *mut PyObject = ptr::null_mut();
    assert_eq!(
        PyArg_ParseTuple(built, c"is#O".as_ptr(), &mut i, &mut s, &mut len, &mut o),
        1
    );
    assert_eq!((i, len, o), (7, 4, Py_None()));
    let mut a: *mut PyObject = ptr::null_mut();
    let mut b: *mut PyObject = ptr::null_mut();
    let mut c: *mut PyObject = ptr::null_mut();
    assert_eq!(
        PyArg_UnpackTuple(built, c"f".as_ptr(), 1, 3, &mut a, &mut b, &mut c),
        1
    );
    assert_eq!(c, Py_None());
    assert_eq!(PyArg_ParseTuple(built, c"ii".as_ptr(), &mut i, &mut j), 0);
    PyErr_Clear();
    Py_DECREF(built);
}

unsafe fn allocators() {
    let p = PyMem_Malloc(32);
    assert!(!p.is_null());
    let p = PyMem_Realloc(p, 64);
    PyMem_Free(p);
    let p = PyObject_Malloc(16);
    assert!(!p.is_null());
    PyObject_Free(p);
    let p = PyObject_Calloc(4, 4);
    assert_eq!(*p.cast::<u32>(), 0);
    PyObject_Free(p);
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    {
        let p = PyMem_RawMalloc(8);
        PyMem_RawFree(p);
    }
    #[cfg(not(Py_LIMITED_API))]
    {
        let mut alloc = PyMemAllocatorEx {
            ctx: ptr::null_mut(),
            malloc: None,
            calloc: None,
            realloc: None,
            free: None,
        };
        PyMem_GetAllocator(PyMemAllocatorDomain::PYMEM_DOMAIN_MEM, &mut alloc);
        assert!(alloc.malloc.is_some());
    }
    #[cfg(Py_3_10)]
    {
        let was = PyGC_Disable();
        assert_eq!(PyGC_IsEnabled(), 0);
        if was != 0 {
            PyGC_Enable();
        }
    }
    assert!(PyGC_Collect() >= 0);
}
