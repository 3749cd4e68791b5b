//! `string_sum`: an extension module written against `pyo3-ffi` alone, the way a C extension
//! would be written, to show (and test) that the raw layer stands on its own.
//!
//! It exports one function, `sum_as_string(a, b, /)`, which adds two 32-bit signed integers
//! and returns the decimal string of the sum. Bad input raises the same exceptions a C
//! extension built with `PyArg_ParseTuple(args, "ii", ...)` would.

use std::ffi::{c_char, c_int, c_long, CStr};
use std::ptr;

use pyo3_ffi::*;

const MODULE_NAME: &CStr = c"string_sum";
const FUNCTION_NAME: &CStr = c"sum_as_string";
const FUNCTION_DOC: &CStr = c"sum_as_string($module, a, b, /)\n--\n\n\
Add two 32-bit signed integers and return the sum as a string.";

/// `Py_mod_exec` slot: runs once per module object (multi-phase initialisation).
unsafe extern "C" fn string_sum_exec(module: *mut PyObject) -> c_int {
    let version = PyUnicode_FromString(c"0.1.0".as_ptr());
    if version.is_null() {
        return -1;
    }
    // PyModule_AddObjectRef does not steal the reference, on every supported version.
    let rc = PyModule_AddObjectRef(module, c"__version__".as_ptr(), version);
    Py_DECREF(version);
    rc
}

/// The function table. `static mut` because CPython takes `*mut PyMethodDef`; CPython never
/// writes to it and neither do we.
static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: FUNCTION_NAME.as_ptr(),
        ml_meth: PyMethodDefPointer {
            PyCFunctionFast: sum_as_string,
        },
        ml_flags: METH_FASTCALL,
        ml_doc: FUNCTION_DOC.as_ptr(),
    },
    PyMethodDef::zeroed(),
];

static mut SLOTS: [PyModuleDef_Slot; 4] = [
    PyModuleDef_Slot {
        slot: Py_mod_exec,
        value: string_sum_exec as *mut std::ffi::c_void,
    },
    #[cfg(Py_3_12)]
    PyModuleDef_Slot {
        slot: Py_mod_multiple_interpreters,
        value: Py_MOD_PER_INTERPRETER_GIL_SUPPORTED,
    },
    #[cfg(Py_3_13)]
    PyModuleDef_Slot {
        slot: Py_mod_gil,
        value: Py_MOD_GIL_NOT_USED,
    },
    #[cfg(not(Py_3_12))]
    PyModuleDef_Slot {
        slot: 0,
        value: ptr::null_mut(),
    },
    #[cfg(not(Py_3_13))]
    PyModuleDef_Slot {
        slot: 0,
        value: ptr::null_mut(),
    },
    PyModuleDef_Slot {
        slot: 0,
        value: ptr::null_mut(),
    },
];

static mut MODULE_DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: MODULE_NAME.as_ptr(),
    m_doc: c"Adds numbers and returns strings, using only pyo3-ffi.".as_ptr(),
    m_size: 0,
    m_methods: ptr::addr_of_mut!(METHODS) as *mut PyMethodDef,
    m_slots: ptr::addr_of_mut!(SLOTS) as *mut PyModuleDef_Slot,
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

/// Module entry point; with multi-phase initialisation it only hands CPython the definition.
///
/// # Safety
/// Called by CPython's import machinery, with the interpreter attached.
#[allow(non_snake_case)]
#[no_mangle]
pub unsafe extern "C" fn PyInit_string_sum() -> *mut PyObject {
    PyModuleDef_Init(ptr::addr_of_mut!(MODULE_DEF))
}

/// Converts argument number `index` (1-based, for the message) to an `i32`, raising as
/// CPython's `"i"` format unit does. Returns `None` with an exception set on failure.
unsafe fn arg_as_i32(obj: *mut PyObject, index: usize) -> Option<i32> {
    if PyLong_Check(obj) == 0 {
        // A C extension says "must be int, not <type>"; floats are rejected, not truncated.
        let type_name = CStr::from_ptr((*Py_TYPE(obj)).tp_name);
        raise_type_error(&format!(
            "sum_as_string() argument {index} must be int, not {}",
            type_name.to_string_lossy()
        ));
        return None;
    }
    let value: c_long = PyLong_AsLong(obj);
    if value == -1 && !PyErr_Occurred().is_null() {
        // OverflowError from PyLong_AsLong already carries the C message.
        return None;
    }
    match i32::try_from(value) {
        Ok(v) => Some(v),
        Err(_) => {
            let msg: &CStr = if value > 0 {
                c"signed integer is greater than maximum"
            } else {
                c"signed integer is less than minimum"
            };
            PyErr_SetString(PyExc_OverflowError, msg.as_ptr());
            None
        }
    }
}

unsafe fn raise_type_error(message: &str) {
    // Built via PyUnicode_FromStringAndSize so the message needs no NUL terminator.
    let text = PyUnicode_FromStringAndSize(
        message.as_ptr() as *const c_char,
        message.len() as Py_ssize_t,
    );
    if !text.is_null() {
        PyErr_SetObject(PyExc_TypeError, text);
        Py_DECREF(text);
    }
}

/// `METH_FASTCALL` implementation: `args` points at `nargs` borrowed references.
unsafe extern "C" fn sum_as_string(
    _module: *mut PyObject,
    args: *mut *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    if nargs != 2 {
        raise_type_error(&format!("sum_as_string expected 2 arguments, got {nargs}"));
        return ptr::null_mut();
    }
    let Some(a) = arg_as_i32(*args, 1) else {
        return ptr::null_mut();
    };
    let Some(b) = arg_as_i32(*args.add(1), 2) else {
        return ptr::null_mut();
    };
    match a.checked_add(b) {
        Some(sum) => {
            let text = sum.to_string();
            PyUnicode_FromStringAndSize(text.as_ptr() as *const c_char, text.len() as Py_ssize_t)
        }
        None => {
            PyErr_SetString(PyExc_OverflowError, c"arguments too large to add".as_ptr());
            ptr::null_mut()
        }
    }
}
