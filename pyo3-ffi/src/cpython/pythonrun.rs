//! Non-limited "very high level" API from `Include/cpython/pythonrun.h`: running source
//! code from strings and files, and the pre-3.10 parser entry points.

#[cfg(not(Py_3_10))]
use crate::{_node, symtable};
use crate::{PyCompilerFlags, PyObject};
use libc::FILE;
use std::ffi::{c_char, c_int};

/// Opaque AST module node (`struct _mod`; exposed for Python < 3.10 only).
#[cfg(not(Py_3_10))]
#[repr(C)]
pub struct _mod {
    _private: [u8; 0],
}

/// Opaque AST memory arena (Python < 3.10).
#[cfg(not(Py_3_10))]
#[repr(C)]
pub struct PyArena {
    _private: [u8; 0],
}

extern "C" {
    /// Runs `command` in `__main__`; -1 (and prints) on error.
    #[cfg(not(PyPy))]
    pub fn PyRun_SimpleStringFlags(command: *const c_char, flags: *mut PyCompilerFlags) -> c_int;
    /// Runs `fp` interactively or as a script depending on `filename`.
    #[cfg(not(PyPy))]
    pub fn PyRun_AnyFileExFlags(
        fp: *mut FILE,
        filename: *const c_char,
        closeit: c_int,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    /// Runs the file `fp` in `__main__`.
    #[cfg(not(PyPy))]
    pub fn PyRun_SimpleFileExFlags(
        fp: *mut FILE,
        filename: *const c_char,
        closeit: c_int,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    /// Reads and runs one statement from `fp`.
    #[cfg(not(PyPy))]
    pub fn PyRun_InteractiveOneFlags(
        fp: *mut FILE,
        filename: *const c_char,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    /// Like [`PyRun_InteractiveOneFlags`] with a file name object.
    #[cfg(not(PyPy))]
    pub fn PyRun_InteractiveOneObject(
        fp: *mut FILE,
        filename: *mut PyObject,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    /// Reads and runs statements from `fp` until EOF.
    #[cfg(not(PyPy))]
    pub fn PyRun_InteractiveLoopFlags(
        fp: *mut FILE,
        filename: *const c_char,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    /// Parses a string to an AST (Python < 3.10).
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "PyPyParser_ASTFromString")]
    pub fn PyParser_ASTFromString(
        s: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: *mut PyCompilerFlags,
        arena: *mut PyArena,
    ) -> *mut _mod;
    /// Parses a string to an AST (Python < 3.10).
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "PyPyParser_ASTFromStringObject")]
    pub fn PyParser_ASTFromStringObject(
        s: *const c_char,
        filename: *mut PyObject,
        start: c_int,
        flags: *mut PyCompilerFlags,
        arena: *mut PyArena,
    ) -> *mut _mod;
    /// Parses a file to an AST (Python < 3.10).
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "PyPyParser_ASTFromFile")]
    pub fn PyParser_ASTFromFile(
        fp: *mut FILE,
        filename: *const c_char,
        enc: *const c_char,
        start: c_int,
        ps1: *const c_char,
        ps2: *const c_char,
        flags: *mut PyCompilerFlags,
        errcode: *mut c_int,
        arena: *mut PyArena,
    ) -> *mut _mod;
    /// Parses a file to an AST (Python < 3.10).
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "PyPyParser_ASTFromFileObject")]
    pub fn PyParser_ASTFromFileObject(
        fp: *mut FILE,
        filename: *mut PyObject,
        enc: *const c_char,
        start: c_int,
        ps1: *const c_char,
        ps2: *const c_char,
        flags: *mut PyCompilerFlags,
        errcode: *mut c_int,
        arena: *mut PyArena,
    ) -> *mut _mod;
    /// Parses a string with the old parser (Python < 3.10).
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "PyPyParser_SimpleParseStringFlags")]
    pub fn PyParser_SimpleParseStringFlags(
        str: *const c_char,
        start: c_int,
        flags: c_int,
    ) -> *mut _node;
    /// Parses a string with the old parser (Python < 3.10).
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "PyPyParser_SimpleParseStringFlagsFilename")]
    pub fn PyParser_SimpleParseStringFlagsFilename(
        str: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: c_int,
    ) -> *mut _node;
    /// Parses a file with the old parser (Python < 3.10).
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "PyPyParser_SimpleParseFileFlags")]
    pub fn PyParser_SimpleParseFileFlags(
        fp: *mut FILE,
        filename: *const c_char,
        start: c_int,
        flags: c_int,
    ) -> *mut _node;
    /// Runs `str` with start symbol `start` in `globals`/`locals`.
    #[cfg_attr(PyPy, link_name = "PyPyRun_StringFlags")]
    pub fn PyRun_StringFlags(
        str: *const c_char,
        start: c_int,
        globals: *mut PyObject,
        locals: *mut PyObject,
        flags: *mut PyCompilerFlags,
    ) -> *mut PyObject;
    /// Runs the file `fp` with start symbol `start` in `globals`/`locals`.
    #[cfg(not(PyPy))]
    pub fn PyRun_FileExFlags(
        fp: *mut FILE,
        filename: *const c_char,
        start: c_int,
        globals: *mut PyObject,
        locals: *mut PyObject,
        closeit: c_int,
        flags: *mut PyCompilerFlags,
    ) -> *mut PyObject;
    /// Compiles `str` with flags and optimization level.
    #[cfg(not(PyPy))]
    pub fn Py_CompileStringExFlags(
        str: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: *mut PyCompilerFlags,
        optimize: c_int,
    ) -> *mut PyObject;
    /// Like [`Py_CompileStringExFlags`] with a file name object.
    #[cfg(not(PyPy))]
    pub fn Py_CompileStringObject(
        str: *const c_char,
        filename: *mut PyObject,
        start: c_int,
        flags: *mut PyCompilerFlags,
        optimize: c_int,
    ) -> *mut PyObject;
    /// Symbol table of a source string (Python < 3.10).
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "PyPy_SymtableStringObject")]
    pub fn Py_SymtableStringObject(
        str: *const c_char,
        filename: *mut PyObject,
        start: c_int,
    ) -> *mut symtable;
    /// [`PyRun_StringFlags`] without flags.
    #[cfg_attr(PyPy, link_name = "PyPyRun_String")]
    pub fn PyRun_String(
        str: *const c_char,
        s: c_int,
        g: *mut PyObject,
        l: *mut PyObject,
    ) -> *mut PyObject;
    /// [`PyRun_AnyFileExFlags`] without flags.
    #[cfg(not(PyPy))]
    pub fn PyRun_AnyFile(fp: *mut FILE, name: *const c_char) -> c_int;
    /// [`PyRun_AnyFileExFlags`] without flags.
    #[cfg(not(PyPy))]
    pub fn PyRun_AnyFileEx(fp: *mut FILE, name: *const c_char, closeit: c_int) -> c_int;
    /// [`PyRun_AnyFileExFlags`] without closing.
    #[cfg(not(PyPy))]
    pub fn PyRun_AnyFileFlags(
        fp: *mut FILE,
        filename: *const c_char,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    /// [`PyRun_SimpleStringFlags`] without flags.
    #[cfg_attr(PyPy, link_name = "PyPyRun_SimpleString")]
    pub fn PyRun_SimpleString(s: *const c_char) -> c_int;
    /// [`PyRun_SimpleFileExFlags`] without flags.
    #[cfg(not(PyPy))]
    pub fn PyRun_SimpleFile(f: *mut FILE, p: *const c_char) -> c_int;
    /// [`PyRun_SimpleFileExFlags`] without flags.
    #[cfg(not(PyPy))]
    pub fn PyRun_SimpleFileEx(f: *mut FILE, p: *const c_char, c: c_int) -> c_int;
    /// [`PyRun_InteractiveOneFlags`] without flags.
    #[cfg(not(PyPy))]
    pub fn PyRun_InteractiveOne(f: *mut FILE, p: *const c_char) -> c_int;
    /// [`PyRun_InteractiveLoopFlags`] without flags.
    #[cfg(not(PyPy))]
    pub fn PyRun_InteractiveLoop(f: *mut FILE, p: *const c_char) -> c_int;
    /// [`PyRun_FileExFlags`] without flags.
    #[cfg_attr(PyPy, link_name = "PyPyRun_File")]
    pub fn PyRun_File(
        fp: *mut FILE,
        p: *const c_char,
        s: c_int,
        g: *mut PyObject,
        l: *mut PyObject,
    ) -> *mut PyObject;
    /// [`PyRun_FileExFlags`] without flags.
    #[cfg(not(PyPy))]
    pub fn PyRun_FileEx(
        fp: *mut FILE,
        p: *const c_char,
        s: c_int,
        g: *mut PyObject,
        l: *mut PyObject,
        c: c_int,
    ) -> *mut PyObject;
    /// [`PyRun_FileExFlags`] without closing.
    #[cfg(not(PyPy))]
    pub fn PyRun_FileFlags(
        fp: *mut FILE,
        p: *const c_char,
        s: c_int,
        g: *mut PyObject,
        l: *mut PyObject,
        flags: *mut PyCompilerFlags,
    ) -> *mut PyObject;
    /// Reads a line with the readline hook.
    #[cfg(not(PyPy))]
    pub fn PyOS_Readline(stdin: *mut FILE, stdout: *mut FILE, prompt: *const c_char)
        -> *mut c_char;

    /// Hook called by the readline implementation to read a line.
    #[cfg(not(PyPy))]
    pub static mut PyOS_ReadlineFunctionPointer: Option<
        unsafe extern "C" fn(
            stdin: *mut FILE,
            stdout: *mut FILE,
            prompt: *const c_char,
        ) -> *mut c_char,
    >;
}

