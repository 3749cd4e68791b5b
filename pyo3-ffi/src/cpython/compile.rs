//! Compiler flags and future features from `Include/cpython/compile.h`.

use crate::{
    CO_FUTURE_ABSOLUTE_IMPORT, CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL, CO_FUTURE_DIVISION,
    CO_FUTURE_GENERATOR_STOP, CO_FUTURE_PRINT_FUNCTION, CO_FUTURE_UNICODE_LITERALS,
    CO_FUTURE_WITH_STATEMENT,
};
use std::ffi::{c_int, CStr};

/// All future-feature flags that may appear in `PyCompilerFlags::cf_flags`.
#[cfg(not(PyPy))]
pub const PyCF_MASK: c_int = CO_FUTURE_DIVISION
    | CO_FUTURE_ABSOLUTE_IMPORT
    | CO_FUTURE_WITH_STATEMENT
    | CO_FUTURE_PRINT_FUNCTION
    | CO_FUTURE_UNICODE_LITERALS
    | CO_FUTURE_BARRY_AS_BDFL
    | CO_FUTURE_GENERATOR_STOP
    | CO_FUTURE_ANNOTATIONS;
/// The future-feature flags PyPy's headers put in the mask (without generator_stop and
/// annotations).
#[cfg(PyPy)]
pub const PyCF_MASK: c_int = CO_FUTURE_DIVISION
    | CO_FUTURE_ABSOLUTE_IMPORT
    | CO_FUTURE_WITH_STATEMENT
    | CO_FUTURE_PRINT_FUNCTION
    | CO_FUTURE_UNICODE_LITERALS;
/// Obsolete flags (`CO_NESTED`).
pub const PyCF_MASK_OBSOLETE: c_int = 0x0010;
/// The source is known to be UTF-8.
pub const PyCF_SOURCE_IS_UTF8: c_int = 0x0100;
/// Do not imply a dedent at the end of input.
pub const PyCF_DONT_IMPLY_DEDENT: c_int = 0x0200;
/// Return an AST instead of a code object.
pub const PyCF_ONLY_AST: c_int = 0x0400;
/// Ignore the source encoding cookie.
pub const PyCF_IGNORE_COOKIE: c_int = 0x0800;
/// Parse type comments.
pub const PyCF_TYPE_COMMENTS: c_int = 0x1000;
/// Allow top-level `await`, `async for` and `async with`.
pub const PyCF_ALLOW_TOP_LEVEL_AWAIT: c_int = 0x2000;
/// Report incomplete input as such (3.10+ header; 3.9 lacks it).
#[cfg(Py_3_10)]
pub const PyCF_ALLOW_INCOMPLETE_INPUT: c_int = 0x4000;
/// Return an optimized AST (3.13+).
#[cfg(Py_3_13)]
pub const PyCF_OPTIMIZED_AST: c_int = 0x8000 | PyCF_ONLY_AST;
/// Flags accepted by `compile()`.
#[cfg(not(Py_3_10))]
pub const PyCF_COMPILE_MASK: c_int =
    PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS | PyCF_DONT_IMPLY_DEDENT;
/// Flags accepted by `compile()`.
#[cfg(all(Py_3_10, not(Py_3_13)))]
pub const PyCF_COMPILE_MASK: c_int = PyCF_ONLY_AST
    | PyCF_ALLOW_TOP_LEVEL_AWAIT
    | PyCF_TYPE_COMMENTS
    | PyCF_DONT_IMPLY_DEDENT
    | PyCF_ALLOW_INCOMPLETE_INPUT;
/// Flags accepted by `compile()`.
#[cfg(Py_3_13)]
pub const PyCF_COMPILE_MASK: c_int = PyCF_ONLY_AST
    | PyCF_ALLOW_TOP_LEVEL_AWAIT
    | PyCF_TYPE_COMMENTS
    | PyCF_DONT_IMPLY_DEDENT
    | PyCF_ALLOW_INCOMPLETE_INPUT
    | PyCF_OPTIMIZED_AST;

/// Compiler flags passed to the `*Flags` variants of the run and compile functions.
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct PyCompilerFlags {
    /// Bitmask of `CO_*`, `CO_FUTURE_*` and `PyCF_*` flags.
    pub cf_flags: c_int,
    /// Minor Python version for feature-version parsing (`PY_MINOR_VERSION` by default).
    pub cf_feature_version: c_int,
}

