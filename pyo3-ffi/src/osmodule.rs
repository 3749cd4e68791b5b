//! `os.fspath()` from `osmodule.h`.

use crate::PyObject;

extern "C" {
    /// Returns the file-system representation of `path` (`os.fspath`).
    #[cfg_attr(PyPy, link_name = "PyPyOS_FSPath")]
    pub fn PyOS_FSPath(path: *mut PyObject) -> *mut PyObject;
}
