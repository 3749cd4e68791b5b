//! `#[pyfunction]` called through the interpreter: argument parsing, signatures, errors,
//! return conversion, docs and text signatures.
#![cfg(all(feature = "macros", feature = "auto-initialize"))]

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyModule, PyTuple};
use pyo3::{pyfunction, wrap_pyfunction};

/// Runs `code` with `f` bound to the name `f`; the code uses `assert` statements.
fn run_with(py: Python<'_>, f: &Bound<'_, PyAny>, code: &str) {
    let locals = PyDict::new(py);
    locals.set_item("f", f).unwrap();
    let code = std::ffi::CString::new(code).unwrap();
    if let Err(e) = py.run(&code, None, Some(&locals)) {
        e.print(py);
        panic!("python code failed: {e}");
    }
}

/// Asserts that calling `f` with `call` (Python argument list) raises `exc` with `msg`.
fn assert_raises(py: Python<'_>, f: &Bound<'_, PyAny>, call: &str, exc: &str, msg: &str) {
    let code = format!(
        "try:\n    f({call})\nexcept {exc} as e:\n    assert str(e) == {msg:?}, str(e)\nelse:\n    raise AssertionError('no exception')\n"
    );
    run_with(py, f, &code);
}

#[pyfunction]
fn no_args() -> bool {
    true
}

#[pyfunction]
fn echo_str(s: &str) -> String {
    format!("<{s}>")
}

#[pyfunction]
#[pyo3(signature = (a, b = true, /, c = None, *args, d, e = "x", **kwargs))]
#[allow(clippy::type_complexity)]
fn full<'py>(
    a: &str,
    b: bool,
    c: Option<&str>,
    args: &Bound<'py, PyTuple>,
    d: bool,
    e: &str,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> (
    String,
    bool,
    Option<String>,
    Bound<'py, PyTuple>,
    bool,
    String,
    Option<Bound<'py, PyDict>>,
) {
    (
        a.to_string(),
        b,
        c.map(str::to_string),
        args.clone(),
        d,
        e.to_string(),
        kwargs.cloned(),
    )
}

#[pyfunction]
fn two(a: &str, b: &str) -> String {
    format!("{a}{b}")
}

#[pyfunction]
fn fails(fail: bool) -> PyResult<bool> {
    if fail {
        Err(PyValueError::new_err("it failed"))
    } else {
        Ok(true)
    }
}

#[pyfunction]
fn unit(_py: Python<'_>, _x: &Bound<'_, PyAny>) {}

/// Documented function.
///
/// Second paragraph.
#[pyfunction]
#[pyo3(name = "renamed", signature = (x, *, y = false))]
fn documented(x: &str, y: bool) -> String {
    format!("{x}{y}")
}

#[pyfunction]
#[pyo3(text_signature = "(a, /)")]
fn explicit_sig(a: bool) -> bool {
    a
}

#[pyfunction]
#[pyo3(text_signature = None)]
fn no_sig(a: bool) -> bool {
    a
}

fn not_str(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(format!("custom:{}", obj.repr()?))
}

#[pyfunction]
fn with_from_py_with(#[pyo3(from_py_with = not_str)] v: String) -> String {
    v
}

#[pyfunction]
#[pyo3(pass_module)]
fn module_name(m: &Bound<'_, PyModule>) -> PyResult<String> {
    Ok(m.getattr("__name__")?.str()?.to_string())
}

#[pyfunction]
#[pyo3(warn(message = "this function is deprecated", category = pyo3::exceptions::PyDeprecationWarning))]
fn warns() -> bool {
    true
}

#[pyfunction]
fn panics() {
    panic!("boom");
}

#[pyfunction]
fn lifetimes<'py>(x: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
    x.clone()
}

/// A signature ending in a bare `*` with nothing after it (accepted as by PyO3, where
/// published crates use it): the `*` adds nothing, the text signature leaves it out.
#[pyfunction]
#[pyo3(signature = (obj, /, r#type = None, *))]
fn trailing_star(obj: i64, r#type: Option<&str>) -> String {
    format!("{obj}:{}", r#type.unwrap_or("-"))
}

#[test]
fn trailing_bare_star() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(trailing_star)(py).unwrap();
        run_with(py, &f, "assert f(1) == '1:-'");
        run_with(py, &f, "assert f(1, 'x') == '1:x'");
        run_with(py, &f, "assert f(1, type='y') == '1:y'");
        run_with(
            py,
            &f,
            "assert f.__text_signature__ == '(obj, /, type=None)'",
        );
        assert_raises(
            py,
            &f,
            "obj=1",
            "TypeError",
            "trailing_star() got some positional-only arguments passed as keyword arguments: 'obj'",
        );
    });
}

