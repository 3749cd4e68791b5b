//! String <-> double conversions from `pystrtod.h`.

use crate::PyObject;
use std::ffi::{c_char, c_double, c_int};

extern "C" {
    /// Converts a string to a double, raising `ValueError` on malformed input.
    #[cfg_attr(PyPy, link_name = "PyPyOS_string_to_double")]
    pub fn PyOS_string_to_double(
        str: *const c_char,
        endptr: *mut *mut c_char,
        overflow_exception: *mut PyObject,
    ) -> c_double;
    /// Formats a double; the result must be released with `PyMem_Free`.
    #[cfg_attr(PyPy, link_name = "PyPyOS_double_to_string")]
    pub fn PyOS_double_to_string(
        val: c_double,
        format_code: c_char,
        precision: c_int,
        flags: c_int,
        _type: *mut c_int,
    ) -> *mut c_char;
}

/// `PyOS_double_to_string` flag: always add a sign.
pub const Py_DTSF_SIGN: c_int = 0x01;
/// `PyOS_double_to_string` flag: add `.0` to integral results.
pub const Py_DTSF_ADD_DOT_0: c_int = 0x02;
/// `PyOS_double_to_string` flag: "alternate" formatting.
pub const Py_DTSF_ALT: c_int = 0x04;
/// `PyOS_double_to_string` flag: coerce a negative zero result to zero.
#[cfg(Py_3_11)]
pub const Py_DTSF_NO_NEG_0: c_int = 0x08;

/// `PyOS_double_to_string` result type: a finite number.
pub const Py_DTST_FINITE: c_int = 0;
/// `PyOS_double_to_string` result type: an infinity.
pub const Py_DTST_INFINITE: c_int = 1;
/// `PyOS_double_to_string` result type: a NaN.
pub const Py_DTST_NAN: c_int = 2;