#[cfg(not(PyPy))]
/// Compiles `str` with compiler `flags` (a C macro over `Py_CompileStringExFlags`).
#[inline]
pub unsafe fn Py_CompileStringFlags(
    string: *const c_char,
    filename: *const c_char,
    start: c_int,
    flags: *mut PyCompilerFlags,
) -> *mut PyObject {
    Py_CompileStringExFlags(string, filename, start, flags, -1)
}

#[cfg(PyPy)]
extern "C" {
    /// Compiles `str` with compiler `flags` (an exported function on PyPy).
    #[link_name = "PyPy_CompileStringFlags"]
    pub fn Py_CompileStringFlags(
        string: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: *mut PyCompilerFlags,
    ) -> *mut PyObject;
}

/// Parses a string with the old parser (Python < 3.10; a C macro).
#[cfg(not(Py_3_10))]
#[inline]
pub unsafe fn PyParser_SimpleParseString(s: *const c_char, b: c_int) -> *mut _node {
    PyParser_SimpleParseStringFlags(s, b, 0)
}

/// Parses a file with the old parser (Python < 3.10; a C macro).
#[cfg(not(Py_3_10))]
#[inline]
pub unsafe fn PyParser_SimpleParseFile(fp: *mut FILE, s: *const c_char, b: c_int) -> *mut _node {
    PyParser_SimpleParseFileFlags(fp, s, b, 0)
}
