//! Runtime checks of the interpreter-facing bindings (calls, errors, thread state,
//! configuration, compile/run, TSS) against a real embedded interpreter.
#![cfg(not(Py_LIMITED_API))]
#![allow(deprecated)]

use pyo3_ffi::*;
use std::ffi::{c_char, CStr};
use std::ptr;

unsafe fn eval(code: &CStr) -> *mut PyObject {
    let main = PyImport_AddModule(c"__main__".as_ptr());
    let g = PyModule_GetDict(main);
    let r = PyRun_String(code.as_ptr(), Py_eval_input, g, g);
    if r.is_null() {
        PyErr_Print();
        panic!("eval failed: {code:?}");
    }
    r
}

unsafe fn exec(code: &CStr) {
    let main = PyImport_AddModule(c"__main__".as_ptr());
    let g = PyModule_GetDict(main);
    let r = PyRun_String(code.as_ptr(), Py_file_input, g, g);
    if r.is_null() {
        PyErr_Print();
        panic!("exec failed: {code:?}");
    }
    Py_DECREF(r);
}

unsafe fn assert_eq_py(a: *mut PyObject, expected: &CStr) {
    assert!(!a.is_null(), "NULL result, expected {expected:?}");
    let b = eval(expected);
    let eq = PyObject_RichCompareBool(a, b, Py_EQ);
    if eq != 1 {
        let r = PyObject_Repr(a);
        let s = CStr::from_ptr(PyUnicode_AsUTF8(r));
        panic!("got {s:?}, expected {expected:?}");
    }
    Py_DECREF(b);
}

