//! Start symbols for the compiler from `Include/compile.h`.

use std::ffi::c_int;

/// Start symbol for a single interactive statement.
pub const Py_single_input: c_int = 256;
/// Start symbol for a sequence of statements (a module).
pub const Py_file_input: c_int = 257;
/// Start symbol for an isolated expression.
pub const Py_eval_input: c_int = 258;
/// Start symbol for a function type comment.
pub const Py_func_type_input: c_int = 345;
/// Start symbol for an f-string expression (no longer in the public headers from 3.12; the
/// value is kept for code written against older versions).
pub const Py_fstring_input: c_int = 800;
