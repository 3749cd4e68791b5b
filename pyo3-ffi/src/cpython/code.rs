//! Code objects from `cpython/code.h`.
//!
//! The layout of `PyCodeObject` changes with every CPython release and is an implementation
//! detail, so it is exposed as an opaque type; use the accessor functions instead.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use std::ffi::{c_char, c_int, c_void};

/// A code object (opaque).
#[repr(C)]
pub struct PyCodeObject {
    _private: [u8; 0],
    _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

/// `co_flags`: uses fast locals.
pub const CO_OPTIMIZED: c_int = 0x0001;
/// `co_flags`: a new dict is created for locals.
pub const CO_NEWLOCALS: c_int = 0x0002;
/// `co_flags`: takes `*args`.
pub const CO_VARARGS: c_int = 0x0004;
/// `co_flags`: takes `**kwargs`.
pub const CO_VARKEYWORDS: c_int = 0x0008;
/// `co_flags`: nested function.
pub const CO_NESTED: c_int = 0x0010;
/// `co_flags`: generator function.
pub const CO_GENERATOR: c_int = 0x0020;
/// `co_flags`: no free or cell variables (CPython stopped setting it in 3.10; kept for code
/// written against older versions).
pub const CO_NOFREE: c_int = 0x0040;
/// `co_flags`: coroutine function.
pub const CO_COROUTINE: c_int = 0x0080;
/// `co_flags`: generator-based coroutine.
pub const CO_ITERABLE_COROUTINE: c_int = 0x0100;
/// `co_flags`: asynchronous generator function.
pub const CO_ASYNC_GENERATOR: c_int = 0x0200;
/// `__future__` flag: `division`.
pub const CO_FUTURE_DIVISION: c_int = 0x20000;
/// `__future__` flag: `absolute_import`.
pub const CO_FUTURE_ABSOLUTE_IMPORT: c_int = 0x40000;
/// `__future__` flag: `with_statement`.
pub const CO_FUTURE_WITH_STATEMENT: c_int = 0x80000;
/// `__future__` flag: `print_function`.
pub const CO_FUTURE_PRINT_FUNCTION: c_int = 0x100000;
/// `__future__` flag: `unicode_literals`.
pub const CO_FUTURE_UNICODE_LITERALS: c_int = 0x200000;
/// `__future__` flag: `barry_as_FLUFL`.
pub const CO_FUTURE_BARRY_AS_BDFL: c_int = 0x400000;
/// `__future__` flag: `generator_stop`.
pub const CO_FUTURE_GENERATOR_STOP: c_int = 0x800000;
/// `__future__` flag: `annotations`.
pub const CO_FUTURE_ANNOTATIONS: c_int = 0x1000000;

/// Maximum static block nesting within a function.
#[cfg(not(Py_3_13))]
pub const CO_MAXBLOCKS: usize = 20;
/// Maximum static block nesting within a function.
#[cfg(Py_3_13)]
pub const CO_MAXBLOCKS: usize = 21;

extern "C" {
    /// The `code` type.
    #[cfg(not(PyPy))]
    pub static mut PyCode_Type: PyTypeObject;
}

#[cfg(not(PyPy))]
/// Returns 1 if `op` is exactly a code object.
#[inline]
pub unsafe fn PyCode_Check(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyCode_Type)
}

