//! `Debug for PyErr`: type, value and the formatted traceback (or a placeholder when the
//! traceback cannot be formatted). Own binary: it replaces `io` in `sys.modules` for a moment.

mod common;

use pyo3::prelude::*;
use pyo3::types::PyTracebackMethods;

#[test]
fn pyerr_debug_shows_formatted_traceback() {
    Python::attach(|py| {
        let err = py
            .run(c"raise ValueError('kiwi')", None, None)
            .expect_err("raises");
        let tb = err.traceback(py).expect("raised errors have a traceback");
        let text = tb.format().unwrap();
        assert_eq!(
            text,
            "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
        );
        assert_eq!(
            format!("{err:?}"),
            format!("PyErr {{ type: <class 'ValueError'>, value: ValueError('kiwi'), traceback: Some({text:?}) }}")
        );

        // No traceback: `None`.
        let err = pyo3::exceptions::PyKeyError::new_err("k");
        assert_eq!(
            format!("{err:?}"),
            "PyErr { type: <class 'KeyError'>, value: KeyError('k'), traceback: None }"
        );

        // Formatting goes through `io.StringIO`; with a broken replacement it fails and Debug
        // shows the traceback's repr instead.
        let err = py
            .run(
                c"
import sys
class FakeBuffer:
    def write(self, s):
        pass
    def getvalue(self):
        return 7
class FakeIo:
    StringIO = FakeBuffer
sys.modules['_rtfix_saved_io'] = sys.modules['io']
sys.modules['io'] = FakeIo()
raise Exception('pear')",
                None,
                None,
            )
            .expect_err("raises");
        let tb_repr = err.traceback(py).unwrap().repr().unwrap().to_string();
        let format_err = err.traceback(py).unwrap().format().unwrap_err();
        common::assert_err::<pyo3::exceptions::PyTypeError>(
            py,
            &format_err,
            "'int' object is not an instance of 'str'",
        );
        let debug = format!("{err:?}");
        py.run(
            c"
import sys
sys.modules['io'] = sys.modules.pop('_rtfix_saved_io')",
            None,
            None,
        )
        .unwrap();
        assert!(tb_repr.starts_with("<traceback object at 0x"), "{tb_repr}");
        assert_eq!(
            debug,
            format!(
                "PyErr {{ type: <class 'Exception'>, value: Exception('pear'), traceback: Some(\"<unformattable {tb_repr}>\") }}"
            )
        );
        // Nothing was left raised by the failed formatting.
        assert!(PyErr::take(py).is_none());
    });
}
