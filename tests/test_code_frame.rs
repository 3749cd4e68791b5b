#![cfg(feature = "auto-initialize")]
//! PyCode, PyFrame and PyTraceback.

mod common;

use pyo3::exceptions::{PyNameError, PySyntaxError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::types::{PyCode, PyCodeInput, PyCodeMethods, PyDict, PyList, PyTraceback};

#[test]
fn compile_eval_and_file() {
    Python::attach(|py| {
        let code = PyCode::compile(py, c"[x, x]", c"<eval>", PyCodeInput::Eval).unwrap();
        let globals = PyDict::new(py);
        let obj = py.eval(c"object()", None, None).unwrap();
        globals.set_item("x", &obj).unwrap();
        let before = obj.get_refcnt();
        let r = code.run(Some(&globals), None).unwrap();
        let list = r.cast::<PyList>().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(obj.get_refcnt(), before + 2);
        drop(r);
        assert_eq!(obj.get_refcnt(), before);
        // `__builtins__` was added, as exec() does.
        assert!(globals.contains("__builtins__").unwrap());

        let code = PyCode::compile(py, c"y = len('abc')", c"<file>", PyCodeInput::File).unwrap();
        let locals = PyDict::new(py);
        assert!(code.run(Some(&globals), Some(&locals)).unwrap().is_none());
        assert_eq!(
            locals
                .get_item("y")
                .unwrap()
                .unwrap()
                .extract::<i64>()
                .unwrap(),
            3
        );
        assert!(!globals.contains("y").unwrap());
    });
}

#[test]
fn run_defaults_to_main() {
    Python::attach(|py| {
        let code = PyCode::compile(
            py,
            c"_pyo3_code_test_value = 'set'",
            c"<main>",
            PyCodeInput::File,
        )
        .unwrap();
        code.run(None, None).unwrap();
        let main = py.import("__main__").unwrap();
        assert_eq!(
            main.getattr("_pyo3_code_test_value")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "set"
        );
    });
}

#[test]
fn compile_and_run_errors() {
    Python::attach(|py| {
        let err = PyCode::compile(py, c"1 +", c"bad.py", PyCodeInput::Eval).unwrap_err();
        // The wording of syntax errors changes between versions: the same as Python's own.
        let expected = common::python_message(py, c"compile('1 +', 'bad.py', 'eval')");
        common::assert_err::<PySyntaxError>(py, &err, &expected);
        assert_eq!(
            err.value(py)
                .getattr("filename")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "bad.py"
        );
        // Statements are not expressions.
        let err = PyCode::compile(py, c"x = 1", c"<e>", PyCodeInput::Eval).unwrap_err();
        let expected = common::python_message(py, c"compile('x = 1', '<e>', 'eval')");
        common::assert_err::<PySyntaxError>(py, &err, &expected);

        let code = PyCode::compile(py, c"1 / 0", c"div.py", PyCodeInput::Eval).unwrap();
        let err = code.run(None, None).unwrap_err();
        common::assert_err::<PyZeroDivisionError>(py, &err, "division by zero");
        assert_eq!(err.value(py).to_string(), "division by zero");
        let tb = err.traceback(py).unwrap();
        let text = tb.format().unwrap();
        assert!(
            text.starts_with("Traceback (most recent call last):\n"),
            "{text}"
        );
        assert!(
            text.contains("File \"div.py\", line 1, in <module>"),
            "{text}"
        );

        let code = PyCode::compile(py, c"undefined_name", c"<e>", PyCodeInput::Eval).unwrap();
        let err = code.run(Some(&PyDict::new(py)), None).unwrap_err();
        common::assert_err::<PyNameError>(py, &err, "name 'undefined_name' is not defined");
        assert_eq!(
            err.value(py).to_string(),
            "name 'undefined_name' is not defined"
        );
    });
}

#[test]
fn code_type_check() {
    Python::attach(|py| {
        let code = PyCode::compile(py, c"1", c"<e>", PyCodeInput::Eval).unwrap();
        assert!(code.is_instance_of::<PyCode>());
        let f_code = py.eval(c"(lambda: 0).__code__", None, None).unwrap();
        assert!(f_code.cast::<PyCode>().is_ok());
        let err = py
            .eval(c"1", None, None)
            .unwrap()
            .cast_into::<PyCode>()
            .unwrap_err();
        assert_eq!(err.to_string(), "'int' object is not an instance of 'code'");
    });
}

#[test]
fn traceback_format_from_python_error() {
    Python::attach(|py| {
        let err = py
            .run(
                c"def inner():\n    raise ValueError('bad')\ndef outer():\n    inner()\nouter()\n",
                None,
                None,
            )
            .unwrap_err();
        let tb = err.traceback(py).unwrap();
        assert!(tb.is_instance_of::<PyTraceback>());
        let text = tb.format().unwrap();
        // `<string>` has no source lines to show.
        assert_eq!(
            text,
            "Traceback (most recent call last):\n  File \"<string>\", line 5, in <module>\n  File \"<string>\", line 4, in outer\n  File \"<string>\", line 2, in inner\n"
        );
    });
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod frames {
    use super::*;
    use pyo3::types::{PyFrame, PyFrameMethods};

    #[test]
    fn synthetic_frame_and_traceback() {
        Python::attach(|py| {
            let frame = PyFrame::new(py, c"rust_file.rs", c"rust_function", 42).unwrap();
            assert_eq!(frame.get_refcnt(), 1);
            assert_eq!(frame.line_number(), 42);
            let code = frame.code();
            assert_eq!(
                code.getattr("co_filename")
                    .unwrap()
                    .extract::<String>()
                    .unwrap(),
                "rust_file.rs"
            );
            assert_eq!(
                code.getattr("co_name")
                    .unwrap()
                    .extract::<String>()
                    .unwrap(),
                "rust_function"
            );
            let tb = PyTraceback::new(py, None, frame.clone(), 0, 42).unwrap();
            assert_eq!(frame.get_refcnt(), 2, "the traceback holds the frame");
            let text = tb.format().unwrap();
            assert_eq!(
                text,
                "Traceback (most recent call last):\n  File \"rust_file.rs\", line 42, in rust_function\n"
            );
            let frame2 = PyFrame::new(py, c"outer.rs", c"caller", 7).unwrap();
            let tb2 = PyTraceback::new(py, Some(tb.clone()), frame2, 0, 7).unwrap();
            let text = tb2.format().unwrap();
            assert_eq!(
                text,
                "Traceback (most recent call last):\n  File \"outer.rs\", line 7, in caller\n  File \"rust_file.rs\", line 42, in rust_function\n"
            );
            drop(tb2);
            drop(tb);
            assert_eq!(frame.get_refcnt(), 1);
        });
    }

    #[test]
    fn frame_of_running_python() {
        Python::attach(|py| {
            let g = PyDict::new(py);
            py.run(
                c"import sys\ndef f():\n    local_var = 'here'\n    return sys._getframe()\nframe = f()\n",
                Some(&g),
                None,
            )
            .unwrap();
            let frame = g.get_item("frame").unwrap().unwrap();
            let frame = frame.cast::<PyFrame>().unwrap();
            assert_eq!(frame.line_number(), 4);
            let outer = frame.outer().unwrap();
            assert_eq!(outer.line_number(), 5);
            assert_eq!(
                frame
                    .code()
                    .getattr("co_name")
                    .unwrap()
                    .extract::<String>()
                    .unwrap(),
                "f"
            );
            #[cfg(Py_3_11)]
            {
                assert!(frame.globals().is(&g));
                assert!(frame.builtins().contains("len").unwrap());
                assert_eq!(
                    frame
                        .locals()
                        .get_item("local_var")
                        .unwrap()
                        .extract::<String>()
                        .unwrap(),
                    "here"
                );
            }
            #[cfg(Py_3_12)]
            {
                assert_eq!(
                    frame
                        .var(c"local_var")
                        .unwrap()
                        .extract::<String>()
                        .unwrap(),
                    "here"
                );
                let err = frame.var(c"missing").unwrap_err();
                common::assert_err::<PyNameError>(py, &err, "variable 'missing' does not exist");
                assert_eq!(
                    err.value(py).to_string(),
                    "variable 'missing' does not exist"
                );
            }
            let err = py
                .eval(c"1", None, None)
                .unwrap()
                .cast_into::<PyFrame>()
                .unwrap_err();
            assert_eq!(
                err.to_string(),
                "'int' object is not an instance of 'frame'"
            );
        });
    }
}
