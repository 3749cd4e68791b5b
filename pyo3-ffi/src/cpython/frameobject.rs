//! Frame objects from `cpython/frameobject.h`.
//!
//! Before CPython 3.11 the frame struct was public; from 3.11 on it is opaque (see
//! `pyframe.h`, which provides accessor functions).

use crate::{PyCodeObject, PyFrameObject, PyObject, PyThreadState};
#[cfg(not(Py_3_11))]
use std::ffi::c_char;
use std::ffi::c_int;

/// A block-stack entry of a frame (CPython < 3.11).
#[cfg(not(Py_3_11))]
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyTryBlock {
    /// Block type (the opcode that pushed it).
    pub b_type: c_int,
    /// Where to jump to find the handler.
    pub b_handler: c_int,
    /// Value stack level to pop to.
    pub b_level: c_int,
}

/// Execution state of a frame (CPython 3.10).
#[cfg(all(Py_3_10, not(Py_3_11)))]
pub type PyFrameState = std::ffi::c_schar;

/// The frame object struct (CPython 3.9 / 3.10 layout).
#[cfg(all(not(Py_3_11), not(PyPy), not(GraalPy)))]
#[repr(C)]
pub struct _frame {
    /// Variable-size object header.
    pub ob_base: crate::PyVarObject,
    /// Previous frame, or NULL.
    pub f_back: *mut PyFrameObject,
    /// Code segment.
    pub f_code: *mut PyCodeObject,
    /// Builtins symbol table.
    pub f_builtins: *mut PyObject,
    /// Globals symbol table.
    pub f_globals: *mut PyObject,
    /// Locals symbol table (any mapping).
    pub f_locals: *mut PyObject,
    /// Points after the last local.
    pub f_valuestack: *mut *mut PyObject,
    /// Top of the value stack (3.9 only).
    #[cfg(not(Py_3_10))]
    pub f_stacktop: *mut *mut PyObject,
    /// Trace function.
    pub f_trace: *mut PyObject,
    /// Depth of the value stack (3.10).
    #[cfg(Py_3_10)]
    pub f_stackdepth: c_int,
    /// Emit per-line trace events.
    pub f_trace_lines: c_char,
    /// Emit per-opcode trace events.
    pub f_trace_opcodes: c_char,
    /// Borrowed reference to a generator, or NULL.
    pub f_gen: *mut PyObject,
    /// Last instruction if called.
    pub f_lasti: c_int,
    /// Current line number (only valid while tracing).
    pub f_lineno: c_int,
    /// Index in `f_blockstack`.
    pub f_iblock: c_int,
    /// Whether the frame is still executing (3.9).
    #[cfg(not(Py_3_10))]
    pub f_executing: c_char,
    /// Execution state (3.10).
    #[cfg(Py_3_10)]
    pub f_state: PyFrameState,
    /// Block stack for try and loop blocks.
    pub f_blockstack: [PyTryBlock; crate::CO_MAXBLOCKS],
    /// Locals + stack, dynamically sized.
    pub f_localsplus: [*mut PyObject; 1],
}

extern "C" {
    /// Creates a new frame object.
    #[cfg_attr(PyPy, link_name = "PyPyFrame_New")]
    pub fn PyFrame_New(
        tstate: *mut PyThreadState,
        code: *mut PyCodeObject,
        globals: *mut PyObject,
        locals: *mut PyObject,
    ) -> *mut PyFrameObject;
    /// Pushes a block on the frame's block stack (CPython < 3.11).
    #[cfg(not(Py_3_11))]
    pub fn PyFrame_BlockSetup(f: *mut PyFrameObject, _type: c_int, handler: c_int, level: c_int);
    /// Pops a block from the frame's block stack (CPython < 3.11).
    #[cfg(not(Py_3_11))]
    pub fn PyFrame_BlockPop(f: *mut PyFrameObject) -> *mut PyTryBlock;
    /// Copies `f_locals` back into the fast locals.
    #[cfg(not(PyPy))]
    pub fn PyFrame_LocalsToFast(f: *mut PyFrameObject, clear: c_int);
    /// Copies the fast locals into `f_locals`, returning -1 on error.
    #[cfg(not(PyPy))]
    pub fn PyFrame_FastToLocalsWithError(f: *mut PyFrameObject) -> c_int;
    /// Copies the fast locals into `f_locals`.
    #[cfg(not(PyPy))]
    pub fn PyFrame_FastToLocals(f: *mut PyFrameObject);
}

/// Frame-locals proxy object (`frame.f_locals` of optimized frames, CPython 3.13+).
#[cfg(Py_3_13)]
#[repr(C)]
pub struct PyFrameLocalsProxyObject {
    /// Object header.
    pub ob_base: PyObject,
    /// The frame whose locals are proxied.
    pub frame: *mut PyFrameObject,
}