#[test]
fn basic_calls() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(no_args)(py).unwrap();
        run_with(py, &f, "assert f() is True");
        assert_raises(
            py,
            &f,
            "1",
            "TypeError",
            "no_args() takes no arguments (1 given)",
        );
        assert_raises(
            py,
            &f,
            "x=1",
            "TypeError",
            "no_args() takes no keyword arguments",
        );

        let f = wrap_pyfunction!(echo_str, py).unwrap();
        run_with(py, &f, "assert f('a') == '<a>'; assert f(s='b') == '<b>'");
        run_with(py, &f, "try:\n    f(1)\nexcept TypeError as e:\n    assert str(e) == \"'int' object is not an instance of 'str'\", str(e)\n    assert getattr(e, '__notes__', None) == [\"while processing 's'\"], e.__dict__\nelse:\n    raise AssertionError");
        assert_raises(
            py,
            &f,
            "",
            "TypeError",
            "echo_str() missing 1 required positional argument: 's'",
        );
        assert_raises(
            py,
            &f,
            "'a', s='b'",
            "TypeError",
            "echo_str() got multiple values for argument 's'",
        );

        let f = wrap_pyfunction!(two)(py).unwrap();
        run_with(
            py,
            &f,
            "assert f('a', 'b') == 'ab'; assert f(b='b', a='a') == 'ab'",
        );
        run_with(
            py,
            &f,
            "k = ''.join(['a']); assert f(**{k: 'x', 'b': 'y'}) == 'xy'",
        );
        assert_raises(
            py,
            &f,
            "",
            "TypeError",
            "two() missing 2 required positional arguments: 'a' and 'b'",
        );
        assert_raises(
            py,
            &f,
            "'a', 'b', 'c'",
            "TypeError",
            "two() takes 2 positional arguments but 3 were given",
        );
    });
}

#[test]
fn full_signature() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(full)(py).unwrap();
        run_with(
            py,
            &f,
            "assert f('a', d=True) == ('a', True, None, (), True, 'x', None)\n\
             assert f('a', False, 'c', 1, 2, d=False, e='y', z=3) == ('a', False, 'c', (1, 2), False, 'y', {'z': 3})\n\
             assert f('a', c='cc', d=True) == ('a', True, 'cc', (), True, 'x', None)\n\
             assert f('a', d=True, a='kw') == ('a', True, None, (), True, 'x', {'a': 'kw'})\n\
             assert f.__text_signature__ == '(a, b=True, /, c=None, *args, d, e=\"x\", **kwargs)', f.__text_signature__\n",
        );
        assert_raises(
            py,
            &f,
            "'a'",
            "TypeError",
            "full() missing 1 required keyword argument: 'd'",
        );
        assert_raises(
            py,
            &f,
            "d=True",
            "TypeError",
            "full() missing 1 required positional argument: 'a'",
        );
        let g = wrap_pyfunction!(documented)(py).unwrap();
        assert_raises(
            py,
            &g,
            "'a', True",
            "TypeError",
            "renamed() takes 1 positional arguments but 2 were given",
        );
    });
}

#[test]
fn results_and_errors() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(fails)(py).unwrap();
        run_with(py, &f, "assert f(False) is True");
        assert_raises(py, &f, "True", "ValueError", "it failed");
        let f = wrap_pyfunction!(unit)(py).unwrap();
        run_with(py, &f, "assert f(1) is None");
        let f = wrap_pyfunction!(panics)(py).unwrap();
        run_with(
            py,
            &f,
            "try:\n    f()\nexcept BaseException as e:\n    assert type(e).__name__ == 'PanicException', type(e)\n    assert str(e) == 'boom', str(e)\nelse:\n    raise AssertionError\n",
        );
        let f = wrap_pyfunction!(lifetimes)(py).unwrap();
        run_with(py, &f, "o = object(); assert f(o) is o");
    });
}