#[cfg(not(PyPy))]
/// Future features found in a module (the 3.9 - 3.11 layout).
#[cfg(not(Py_3_12))]
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct PyFutureFeatures {
    /// `CO_FUTURE_*` flags.
    pub ff_features: c_int,
    /// Line number of the last future statement.
    pub ff_lineno: c_int,
}

/// Name of the `nested_scopes` future feature.
pub const FUTURE_NESTED_SCOPES: &CStr = c"nested_scopes";
/// Name of the `generators` future feature.
pub const FUTURE_GENERATORS: &CStr = c"generators";
/// Name of the `division` future feature.
pub const FUTURE_DIVISION: &CStr = c"division";
/// Name of the `absolute_import` future feature.
pub const FUTURE_ABSOLUTE_IMPORT: &CStr = c"absolute_import";
/// Name of the `with_statement` future feature.
pub const FUTURE_WITH_STATEMENT: &CStr = c"with_statement";
/// Name of the `print_function` future feature.
pub const FUTURE_PRINT_FUNCTION: &CStr = c"print_function";
/// Name of the `unicode_literals` future feature.
pub const FUTURE_UNICODE_LITERALS: &CStr = c"unicode_literals";
/// Name of the `barry_as_FLUFL` future feature.
pub const FUTURE_BARRY_AS_BDFL: &CStr = c"barry_as_FLUFL";
/// Name of the `generator_stop` future feature.
pub const FUTURE_GENERATOR_STOP: &CStr = c"generator_stop";
/// Name of the `annotations` future feature.
pub const FUTURE_ANNOTATIONS: &CStr = c"annotations";

/// Returned by [`PyCompile_OpcodeStackEffect`] for an invalid opcode (`INT_MAX`).
pub const PY_INVALID_STACK_EFFECT: c_int = c_int::MAX;

extern "C" {
    /// Stack effect of `opcode` with argument `oparg`.
    #[cfg(not(PyPy))]
    pub fn PyCompile_OpcodeStackEffect(opcode: c_int, oparg: c_int) -> c_int;
    /// Stack effect of `opcode` with argument `oparg`, for the jump (`jump` > 0) or not.
    #[cfg(not(PyPy))]
    pub fn PyCompile_OpcodeStackEffectWithJump(opcode: c_int, oparg: c_int, jump: c_int) -> c_int;
}

#[cfg(not(Py_3_10))]
use crate::{_mod, _node, PyArena, PyCodeObject, PyObject};
#[cfg(not(Py_3_10))]
use std::ffi::c_char;

#[cfg(not(Py_3_10))]
extern "C" {
    /// Compiles a parse tree into a code object (Python < 3.10).
    pub fn PyNode_Compile(node: *mut _node, filename: *const c_char) -> *mut PyCodeObject;
    /// Compiles an AST into a code object (Python < 3.10).
    pub fn PyAST_CompileEx(
        mod_: *mut _mod,
        filename: *const c_char,
        flags: *mut PyCompilerFlags,
        optimize: c_int,
        arena: *mut PyArena,
    ) -> *mut PyCodeObject;
    /// Compiles an AST into a code object, file name as an object (Python < 3.10).
    pub fn PyAST_CompileObject(
        mod_: *mut _mod,
        filename: *mut PyObject,
        flags: *mut PyCompilerFlags,
        optimize: c_int,
        arena: *mut PyArena,
    ) -> *mut PyCodeObject;
    /// Future features used by an AST (Python < 3.10).
    pub fn PyFuture_FromAST(mod_: *mut _mod, filename: *const c_char) -> *mut PyFutureFeatures;
    /// Future features used by an AST, file name as an object (Python < 3.10).
    pub fn PyFuture_FromASTObject(
        mod_: *mut _mod,
        filename: *mut PyObject,
    ) -> *mut PyFutureFeatures;
}

/// Compiles an AST with the default optimization level (Python < 3.10; a C macro).
#[cfg(not(Py_3_10))]
#[inline]
pub unsafe fn PyAST_Compile(
    mod_: *mut _mod,
    filename: *const c_char,
    flags: *mut PyCompilerFlags,
    arena: *mut PyArena,
) -> *mut PyCodeObject {
    PyAST_CompileEx(mod_, filename, flags, -1, arena)
}