#[test]
fn runtime() {
    unsafe {
        // Configuration structs can be initialized before the runtime starts.
        let mut pre = std::mem::MaybeUninit::<PyPreConfig>::zeroed();
        PyPreConfig_InitIsolatedConfig(pre.as_mut_ptr());
        assert_eq!(pre.assume_init().isolated, 1);
        let mut config = std::mem::MaybeUninit::<PyConfig>::zeroed();
        PyConfig_InitIsolatedConfig(config.as_mut_ptr());
        let cfg = config.assume_init_mut();
        assert_eq!(cfg.isolated, 1);
        assert_eq!(cfg.use_environment, 0);
        assert_eq!(cfg.install_signal_handlers, 0);
        let st = PyConfig_SetBytesString(cfg, &mut cfg.program_name, c"rt-test".as_ptr());
        assert_eq!(PyStatus_Exception(st), 0);
        assert!(!cfg.program_name.is_null());
        PyConfig_Clear(cfg);
        let err = PyStatus_Error(c"boom".as_ptr());
        assert_eq!(PyStatus_IsError(err), 1);
        assert_eq!(CStr::from_ptr(err.err_msg), c"boom");
        assert_eq!(PyStatus_IsExit(PyStatus_Exit(3)), 1);

        Py_InitializeEx(0);
        assert_eq!(Py_IsInitialized(), 1);
        assert_eq!(PyGILState_Check(), 1);
        let version = CStr::from_ptr(Py_GetVersion()).to_str().unwrap();
        assert!(version.starts_with("3."));

        exec(c"def f(*a, **k): return (a, k)\nclass C:\n    def m(self, *a): return a\nc = C()\n");
        let f = eval(c"f");
        let one = eval(c"1");
        let two = eval(c"2");

        // Calls.
        assert_eq_py(PyObject_CallOneArg(f, one), c"((1,), {})");
        assert_eq_py(PyObject_CallNoArgs(f), c"((), {})");
        let args = [one, two];
        assert_eq_py(
            PyObject_Vectorcall(f, args.as_ptr(), 2, ptr::null_mut()),
            c"((1, 2), {})",
        );
        let kwnames = eval(c"('x',)");
        assert_eq_py(
            PyObject_Vectorcall(f, args.as_ptr(), 1, kwnames),
            c"((1,), {'x': 2})",
        );
        // With the offset flag args[-1] is scratch space.
        let buf = [ptr::null_mut(), one, two];
        let nargsf = 2 | PY_VECTORCALL_ARGUMENTS_OFFSET;
        assert_eq!(PyVectorcall_NARGS(nargsf), 2);
        assert_eq_py(
            PyObject_Vectorcall(f, buf.as_ptr().add(1), nargsf, ptr::null_mut()),
            c"((1, 2), {})",
        );
        let kw = eval(c"{'y': 3}");
        assert_eq_py(
            PyObject_VectorcallDict(f, args.as_ptr(), 2, kw),
            c"((1, 2), {'y': 3})",
        );
        let tup = eval(c"(1, 2)");
        assert_eq_py(PyObject_Call(f, tup, kw), c"((1, 2), {'y': 3})");
        let len = eval(c"len");
        assert!(PyVectorcall_Function(len).is_some());
        let lst = eval(c"[1, 2, 3]");
        let a1 = [lst];
        assert_eq_py(
            PyObject_Vectorcall(len, a1.as_ptr(), 1, ptr::null_mut()),
            c"3",
        );
        assert!(PyVectorcall_Function(lst).is_none());
        let c = eval(c"c");
        let m = eval(c"'m'");
        assert_eq_py(PyObject_CallMethodNoArgs(c, m), c"()");
        assert_eq_py(PyObject_CallMethodOneArg(c, m, one), c"(1,)");
        let margs = [c, one, two];
        assert_eq_py(
            PyObject_VectorcallMethod(m, margs.as_ptr(), 3, ptr::null_mut()),
            c"(1, 2)",
        );
        assert_eq!(PyObject_LengthHint(lst, 0), 3);

        // Abstract protocols.
        assert_eq_py(PyNumber_Add(one, two), c"3");
        assert_eq_py(PyNumber_Power(two, two, Py_None()), c"4");
        assert_eq_py(PySequence_GetItem(lst, -1), c"3");
        assert_eq!(PySequence_Contains(lst, two), 1);
        let fast = PySequence_Fast(tup, c"not a sequence".as_ptr());
        assert_eq!(PySequence_Fast_GET_SIZE(fast), 2);
        assert_eq_py(PySequence_Fast_GET_ITEM(fast, 1), c"2");
        assert_eq_py(*PySequence_Fast_ITEMS(fast), c"1");
        assert_eq_py(PySequence_ITEM(lst, 0), c"1");
        let d = eval(c"{'a': 1}");
        assert_eq!(PyMapping_HasKeyString(d, c"a".as_ptr()), 1);
        assert_eq!(PyMapping_DelItemString(d, c"a".as_ptr()), 0);
        assert_eq!(PyMapping_Size(d), 0);
        let it = PyObject_GetIter(lst);
        assert_eq!(PyIter_Check(it), 1);
        assert_eq_py(PyIter_Next(it), c"1");
        #[cfg(Py_3_10)]
        {
            let gen = eval(c"(x for x in [7])");
            let mut out: *mut PyObject = ptr::null_mut();
            assert_eq!(
                PyIter_Send(gen, Py_None(), &mut out),
                PySendResult::PYGEN_NEXT
            );
            assert_eq_py(out, c"7");
            assert_eq!(
                PyIter_Send(gen, Py_None(), &mut out),
                PySendResult::PYGEN_RETURN
            );
        }

        // Errors.
        PyErr_SetString(PyExc_ValueError, c"boom".as_ptr());
        let value_error = PyExc_ValueError;
        assert_eq!(PyErr_Occurred(), value_error);
        assert_eq!(PyErr_ExceptionMatches(PyExc_Exception), 1);
        let (mut t, mut v, mut tb) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
        PyErr_Fetch(&mut t, &mut v, &mut tb);
        PyErr_NormalizeException(&mut t, &mut v, &mut tb);
        assert!(PyErr_Occurred().is_null());
        assert_eq!(PyExceptionInstance_Check(v), 1);
        assert_eq!(PyExceptionClass_Check(t), 1);
        assert_eq!(PyExceptionClass_Check(v), 0);
        assert_eq!(PyExceptionInstance_Class(v), value_error);
        assert_eq!(CStr::from_ptr(PyExceptionClass_Name(t)), c"ValueError");
        let base = v.cast::<PyBaseExceptionObject>();
        assert_eq_py((*base).args, c"('boom',)");
        assert!(PyException_GetTraceback(v).is_null());
        PyErr_Restore(t, v, tb);
        #[cfg(Py_3_12)]
        {
            let exc = PyErr_GetRaisedException();
            assert_eq!(PyExceptionInstance_Check(exc), 1);
            assert_eq_py(PyException_GetArgs(exc), c"('boom',)");
            PyErr_SetRaisedException(exc);
        }
        PyErr_Clear();
        assert!(PyErr_Occurred().is_null());

        let si = eval(c"StopIteration(5)");
        assert_eq_py((*si.cast::<PyStopIterationObject>()).value, c"5");
        let se = eval(c"SystemExit(4)");
        assert_eq_py((*se.cast::<PySystemExitObject>()).code, c"4");
        let ie = eval(c"ImportError('m', name='n', path='p')");
        assert_eq_py((*ie.cast::<PyImportErrorObject>()).name, c"'n'");
        assert_eq_py((*ie.cast::<PyImportErrorObject>()).path, c"'p'");
        let oe = eval(c"OSError(2, 'nope', 'file')");
        assert_eq_py((*oe.cast::<PyOSErrorObject>()).filename, c"'file'");
        #[cfg(Py_3_10)]
        let syn = eval(c"SyntaxError('bad', ('f.py', 3, 4, 'x', 3, 6))");
        #[cfg(not(Py_3_10))]
        let syn = eval(c"SyntaxError('bad', ('f.py', 3, 4, 'x'))");
        assert_eq_py((*syn.cast::<PySyntaxErrorObject>()).lineno, c"3");
        assert_eq_py((*syn.cast::<PySyntaxErrorObject>()).text, c"'x'");
        #[cfg(Py_3_10)]
        assert_eq_py((*syn.cast::<PySyntaxErrorObject>()).end_offset, c"6");
        let bytes = b"ab\xffc";
        let ude = PyUnicodeDecodeError_Create(
            c"utf-8".as_ptr(),
            bytes.as_ptr().cast::<c_char>(),
            4,
            2,
            3,
            c"invalid".as_ptr(),
        );
        let mut start = 0;
        assert_eq!(PyUnicodeDecodeError_GetStart(ude, &mut start), 0);
        assert_eq!(start, 2);
        assert_eq!((*ude.cast::<PyUnicodeErrorObject>()).end, 3);
        #[cfg(Py_3_11)]
        {
            let eg = eval(c"ExceptionGroup('g', [ValueError(1)])");
            assert_eq_py((*eg.cast::<PyBaseExceptionGroupObject>()).msg, c"'g'");
            assert_eq!(PyObject_IsInstance(eg, PyExc_BaseExceptionGroup), 1);
        }
        #[cfg(Py_3_10)]
        {
            let ae = eval(c"AttributeError('x', name='nm', obj=1)");
            assert_eq_py((*ae.cast::<PyAttributeErrorObject>()).name, c"'nm'");
            assert_eq!(
                PyObject_IsInstance(eval(c"EncodingWarning()"), PyExc_EncodingWarning),
                1
            );
        }
        #[cfg(Py_3_13)]
        assert_eq!(
            PyObject_IsInstance(
                eval(c"PythonFinalizationError()"),
                PyExc_PythonFinalizationError
            ),
            1
        );
        assert_eq!(PyErr_WarnEx(PyExc_UserWarning, c"ignored".as_ptr(), 1), 0);

        // Compile and evaluate.
        let code = Py_CompileString(c"40 + 2".as_ptr(), c"<rt>".as_ptr(), Py_eval_input);
        assert!(!code.is_null());
        let main = PyImport_AddModule(c"__main__".as_ptr());
        let g = PyModule_GetDict(main);
        assert_eq_py(PyEval_EvalCode(code, g, g), c"42");
        let mut flags = PyCompilerFlags {
            cf_flags: 0,
            cf_feature_version: 0,
        };
        assert_eq!(PyRun_SimpleStringFlags(c"zz = 5".as_ptr(), &mut flags), 0);
        assert_eq!(PyRun_SimpleString(c"zz += 1".as_ptr()), 0);
        assert_eq_py(eval(c"zz"), c"6");
        assert!(!PyEval_GetBuiltins().is_null());

        // Imports and sys.
        let sys = PyImport_ImportModule(c"sys".as_ptr());
        assert!(!sys.is_null());
        assert!(!PySys_GetObject(c"version".as_ptr()).is_null());
        assert!(!PyImport_GetModuleDict().is_null());

        // Thread state and the GIL.
        let ts = PyThreadState_Get();
        assert!(!ts.is_null());
        assert_eq!(PyThreadState_GET(), ts);
        assert_eq!(_PyThreadState_UncheckedGet(), ts);
        assert_eq!(PyThreadState_GetInterpreter(ts), PyInterpreterState_Get());
        assert_eq!(PyInterpreterState_Main(), PyInterpreterState_Get());
        assert_eq!(PyInterpreterState_GetID(PyInterpreterState_Get()), 0);
        let saved = PyEval_SaveThread();
        assert_eq!(PyGILState_Check(), 0);
        std::thread::spawn(|| {
            let g = PyGILState_Ensure();
            assert_eq!(g, PyGILState_STATE::PyGILState_UNLOCKED);
            assert_eq!(PyGILState_Check(), 1);
            let r = PyRun_SimpleString(c"zz = 100".as_ptr());
            assert_eq!(r, 0);
            PyGILState_Release(g);
        })
        .join()
        .unwrap();
        PyEval_RestoreThread(saved);
        assert_eq_py(eval(c"zz"), c"100");
        assert_eq!(PyGILState_Ensure(), PyGILState_STATE::PyGILState_LOCKED);
        PyGILState_Release(PyGILState_STATE::PyGILState_LOCKED);

        // Thread-specific storage.
        let mut key = Py_tss_NEEDS_INIT;
        assert_eq!(PyThread_tss_is_created(&mut key), 0);
        assert_eq!(PyThread_tss_create(&mut key), 0);
        let mut value = 7u32;
        assert_eq!(
            PyThread_tss_set(&mut key, (&mut value as *mut u32).cast()),
            0
        );
        assert_eq!(PyThread_tss_get(&mut key), (&mut value as *mut u32).cast());
        PyThread_tss_delete(&mut key);
        assert_ne!(PyThread_get_thread_ident(), 0);

        assert_eq!(Py_FinalizeEx(), 0);
    }
}