#[test]
fn docs_and_signatures() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(documented)(py).unwrap();
        run_with(
            py,
            &f,
            "assert f.__name__ == 'renamed'\n\
             assert f.__doc__ == 'Documented function.\\n\\nSecond paragraph.', repr(f.__doc__)\n\
             assert f.__text_signature__ == '(x, *, y=False)', f.__text_signature__\n\
             assert f('a', y=True) == 'atrue'\n",
        );
        let f = wrap_pyfunction!(explicit_sig)(py).unwrap();
        run_with(py, &f, "assert f.__text_signature__ == '(a, /)'");
        let f = wrap_pyfunction!(no_sig)(py).unwrap();
        run_with(
            py,
            &f,
            "assert f.__text_signature__ is None; assert f.__doc__ is None",
        );
        let f = wrap_pyfunction!(no_args)(py).unwrap();
        run_with(py, &f, "assert f.__text_signature__ == '()'; import inspect; assert str(inspect.signature(f)) == '()'");
    });
}

#[test]
fn from_py_with_and_module() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(with_from_py_with)(py).unwrap();
        run_with(py, &f, "assert f(1) == 'custom:1'");
        let m = PyModule::new(py, "my_mod").unwrap();
        let f = wrap_pyfunction!(module_name, &m).unwrap();
        run_with(
            py,
            &f,
            "assert f() == 'my_mod'; assert f.__module__ == 'my_mod'",
        );
        let f = wrap_pyfunction!(module_name)(py).unwrap();
        run_with(
            py,
            &f,
            "try:\n    f()\nexcept TypeError:\n    pass\nelse:\n    raise AssertionError\n",
        );
    });
}

#[test]
fn warnings() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(warns)(py).unwrap();
        run_with(
            py,
            &f,
            "import warnings\n\
             with warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n    assert f() is True\n\
             assert len(w) == 1 and w[0].category is DeprecationWarning and str(w[0].message) == 'this function is deprecated'\n",
        );
    });
}

mod nested {
    pub mod deeper {
        #[pyo3::pyfunction]
        pub fn in_module() -> bool {
            true
        }
    }
}

macro_rules! wrap_via_crate_path {
    ($py:expr) => {
        pyo3::wrap_pyfunction!($crate::nested::deeper::in_module, $py)
    };
}

#[test]
fn paths_and_local_functions() {
    Python::attach(|py| {
        #[pyfunction]
        fn local(x: bool) -> bool {
            !x
        }
        let f = wrap_pyfunction!(local)(py).unwrap();
        run_with(py, &f, "assert f(False) is True");
        let f = wrap_pyfunction!(nested::deeper::in_module)(py).unwrap();
        run_with(py, &f, "assert f() is True");
        let f = wrap_pyfunction!(crate::nested::deeper::in_module, py).unwrap();
        run_with(py, &f, "assert f() is True");
        let f = wrap_via_crate_path!(py).unwrap();
        run_with(py, &f, "assert f() is True");
    });
}

#[pyfunction]
#[pyo3(crate = "pyo3")]
#[allow(clippy::type_complexity)]
fn smart_pointers<'py>(
    a: Borrowed<'_, 'py, PyAny>,
    b: Py<PyAny>,
    c: Bound<'py, PyAny>,
    d: Option<bool>,
    e: Option<&Bound<'py, PyAny>>,
    py: Python<'py>,
) -> PyResult<(
    Bound<'py, PyAny>,
    Py<PyAny>,
    Bound<'py, PyAny>,
    Option<bool>,
    bool,
)> {
    Ok((a.to_owned(), b.clone_ref(py), c, d, e.is_none()))
}

#[test]
fn smart_pointer_arguments() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(smart_pointers)(py).unwrap();
        run_with(
            py,
            &f,
            "o = object()\n\
             assert f(o, o, o, None, None) == (o, o, o, None, True)\n\
             assert f(1, 2, 3, True, 'x') == (1, 2, 3, True, False)\n",
        );
        assert_raises(
            py,
            &f,
            "1, 2, 3, 'no', None",
            "TypeError",
            "'str' object is not an instance of 'bool'",
        );
    });
}

type UnitAlias = ();
type UnitResult = PyResult<UnitAlias>;

#[pyfunction]
fn returns_unit_alias() -> UnitAlias {}

#[pyfunction]
fn returns_unit_result_alias(fail: bool) -> UnitResult {
    if fail {
        Err(PyValueError::new_err("failed"))
    } else {
        Ok(())
    }
}