/// Declares a pair of code-object constructors from one parameter list: `$new` takes `$first`
/// then the `$param`s, `$new_pos` also takes `posonlyargcount` after `$first` (as in C).
///
/// The `extern` form declares exported functions; the `inline` form defines wrappers that
/// forward to other functions (3.12 renamed the constructors to `PyUnstable_Code_New*` and
/// keeps the old names as inline functions). Writing each parameter list once keeps the
/// variants in step.
macro_rules! code_constructors {
    (
        $(#[$new_meta:meta])* $new:ident,
        $(#[$pos_meta:meta])* $new_pos:ident;
        extern;
        $first:ident: $first_ty:ty, $($param:ident: $ty:ty),* $(,)?
    ) => {
        extern "C" {
            $(#[$new_meta])*
            pub fn $new($first: $first_ty, $($param: $ty),*) -> *mut PyCodeObject;
            $(#[$pos_meta])*
            pub fn $new_pos(
                $first: $first_ty,
                posonlyargcount: c_int,
                $($param: $ty),*
            ) -> *mut PyCodeObject;
        }
    };
    (
        $(#[$new_meta:meta])* $new:ident => $new_target:ident,
        $(#[$pos_meta:meta])* $new_pos:ident => $pos_target:ident;
        inline;
        $first:ident: $first_ty:ty, $($param:ident: $ty:ty),* $(,)?
    ) => {
        $(#[$new_meta])*
        #[inline]
        #[allow(clippy::too_many_arguments)]
        pub unsafe fn $new($first: $first_ty, $($param: $ty),*) -> *mut PyCodeObject {
            $new_target($first, $($param),*)
        }

        $(#[$pos_meta])*
        #[inline]
        #[allow(clippy::too_many_arguments)]
        pub unsafe fn $new_pos(
            $first: $first_ty,
            posonlyargcount: c_int,
            $($param: $ty),*
        ) -> *mut PyCodeObject {
            $pos_target($first, posonlyargcount, $($param),*)
        }
    };
}

/// Invokes `code_constructors!` with the parameter list of CPython 3.11 and later.
#[cfg(Py_3_11)]
macro_rules! code_constructors_3_11 {
    ($($head:tt)*) => {
        code_constructors!(
            $($head)*
            argcount: c_int,
            kwonlyargcount: c_int,
            nlocals: c_int,
            stacksize: c_int,
            flags: c_int,
            code: *mut PyObject,
            consts: *mut PyObject,
            names: *mut PyObject,
            varnames: *mut PyObject,
            freevars: *mut PyObject,
            cellvars: *mut PyObject,
            filename: *mut PyObject,
            name: *mut PyObject,
            qualname: *mut PyObject,
            firstlineno: c_int,
            linetable: *mut PyObject,
            exceptiontable: *mut PyObject,
        );
    };
}

#[cfg(not(Py_3_11))]
code_constructors!(
    /// Creates a code object (signature of CPython 3.9 / 3.10).
    #[cfg_attr(PyPy, link_name = "PyPyCode_New")]
    PyCode_New,
    /// Creates a code object with positional-only arguments (CPython 3.9 / 3.10).
    PyCode_NewWithPosOnlyArgs;
    extern;
    argcount: c_int,
    kwonlyargcount: c_int,
    nlocals: c_int,
    stacksize: c_int,
    flags: c_int,
    code: *mut PyObject,
    consts: *mut PyObject,
    names: *mut PyObject,
    varnames: *mut PyObject,
    freevars: *mut PyObject,
    cellvars: *mut PyObject,
    filename: *mut PyObject,
    name: *mut PyObject,
    firstlineno: c_int,
    lnotab: *mut PyObject,
);

#[cfg(all(Py_3_11, not(Py_3_12)))]
code_constructors_3_11!(
    /// Creates a code object (signature of CPython 3.11).
    PyCode_New,
    /// Creates a code object with positional-only arguments (CPython 3.11).
    PyCode_NewWithPosOnlyArgs;
    extern;
);

#[cfg(Py_3_12)]
code_constructors_3_11!(
    /// Creates a code object (unstable API, CPython 3.12+).
    PyUnstable_Code_New,
    /// Creates a code object with positional-only arguments (unstable API, CPython 3.12+).
    PyUnstable_Code_NewWithPosOnlyArgs;
    extern;
);

#[cfg(Py_3_12)]
code_constructors_3_11!(
    /// Creates a code object; old name of [`PyUnstable_Code_New`].
    PyCode_New => PyUnstable_Code_New,
    /// Creates a code object with positional-only arguments; old name of
    /// [`PyUnstable_Code_NewWithPosOnlyArgs`].
    PyCode_NewWithPosOnlyArgs => PyUnstable_Code_NewWithPosOnlyArgs;
    inline;
);

extern "C" {
    /// Creates an empty code object with the given source location.
    #[cfg_attr(PyPy, link_name = "PyPyCode_NewEmpty")]
    pub fn PyCode_NewEmpty(
        filename: *const c_char,
        funcname: *const c_char,
        firstlineno: c_int,
    ) -> *mut PyCodeObject;
    /// Returns the line number of the bytecode offset `addr`.
    #[cfg_attr(PyPy, link_name = "PyPyCode_Addr2Line")]
    pub fn PyCode_Addr2Line(code: *mut PyCodeObject, addr: c_int) -> c_int;
    /// Returns the full source location of the bytecode offset `addr`.
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn PyCode_Addr2Location(
        code: *mut PyCodeObject,
        addr: c_int,
        start_line: *mut c_int,
        start_column: *mut c_int,
        end_line: *mut c_int,
        end_column: *mut c_int,
    ) -> c_int;
    /// Peephole optimizer hook (returns `code` unchanged in modern CPython).
    #[cfg(not(PyPy))]
    pub fn PyCode_Optimize(
        code: *mut PyObject,
        consts: *mut PyObject,
        names: *mut PyObject,
        lnotab: *mut PyObject,
    ) -> *mut PyObject;
    /// Equivalent to `code.co_code`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyCode_GetCode")]
    pub fn PyCode_GetCode(code: *mut PyCodeObject) -> *mut PyObject;
    /// Equivalent to `code.co_varnames`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyCode_GetVarnames")]
    pub fn PyCode_GetVarnames(code: *mut PyCodeObject) -> *mut PyObject;
    /// Equivalent to `code.co_cellvars`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyCode_GetCellvars")]
    pub fn PyCode_GetCellvars(code: *mut PyCodeObject) -> *mut PyObject;
    /// Equivalent to `code.co_freevars`.
    #[cfg(Py_3_11)]
    #[cfg_attr(PyPy, link_name = "PyPyCode_GetFreevars")]
    pub fn PyCode_GetFreevars(code: *mut PyCodeObject) -> *mut PyObject;
}

extern "C" {
    /// Reads the extra data slot `index` of a code object.
    #[cfg_attr(not(Py_3_12), link_name = "_PyCode_GetExtra")]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Code_GetExtra(
        code: *mut PyObject,
        index: Py_ssize_t,
        extra: *mut *mut c_void,
    ) -> c_int;
    /// Sets the extra data slot `index` of a code object.
    #[cfg_attr(not(Py_3_12), link_name = "_PyCode_SetExtra")]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Code_SetExtra(
        code: *mut PyObject,
        index: Py_ssize_t,
        extra: *mut c_void,
    ) -> c_int;
}

#[cfg(not(PyPy))]
/// Reads the extra data slot `index` of a code object (old name).
#[inline]
pub unsafe fn _PyCode_GetExtra(
    code: *mut PyObject,
    index: Py_ssize_t,
    extra: *mut *mut c_void,
) -> c_int {
    PyUnstable_Code_GetExtra(code, index, extra)
}

#[cfg(not(PyPy))]
/// Sets the extra data slot `index` of a code object (old name).
#[inline]
pub unsafe fn _PyCode_SetExtra(
    code: *mut PyObject,
    index: Py_ssize_t,
    extra: *mut c_void,
) -> c_int {
    PyUnstable_Code_SetExtra(code, index, extra)
}