#[test]
fn unit_behind_aliases_gives_none() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(returns_unit_alias, py).unwrap();
        let g = wrap_pyfunction!(returns_unit_result_alias, py).unwrap();
        run_with(py, &f, "assert f() is None");
        let g = g.into_any();
        run_with(py, &g, "assert f(False) is None");
        assert_raises(py, &g, "True", "ValueError", "failed");
        // `add_wrapped` takes the wrapper closure.
        let m = PyModule::new(py, "wrapped_mod").unwrap();
        m.add_wrapped(wrap_pyfunction!(returns_unit_alias)).unwrap();
        assert!(m
            .getattr("returns_unit_alias")
            .unwrap()
            .call0()
            .unwrap()
            .is_none());
    });
}

#[pyfunction]
fn takes_none_or_str(s: &str) -> String {
    s.to_owned()
}

#[test]
fn argument_conversion_error_message_and_note() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(takes_none_or_str, py).unwrap().into_any();
        run_with(
            py,
            &f,
            "for arg, msg in [(None, \"'None' is not an instance of 'str'\"),\n                 (3, \"'int' object is not an instance of 'str'\")]:\n    try:\n        f(arg)\n    except TypeError as e:\n        assert str(e) == msg, str(e)\n        assert e.__notes__ == [\"while processing 's'\"], e.__notes__\n    else:\n        raise AssertionError",
        );
    });
}

#[pyfunction]
#[pyo3(signature = (a, b = 0, /, c = 0, d = 0, *, e = 0))]
fn fast_paths(a: i64, b: i64, c: i64, d: i64, e: i64) -> (i64, i64, i64, i64, i64) {
    (a, b, c, d, e)
}

#[pyfunction]
fn str_and_ints(s: &str, t: String, n: u8, m: i32) -> (String, String, u8, i32) {
    (s.to_owned(), t, n, m)
}

/// The inlined positional-only path and the keyword-by-pointer path of the argument parser
/// must agree with the general path on every boundary.
#[test]
fn argument_parser_fast_paths() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(fast_paths)(py).unwrap();
        run_with(
            py,
            &f,
            "assert f(1) == (1, 0, 0, 0, 0)\n\
             assert f(1, 2, 3, 4) == (1, 2, 3, 4, 0)\n\
             assert f(1, d=4, c=3) == (1, 0, 3, 4, 0)\n\
             assert f(1, 2, e=5, d=4) == (1, 2, 0, 4, 5)\n\
             k = ''.join(['c']); assert f(1, **{k: 3}) == (1, 0, 3, 0, 0)\n",
        );
        assert_raises(
            py,
            &f,
            "",
            "TypeError",
            "fast_paths() missing 1 required positional argument: 'a'",
        );
        assert_raises(
            py,
            &f,
            "1, 2, 3, 4, 5",
            "TypeError",
            "fast_paths() takes from 1 to 4 positional arguments but 5 were given",
        );
        assert_raises(
            py,
            &f,
            "1, 2, 3, c=3",
            "TypeError",
            "fast_paths() got multiple values for argument 'c'",
        );
        assert_raises(
            py,
            &f,
            "1, c=3, **{''.join(['c', 'x'])[:1]: 4}",
            "TypeError",
            "fast_paths() got multiple values for keyword argument 'c'",
        );
        assert_raises(
            py,
            &f,
            "1, b=2",
            "TypeError",
            "fast_paths() got some positional-only arguments passed as keyword arguments: 'b'",
        );
        assert_raises(
            py,
            &f,
            "1, zz=2",
            "TypeError",
            "fast_paths() got an unexpected keyword argument 'zz'",
        );

        let g = wrap_pyfunction!(str_and_ints)(py).unwrap();
        run_with(
            py,
            &g,
            "assert g('abc', 'def', 255, -7) == ('abc', 'def', 255, -7)\n\
             assert g('', '', 0, 0) == ('', '', 0, 0)\n\
             assert g('h\\xe9\\U0001f600', 'x' * 1000, True, 2**31 - 1) == ('h\\xe9\\U0001f600', 'x' * 1000, 1, 2**31 - 1)\n\
             class S(str): pass\n\
             assert g(S('sub'), S('t'), 1, 1) == ('sub', 't', 1, 1)\n"
                .replace("g(", "f(")
                .as_str(),
        );
        assert_raises(
            py,
            &g,
            "'a', 'b', 256, 0",
            "OverflowError",
            "out of range integral type conversion attempted",
        );
        assert_raises(
            py,
            &g,
            "'\\ud800', 'b', 1, 0",
            "UnicodeEncodeError",
            "'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed",
        );
    });
}
